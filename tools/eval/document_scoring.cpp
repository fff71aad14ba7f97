// Scores one prediction document against its truth: pages paired by index, then each category's
// items paired under the protocol and counted (texts, parsed values, edit distances).
#include <cmath>
#include <map>
#include <set>
#include <stdexcept>

#include "eval.h"
#include "item_pairing.h"
#include "text_distance.h"

namespace drawlens::eval {
namespace {

using nlohmann::json;

const json kNoItems = json::array();

const json& items_of(const json* page, Category category) {
  if (page == nullptr) return kNoItems;
  const auto found = page->find(category_name(category));
  return found != page->end() && found->is_array() ? *found : kNoItems;
}

// The text an item is read as: a title field's value, otherwise its "text".
std::string item_text(const json& item, Category category) {
  const char* key = category == Category::title_fields ? "value" : "text";
  if (!item.is_object()) return "";
  const auto found = item.find(key);
  return found != item.end() && found->is_string() ? found->get<std::string>() : "";
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
    counts.edits += edit_distance(truth_text, predicted_text);
    counts.characters += length;
  }
  counts.matched_predicted = partners.size();
  return counts;
}

// Pages by their "index" (their position when it is missing).
std::map<long long, const json*> pages_by_index(const json& document) {
  const auto pages = document.is_object() ? document.find("pages") : document.end();
  if (!document.is_object() || pages == document.end() || !pages->is_array()) {
    throw std::runtime_error("not a drawlens result: no \"pages\" array");
  }
  std::map<long long, const json*> out;
  long long position = 0;
  for (const auto& page : *pages) {
    const auto index = page.is_object() ? page.find("index") : page.end();
    const bool indexed = page.is_object() && index != page.end() && index->is_number_integer();
    out[indexed ? index->get<long long>() : position] = &page;
    ++position;
  }
  return out;
}

}  // namespace

CategoryCounts evaluate_document(const json& truth, const json& prediction, Protocol protocol) {
  const auto truth_pages = pages_by_index(truth);
  const auto predicted_pages = pages_by_index(prediction);
  std::set<long long> indices;
  for (const auto& entry : truth_pages) indices.insert(entry.first);
  for (const auto& entry : predicted_pages) indices.insert(entry.first);
  CategoryCounts counts;
  for (long long index : indices) {
    const auto t = truth_pages.find(index);
    const auto p = predicted_pages.find(index);
    const json* truth_page = t == truth_pages.end() ? nullptr : t->second;
    const json* predicted_page = p == predicted_pages.end() ? nullptr : p->second;
    for (Category category : kCategories) {
      counts[category] +=
          score_items(items_of(truth_page, category), items_of(predicted_page, category), category, protocol);
    }
  }
  return counts;
}

}  // namespace drawlens::eval
