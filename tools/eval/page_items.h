// The pages of a truth and a prediction paired by index, and a page's located items by schema key
// (tables gathered from the page's layout).
#pragma once

#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

// One truth page and the prediction page of the same "index" (position where it is missing);
// either may be null when only the other document has that page. In index order.
using PagePair = std::pair<const nlohmann::json*, const nlohmann::json*>;

// Throws std::runtime_error when either document lacks a "pages" array.
std::vector<PagePair> paired_pages(const nlohmann::json& truth, const nlohmann::json& prediction);

// The page's items under `key` ("dimensions", "notes", ...) as an array, empty when the page is null
// or has none. "tables" is the layout's title_block (when not null) followed by its tables.
nlohmann::json page_items(const nlohmann::json* page, std::string_view key);

}  // namespace drawlens::eval
