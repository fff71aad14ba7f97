// The rows of the stage table and the adapters that run each stage's module on one page.
#include "pipeline/stage_table.h"

#include <utility>

#include "annotate/annotate.h"
#include "layout/layout.h"
#include "read/read.h"
#include "tolerance/page_tolerances.h"

namespace drawlens {
namespace {

std::optional<Error> run_load(PageWork& work) {
  auto decoded = work.document.decode_page(work.selected);
  if (!decoded) return decoded.error();
  work.page = std::move(decoded).value();
  const Page& page = work.page;
  PageAnalysis& out = work.result;
  out.index = page.index;
  out.width = page.gray.cols;
  out.height = page.gray.rows;
  out.dpi = page.dpi;
  out.dpi_source = page.dpi_source;
  out.words = page.words;
  if (page.dpi_source == DpiSource::assumed) {
    const auto sheet = load::sheet_resolution(page.gray.cols, page.gray.rows);
    const std::string dpi = std::to_string(static_cast<int>(page.dpi)) + " dpi";
    work.diagnose("warning", Stage::load,
                  sheet && sheet->dpi == page.dpi
                      ? "the image states no resolution, or a screen's 72 or 96 dpi; its " +
                            std::to_string(page.gray.cols) + " x " + std::to_string(page.gray.rows) +
                            " pixels make an " + sheet->sheet + " sheet at " + dpi + ", which is assumed"
                      : "the image states no resolution; assumed " + dpi);
  }
  for (const std::string& warning : page.load_warnings) work.diagnose("warning", Stage::load, warning);
  return std::nullopt;
}

// On the pipeline's CUDA device when this worker has a workspace there; on the CPU otherwise, and
// when the device fails on this page (the page is then still analysed, with a warning).
std::optional<Error> run_prepare(PageWork& work) {
  const Page& page = work.page;
  if (work.cuda_ordinal >= 0) {
    std::string why;
    if (prepare::GpuWorkspace* gpu = work.engines.gpu(work.cuda_ordinal, why)) {
      auto prepared = gpu->prepare_page(page.gray, page.dpi);
      if (prepared) {
        work.prepared = std::move(prepared).value();
        return std::nullopt;
      }
      why = prepared.error().message;
    }
    if (!why.empty()) work.diagnose("warning", Stage::prepare, "ran on the CPU: " + why);
  }
  work.prepared = prepare::prepare_page(page.gray, page.dpi);
  return std::nullopt;
}

std::optional<Error> run_layout(PageWork& work) {
  layout::Layout found = layout::find_layout(*work.prepared);
  layout::fill_cell_text(found, work.result.words);
  work.result.layout = std::move(found);
  return std::nullopt;
}

// Raster pages only: a page with a text layer is read from it. The detector's own errors (a page it
// cannot take) fail the analysis like any stage's.
std::optional<Error> run_detect(PageWork& work) {
  if (!work.page.words.empty()) return std::nullopt;
  if (!work.models.on_cpu_because.empty()) {
    work.diagnose("warning", Stage::detect, "ran on the CPU: " + work.models.on_cpu_because);
  }
  auto found = work.models.detector->detect(work.page.gray, work.page.dpi);
  if (!found) return found.error();
  work.result.detections = std::move(found).value();
  return std::nullopt;
}

// The page's layout, or an empty one when the layout stage did not run.
const layout::Layout& layout_of(const PageAnalysis& page) {
  static const layout::Layout no_layout;
  return page.layout ? *page.layout : no_layout;
}

// What the page draws as lines (frames; on a page with a text layer also size symbols and basic
// boxes), when it was prepared (the ink mask is what is read) at a resolution the reader takes.
std::optional<Error> read_lines_drawn(PageWork& work) {
  PageAnalysis& out = work.result;
  if (!work.prepared || work.prepared->ink.empty()) return std::nullopt;
  if (!(work.page.dpi >= 10 && work.page.dpi <= 4800)) {
    work.diagnose("warning", Stage::read,
                  "the page's resolution (" + std::to_string(work.page.dpi) +
                      " dpi) is outside 10..4800: frames and symbols drawn as lines were not read");
    return std::nullopt;
  }
  auto drawn = read::read_drawn_text(*work.models.symbol_classifier, *work.models.ocr_engine, work.page.gray,
                                     work.prepared->ink, work.page.dpi, out.words, layout_of(out));
  if (!drawn) return drawn.error();
  out.drawn_text = std::move(drawn).value();
  return std::nullopt;
}

// Raster pages: every region found is read (none when detection did not run), and the cells of the
// ruled tables. Regions that read as nothing are kept (with their detection) and counted in a
// warning, never filled in. Every prepared page: what is drawn as lines (frames compartment by
// compartment, and on pages with a text layer the symbols before its numbers).
std::optional<Error> run_read(PageWork& work) {
  PageAnalysis& out = work.result;
  if (!out.words.empty()) {
    out.readings.emplace();  // no regions: the text layer is read instead
    return read_lines_drawn(work);
  }
  // The ruled cells of a raster page, as the text layer fills them on a PDF's.
  if (out.layout && work.prepared && !work.prepared->ink.empty()) {
    const int turn = out.detections ? read::page_reading_turn(*out.detections) : 0;
    layout::find_turned_title_block(*out.layout, turn, work.page.gray.size(), work.page.dpi);
    auto cells =
        read::read_cells(*work.models.ocr_engine, work.page.gray, work.prepared->ink, work.page.dpi, turn, *out.layout);
    if (!cells) return cells.error();
  }
  out.readings.emplace();
  if (out.detections && !out.detections->empty()) {
    auto readings = read::read_regions(*work.models.ocr_engine, work.page.gray, work.page.dpi, *out.detections);
    if (!readings) return readings.error();
    out.readings = std::move(readings).value();
    std::size_t unread = 0;
    for (const read::RegionReading& r : *out.readings) unread += r.text.empty() ? 1 : 0;
    if (unread > 0) {
      work.diagnose("warning", Stage::read,
                    std::to_string(unread) + " of " + std::to_string(out.readings->size()) +
                        " detected regions read as nothing: they are listed as detections only");
    }
  }
  return read_lines_drawn(work);
}

// The text layer's spans, and on a raster page the read stage's readings.
std::optional<Error> run_annotate(PageWork& work) {
  PageAnalysis& out = work.result;
  const layout::Layout& layout = layout_of(out);
  std::vector<annotate::TextSpan> spans =
      out.drawn_text ? annotate::text_layer_spans(read::words_with_drawn_text(out.words, *out.drawn_text), layout)
                     : annotate::text_layer_spans(out.words, layout);
  if (out.drawn_text) {
    const auto frames =
        read::frame_spans(*out.drawn_text, out.readings ? *out.readings : std::vector<read::RegionReading>{});
    spans.insert(spans.end(), frames.begin(), frames.end());
    spans.insert(spans.end(), out.drawn_text->datums.begin(), out.drawn_text->datums.end());
  }
  if (out.readings) {
    std::vector<annotate::TextSpan> read =
        read::reading_spans(*out.readings, layout, out.drawn_text ? &*out.drawn_text : nullptr);
    spans.insert(spans.end(), std::make_move_iterator(read.begin()), std::make_move_iterator(read.end()));
  }
  out.annotations = annotate::interpret_spans(spans, layout);
  if (out.words.empty() && !out.readings) {
    work.diagnose("info", Stage::annotate,
                  "the page has no text layer and the read stage did not run (DRAWLENS_STAGE_READ), so nothing was "
                  "read");
  }
  return std::nullopt;
}

// Every dimension and GD&T frame the annotate stage read, analysed under the pipeline's process and
// material; a page without any gets an empty analysis.
std::optional<Error> run_tolerance(PageWork& work) {
  PageAnalysis& out = work.result;
  if (!out.annotations) return std::nullopt;
  auto analysed =
      tolerance::analyze_page(*work.models.skin_model, *out.annotations, out.dpi, work.process, work.material);
  if (!analysed) return analysed.error();
  out.tolerances = std::move(analysed).value();
  return std::nullopt;
}

// Each dimension the annotate stage read tied to its lines and the outline it measures.
std::vector<segment::DimensionLinework> link_dimensions(const PageAnalysis& page) {
  std::vector<segment::Quad> callouts;
  for (const auto& d : page.annotations->dimensions) {
    const Box& b = d.box;
    const cv::Point2d corners[] = {{static_cast<double>(b.x), static_cast<double>(b.y)},
                                   {static_cast<double>(b.right()), static_cast<double>(b.y)},
                                   {static_cast<double>(b.right()), static_cast<double>(b.bottom())},
                                   {static_cast<double>(b.x), static_cast<double>(b.bottom())}};
    // The box's corners from the text's top left as read: turned a quarter counter-clockwise that
    // is the box's bottom left, half a turn its bottom right, three quarters its top right.
    const int turns = ((d.rotation / 90) % 4 + 4) % 4;
    segment::Quad quad;
    for (int k = 0; k < 4; ++k) quad[static_cast<std::size_t>(k)] = corners[(k + 4 - turns) % 4];
    callouts.push_back(quad);
  }
  return segment::link_dimensions(*page.segments, callouts, page.dpi);
}

// The page's ink vectorized and every primitive classified, then tied to the dimensions read. A
// page that is not ink on paper (no ink mask) has no linework to classify: an empty list, with a
// warning.
std::optional<Error> run_segment(PageWork& work) {
  const prepare::PreparedPage& prepared = *work.prepared;
  if (prepared.ink.empty()) {
    work.result.segments.emplace();
    work.diagnose("warning", Stage::segment, "the page is not dark ink on light paper: no linework was classified");
  } else {
    auto segments = work.models.edgnet->segment(prepared.ink, work.page.dpi);
    if (!segments) return segments.error();
    work.result.segments = std::move(segments).value();
  }
  if (work.result.annotations) work.result.dimension_linework = link_dimensions(work.result);
  return std::nullopt;
}

constexpr StageSet kNothing;

}  // namespace

const std::vector<StageInfo>& stage_table() {
  static const std::vector<StageInfo> table = {
      {Stage::load, "load", "decoding", kNothing, false, Placement::cpu, run_load},
      {Stage::prepare, "prepare", "preparation", kNothing.with(Stage::load), true, Placement::pipeline_device,
       run_prepare},
      {Stage::layout, "layout", "layout", kNothing.with(Stage::prepare), false, Placement::cpu, run_layout},
      // The model is loaded by Pipeline::create (pipeline_models.h) and shared by the workers.
      {Stage::detect, "detect", "detection", kNothing.with(Stage::load), false, Placement::pipeline_device, run_detect},
      // Reads what detection found, so nothing when detection is left out (it does not pull detection
      // in). The OCR engine is loaded by Pipeline::create; the recognizer runs on the device.
      {Stage::read, "read", "reading", kNothing.with(Stage::load), false, Placement::pipeline_device, run_read},
      // Reads the layout when it ran (words in the title block become title fields), the text alone otherwise.
      {Stage::annotate, "annotate", "annotation", kNothing.with(Stage::load), false, Placement::cpu, run_annotate},
      // The skin model is loaded by Pipeline::create with the detector.
      {Stage::tolerance, "tolerance", "tolerance analysis", kNothing.with(Stage::annotate), false, Placement::cpu,
       run_tolerance},
      // EdgNet is loaded by Pipeline::create; the vectorizer runs on the CPU, the network on the device.
      {Stage::segment, "segment", "linework segmentation", kNothing.with(Stage::prepare), false,
       Placement::pipeline_device, run_segment},
  };
  return table;
}

const char* stage_name(Stage stage) {
  return stage_table()[static_cast<std::size_t>(stage)].name;
}

StageSet with_needed_stages(StageSet requested) {
  const auto& table = stage_table();
  StageSet resolved = requested.with(Stage::load);
  for (const StageInfo& row : table) {
    if (row.intermediate) resolved = resolved.without(row.stage);
  }
  // The table is in run order and a stage only needs earlier ones, so one backward pass closes the set.
  for (auto row = table.rbegin(); row != table.rend(); ++row) {
    if (!resolved.contains(row->stage)) continue;
    for (const StageInfo& other : table) {
      if (row->needs.contains(other.stage)) resolved = resolved.with(other.stage);
    }
  }
  return resolved;
}

}  // namespace drawlens
