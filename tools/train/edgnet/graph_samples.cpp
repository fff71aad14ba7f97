// Generated drawings as labelled graphs, with the on-disk cache (graph_samples.h).
#include "graph_samples.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "prepare/prepare.h"
#include "synth.h"

namespace drawlens::train {
namespace {

constexpr std::uint32_t kCacheMagic = 0x45444731;  // "EDG1"

template <typename T>
void write_vector(std::ofstream& out, const std::vector<T>& v) {
  const std::uint64_t n = v.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

template <typename T>
bool read_vector(std::ifstream& in, std::vector<T>& v) {
  std::uint64_t n = 0;
  if (!in.read(reinterpret_cast<char*>(&n), sizeof n) || n > (1ull << 32)) return false;
  v.resize(n);
  return static_cast<bool>(in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}

void save(const GraphSample& s, const std::string& path) {
  const std::string partial = path + ".partial";
  {
    std::ofstream out(partial, std::ios::binary);
    out.write(reinterpret_cast<const char*>(&kCacheMagic), sizeof kCacheMagic);
    const std::int64_t nodes = s.graph.nodes;
    out.write(reinterpret_cast<const char*>(&nodes), sizeof nodes);
    write_vector(out, s.graph.features);
    write_vector(out, s.graph.source);
    write_vector(out, s.graph.target);
    write_vector(out, s.labels);
    if (!out) throw std::runtime_error("cannot write " + partial);
  }
  std::filesystem::rename(partial, path);
}

bool load(const std::string& path, GraphSample& s) {
  std::ifstream in(path, std::ios::binary);
  std::uint32_t magic = 0;
  std::int64_t nodes = 0;
  if (!in.read(reinterpret_cast<char*>(&magic), sizeof magic) || magic != kCacheMagic) return false;
  if (!in.read(reinterpret_cast<char*>(&nodes), sizeof nodes)) return false;
  s.graph.nodes = static_cast<int>(nodes);
  return read_vector(in, s.graph.features) && read_vector(in, s.graph.source) && read_vector(in, s.graph.target) &&
         read_vector(in, s.labels) &&
         s.graph.features.size() == static_cast<std::size_t>(nodes) * segment::kFeatureCount;
}

}  // namespace

GraphSample make_graph_sample(std::uint64_t seed, int index) {
  std::mt19937_64 rng(seed * 0x9E3779B97F4A7C15ull + static_cast<std::uint64_t>(index));
  std::uniform_real_distribution<double> u(0, 1);
  synth::DrawingOptions o;
  o.seed = seed;
  const int dpis[] = {150, 200, 250, 300};
  o.dpi = dpis[rng() % 4];
  o.style = u(rng) < 0.3 ? synth::SheetStyle::asme : synth::SheetStyle::iso;
  const double d = u(rng);
  o.degradation = d < 0.4 ? synth::Degradation::none : d < 0.8 ? synth::Degradation::scan : synth::Degradation::heavy;
  o.outputs = synth::parse_output_list("png,json,mask");
  const auto drawing = synth::generate_drawing(o, index);
  cv::Mat gray = cv::imdecode(drawing.png, cv::IMREAD_GRAYSCALE);
  cv::Mat mask = cv::imdecode(drawing.mask, cv::IMREAD_GRAYSCALE);
  if (gray.empty() || mask.empty() || gray.size() != mask.size())
    throw std::runtime_error("generated drawing " + std::to_string(index) + " did not decode");
  // A quarter of the pages turned by a quarter turn either way: vertical sheets and scans fed sideways.
  const double turn = u(rng);
  if (turn < 0.125) {
    cv::rotate(gray, gray, cv::ROTATE_90_CLOCKWISE);
    cv::rotate(mask, mask, cv::ROTATE_90_CLOCKWISE);
  } else if (turn < 0.25) {
    cv::rotate(gray, gray, cv::ROTATE_90_COUNTERCLOCKWISE);
    cv::rotate(mask, mask, cv::ROTATE_90_COUNTERCLOCKWISE);
  }
  const prepare::PreparedPage prepared = prepare::prepare_page(gray, o.dpi);
  auto vectorized = segment::vectorize(prepared.ink, o.dpi);
  if (!vectorized) throw std::runtime_error("drawing " + std::to_string(index) + ": " + vectorized.error().message);
  GraphSample sample;
  sample.graph = segment::build_graph(vectorized.value());
  for (int label : segment::primitive_labels(vectorized.value(), mask)) sample.labels.push_back(label);
  return sample;
}

std::vector<GraphSample> graph_samples(std::uint64_t seed, int first, int count, const std::string& cache_directory,
                                       int threads) {
  std::filesystem::create_directories(cache_directory);
  std::vector<GraphSample> samples(static_cast<std::size_t>(count));
  std::atomic<int> next{0}, done{0};
  std::mutex failure_mutex;
  std::string failure;
  auto work = [&] {
    for (int k = next++; k < count; k = next++) {
      const int index = first + k;
      const std::string path = cache_directory + "/" + std::to_string(seed) + "-" + std::to_string(index) + ".graph";
      try {
        if (!load(path, samples[k])) {
          samples[k] = make_graph_sample(seed, index);
          save(samples[k], path);
        }
      } catch (const std::exception& e) {
        const std::lock_guard<std::mutex> lock(failure_mutex);
        failure = e.what();
        return;
      }
      const int finished = ++done;
      if (finished % 10 == 0 || finished == count)
        std::cerr << "  graphs of series " << seed << ": " << finished << "/" << count << "\n";
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < std::max(1, threads); ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  if (!failure.empty()) throw std::runtime_error(failure);
  return samples;
}

}  // namespace drawlens::train
