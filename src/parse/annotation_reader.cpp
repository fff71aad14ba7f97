// The one reading of an annotation text: which kind it is (surface texture, GD&T frame, general
// tolerance, dimension, note) and its parsed value, shared by `analyze` and drawlens_parse_json.
#include <algorithm>
#include <cctype>

#include "parse/drawing_text.h"
#include "parse/gdt_symbols.h"
#include "parse/parse.h"
#include "parse/surface_parameters.h"

namespace drawlens::parse {
namespace {

// Standards whose number marks a general tolerance statement (ISO 2768-1, its successor
// ISO 22081, and the withdrawn DIN 7168), as parse_general_tolerance reads them.
constexpr std::string_view kGeneralToleranceStandards[] = {"2768", "22081", "7168"};

// A GD&T frame has a characteristic's canonical glyph. ⌒ is left out: it is also arc length
// ("⌒25"), which the dimension grammar reads.
bool has_characteristic_glyph(std::string_view text) {
  auto lexed = lex_drawing_text(text);
  if (!lexed) return false;
  for (const Token& token : lexed.value().tokens) {
    if (token.kind != TokenKind::symbol || token.code == symbol::arc) continue;
    const auto characteristic = gdt::characteristic_for_glyph(token.code);
    if (characteristic && gdt::glyph(*characteristic) == token.code) return true;
  }
  return false;
}

bool names_general_tolerance_standard(std::string_view text) {
  return std::any_of(std::begin(kGeneralToleranceStandards), std::end(kGeneralToleranceStandards),
                     [&](std::string_view number) { return text.find(number) != std::string_view::npos; });
}

// A run of two ASCII letters, or any non-ASCII letter (umlauts, CJK): prose, not a stray label
// such as a datum letter or a view name "A".
bool has_word(std::string_view text) {
  int run = 0;
  for (char c : text) {
    if ((c & 0x80) != 0) return true;
    run = std::isalpha(static_cast<unsigned char>(c)) ? run + 1 : 0;
    if (run >= 2) return true;
  }
  return false;
}

Annotation annotation(Dimension dimension) {
  const double penalty = dimension.confidence_penalty;
  std::string normalized = dimension.normalized;
  return {std::move(dimension), std::move(normalized), confidence(penalty)};
}
Annotation annotation(GdtFrame frame) {
  const double penalty = frame.confidence_penalty;
  std::string normalized = frame.normalized;
  return {std::move(frame), std::move(normalized), confidence(penalty)};
}
Annotation annotation(SurfaceTexture texture) {
  const double penalty = texture.confidence_penalty;
  std::string normalized = texture.normalized;
  return {std::move(texture), std::move(normalized), confidence(penalty)};
}
Annotation annotation(GeneralTolerance general) {
  std::string normalized = general.text;
  return {std::move(general), std::move(normalized), 1.0};
}

template <typename Value>
Result<Annotation> as_annotation(Result<Value> parsed) {
  if (!parsed) return parsed.error();
  return annotation(std::move(parsed).value());
}

}  // namespace

double confidence(double penalty) {
  return std::clamp(1.0 - penalty, 0.0, 1.0);
}

std::string_view name(AnnotationKind kind) {
  switch (kind) {
    case AnnotationKind::dimension: return "dimension";
    case AnnotationKind::gdt_frame: return "gdt_frame";
    case AnnotationKind::surface_texture: return "surface_texture";
    case AnnotationKind::general_tolerance: return "general_tolerance";
    case AnnotationKind::note: return "note";
  }
  return "note";
}

Result<Annotation> read_annotation_as(AnnotationKind kind, std::string_view text, const DimensionContext& context) {
  switch (kind) {
    case AnnotationKind::dimension: return as_annotation(parse_dimension(text, context));
    case AnnotationKind::gdt_frame: return as_annotation(parse_gdt(text));
    case AnnotationKind::surface_texture: return as_annotation(parse_surface_texture(text));
    case AnnotationKind::general_tolerance: return as_annotation(parse_general_tolerance(text));
    case AnnotationKind::note:
      if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return make_error(Status::parse, "empty note");
      return Annotation{std::string(text), std::string(text), 1.0};
  }
  return make_error(Status::invalid_argument, "unknown annotation kind");
}

Result<Annotation> read_annotation(std::string_view text, const DimensionContext& context) {
  if (starts_with_surface_parameter(text)) {
    if (auto texture = parse_surface_texture(text)) return annotation(std::move(texture).value());
  }
  if (has_characteristic_glyph(text)) {
    if (auto frame = parse_gdt(text)) return annotation(std::move(frame).value());
  }
  if (names_general_tolerance_standard(text)) {
    if (auto general = parse_general_tolerance(text)) return annotation(std::move(general).value());
  }
  auto dimension = parse_dimension(text, context);
  if (dimension) return annotation(std::move(dimension).value());
  if (has_word(text)) return Annotation{std::string(text), std::string(text), 1.0};
  return dimension.error();
}

}  // namespace drawlens::parse
