// Title-block fields from layout cells: a label and its value in one cell ("MATERIAL: PLA",
// "SHEET 1 OF 1", label line over value line), or a label cell paired with the value cell to its
// right or, when that is empty or itself a label, below it.
#include <algorithm>

#include "parse/title_labels.h"

namespace drawlens::parse {
namespace {

using title::trim;

// What one cell says on its own: nothing known, a label alone, or a label with its value.
struct CellReading {
  std::optional<TitleKey> key;
  std::string label;
  std::string value;
};

std::string label_as_printed(std::string_view label) {
  label = trim(label);
  while (!label.empty() && label.back() == ':') label = trim(label.substr(0, label.size() - 1));
  return std::string(label);
}

// Without ':' or a line break, "SHEET 1 OF 1" is split only when its value parses for that key,
// so a title such as "Scale model bracket" is not taken for a scale label.
bool value_parses(TitleKey key, std::string_view value) {
  switch (key) {
    case TitleKey::scale: return parse_scale(value).ok();
    case TitleKey::sheet: return parse_sheet(value).ok();
    case TitleKey::mass: return parse_mass(value).ok();
    case TitleKey::date: return parse_date(value).ok();
    case TitleKey::units: return parse_units(value).ok();
    case TitleKey::projection: return parse_third_angle(value).ok();
    default: return false;
  }
}

CellReading read_cell(std::string_view text) {
  const std::string_view cell = trim(text);
  if (cell.empty()) return {};
  const std::size_t line_break = cell.find('\n');
  if (line_break != std::string_view::npos) {
    const std::string_view first_line = trim(cell.substr(0, line_break));
    if (auto key = title_key_for_label(first_line)) {
      return {key, label_as_printed(first_line), std::string(trim(cell.substr(line_break + 1)))};
    }
  }
  if (auto key = title_key_for_label(cell)) return {key, label_as_printed(cell), ""};
  const std::size_t colon = cell.find(':');
  if (colon != std::string_view::npos) {
    const std::string_view head = cell.substr(0, colon);
    if (auto key = title_key_for_label(head)) {
      return {key, label_as_printed(head), std::string(trim(cell.substr(colon + 1)))};
    }
  }
  const auto label = title::leading_label(cell);
  if (label) {
    const std::string_view value = trim(cell.substr(label->second));
    if (value_parses(label->first, value))
      return {label->first, label_as_printed(cell.substr(0, label->second)), std::string(value)};
  }
  return {};
}

bool covers_row(const TitleCell& cell, int row) {
  return cell.row <= row && row < cell.row + cell.row_span;
}
bool covers_col(const TitleCell& cell, int col) {
  return cell.col <= col && col < cell.col + cell.col_span;
}

class Pairing {
 public:
  explicit Pairing(const std::vector<TitleCell>& cells) : cells_(cells), claimed_(cells.size(), false) {
    for (const TitleCell& cell : cells) readings_.push_back(read_cell(cell.text));
  }

  std::vector<TitleField> run() {
    std::vector<TitleField> fields;
    for (std::size_t i = 0; i < cells_.size(); ++i) {
      const CellReading& reading = readings_[i];
      if (!reading.key) continue;
      const int label_cell = static_cast<int>(i);
      if (!reading.value.empty()) {
        fields.push_back({*reading.key, reading.label, reading.value, label_cell, label_cell});
        continue;
      }
      const int value_cell = value_cell_for(i);
      if (value_cell < 0) continue;
      claimed_[value_cell] = true;
      const std::string value(trim(cells_[value_cell].text));
      fields.push_back({*reading.key, reading.label, value, label_cell, value_cell});
    }
    return fields;
  }

 private:
  // The cell right of the label, else the one below it; either must hold plain text not yet
  // taken by another label.
  int value_cell_for(std::size_t label) const {
    const TitleCell& cell = cells_[label];
    const int right = find(
        [&](const TitleCell& other) { return other.col == cell.col + cell.col_span && covers_row(other, cell.row); });
    if (usable(right)) return right;
    const int below = find(
        [&](const TitleCell& other) { return other.row == cell.row + cell.row_span && covers_col(other, cell.col); });
    return usable(below) ? below : -1;
  }

  template <typename Predicate>
  int find(Predicate matches) const {
    const auto found = std::find_if(cells_.begin(), cells_.end(), matches);
    return found == cells_.end() ? -1 : static_cast<int>(found - cells_.begin());
  }

  bool usable(int index) const {
    if (index < 0) return false;
    const auto i = static_cast<std::size_t>(index);
    return !readings_[i].key && !claimed_[i] && !trim(cells_[i].text).empty();
  }

  const std::vector<TitleCell>& cells_;
  std::vector<CellReading> readings_;
  std::vector<bool> claimed_;
};

}  // namespace

std::vector<TitleField> title_fields_from_cells(const std::vector<TitleCell>& cells) {
  return Pairing(cells).run();
}

}  // namespace drawlens::parse
