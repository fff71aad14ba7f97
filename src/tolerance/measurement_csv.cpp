// Reading measured parts for retraining (docs/tolerance.md, "Measurements CSV"): every problem
// is reported with its line and column, because the file comes from a person's spreadsheet.
#include <array>
#include <charconv>
#include <cmath>
#include <string>

#include "tolerance/skin_training.h"

namespace drawlens::tolerance {
namespace {

enum Column {
  process_column,
  material_column,
  feature_column,
  size_column,
  lower_column,
  upper_column,
  measured_column
};
constexpr std::array<std::string_view, 7> kColumns = {"process",  "material", "feature",    "size_mm",
                                                      "lower_mm", "upper_mm", "measured_mm"};

std::string_view trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> cells;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',') {
      cells.push_back(trim(line.substr(start, i - start)));
      start = i + 1;
    }
  }
  return cells;
}

Error at(std::size_t line, std::string_view column, const std::string& problem) {
  return make_error(Status::invalid_argument, "measurements CSV line " + std::to_string(line) + ", column '" +
                                                  std::string(column) + "': " + problem);
}

Result<double> number_at(std::string_view cell, std::size_t line, std::string_view column) {
  if (cell.empty()) return at(line, column, "empty cell");
  double value = 0;
  const auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size() || !std::isfinite(value)) {
    return at(line, column, "'" + std::string(cell) + "' is not a number");
  }
  return value;
}

}  // namespace

Result<std::vector<Sample>> read_measurements_csv(std::string_view text) {
  std::array<int, kColumns.size()> position;
  position.fill(-1);
  std::vector<Sample> samples;
  bool have_header = false;
  std::size_t line_number = 0;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    const std::string_view line = trim(text.substr(0, end));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::vector<std::string_view> cells = split(line);
    if (!have_header) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        for (std::size_t k = 0; k < kColumns.size(); ++k) {
          if (cells[c] == kColumns[k]) position[k] = static_cast<int>(c);
        }
      }
      for (std::size_t k = 0; k < kColumns.size(); ++k) {
        if (position[k] < 0) return at(line_number, kColumns[k], "missing from the header");
      }
      have_header = true;
      continue;
    }
    auto cell = [&](Column column) -> std::string_view {
      const auto index = static_cast<std::size_t>(position[column]);
      return index < cells.size() ? cells[index] : std::string_view();
    };
    Sample sample;
    auto process = parse_process(cell(process_column));
    if (!process) return at(line_number, kColumns[process_column], process.error().message);
    auto material = parse_material(cell(material_column));
    if (!material) return at(line_number, kColumns[material_column], material.error().message);
    auto feature_class = parse_feature_class(cell(feature_column));
    if (!feature_class) return at(line_number, kColumns[feature_column], feature_class.error().message);
    std::array<double, 4> numbers{};
    for (int k = 0; k < 4; ++k) {
      const auto column = static_cast<Column>(size_column + k);
      auto value = number_at(cell(column), line_number, kColumns[column]);
      if (!value) return value.error();
      numbers[static_cast<std::size_t>(k)] = value.value();
    }
    sample.process = process.value();
    sample.material = material.value();
    sample.feature.id = "line " + std::to_string(line_number);
    sample.feature.feature_class = feature_class.value();
    sample.feature.text = std::string(cell(feature_column));
    sample.feature.size_mm = numbers[0];
    sample.feature.deviations_mm = {numbers[2], numbers[1]};
    sample.measured_mm = numbers[3];
    if (!(numbers[0] > 0)) return at(line_number, kColumns[size_column], "the size must be positive");
    if (!(numbers[2] > numbers[1])) return at(line_number, kColumns[upper_column], "upper_mm must exceed lower_mm");
    if (!is_size(feature_class.value()) && (numbers[1] != 0 || numbers[3] < 0)) {
      return at(line_number, kColumns[lower_column],
                "a geometric feature's zone is 0 .. upper_mm and its measured value is not negative");
    }
    samples.push_back(std::move(sample));
  }
  if (!have_header) return at(line_number, kColumns[process_column], "the file is empty: no header");
  if (samples.empty()) return at(line_number, kColumns[measured_column], "no measurement follows the header");
  return samples;
}

}  // namespace drawlens::tolerance
