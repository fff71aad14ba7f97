// Reading the detector's regions (read.h): upright crops, one batch per reader.
#include <algorithm>
#include <cmath>
#include <utility>

#include "core/upright_crop.h"
#include "parse/parse.h"
#include "read/read.h"

namespace drawlens::read {
namespace {

annotate::TextSource text_source(ocr::ReadingSource source) {
  return source == ocr::ReadingSource::tesseract ? annotate::TextSource::tesseract : annotate::TextSource::recognizer;
}

// Whether the parser takes `text` as an annotation (a dimension, frame, surface texture or general
// tolerance) rather than as a note.
bool annotation(const std::string& text) {
  if (text.empty()) return false;
  const auto reading = parse::read_annotation(text);
  return reading && reading.value().kind() != parse::AnnotationKind::note;
}

// A short reading with a digit in it: what Tesseract makes of a callout (`4 x CHANFER 0,2`,
// `Ø3,99 0.072`), not of prose or of a sheet's zone letters.
bool callout_like(const std::string& text) {
  constexpr std::size_t kMaxCalloutBytes = 32;
  return text.size() <= kMaxCalloutBytes &&
         std::any_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

RegionReading note_reading(RegionReading tesseract, RegionReading recognizer) {
  if (!callout_like(tesseract.text) || annotation(tesseract.text) || !annotation(recognizer.text)) return tesseract;
  recognizer.region = tesseract.region;
  return recognizer;
}

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
  // Note regions are read by the recognizer as well (note_reading, read.h).
  std::vector<RegionReading> out(regions.size());
  std::vector<RegionReading> recognized_notes(regions.size());
  for (const ocr::ReadMode mode : {ocr::ReadMode::recognizer, ocr::ReadMode::tesseract}) {
    std::vector<cv::Mat> crops;
    std::vector<std::size_t> owners;
    for (std::size_t i = 0; i < regions.size(); ++i) {
      out[i].region = regions[i];
      // The recognizer reads every region, Tesseract the notes.
      if (mode == ocr::ReadMode::tesseract && read_mode(regions[i].category) != mode) continue;
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
      const bool note = read_mode(regions[owners[k]].category) == ocr::ReadMode::tesseract;
      RegionReading& target = note && mode == ocr::ReadMode::recognizer ? recognized_notes[owners[k]] : out[owners[k]];
      target.text = std::move(reading.text);
      target.confidence = reading.confidence;
      target.source = text_source(reading.source);
    }
  }
  for (std::size_t i = 0; i < regions.size(); ++i)
    if (read_mode(regions[i].category) == ocr::ReadMode::tesseract)
      out[i] = note_reading(std::move(out[i]), std::move(recognized_notes[i]));
  unify_decimal_signs(out);
  return out;
}

}  // namespace drawlens::read
