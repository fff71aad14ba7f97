// Serializes an Analysis to the JSON document described by docs/schema/result.schema.json.
#include <nlohmann/json.hpp>

#include "drawlens/drawlens.h"
#include "output/output.h"

namespace drawlens::output {
namespace {

using nlohmann::json;

json box_json(const Box& b) {
  return json::array({b.x, b.y, b.width, b.height});
}

json table_json(const layout::Table& table) {
  json cells = json::array();
  for (const auto& c : table.cells) {
    json cell = {
        {"box", box_json(c.box)}, {"row", c.row}, {"col", c.col}, {"row_span", c.row_span}, {"col_span", c.col_span}};
    if (!c.text.empty()) cell["text"] = c.text;
    cells.push_back(std::move(cell));
  }
  return {{"box", box_json(table.box)}, {"rows", table.rows}, {"cols", table.cols}, {"cells", std::move(cells)}};
}

json layout_json(const layout::Layout& layout) {
  json tables = json::array();
  for (const auto& t : layout.tables) tables.push_back(table_json(t));
  return {{"border", layout.border ? json{{"box", box_json(*layout.border)}} : json(nullptr)},
          {"title_block", layout.title_block ? table_json(*layout.title_block) : json(nullptr)},
          {"tables", std::move(tables)}};
}

json page_json(const PageAnalysis& page) {
  json words = json::array();
  for (const auto& w : page.words) {
    words.push_back({{"text", w.text}, {"box", box_json(w.box)}, {"rotation", w.rotation}});
  }
  json out = {{"index", page.index},
              {"width", page.width},
              {"height", page.height},
              {"dpi", page.dpi},
              {"dpi_source", dpi_source_name(page.dpi_source)},
              {"words", std::move(words)}};
  if (page.layout_ran) out["layout"] = layout_json(page.layout);
  return out;
}

}  // namespace

json to_json(const Analysis& analysis) {
  json pages = json::array();
  for (const auto& p : analysis.pages) pages.push_back(page_json(p));
  json timings = json::object();
  for (const auto& [stage, ms] : analysis.timings_ms) timings[stage] = ms;
  json diagnostics = json::array();
  for (const auto& d : analysis.diagnostics) {
    diagnostics.push_back({{"severity", d.severity},
                           {"stage", d.stage},
                           {"page", d.page >= 0 ? json(d.page) : json(nullptr)},
                           {"message", d.message}});
  }
  return {{"schema_version", kSchemaVersion},
          {"drawlens_version", DRAWLENS_VERSION_STRING},
          {"source",
           {{"name", analysis.name.empty() ? json(nullptr) : json(analysis.name)},
            {"format", format_name(analysis.format)},
            {"bytes", analysis.bytes},
            {"page_count", analysis.page_count}}},
          {"pages", std::move(pages)},
          {"timings_ms", std::move(timings)},
          {"diagnostics", std::move(diagnostics)}};
}

}  // namespace drawlens::output
