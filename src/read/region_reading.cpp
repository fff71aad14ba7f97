// Reading the detector's regions (read.h): upright crops, one batch per reader.
#include <cmath>
#include <utility>

#include "core/upright_crop.h"
#include "read/read.h"

namespace drawlens::read {
namespace {

annotate::TextSource text_source(ocr::ReadingSource source) {
  return source == ocr::ReadingSource::tesseract ? annotate::TextSource::tesseract : annotate::TextSource::recognizer;
}

}  // namespace

ocr::ReadMode read_mode(detect::Category category) {
  return category == detect::Category::note ? ocr::ReadMode::tesseract : ocr::ReadMode::recognizer;
}

Result<std::vector<RegionReading>> read_regions(const ocr::Engine& engine, const cv::Mat& page, double dpi,
                                                const std::vector<detect::Detection>& regions) {
  if (page.empty() || page.type() != CV_8UC1) {
    return Error{Status::invalid_argument, "read_regions: the page must be a non-empty 8-bit gray image"};
  }
  if (!(dpi >= 10 && dpi <= 4800)) {
    return Error{Status::invalid_argument, "read_regions: dpi " + std::to_string(dpi) + " is outside 10..4800"};
  }
  std::vector<RegionReading> out(regions.size());
  for (const ocr::ReadMode mode : {ocr::ReadMode::recognizer, ocr::ReadMode::tesseract}) {
    std::vector<cv::Mat> crops;
    std::vector<std::size_t> owners;
    for (std::size_t i = 0; i < regions.size(); ++i) {
      out[i].region = regions[i];
      if (read_mode(regions[i].category) != mode) continue;
      cv::Mat crop = upright_crop(page, detect::corners(regions[i].box));
      if (crop.empty()) continue;  // no size: nothing to read, confidence 0
      crops.push_back(std::move(crop));
      owners.push_back(i);
    }
    if (crops.empty()) continue;
    auto readings = engine.read(crops, mode, dpi);
    if (!readings) return readings.error();
    for (std::size_t k = 0; k < owners.size(); ++k) {
      ocr::Reading& reading = readings.value()[k];
      RegionReading& target = out[owners[k]];
      target.text = std::move(reading.text);
      target.confidence = reading.confidence;
      target.source = text_source(reading.source);
    }
  }
  unify_decimal_signs(out);
  return out;
}

}  // namespace drawlens::read
