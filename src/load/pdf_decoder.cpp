// Renders PDF pages with poppler-cpp at the requested dpi and extracts each page's text layer as
// words with boxes in page pixels (CAD exports carry exact text that later stages prefer to OCR).
#include <cstring>
#include <memory>
#include <mutex>

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "load/decoders.h"

namespace drawlens::load {
namespace {

constexpr double kPointsPerInch = 72.0;

// poppler prints its parse warnings to stderr unless told otherwise; the host's stderr is not ours.
void silence_poppler_once() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

// poppler's document loading shares global state (GlobalParams, font caches); serialize access.
std::mutex& poppler_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Quarter turns as poppler reports them (text_box::rotation) to degrees counter-clockwise.
int rotation_degrees(int quarter_turns) {
  switch (quarter_turns & 3) {
    case 1: return 270;  // top-to-bottom text reads clockwise from horizontal
    case 2: return 180;
    case 3: return 90;
    default: return 0;
  }
}

std::vector<Word> text_layer(const poppler::page& page, double scale) {
  std::vector<Word> words;
  for (const poppler::text_box& box : page.text_list()) {
    const poppler::byte_array utf8 = box.text().to_utf8();
    if (utf8.empty()) continue;
    const poppler::rectf r = box.bbox();
    Word word;
    word.text.assign(utf8.begin(), utf8.end());
    word.box = Box{static_cast<int>(r.x() * scale), static_cast<int>(r.y() * scale),
                   std::max(1, static_cast<int>(r.width() * scale + 0.5)),
                   std::max(1, static_cast<int>(r.height() * scale + 0.5))};
    word.rotation = rotation_degrees(box.rotation());
    words.push_back(std::move(word));
  }
  return words;
}

Result<Page> render(const poppler::page& pdf_page, int index, const Options& options, const std::string& label) {
  const poppler::rectf rect = pdf_page.page_rect();
  const double scale = options.pdf_dpi / kPointsPerInch;
  auto size_ok = check_page_size(rect.width() * scale, rect.height() * scale, index, options, label);
  if (!size_ok) return size_ok.error();

  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  const poppler::image image = renderer.render_page(&pdf_page, options.pdf_dpi, options.pdf_dpi);
  if (!image.is_valid()) {
    return make_error(Status::decode, label + " page " + std::to_string(index + 1) + " could not be rendered");
  }
  Page page;
  page.index = index;
  page.gray = cv::Mat(image.height(), image.width(), CV_8UC1, const_cast<char*>(image.const_data()),
                      static_cast<std::size_t>(image.bytes_per_row()))
                  .clone();
  page.dpi = options.pdf_dpi;
  page.dpi_source = DpiSource::render;
  // Glyph boxes may hang over the page edge; keep what is on the page.
  const Box page_box{0, 0, page.gray.cols, page.gray.rows};
  for (Word& word : text_layer(pdf_page, scale)) {
    word.box = intersect(word.box, page_box);
    if (!word.box.empty()) page.words.push_back(std::move(word));
  }
  return page;
}

// Deleting a poppler document touches the shared state too.
struct LockedDelete {
  void operator()(poppler::document* doc) const {
    std::lock_guard<std::mutex> lock(poppler_mutex());
    delete doc;
  }
};
using PopplerDocument = std::unique_ptr<poppler::document, LockedDelete>;

// Renders one page per call, holding poppler_mutex as every use of poppler does.
class PdfPages final : public PageDecoder {
 public:
  PdfPages(PopplerDocument doc, Options options, std::string label)
      : doc_(std::move(doc)), options_(std::move(options)), label_(std::move(label)) {}

  Result<Page> decode(int index) override {
    std::lock_guard<std::mutex> lock(poppler_mutex());
    std::unique_ptr<poppler::page> pdf_page(doc_->create_page(index));
    if (!pdf_page) {
      return make_error(Status::decode, label_ + " (pdf) page " + std::to_string(index + 1) + " is missing or corrupt");
    }
    return render(*pdf_page, index, options_, label_);
  }

 private:
  PopplerDocument doc_;
  Options options_;
  std::string label_;
};

}  // namespace

Result<OpenedInput> open_pdf(const DecodeInput& input, const Options& options) {
  silence_poppler_once();
  const std::string what = input.label + " (pdf)";
  constexpr std::size_t kEofWindow = 1024;  // the trailer's %%EOF is near the end (ISO 32000-1, 7.5.5)
  if (!has_end_marker(input.data, input.size, "%%EOF", kEofWindow)) {
    return make_error(Status::truncated, what + " is truncated: no %%EOF marker at its end");
  }
  PopplerDocument doc;
  bool locked = false;
  int page_count = 0;
  {
    std::lock_guard<std::mutex> lock(poppler_mutex());
    doc.reset(
        poppler::document::load_from_raw_data(reinterpret_cast<const char*>(input.data), static_cast<int>(input.size)));
    if (doc) {
      locked = doc->is_locked();
      page_count = locked ? 0 : doc->pages();
    }
  }
  if (!doc) return make_error(Status::decode, what + " is corrupt: poppler could not parse its structure");
  if (locked) {
    return make_error(Status::encrypted, what + " is encrypted with a user password; drawlens cannot open it");
  }
  auto range = select_pages(page_count, options, input.label);
  if (!range) return range.error();
  return OpenedInput{Format::pdf, page_count, range.value(),
                     std::make_unique<PdfPages>(std::move(doc), options, input.label)};
}

}  // namespace drawlens::load
