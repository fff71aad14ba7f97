// Reading the cells of a raster page's ruled tables (read.h): the ruling left inside a cell is
// wiped, the cell's ink is cut into lines (bands of inked rows) and each line into pieces at wide
// gaps (a projection symbol beside "FIRST ANGLE"), and every piece of every cell is read in one batch.
#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/core.hpp>

#include "core/upright_crop.h"
#include "read/quarter_turn.h"
#include "read/read.h"

namespace drawlens::read {
namespace {

constexpr double kMinLineHeightMm = 0.7;   // thinner bands are specks or ruling remnants
constexpr double kRulingShare = 0.6;       // a row or column this full of ink is ruling, not text
constexpr double kPieceGapOfHeight = 1.5;  // a gap this many line heights wide splits a line

struct Piece {
  std::size_t cell;  // in cells_of's order
  int line;
};

// The cell's ink with its ruling wiped: rows and columns mostly inked.
cv::Mat text_ink(const cv::Mat& ink, const cv::Rect& inside) {
  cv::Mat cell = ink(inside).clone();
  for (int r = 0; r < cell.rows; ++r) {
    if (cv::countNonZero(cell.row(r)) > kRulingShare * cell.cols) cell.row(r).setTo(0);
  }
  for (int c = 0; c < cell.cols; ++c) {
    if (cv::countNonZero(cell.col(c)) > kRulingShare * cell.rows) cell.col(c).setTo(0);
  }
  return cell;
}

// Runs of true in `marks` as [begin, end), joining runs closer than `join` apart.
std::vector<std::pair<int, int>> runs(const std::vector<bool>& marks, int join) {
  std::vector<std::pair<int, int>> out;
  for (int i = 0; i < static_cast<int>(marks.size()); ++i) {
    if (!marks[static_cast<std::size_t>(i)]) continue;
    if (!out.empty() && i - out.back().second <= join) {
      out.back().second = i + 1;
    } else {
      out.push_back({i, i + 1});
    }
  }
  return out;
}

std::vector<bool> inked_rows(const cv::Mat& ink) {
  std::vector<bool> marks(static_cast<std::size_t>(ink.rows));
  for (int r = 0; r < ink.rows; ++r) marks[static_cast<std::size_t>(r)] = cv::countNonZero(ink.row(r)) > 0;
  return marks;
}

std::vector<bool> inked_columns(const cv::Mat& ink) {
  std::vector<bool> marks(static_cast<std::size_t>(ink.cols));
  for (int c = 0; c < ink.cols; ++c) marks[static_cast<std::size_t>(c)] = cv::countNonZero(ink.col(c)) > 0;
  return marks;
}

std::array<cv::Point2d, 4> corners_of(const cv::Rect& r) {
  const double left = r.x, top = r.y, right = r.x + r.width, bottom = r.y + r.height;
  return {cv::Point2d(left, bottom), cv::Point2d(right, bottom), cv::Point2d(right, top), cv::Point2d(left, top)};
}

std::vector<layout::Cell*> cells_of(layout::Layout& layout) {
  std::vector<layout::Cell*> cells;
  if (layout.title_block) {
    for (layout::Cell& c : layout.title_block->cells) cells.push_back(&c);
  }
  for (layout::Table& table : layout.tables) {
    for (layout::Cell& c : table.cells) cells.push_back(&c);
  }
  return cells;
}

}  // namespace

std::vector<std::vector<cv::Rect>> cell_text_lines(const cv::Mat& ink, const Box& cell, double dpi) {
  std::vector<std::vector<cv::Rect>> lines;
  const cv::Rect inside =
      cv::Rect(cell.x + 1, cell.y + 1, cell.width - 2, cell.height - 2) & cv::Rect(0, 0, ink.cols, ink.rows);
  if (inside.width < 3 || inside.height < 3) return lines;
  const cv::Mat text = text_ink(ink, inside);
  const int min_height = std::max(3, static_cast<int>(std::lround(kMinLineHeightMm * dpi / 25.4)));
  for (const auto& [top, bottom] : runs(inked_rows(text), 1)) {
    if (bottom - top < min_height) continue;
    const cv::Mat band = text.rowRange(top, bottom);
    const int gap = static_cast<int>(std::lround(kPieceGapOfHeight * (bottom - top)));
    std::vector<cv::Rect> pieces;
    for (const auto& [left, right] : runs(inked_columns(band), gap)) {
      // The piece's own rows: a short mark beside tall text is not as tall as the band.
      const auto rows = runs(inked_rows(band.colRange(left, right)), bottom - top);
      if (rows.empty()) continue;
      const int piece_top = top + rows.front().first, piece_bottom = top + rows.back().second;
      if (piece_bottom - piece_top < min_height) continue;
      pieces.emplace_back(inside.x + left, inside.y + piece_top, right - left, piece_bottom - piece_top);
    }
    if (!pieces.empty()) lines.push_back(std::move(pieces));
  }
  return lines;
}

int page_reading_turn(const std::vector<detect::Detection>& regions) {
  std::array<double, 4> votes{};
  for (const detect::Detection& d : regions)
    votes[static_cast<std::size_t>(quarter_turn(d.box.angle_degrees) / 90)] += d.score;
  const auto best = std::max_element(votes.begin(), votes.end());
  return *best > 0 ? static_cast<int>(best - votes.begin()) * 90 : 0;
}

Result<bool> read_cells(const ocr::Engine& engine, const cv::Mat& page_pixels, const cv::Mat& page_ink, double dpi,
                        int turn, layout::Layout& layout) {
  if (page_pixels.empty() || page_pixels.type() != CV_8UC1 || page_ink.size() != page_pixels.size() ||
      page_ink.type() != CV_8UC1) {
    return Error{Status::invalid_argument, "read_cells: the page and its ink mask must be 8-bit gray of one size"};
  }
  if (!(dpi >= 10 && dpi <= 4800)) {
    return Error{Status::invalid_argument, "read_cells: dpi " + std::to_string(dpi) + " is outside 10..4800"};
  }
  if (turn != 0 && turn != 90 && turn != 180 && turn != 270) {
    return Error{Status::invalid_argument, "read_cells: turn " + std::to_string(turn) + " is not 0, 90, 180 or 270"};
  }
  std::vector<layout::Cell*> cells = cells_of(layout);
  // Cells whose text is already known (the text layer) are left as they are.
  cells.erase(std::remove_if(cells.begin(), cells.end(), [](const layout::Cell* c) { return !c->text.empty(); }),
              cells.end());
  if (cells.empty()) return true;  // nothing to read: the page is not turned for nothing
  const cv::Mat page = turned_upright(page_pixels, turn), ink = turned_upright(page_ink, turn);
  std::vector<Piece> pieces;
  std::vector<cv::Mat> crops;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const auto lines = cell_text_lines(ink, box_turned_upright(cells[i]->box, turn, page_pixels.size()), dpi);
    for (std::size_t line = 0; line < lines.size(); ++line) {
      for (const cv::Rect& box : lines[line]) {
        cv::Mat crop = upright_crop(page, corners_of(box));
        if (crop.empty()) continue;
        crops.push_back(std::move(crop));
        pieces.push_back({i, static_cast<int>(line)});
      }
    }
  }
  if (crops.empty()) return true;
  auto readings = engine.read(crops, ocr::ReadMode::automatic, dpi);
  if (!readings) return readings.error();
  // Pieces come cell by cell, line by line, left to right: join them in that order.
  int last_line = -1;
  std::size_t last_cell = cells.size();
  for (std::size_t k = 0; k < pieces.size(); ++k) {
    const ocr::Reading& reading = readings.value()[k];
    if (reading.text.empty()) continue;
    layout::Cell& cell = *cells[pieces[k].cell];
    std::string& cell_text = cell.text;
    if (pieces[k].cell == last_cell && !cell_text.empty()) cell_text += pieces[k].line == last_line ? " " : "\n";
    cell_text += reading.text;
    cell.confidence = cell.read_from_pixels ? std::min(cell.confidence, reading.confidence) : reading.confidence;
    cell.read_from_pixels = true;
    last_cell = pieces[k].cell;
    last_line = pieces[k].line;
  }
  return true;
}

}  // namespace drawlens::read
