// Feature control frames read from their ruled boxes (drawn_parts.h): the symbol compartment by the
// classifier; the values from the text layer's words inside the compartments, else by the
// recognizer; a Ø drawn before a text-layer tolerance by the classifier. And frame_spans (read.h).
#include <algorithm>
#include <map>

#include "parse/parse.h"
#include "read/drawn_parts.h"
#include "read/page_marks.h"
#include "read/quarter_turn.h"

namespace drawlens::read {
namespace {

constexpr double kFrameSymbolAtLeast = 0.5;  // a frame's characteristic below this: not a frame
constexpr double kZoneSymbolAtLeast = 0.5;   // Ø before a frame's tolerance
constexpr int kInset = 2;                    // pixels kept off a compartment's ruling
constexpr int kStraddledShare = 5;           // a word with a fifth of itself in each of two boxes
constexpr int kRulingBand = 4;               // pixels beside a box's edge where its ruling runs
constexpr double kRuledShare = 0.9;          // of a band's columns inked: a ruling runs there

// A text-layer letter standing alone after a compartment's value is the circled modifier drawn
// around it (the circle is geometry).
std::string compartment_word(const std::string& word, bool first) {
  static const std::map<std::string, std::string> circled = {{"M", "\u24C2"}, {"L", "\u24C1"}, {"P", "\u24C5"},
                                                             {"F", "\u24BB"}, {"T", "\u24C9"}, {"U", "\u24CA"},
                                                             {"E", "\u24BA"}};
  if (!first) {
    const auto found = circled.find(word);
    if (found != circled.end()) return found->second;
  }
  return word;
}

struct Compartment {
  Box box;                         // page pixels
  std::vector<const Word*> words;  // in reading order
  std::string text;
  double confidence = 1.0;
  bool read_from_pixels = false;
};

struct FrameCandidate {
  const FrameCompartments* frame = nullptr;
  Box outline;  // the repaired compartments' (a compartment past a broken box may stand outside the ruled frame)
  std::vector<std::vector<Compartment>> rows;
  std::vector<ocr::SymbolReading> symbols;  // per row: the row's characteristic ("" for a composite's lower rows)
};

std::vector<const Word*> words_inside(const std::vector<Word>& words, const Box& box, int turn, const cv::Size& page) {
  std::vector<const Word*> inside;
  for (const Word& w : words) {
    if (centre_inside(w.box, box)) inside.push_back(&w);
  }
  std::sort(inside.begin(), inside.end(), [&](const Word* a, const Word* b) {
    return box_turned_upright(a->box, turn, page).x < box_turned_upright(b->box, turn, page).x;
  });
  return inside;
}

// A line crossing a compartment splits its hole in two: compartments that one word straddles are
// one compartment.
std::vector<Box> joined_where_straddled(std::vector<Box> row, const std::vector<Word>& words) {
  for (std::size_t k = 1; k + 1 < row.size();) {
    const bool straddled = std::any_of(words.begin(), words.end(), [&](const Word& w) {
      const Box a = intersect(w.box, row[k]), b = intersect(w.box, row[k + 1]);
      return !a.empty() && !b.empty() && std::min(a.area(), b.area()) * kStraddledShare >= w.box.area();
    });
    if (!straddled) {
      ++k;
      continue;
    }
    row[k] = unite(row[k], row[k + 1]);
    row.erase(row.begin() + static_cast<std::ptrdiff_t>(k) + 1);
  }
  return row;
}

// The share of the columns of `band` (upright coordinates) that hold ink: near 1 where a ruling
// runs along it.
double ruled_share(const cv::Mat& ink, const Box& band, int turn) {
  const Box on_page = clipped(box_from_upright(band, turn, ink.size()), ink.size());
  if (on_page.empty()) return 0;
  const cv::Mat upright = turned_upright(ink(rect(on_page)), turn);
  int inked = 0;
  for (int c = 0; c < upright.cols; ++c) inked += cv::countNonZero(upright.col(c)) > 0 ? 1 : 0;
  return static_cast<double>(inked) / upright.cols;
}

// A line drawn into a row's last compartment (a leader ending there) breaks its box: when the
// row's rulings run on past the last box to a word standing between them, that word's compartment
// is the row's last.
std::vector<Box> extended_past_a_broken_box(std::vector<Box> row, const std::vector<Word>& words, const cv::Mat& ink,
                                            int turn) {
  const cv::Size size = ink.size();
  if (row.size() < 2) return row;
  const Box first = box_turned_upright(row[1], turn, size), last = box_turned_upright(row.back(), turn, size);
  const int top = first.y, bottom = first.bottom(), height = first.height;
  const Word* next = nullptr;
  Box next_box;
  for (const Word& w : words) {
    if (w.rotation != turn || w.box.empty()) continue;
    const Box b = box_turned_upright(w.box, turn, size);
    const int centre = b.y + b.height / 2, gap = b.x - last.right();
    if (gap < 0 || gap > height || centre < top || centre > bottom) continue;
    if (next == nullptr || b.x < next_box.x) next = &w, next_box = b;
  }
  if (next == nullptr) return row;
  const int right = next_box.right();
  // The bands reach two pixels into the row: a ruling rendered between pixel rows may lie there.
  const Box above{last.right(), top - kRulingBand, right - last.right(), kRulingBand + 2};
  const Box below{last.right(), bottom - 2, right - last.right(), kRulingBand + 2};
  if (ruled_share(ink, above, turn) < kRuledShare || ruled_share(ink, below, turn) < kRuledShare) return row;
  row.push_back(box_from_upright({last.right() + kInset, top, right - last.right() - kInset, height}, turn, size));
  return row;
}

// A line crossing a compartment can also leave a sliver of it boxed: too narrow for a character.
std::vector<Box> without_slivers(std::vector<Box> row, int turn, const cv::Size& size) {
  if (row.size() < 2) return row;
  // The tolerance compartment is as tall as its row (a composite frame's symbol spans two rows).
  const int height = box_turned_upright(row[1], turn, size).height;
  const auto sliver = [&](const Box& b) { return box_turned_upright(b, turn, size).width * 2 < height; };
  row.erase(std::remove_if(row.begin() + 1, row.end(), sliver), row.end());
  return row;
}

// A row's compartments as drawn, where a line drawn across the frame broke their boxes.
std::vector<Box> repaired_row(const std::vector<Box>& ruled, const std::vector<Word>& words, const cv::Mat& ink,
                              int turn) {
  return extended_past_a_broken_box(without_slivers(joined_where_straddled(ruled, words), turn, ink.size()), words, ink,
                                    turn);
}

// "0,02", "Ø0.1", ".05": a tolerance compartment's value.
bool reads_as_tolerance(const std::string& text) {
  const std::string diameter = "\u00D8";
  return starts_with_number(text.compare(0, diameter.size(), diameter) == 0 ? text.substr(diameter.size()) : text);
}

// The majority reading direction of words, or -1 without words.
int words_turn(const std::vector<const Word*>& words) {
  std::map<int, int> votes;
  for (const Word* w : words) ++votes[w->rotation];
  int best = -1, most = 0;
  for (const auto& [turn, n] : votes) {
    if (n > most) best = turn, most = n;
  }
  return best;
}

}  // namespace

Result<bool> read_frames(const ocr::SymbolClassifier& classifier, const ocr::Engine& engine, const cv::Mat& page,
                         const cv::Mat& ink, double dpi, const std::vector<Word>& words, const std::vector<Box>& boxes,
                         DrawnText& drawn) {
  const cv::Size size = page.size();
  const std::vector<FrameCompartments> frames = find_frames(boxes, size, dpi);

  // Each frame in each reading direction its geometry allows, with the words in its compartments.
  std::vector<FrameCandidate> candidates;
  std::vector<cv::Mat> symbol_crops;
  for (const FrameCompartments& frame : frames) {
    FrameCandidate candidate;
    candidate.frame = &frame;
    for (const auto& ruled : frame.rows) {
      const std::vector<Box> row = repaired_row(ruled, words, ink, frame.rotation);
      std::vector<Compartment> compartments;
      for (const Box& b : row)
        compartments.push_back(
            {b, b.empty() ? std::vector<const Word*>{} : words_inside(words, b, frame.rotation, size), "", 1.0, false});
      for (const Box& b : row) candidate.outline = unite(candidate.outline, b);
      candidate.rows.push_back(std::move(compartments));
      const Box symbol = inset(row.front(), kInset);
      symbol_crops.push_back(symbol.empty() ? cv::Mat() : upright_pixels(page, clipped(symbol, size), frame.rotation));
    }
    candidates.push_back(std::move(candidate));
  }
  std::vector<cv::Mat> present;
  for (const cv::Mat& crop : symbol_crops) {
    if (!crop.empty()) present.push_back(crop);
  }
  auto classified = classifier.classify(present, ocr::SymbolGroup::characteristic);
  if (!classified) return classified.error();
  std::size_t next_symbol = 0, next_present = 0;
  for (FrameCandidate& c : candidates) {
    for (std::size_t r = 0; r < c.rows.size(); ++r, ++next_symbol) {
      c.symbols.push_back(symbol_crops[next_symbol].empty() ? ocr::SymbolReading{"", 1.0}
                                                            : classified.value()[next_present++]);
    }
  }

  // One reading per frame: a frame of turned text was found upward and downward; its words' direction
  // decides, or else the surer symbol. Frames whose symbol is unsure are not frames.
  std::vector<FrameCandidate*> kept;
  for (FrameCandidate& c : candidates) {
    if (c.symbols.front().symbol.empty() || c.symbols.front().confidence < kFrameSymbolAtLeast) continue;
    std::vector<const Word*> frame_words = words_inside(words, c.outline, c.frame->rotation, size);
    const int turn = words_turn(frame_words);
    if (turn >= 0 && turn != c.frame->rotation) continue;
    // Read upward and downward, one frame's outlines may differ (each starts at a square box): they
    // overlap.
    auto same = std::find_if(kept.begin(), kept.end(), [&](const FrameCandidate* k) {
      return k->frame->rotation != c.frame->rotation && !intersect(k->outline, c.outline).empty();
    });
    if (same == kept.end()) {
      kept.push_back(&c);
    } else if (c.symbols.front().confidence > (*same)->symbols.front().confidence) {
      *same = &c;
    }
  }

  // Compartments without words are read by the recognizer, in one batch.
  std::vector<cv::Mat> cell_crops;
  std::vector<Compartment*> cell_targets;
  for (FrameCandidate* c : kept) {
    for (auto& row : c->rows) {
      for (std::size_t k = 1; k < row.size(); ++k) {
        Compartment& cell = row[k];
        if (!cell.words.empty()) continue;
        const Box inside = clipped(inset(cell.box, kInset), size);
        if (inside.empty()) continue;
        cell_crops.push_back(upright_pixels(page, inside, c->frame->rotation));
        cell_targets.push_back(&cell);
      }
    }
  }
  if (!cell_crops.empty()) {
    auto readings = engine.read(cell_crops, ocr::ReadMode::recognizer, dpi);
    if (!readings) return readings.error();
    for (std::size_t i = 0; i < cell_targets.size(); ++i) {
      cell_targets[i]->text = readings.value()[i].text;
      cell_targets[i]->confidence = readings.value()[i].confidence;
      cell_targets[i]->read_from_pixels = true;
    }
  }

  // Words inside: joined, a lone modifier letter circled; a Ø drawn before the tolerance is read.
  std::vector<cv::Mat> zone_crops;
  std::vector<Compartment*> zone_targets;
  for (FrameCandidate* c : kept) {
    for (auto& row : c->rows) {
      for (std::size_t k = 1; k < row.size(); ++k) {
        Compartment& cell = row[k];
        if (cell.words.empty()) continue;
        for (std::size_t w = 0; w < cell.words.size(); ++w) cell.text += compartment_word(cell.words[w]->text, w == 0);
        if (k != 1 || !starts_with_number(cell.text)) continue;
        const Box cell_up = box_turned_upright(inset(cell.box, kInset), c->frame->rotation, size);
        const Box word_up = box_turned_upright(cell.words.front()->box, c->frame->rotation, size);
        if (word_up.x - 1 <= cell_up.x) continue;
        const Box before = box_from_upright({cell_up.x, cell_up.y, word_up.x - 1 - cell_up.x, cell_up.height},
                                            c->frame->rotation, size);
        const Box marks = marks_inside(ink, before, 0, std::max(3, cell_up.height / 5));
        if (marks.empty()) continue;
        zone_crops.push_back(upright_pixels(page, marks, c->frame->rotation));
        zone_targets.push_back(&cell);
      }
    }
  }
  if (!zone_crops.empty()) {
    auto zones = classifier.classify(zone_crops, ocr::SymbolGroup::size_prefix);
    if (!zones) return zones.error();
    for (std::size_t i = 0; i < zone_targets.size(); ++i) {
      const ocr::SymbolReading& zone = zones.value()[i];
      if (zone.symbol == "\u00D8" && zone.confidence >= kZoneSymbolAtLeast) {
        zone_targets[i]->text = zone.symbol + zone_targets[i]->text;
        zone_targets[i]->confidence = std::min(zone_targets[i]->confidence, zone.confidence);
      }
    }
  }

  for (FrameCandidate* c : kept) {
    DrawnFrame frame;
    annotate::TextSpan& span = frame.span;
    span.box = c->outline;
    span.rotation = c->frame->rotation;
    span.source = annotate::TextSource::text_layer;
    span.kind = parse::AnnotationKind::gdt_frame;
    frame.symbol_confidence = c->symbols.front().confidence;
    bool unread = false, with_words = false;
    for (std::size_t r = 0; r < c->rows.size(); ++r) {
      if (r > 0) span.text += '\n';
      span.text += c->symbols[r].symbol;
      span.confidence = std::min(span.confidence, c->symbols[r].confidence);
      frame.symbol_confidence = std::min(frame.symbol_confidence, c->symbols[r].confidence);
      for (std::size_t k = 1; k < c->rows[r].size(); ++k) {
        const Compartment& cell = c->rows[r][k];
        span.text += "|" + cell.text;
        span.confidence = std::min(span.confidence, cell.confidence);
        if (cell.read_from_pixels) span.source = annotate::TextSource::recognizer;
        unread = unread || cell.text.empty();
        with_words = with_words || !cell.words.empty();
      }
    }
    // A frame the text layer writes in has its tolerance there: a ruled row of other words (a table
    // the layout stage missed) is no frame, whatever its first box holds.
    const Compartment& tolerance = c->rows.front().size() > 1 ? c->rows.front()[1] : c->rows.front().front();
    if (with_words && (tolerance.words.empty() || !reads_as_tolerance(tolerance.text))) continue;
    // A compartment that reads as nothing is left empty, never filled in: the frame is flagged.
    if (unread) span.confidence = 0;
    // The text layer's values make a frame or nothing: words that do not read as one stay words.
    if (span.source == annotate::TextSource::text_layer &&
        !parse::read_annotation_as(parse::AnnotationKind::gdt_frame, span.text)) {
      continue;
    }
    drawn.frames.push_back(std::move(frame));
  }
  return true;
}

std::vector<annotate::TextSpan> frame_spans(const DrawnText& drawn, const std::vector<RegionReading>& readings) {
  std::vector<annotate::TextSpan> spans;
  for (const DrawnFrame& frame : drawn.frames) {
    annotate::TextSpan span = frame.span;
    // A frame of one row only: the detector's region of a stacked or composite frame may hold any
    // of its rows.
    const bool one_row = span.text.find('\n') == std::string::npos;
    for (const RegionReading& r : readings) {
      if (!one_row || r.region.category != detect::Category::gdt_frame ||
          !contains_point(span.box, r.region.box.centre_x, r.region.box.centre_y))
        continue;
      const std::size_t bar = r.text.find('|');
      if (bar == std::string::npos || r.text.find('\n') != std::string::npos || !parse::parse_gdt(r.text)) continue;
      span.text = span.text.substr(0, span.text.find('|')) + r.text.substr(bar);
      span.confidence = std::min(frame.symbol_confidence, r.confidence);
      break;
    }
    spans.push_back(std::move(span));
  }
  return spans;
}

}  // namespace drawlens::read
