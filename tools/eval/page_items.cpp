// Pairing the pages of two result documents by index, and reading a page's items by schema key.
#include "page_items.h"

#include <map>
#include <stdexcept>
#include <string>

namespace drawlens::eval {
namespace {

using nlohmann::json;

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

json layout_tables(const json& page) {
  json tables = json::array();
  const auto layout = page.find("layout");
  if (layout == page.end() || !layout->is_object()) return tables;
  const auto title_block = layout->find("title_block");
  if (title_block != layout->end() && title_block->is_object()) tables.push_back(*title_block);
  const auto others = layout->find("tables");
  if (others != layout->end() && others->is_array()) {
    for (const auto& table : *others) tables.push_back(table);
  }
  return tables;
}

}  // namespace

std::vector<PagePair> paired_pages(const json& truth, const json& prediction) {
  const auto truth_pages = pages_by_index(truth);
  const auto predicted_pages = pages_by_index(prediction);
  std::map<long long, PagePair> pairs;
  for (const auto& [index, page] : truth_pages) pairs[index].first = page;
  for (const auto& [index, page] : predicted_pages) pairs[index].second = page;
  std::vector<PagePair> out;
  for (const auto& entry : pairs) out.push_back(entry.second);
  return out;
}

json page_items(const json* page, std::string_view key) {
  if (page == nullptr || !page->is_object()) return json::array();
  if (key == "tables") return layout_tables(*page);
  const auto found = page->find(std::string(key));
  return found != page->end() && found->is_array() ? *found : json::array();
}

}  // namespace drawlens::eval
