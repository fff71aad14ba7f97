// libFuzzer target for the parse stage: every parser on the same bytes. The parsers read text from
// OCR and PDF text layers of drawings from strangers; any crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "parse/parse.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  namespace parse = drawlens::parse;
  parse::DimensionContext context;
  context.general_tolerance = parse::GeneralTolerance{"ISO 2768-1", parse::GeneralClass::m, std::nullopt, "", ""};
  if (auto d = parse::parse_dimension(text, context); d.ok()) {
    // The normalised spelling must parse again: it is what the library hands out as canonical.
    (void)parse::parse_dimension(d.value().normalized, context);
  }
  (void)parse::parse_gdt(text);
  (void)parse::parse_surface_texture(text);
  (void)parse::parse_general_tolerance(text);
  (void)parse::parse_tolerance_class(text);
  (void)parse::parse_scale(text);
  (void)parse::parse_sheet(text);
  (void)parse::parse_mass(text);
  (void)parse::parse_date(text);
  (void)parse::parse_units(text);
  (void)parse::parse_third_angle(text);
  (void)parse::title_key_for_label(text);
  (void)parse::read_annotation(text, context);
  (void)parse::stacked_part(text, true);
  (void)parse::ascii_spelling(text);
  std::vector<parse::TitleCell> cells = {{std::string(text), 0, 0, 1, 1}, {std::string(text), 0, 1, 1, 1}};
  (void)parse::title_fields_from_cells(cells);
  return 0;
}
