// The Engine: the recognizer, Tesseract readers lent one per concurrent call, and the choice
// between them per crop (ocr.h).
#include <mutex>

#include "ocr/ocr.h"

namespace drawlens::ocr {

struct Engine::Impl {
  Recognizer recognizer;
  EngineOptions options;
  std::mutex idle_mutex;
  std::vector<ProseReader> idle;  // Tesseract readers not in use

  // A reader for one call (an idle one or a new one), given back by the returned guard.
  struct Lent {
    Impl* owner = nullptr;
    std::optional<ProseReader> reader;
    ~Lent() {
      if (!reader) return;
      std::lock_guard lock(owner->idle_mutex);
      owner->idle.push_back(std::move(*reader));
    }
  };
  Result<std::unique_ptr<Lent>> lend() {
    auto lent = std::make_unique<Lent>();
    lent->owner = this;
    {
      std::lock_guard lock(idle_mutex);
      if (!idle.empty()) {
        lent->reader.emplace(std::move(idle.back()));
        idle.pop_back();
        return lent;
      }
    }
    auto made = ProseReader::create(options.tesseract_languages, options.tessdata);
    if (!made) return made.error();
    lent->reader.emplace(std::move(made.value()));
    return lent;
  }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::Engine(Engine&&) noexcept = default;
Engine& Engine::operator=(Engine&&) noexcept = default;
Engine::~Engine() = default;

Result<Engine> Engine::create(const std::string& models_directory, const EngineOptions& options) {
  if (!(options.tesseract_below >= 0 && options.tesseract_below <= 1))
    return make_error(Status::invalid_argument, "ocr options: tesseract_below must be in [0, 1]");
  auto recognizer = Recognizer::load(models_directory, options.recognizer);
  if (!recognizer) return recognizer.error();
  auto impl = std::unique_ptr<Impl>(new Impl{std::move(recognizer.value()), options, {}, {}});
  if (!options.tesseract_languages.empty()) {
    auto reader = ProseReader::create(options.tesseract_languages, options.tessdata);
    if (!reader) return reader.error();
    impl->idle.push_back(std::move(reader.value()));
  }
  return Engine(std::move(impl));
}

Result<std::vector<Reading>> Engine::read(const std::vector<cv::Mat>& crops, ReadMode mode, double dpi) const {
  if (!(dpi >= 10 && dpi <= 4800)) return make_error(Status::invalid_argument, "read: dpi must be 10..4800");
  const bool tesseract_loaded = !impl_->options.tesseract_languages.empty();
  if (mode == ReadMode::tesseract && !tesseract_loaded)
    return make_error(Status::invalid_argument, "read: this OCR engine was made without Tesseract languages");
  std::vector<Reading> readings;
  if (mode != ReadMode::tesseract) {
    auto read = impl_->recognizer.read(crops);
    if (!read) return read.error();
    readings = std::move(read.value());
  } else {
    readings.resize(crops.size());
  }
  if (mode == ReadMode::recognizer || !tesseract_loaded) return readings;
  std::unique_ptr<Impl::Lent> lent;
  for (std::size_t i = 0; i < crops.size(); ++i) {
    if (mode == ReadMode::automatic && readings[i].confidence >= impl_->options.tesseract_below) continue;
    if (!lent) {
      auto made = impl_->lend();
      if (!made) return made.error();
      lent = std::move(made.value());
    }
    auto prose = lent->reader->read(crops[i], dpi);
    if (!prose) return make_error(prose.error().status, "crop " + std::to_string(i) + ": " + prose.error().message);
    if (mode == ReadMode::tesseract ||
        (!prose.value().text.empty() && prose.value().confidence > readings[i].confidence))
      readings[i] = std::move(prose.value());
  }
  return readings;
}

}  // namespace drawlens::ocr
