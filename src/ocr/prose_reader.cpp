// ProseReader: Tesseract's LSTM engine on a crop of prose, word by word with confidences (ocr.h).
#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <algorithm>

#include "ocr/ocr.h"

// The OpenMP runtime's C API (GCC's libgomp, which Debian's Tesseract and LibTorch use), declared
// here because clang, which builds the fuzz targets, has no omp.h without its own runtime.
extern "C" {
int omp_get_dynamic(void);
void omp_set_dynamic(int dynamic);
}

namespace drawlens::ocr {
namespace {

// Tesseract's LSTM splits every gate of every step over four OpenMP threads (num_threads(4) in its
// sources). On a line crop that work is tiny, so the team's start-up and spinning cost many times
// the work, worse beside LibTorch's own threads: about 110 ms a note crop on two cores. With the
// runtime free to choose ("dynamic" teams) it gives them no more threads than idle cores: about
// 28 ms, the same text (docs/read.md).
class DynamicOpenMpTeamsOnThisThread {
 public:
  DynamicOpenMpTeamsOnThisThread() : before_(omp_get_dynamic()) { omp_set_dynamic(1); }
  ~DynamicOpenMpTeamsOnThisThread() { omp_set_dynamic(before_); }
  DynamicOpenMpTeamsOnThisThread(const DynamicOpenMpTeamsOnThisThread&) = delete;
  DynamicOpenMpTeamsOnThisThread& operator=(const DynamicOpenMpTeamsOnThisThread&) = delete;

 private:
  int before_;
};

}  // namespace

struct ProseReader::Impl {
  tesseract::TessBaseAPI api;
  ~Impl() { api.End(); }
};

ProseReader::ProseReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ProseReader::ProseReader(ProseReader&&) noexcept = default;
ProseReader& ProseReader::operator=(ProseReader&&) noexcept = default;
ProseReader::~ProseReader() = default;

Result<ProseReader> ProseReader::create(const std::string& languages, const std::string& tessdata) {
  if (languages.empty() || languages.size() > 256 ||
      languages.find_first_not_of("abcdefghijklmnopqrstuvwxyz_+") != std::string::npos)
    return make_error(Status::invalid_argument,
                      "Tesseract languages must be names like 'eng' or 'eng+deu', not '" + languages + "'");
  auto impl = std::make_unique<Impl>();
  if (impl->api.Init(tessdata.empty() ? nullptr : tessdata.c_str(), languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
    return make_error(Status::model,
                      "Tesseract cannot load the language data '" + languages + "' from " +
                          (tessdata.empty() ? std::string("the installed tessdata") : "'" + tessdata + "'") +
                          " (Debian packages tesseract-ocr-eng, tesseract-ocr-deu)");
  impl->api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
  impl->api.SetVariable("debug_file", "/dev/null");
  return ProseReader(std::move(impl));
}

Result<Reading> ProseReader::read(const cv::Mat& crop, double dpi) {
  if (crop.empty()) return make_error(Status::invalid_argument, "read: the crop is empty");
  if (crop.type() != CV_8UC1)
    return make_error(Status::invalid_argument, "read: the crop must be 8-bit gray (CV_8UC1)");
  if (!(dpi >= 10 && dpi <= 4800)) return make_error(Status::invalid_argument, "read: dpi must be 10..4800");
  Reading reading;
  reading.source = ReadingSource::tesseract;
  reading.confidence = 1.0;
  // Tesseract needs a few pixels of text height; smaller crops hold nothing it can read.
  if (crop.rows < 4 || crop.cols < 4) return reading;
  auto& api = impl_->api;
  api.SetImage(crop.data, crop.cols, crop.rows, 1, static_cast<int>(crop.step));
  api.SetSourceResolution(static_cast<int>(dpi));
  {
    const DynamicOpenMpTeamsOnThisThread dynamic_teams;
    if (api.Recognize(nullptr) != 0) return make_error(Status::internal, "Tesseract failed to recognize the crop");
  }
  std::unique_ptr<tesseract::ResultIterator> words(api.GetIterator());
  if (words) {
    do {
      std::unique_ptr<char[]> text(words->GetUTF8Text(tesseract::RIL_WORD));
      if (!text || text[0] == '\0') continue;
      if (!reading.words.empty()) reading.text += words->IsAtBeginningOf(tesseract::RIL_TEXTLINE) ? "\n" : " ";
      Word word;
      word.text = text.get();
      word.confidence = std::clamp(words->Confidence(tesseract::RIL_WORD) / 100.0, 0.0, 1.0);
      int left = 0, top = 0, right = 0, bottom = 0;
      words->BoundingBox(tesseract::RIL_WORD, &left, &top, &right, &bottom);
      word.box = cv::Rect(left, top, right - left, bottom - top);
      reading.text += word.text;
      reading.confidence = std::min(reading.confidence, word.confidence);
      reading.words.push_back(std::move(word));
    } while (words->Next(tesseract::RIL_WORD));
  }
  api.Clear();
  return reading;
}

}  // namespace drawlens::ocr
