// The GPU probe as a host sees it, through the C ABI and the C++ facade: NULL and struct-size
// checks, option checks, and a clean answer (status OK, a reason, the software half filled in) on
// a machine without a usable CUDA device.
#include <gtest/gtest.h>

#include <cstring>
#include <memory>
#include <string>

#include <nlohmann/json.hpp>
#include <opencv2/core/version.hpp>

#include "drawlens/drawlens.h"
#include "drawlens/drawlens.hpp"

namespace {

struct ProbeDeleter {
  void operator()(drawlens_gpu_probe* p) const { drawlens_gpu_probe_free(p); }
};
using ProbePtr = std::unique_ptr<drawlens_gpu_probe, ProbeDeleter>;

ProbePtr make_probe() {
  drawlens_gpu_probe* probe = nullptr;
  EXPECT_EQ(drawlens_gpu_probe_create(nullptr, &probe), DRAWLENS_OK) << drawlens_last_error();
  return ProbePtr(probe);
}

drawlens_gpu_summary summary_of(const drawlens_gpu_probe* probe) {
  drawlens_gpu_summary s{};
  s.struct_size = sizeof s;
  EXPECT_EQ(drawlens_gpu_probe_summary(probe, &s), DRAWLENS_OK) << drawlens_last_error();
  return s;
}

bool mentions(const char* needle) {
  return std::strstr(drawlens_last_error(), needle) != nullptr;
}

TEST(GpuProbeCApi, NullArgumentsAreRefused) {
  drawlens_gpu_probe_free(nullptr);
  (drawlens_gpu_probe_options_default)(nullptr);
  drawlens_gpu_probe_options_default_sized(nullptr, sizeof(drawlens_gpu_probe_options));
  EXPECT_EQ(drawlens_gpu_probe_create(nullptr, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("out is NULL"));
  drawlens_gpu_summary summary{};
  summary.struct_size = sizeof summary;
  EXPECT_EQ(drawlens_gpu_probe_summary(nullptr, &summary), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("probe is NULL"));
  const ProbePtr probe = make_probe();
  EXPECT_EQ(drawlens_gpu_probe_summary(probe.get(), nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_gpu_probe_device(probe.get(), 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_gpu_probe_component(probe.get(), 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_gpu_probe_plan(probe.get(), nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_gpu_probe_stage(probe.get(), 0, nullptr), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_gpu_probe_json(probe.get(), nullptr), DRAWLENS_INVALID_ARGUMENT);
  const char* json = nullptr;
  EXPECT_EQ(drawlens_gpu_probe_json(nullptr, &json), DRAWLENS_INVALID_ARGUMENT);
}

TEST(GpuProbeCApi, StructSizesAreChecked) {
  drawlens_gpu_probe_options options;
  drawlens_gpu_probe_options_default(&options);
  options.struct_size = 8;
  drawlens_gpu_probe* probe = nullptr;
  EXPECT_EQ(drawlens_gpu_probe_create(&options, &probe), DRAWLENS_ABI_MISMATCH);
  EXPECT_EQ(probe, nullptr);
  const ProbePtr made = make_probe();
  drawlens_gpu_summary summary{};
  summary.struct_size = sizeof summary - 1;
  EXPECT_EQ(drawlens_gpu_probe_summary(made.get(), &summary), DRAWLENS_ABI_MISMATCH);
  drawlens_gpu_plan plan{};
  plan.struct_size = 0;
  EXPECT_EQ(drawlens_gpu_probe_plan(made.get(), &plan), DRAWLENS_ABI_MISMATCH);
}

TEST(GpuProbeCApi, OptionsAreChecked) {
  drawlens_gpu_probe_options options;
  drawlens_gpu_probe_options_default(&options);
  EXPECT_EQ(options.measure, 0);
  EXPECT_DOUBLE_EQ(options.safety_margin, 0.2);
  drawlens_gpu_probe* probe = nullptr;
  options.measure = 2;
  EXPECT_EQ(drawlens_gpu_probe_create(&options, &probe), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("measure"));
  drawlens_gpu_probe_options_default(&options);
  options.safety_margin = 1.5;
  EXPECT_EQ(drawlens_gpu_probe_create(&options, &probe), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("safety_margin"));
  drawlens_gpu_probe_options_default(&options);
  options.energy_seconds = 0;
  EXPECT_EQ(drawlens_gpu_probe_create(&options, &probe), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(probe, nullptr);
}

TEST(GpuProbeCApi, IndexesAreChecked) {
  const ProbePtr probe = make_probe();
  const drawlens_gpu_summary s = summary_of(probe.get());
  drawlens_gpu_device device{};
  device.struct_size = sizeof device;
  EXPECT_EQ(drawlens_gpu_probe_device(probe.get(), s.device_count, &device), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("out of range"));
  drawlens_gpu_component component{};
  component.struct_size = sizeof component;
  EXPECT_EQ(drawlens_gpu_probe_component(probe.get(), s.component_count, &component), DRAWLENS_INVALID_ARGUMENT);
}

TEST(GpuProbeCApi, SoftwareHalfIsFilledIn) {
  const ProbePtr probe = make_probe();
  const drawlens_gpu_summary s = summary_of(probe.get());
  ASSERT_GE(s.component_count, 6u);
  drawlens_gpu_component opencv{};
  opencv.struct_size = sizeof opencv;
  ASSERT_EQ(drawlens_gpu_probe_component(probe.get(), 0, &opencv), DRAWLENS_OK);
  EXPECT_STREQ(opencv.name, "OpenCV");
  EXPECT_STREQ(opencv.version, CV_VERSION);
  EXPECT_EQ(opencv.linked, 1);
  for (std::size_t i = 1; i < s.component_count; ++i) {
    drawlens_gpu_component c{};
    c.struct_size = sizeof c;
    ASSERT_EQ(drawlens_gpu_probe_component(probe.get(), i, &c), DRAWLENS_OK);
    if (std::strcmp(c.name, "LibTorch") == 0) {
      EXPECT_EQ(c.linked, 0) << "LibTorch is not linked yet; the probe must not claim it";
      EXPECT_NE(std::strstr(c.note, "CUDA availability unknown"), nullptr) << c.note;
    }
  }
  EXPECT_EQ(s.libtorch_cuda, -1);
}

TEST(GpuProbeCApi, MachineWithoutGpuIsAnAnswer) {
  drawlens_gpu_probe_options options;
  drawlens_gpu_probe_options_default(&options);
  options.measure = 1;
  drawlens_gpu_probe* raw = nullptr;
  ASSERT_EQ(drawlens_gpu_probe_create(&options, &raw), DRAWLENS_OK) << drawlens_last_error();
  const ProbePtr probe(raw);
  const drawlens_gpu_summary s = summary_of(probe.get());
  if (s.usable_device_count > 0) GTEST_SKIP() << "this machine has a CUDA device";
  EXPECT_EQ(std::strncmp(s.reason, "no CUDA device: ", 16), 0) << s.reason;
  EXPECT_NE(std::strstr(s.verdict, "CPU"), nullptr) << s.verdict;
  drawlens_gpu_plan plan{};
  plan.struct_size = sizeof plan;
  ASSERT_EQ(drawlens_gpu_probe_plan(probe.get(), &plan), DRAWLENS_OK);
  EXPECT_EQ(plan.measured, 0);
  EXPECT_STREQ(plan.status, s.reason);
  EXPECT_EQ(plan.stage_count, 0u);
  EXPECT_EQ(plan.free_bytes, -1);
  EXPECT_EQ(plan.joules_per_page, -1);
}

TEST(GpuProbeCApi, JsonMatchesTypedView) {
  const ProbePtr probe = make_probe();
  const drawlens_gpu_summary s = summary_of(probe.get());
  const char* text = nullptr;
  ASSERT_EQ(drawlens_gpu_probe_json(probe.get(), &text), DRAWLENS_OK);
  const nlohmann::json json = nlohmann::json::parse(text);
  EXPECT_EQ(json["schema"], "drawlens.gpu/1");
  EXPECT_EQ(json["devices"].size(), s.device_count);
  EXPECT_EQ(json["usable_devices"], s.usable_device_count);
  EXPECT_EQ(json["verdict"], s.verdict);
  EXPECT_EQ(json["software"].size(), s.component_count);
  EXPECT_TRUE(json["libtorch_cuda"].is_null());
}

TEST(GpuProbeFacade, ValuesMirrorTheCApi) {
  const drawlens::GpuProbe probe;
  const drawlens::GpuSummary summary = probe.summary();
  EXPECT_EQ(probe.devices().size(), summary.device_count);
  EXPECT_EQ(probe.components().front().name, "OpenCV");
  EXPECT_FALSE(summary.libtorch_cuda.has_value());
  EXPECT_FALSE(probe.plan().measured);  // not asked to measure
  EXPECT_EQ(nlohmann::json::parse(probe.json())["verdict"], summary.verdict);
  if (summary.usable_device_count == 0) {
    EXPECT_EQ(summary.reason.rfind("no CUDA device: ", 0), 0u);
  }
}

TEST(GpuProbeFacade, BadOptionsThrow) {
  drawlens::GpuProbeOptions options;
  options.energy_seconds = 1000;
  try {
    drawlens::GpuProbe probe(options);
    FAIL() << "expected drawlens::Error";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.status(), DRAWLENS_INVALID_ARGUMENT);
    EXPECT_NE(std::string(e.what()).find("energy_seconds"), std::string::npos);
  }
}

}  // namespace
