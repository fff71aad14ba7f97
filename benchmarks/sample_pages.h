// The bundled sample drawing as benchmark input: its PDF bytes, its page re-encoded in every raster
// format, and an A3 page made of it, each made once per process.
#pragma once

#include <cstdint>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "load/load.h"

namespace drawlens::bench {

using Bytes = std::vector<std::uint8_t>;

inline const Bytes& sample_pdf() {
  static const Bytes bytes = [] {
    std::ifstream in(DRAWLENS_SAMPLE, std::ios::binary);
    return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }();
  return bytes;
}

// The sample rendered at 300 dpi (A4, 2480x3508).
inline const cv::Mat& sample_page() {
  static const cv::Mat page = [] {
    auto doc = load::load_memory(sample_pdf().data(), sample_pdf().size(), {});
    return doc.ok() ? doc.value().pages[0].gray : cv::Mat();
  }();
  return page;
}

// An A3 300-dpi page (4960x3508, landscape): the sample twice, side by side.
inline const cv::Mat& a3_page() {
  static const cv::Mat page = [] {
    cv::Mat a3;
    cv::hconcat(sample_page(), sample_page(), a3);
    return a3;
  }();
  return page;
}

inline const Bytes& sample_encoded(const std::string& ext) {
  static std::map<std::string, Bytes> cache;
  auto it = cache.find(ext);
  if (it == cache.end()) {
    Bytes bytes;
    cv::imencode(ext, sample_page(), bytes);
    it = cache.emplace(ext, std::move(bytes)).first;
  }
  return it->second;
}

}  // namespace drawlens::bench
