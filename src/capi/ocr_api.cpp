// C entry points of the OCR engine on its own: options, creation from the models directory,
// reading caller crops, and the owned readings with their characters and words.
#include <memory>
#include <string>

#include "capi/enum_bits.h"
#include "capi/guard.h"
#include "capi/handles.h"
#include "load/load.h"
#include "model/model.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::out_of_range;
using drawlens::capi::write_out_struct;
using drawlens::capi::zeroed_struct;
namespace ocr = drawlens::ocr;

constexpr const char* kDefaultLanguages = "eng+deu";

drawlens_ocr_options default_ocr_options() {
  auto options = zeroed_struct<drawlens_ocr_options>();
  const ocr::EngineOptions defaults;
  options.model_directory = nullptr;
  options.threads = defaults.recognizer.threads;
  options.cuda_device = defaults.recognizer.cuda_device;
  options.beam_width = 1;
  options.tesseract_languages = nullptr;
  options.tesseract_below = defaults.tesseract_below;
  return options;
}

drawlens_status failed(const char* fn, const drawlens::Error& e) {
  return fail(static_cast<drawlens_status>(e.status), std::string(fn) + ": " + e.message);
}

}  // namespace

extern "C" {

DRAWLENS_API void drawlens_ocr_options_default_sized(drawlens_ocr_options* options, size_t size) {
  drawlens::capi::write_defaults(default_ocr_options(), options, size);
}

DRAWLENS_API drawlens_status drawlens_ocr_engine_create(const drawlens_ocr_options* options,
                                                        drawlens_ocr_engine** out) {
  return guard("drawlens_ocr_engine_create", [&] {
    const char* fn = "drawlens_ocr_engine_create";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    *out = nullptr;
    drawlens_ocr_options o = default_ocr_options();
    if ((status = drawlens::capi::read_in(options, fn, "options", o)) != DRAWLENS_OK) return status;
    if (o.beam_width < 1 || o.beam_width > 64)
      return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": beam_width must be 1..64");
    ocr::EngineOptions effective;
    effective.recognizer.threads = o.threads;
    effective.recognizer.cuda_device = o.cuda_device;
    effective.recognizer.decoding = o.beam_width > 1 ? ocr::Decoding::beam : ocr::Decoding::greedy;
    effective.recognizer.beam_width = o.beam_width;
    effective.tesseract_languages = o.tesseract_languages ? o.tesseract_languages : kDefaultLanguages;
    effective.tesseract_below = o.tesseract_below;
    auto directory = drawlens::model::find_models_directory(o.model_directory ? o.model_directory : "");
    if (!directory) return failed(fn, directory.error());
    auto engine = ocr::Engine::create(directory.value(), effective);
    if (!engine) return failed(fn, engine.error());
    *out = std::make_unique<drawlens_ocr_engine>(drawlens_ocr_engine{std::move(engine).value()}).release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_ocr_engine_free(drawlens_ocr_engine* engine) {
  delete engine;
}

DRAWLENS_API drawlens_status drawlens_ocr_read(const drawlens_ocr_engine* engine, const drawlens_crop* crops,
                                               size_t count, drawlens_ocr_mode mode, double dpi,
                                               drawlens_reading** out) {
  return guard("drawlens_ocr_read", [&] {
    const char* fn = "drawlens_ocr_read";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(out, fn, "out", status)) return status;
    for (size_t i = 0; i < count; ++i) out[i] = nullptr;
    if (is_null(engine, fn, "engine", status) || (count > 0 && is_null(crops, fn, "crops", status))) return status;
    const long long m = drawlens::capi::bits_of(mode);  // any bit pattern a C caller passes
    if (m < DRAWLENS_OCR_AUTO || m > DRAWLENS_OCR_TESSERACT)
      return fail(DRAWLENS_INVALID_ARGUMENT,
                  std::string(fn) + ": mode " + std::to_string(m) + " is not a drawlens_ocr_mode");
    if (!(dpi >= 10 && dpi <= 4800)) return fail(DRAWLENS_INVALID_ARGUMENT, std::string(fn) + ": dpi must be 10..4800");
    std::vector<cv::Mat> grays;
    grays.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const drawlens_crop& c = crops[i];
      const std::string which = std::string(fn) + ": crop " + std::to_string(i);
      if (c.pixels == nullptr) return fail(DRAWLENS_INVALID_ARGUMENT, which + ": pixels is NULL");
      auto page = drawlens::load::load_pixels(static_cast<const std::uint8_t*>(c.pixels), c.width, c.height,
                                              static_cast<drawlens::load::PixelFormat>(c.format), c.stride, dpi, {});
      if (!page) return fail(static_cast<drawlens_status>(page.error().status), which + ": " + page.error().message);
      grays.push_back(page.value().pages.front().gray);
    }
    auto readings = engine->engine.read(grays, static_cast<ocr::ReadMode>(m), dpi);
    if (!readings) return failed(fn, readings.error());
    std::vector<std::unique_ptr<drawlens_reading>> owned;
    owned.reserve(count);
    for (auto& reading : readings.value())
      owned.push_back(std::make_unique<drawlens_reading>(drawlens_reading{std::move(reading)}));
    for (size_t i = 0; i < count; ++i) out[i] = owned[i].release();
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_reading_get_info(const drawlens_reading* reading, drawlens_reading_info* out) {
  return guard("drawlens_reading_get_info", [&] {
    const char* fn = "drawlens_reading_get_info";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(reading, fn, "reading", status) || bad_out_struct(out, fn, status)) return status;
    auto view = zeroed_struct<drawlens_reading_info>();
    const ocr::Reading& r = reading->reading;
    view.text = r.text.c_str();
    view.confidence = r.confidence;
    view.source = static_cast<drawlens_reading_source>(r.source);
    view.character_count = r.characters.size();
    view.word_count = r.words.size();
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_reading_character(const drawlens_reading* reading, size_t index,
                                                        drawlens_read_character* out) {
  return guard("drawlens_reading_character", [&] {
    const char* fn = "drawlens_reading_character";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(reading, fn, "reading", status) || bad_out_struct(out, fn, status)) return status;
    const auto& characters = reading->reading.characters;
    if (index >= characters.size()) return out_of_range(fn, "character", index, characters.size());
    const ocr::CharacterReading& c = characters[index];
    auto view = zeroed_struct<drawlens_read_character>();
    view.character = c.character.c_str();
    view.confidence = c.confidence;
    view.track = static_cast<drawlens_text_track>(c.track);
    view.x = c.x;
    view.alternative_count = std::min<size_t>(3, c.alternatives.size());
    for (size_t k = 0; k < view.alternative_count; ++k) {
      view.alternatives[k] = c.alternatives[k].character.c_str();
      view.alternative_probabilities[k] = c.alternatives[k].probability;
    }
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_reading_word(const drawlens_reading* reading, size_t index,
                                                   drawlens_read_word* out) {
  return guard("drawlens_reading_word", [&] {
    const char* fn = "drawlens_reading_word";
    drawlens_status status = DRAWLENS_OK;
    if (is_null(reading, fn, "reading", status) || bad_out_struct(out, fn, status)) return status;
    const auto& words = reading->reading.words;
    if (index >= words.size()) return out_of_range(fn, "word", index, words.size());
    auto view = zeroed_struct<drawlens_read_word>();
    view.text = words[index].text.c_str();
    view.confidence = words[index].confidence;
    view.x = words[index].box.x;
    view.y = words[index].box.y;
    view.width = words[index].box.width;
    view.height = words[index].box.height;
    write_out_struct(view, out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API void drawlens_reading_free(drawlens_reading* reading) {
  delete reading;
}

}  // extern "C"
