// Scores one prediction document against its truth: pages paired by index, then each category's
// items paired under the protocol and counted (texts, parsed values, table cells, edit distances).
#include <cmath>
#include <map>
#include <set>

#include "eval.h"
#include "item_pairing.h"
#include "page_items.h"
#include "text_distance.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;

std::string string_at(const json& item, const char* key) {
  if (!item.is_object()) return "";
  const auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : "";
}

// A table's cell texts keyed by (row, col).
std::map<std::pair<long long, long long>, std::string> cell_texts(const json& table) {
  std::map<std::pair<long long, long long>, std::string> cells;
  const auto found = table.is_object() ? table.find("cells") : table.end();
  if (!table.is_object() || found == table.end() || !found->is_array()) return cells;
  for (const auto& cell : *found) {
    if (!cell.is_object() || !cell.contains("row") || !cell.contains("col") || !cell["row"].is_number_integer() ||
        !cell["col"].is_number_integer()) {
      continue;
    }
    cells[{cell["row"].get<long long>(), cell["col"].get<long long>()}] = string_at(cell, "text");
  }
  return cells;
}

// The text an item is read as: a title field's value, a table's cell texts in row-major order
// joined by newlines, otherwise its "text".
std::string item_text(const json& item, Category category) {
  if (category == Category::title_fields) return string_at(item, "value");
  if (category != Category::tables) return string_at(item, "text");
  std::string text;
  bool first = true;
  for (const auto& [position, cell] : cell_texts(item)) {
    text += (first ? "" : "\n") + cell;
    first = false;
  }
  return text;
}

// Truth cells of a table whose cell at the same (row, col) in the partner has the same text.
std::size_t equal_cells(const json& truth, const json& predicted) {
  const auto predicted_cells = cell_texts(predicted);
  std::size_t equal = 0;
  for (const auto& [position, text] : cell_texts(truth)) {
    const auto found = predicted_cells.find(position);
    equal += found != predicted_cells.end() && found->second == text ? 1 : 0;
  }
  return equal;
}

std::string item_key(const json& item) {
  if (!item.is_object()) return "";
  const auto found = item.find("key");
  return found != item.end() && found->is_string() ? found->get<std::string>() : "";
}

// A number at a JSON pointer, or NaN when absent (absent on both sides counts as agreeing).
double number_at(const json& item, const char* pointer) {
  const json::json_pointer path(pointer);
  return item.contains(path) && item.at(path).is_number() ? item.at(path).get<double>() : std::nan("");
}

bool same_value(const json& truth, const json& predicted) {
  for (const char* pointer : {"/nominal", "/tolerance/limits/upper", "/tolerance/limits/lower"}) {
    const double a = number_at(truth, pointer);
    const double b = number_at(predicted, pointer);
    if (std::isnan(a) != std::isnan(b)) return false;
    if (!std::isnan(a) && std::fabs(a - b) > kValueTolerance) return false;
  }
  return true;
}

Pairing pair_items(const json& truth, const json& predicted, Category category, Protocol protocol) {
  if (category == Category::title_fields) {
    std::vector<std::string> truth_keys, predicted_keys;
    for (const auto& item : truth) truth_keys.push_back(item_key(item));
    for (const auto& item : predicted) predicted_keys.push_back(item_key(item));
    return pair_by_key(truth_keys, predicted_keys);
  }
  std::vector<std::optional<Box>> truth_boxes, predicted_boxes;
  for (const auto& item : truth) truth_boxes.push_back(item_box(item));
  for (const auto& item : predicted) predicted_boxes.push_back(item_box(item));
  const auto overlap = overlap_matrix(truth_boxes, predicted_boxes);
  return protocol == Protocol::strict ? pair_one_to_one(overlap, predicted.size(), kStrictIou)
                                      : pair_best_overlap(overlap, kEdocrIou);
}

Counts score_items(const json& truth, const json& predicted, Category category, Protocol protocol) {
  const Pairing partner = pair_items(truth, predicted, category, protocol);
  Counts counts;
  counts.truth = truth.size();
  counts.predicted = predicted.size();
  std::set<int> partners;
  for (std::size_t t = 0; t < truth.size(); ++t) {
    const std::string truth_text = item_text(truth[t], category);
    const std::size_t length = code_points(truth_text).size();
    if (category == Category::tables) counts.cells += cell_texts(truth[t]).size();
    if (partner[t] < 0) {
      // Strict CER charges a missed item its whole text; eDOCr2's leaves it out of the rate.
      if (protocol == Protocol::strict) {
        counts.edits += length;
        counts.characters += length;
      }
      continue;
    }
    const json& match = predicted[static_cast<std::size_t>(partner[t])];
    const std::string predicted_text = item_text(match, category);
    partners.insert(partner[t]);
    ++counts.matched_truth;
    counts.exact += truth_text == predicted_text ? 1 : 0;
    if (category == Category::dimensions) counts.value_equal += same_value(truth[t], match) ? 1 : 0;
    if (category == Category::tables) counts.cells_equal += equal_cells(truth[t], match);
    counts.edits += edit_distance(truth_text, predicted_text);
    counts.characters += length;
  }
  counts.matched_predicted = partners.size();
  return counts;
}

}  // namespace

CategoryCounts evaluate_document(const json& truth, const json& prediction, Protocol protocol) {
  CategoryCounts counts;
  for (const auto& [truth_page, predicted_page] : paired_pages(truth, prediction)) {
    for (Category category : kCategories) {
      const char* key = category_name(category);
      counts[category] += score_items(page_items(truth_page, key), page_items(predicted_page, key), category, protocol);
    }
  }
  return counts;
}

}  // namespace drawlens::eval
