// measure_stages: the image preparation chain on a synthetic A3 300-dpi drawing, once for its peak
// device memory, then repeated for time and energy per page while a thread samples NVML power.
#include "pipeline/stage_measurement.h"

#include <atomic>
#include <chrono>
#include <thread>
#include <utility>

#include <opencv2/imgproc.hpp>

#include "prepare/prepare.h"

namespace drawlens {
namespace {

using gpu::EnergyMeasurement;
using gpu::NvmlLibrary;
using gpu::StageMeasurements;

using Clock = std::chrono::steady_clock;

// A3 landscape at 300 dpi: 420 x 297 mm.
constexpr int kA3Width = 4960;
constexpr int kA3Height = 3508;
// NVML refreshes power readings every few to 100 ms depending on the GPU; 10 ms misses none.
constexpr auto kSamplePeriod = std::chrono::milliseconds(10);

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Frame, rulings and rows of dimension-like text: about as much ink as a busy drawing, which is
// what the skew search's cost depends on.
cv::Mat measurement_page() {
  cv::Mat page(kA3Height, kA3Width, CV_8UC1, cv::Scalar(255));
  const int margin = 120;
  cv::rectangle(page, cv::Rect(margin, margin, kA3Width - 2 * margin, kA3Height - 2 * margin), 0, 5);
  int row = 0;
  for (int y = margin + 80; y < kA3Height - margin; y += 60, ++row) {
    if (row % 8 == 7) {
      cv::line(page, {margin, y - 25}, {kA3Width - margin, y - 25}, 0, 3);
      continue;
    }
    for (int x = margin + 40; x < kA3Width - margin - 500; x += 560) {
      cv::putText(page, "DIA 12.5 H7  R4  45 DEG", {x, y}, cv::FONT_HERSHEY_SIMPLEX, 1.0, 0, 2);
    }
  }
  return page;
}

struct PowerTrace {
  double joules = 0;
  double seconds = 0;
};

// Samples a device's power on its own thread and integrates it (trapezoids) until finish().
class PowerSampler {
 public:
  PowerSampler(const NvmlLibrary& nvml, unsigned index) : thread_([this, &nvml, index] { sample(nvml, index); }) {}
  PowerSampler(const PowerSampler&) = delete;
  PowerSampler& operator=(const PowerSampler&) = delete;
  ~PowerSampler() { finish(); }

  // The trace so far, or nullopt with fewer than two readings.
  std::optional<PowerTrace> finish() {
    running_ = false;
    if (thread_.joinable()) thread_.join();
    if (readings_ < 2) return std::nullopt;
    return trace_;
  }

 private:
  void sample(const NvmlLibrary& nvml, unsigned index) {
    Clock::time_point last_time;
    double last_watts = 0;
    while (running_) {
      const std::optional<double> watts = nvml.power_watts(index);
      const Clock::time_point now = Clock::now();
      if (watts) {
        if (readings_ > 0) {
          const double dt = std::chrono::duration<double>(now - last_time).count();
          trace_.joules += 0.5 * (last_watts + *watts) * dt;
          trace_.seconds += dt;
        }
        ++readings_;
        last_time = now;
        last_watts = *watts;
      }
      std::this_thread::sleep_for(kSamplePeriod);
    }
  }

  std::atomic<bool> running_{true};
  int readings_ = 0;
  PowerTrace trace_;
  std::thread thread_;  // last: starts after the members it writes are initialised
};

Result<EnergyMeasurement> run_energy_batch(prepare::GpuWorkspace& workspace, const cv::Mat& page,
                                           const NvmlLibrary* nvml, unsigned nvml_index, double seconds) {
  EnergyMeasurement energy;
  std::optional<PowerSampler> sampler;
  if (nvml != nullptr) sampler.emplace(*nvml, nvml_index);
  const Clock::time_point start = Clock::now();
  do {
    if (auto prepared = workspace.run_chain(page, {}); !prepared) return prepared.error();
    ++energy.pages;
  } while (seconds_since(start) < seconds);
  energy.seconds = seconds_since(start);
  const std::optional<PowerTrace> trace = sampler ? sampler->finish() : std::nullopt;
  if (trace && trace->seconds > 0) {
    energy.mean_watts = trace->joules / trace->seconds;
    energy.joules = *energy.mean_watts * energy.seconds;
  } else {
    energy.note = nvml != nullptr ? "NVML gave fewer than two power readings" : "NVML not loaded";
  }
  return energy;
}

}  // namespace

Result<StageMeasurements> measure_stages(int cuda_ordinal, const NvmlLibrary* nvml, unsigned nvml_index,
                                         double energy_seconds) {
  auto created = prepare::GpuWorkspace::create(cuda_ordinal);
  if (!created) return created.error();
  prepare::GpuWorkspace& workspace = created.value();
  const cv::Mat page = measurement_page();
  if (auto first = workspace.run_chain(page, {}); !first) return first.error();
  StageMeasurements out;
  out.needs.push_back({"prepare", "image preparation (gray, CLAHE, median, Sauvola, skew) of an A3 300-dpi page",
                       static_cast<std::uint64_t>(workspace.peak_device_bytes())});
  auto energy = run_energy_batch(workspace, page, nvml, nvml_index, energy_seconds);
  if (!energy) return energy.error();
  out.energy = std::move(energy).value();
  return out;
}

}  // namespace drawlens
