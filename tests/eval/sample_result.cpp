// The hand-made result JSON shared by the evaluation tests.
#include "sample_result.h"

namespace drawlens::eval::testing {

nlohmann::json sample_result() {
  using nlohmann::json;
  const json dimensions = json::array({
      {{"text", "Ø25 H7"},
       {"box", {100, 100, 60, 20}},
       {"nominal", 25.0},
       {"tolerance", {{"kind", "fit"}, {"limits", {{"upper", 25.021}, {"lower", 25.0}}}}}},
      {{"text", "180 ±0,05"},
       {"box", {300, 100, 90, 20}},
       {"nominal", 180.0},
       {"tolerance", {{"kind", "symmetric"}, {"limits", {{"upper", 180.05}, {"lower", 179.95}}}}}},
      {{"text", "M12x1.75-6"}, {"box", {100, 300, 130, 20}}, {"nominal", 12.0}, {"tolerance", {{"kind", "general"}}}},
      {{"text", "4x R5"},
       {"polygon", {{400, 320}, {440, 320}, {440, 300}, {400, 300}}},
       {"nominal", 5.0},
       {"tolerance", {{"kind", "none"}}}},
  });
  const json frames = json::array({
      {{"text", "⌖|Ø0.10Ⓜ|A|B"}, {"box", {500, 500, 120, 30}}},
      {{"text", "⏥|0.05"}, {"box", {700, 500, 80, 30}}},
  });
  const json fields = json::array({
      {{"key", "drawn_by"}, {"value", "S. Fischer"}, {"box", {640, 980, 96, 16}}},
      {{"key", "material"}, {"value", "S235JR"}, {"box", {800, 980, 60, 16}}},
      {{"key", "scale"}, {"value", "1:2"}, {"box", {900, 980, 30, 16}}},
  });
  const json title_block = {
      {"box", {600, 900, 400, 80}},
      {"rows", 2},
      {"cols", 2},
      {"cells",
       json::array(
           {{{"box", {600, 900, 200, 40}}, {"row", 0}, {"col", 0}, {"row_span", 1}, {"col_span", 1}, {"text", "Drawn"}},
            {{"box", {800, 900, 200, 40}},
             {"row", 0},
             {"col", 1},
             {"row_span", 1},
             {"col_span", 1},
             {"text", "S. Fischer"}},
            {{"box", {600, 940, 200, 40}},
             {"row", 1},
             {"col", 0},
             {"row_span", 1},
             {"col_span", 1},
             {"text", "Material"}},
            {{"box", {800, 940, 200, 40}},
             {"row", 1},
             {"col", 1},
             {"row_span", 1},
             {"col_span", 1},
             {"text", "S235JR"}}})}};
  return {
      {"schema_version", "1.0.0"},
      {"pages",
       json::array({{{"index", 0},
                     {"width", 1200},
                     {"height", 1000},
                     {"dimensions", dimensions},
                     {"gdt_frames", frames},
                     {"title_fields", fields},
                     {"layout", {{"border", nullptr}, {"title_block", title_block}, {"tables", json::array()}}}}})}};
}

nlohmann::json line_segment(const char* line_class, double x0, double y0, double x1, double y1) {
  return {{"class", line_class}, {"kind", "line"}, {"points", {{x0, y0}, {x1, y1}}}, {"confidence", 1.0}};
}

}  // namespace drawlens::eval::testing
