// Symbol tables of feature control frames: the Unicode glyphs of ASME Y14.5 / ISO 1101 and the
// variants fonts and OCR produce, characteristic names as words, AutoCAD symbol-font letters, and
// the modifiers with their schema names.
#include "parse/gdt_symbols.h"

#include <array>
#include <cctype>

namespace drawlens::parse {

std::string_view name(Characteristic characteristic) {
  switch (characteristic) {
    case Characteristic::straightness: return "straightness";
    case Characteristic::flatness: return "flatness";
    case Characteristic::circularity: return "circularity";
    case Characteristic::cylindricity: return "cylindricity";
    case Characteristic::line_profile: return "line_profile";
    case Characteristic::surface_profile: return "surface_profile";
    case Characteristic::perpendicularity: return "perpendicularity";
    case Characteristic::angularity: return "angularity";
    case Characteristic::parallelism: return "parallelism";
    case Characteristic::position: return "position";
    case Characteristic::concentricity: return "concentricity";
    case Characteristic::symmetry: return "symmetry";
    case Characteristic::circular_runout: return "circular_runout";
    case Characteristic::total_runout: return "total_runout";
  }
  return "position";
}

namespace gdt {
namespace {

using C = Characteristic;

struct GlyphEntry {
  char32_t code;
  C characteristic;
};

// Canonical glyphs first (glyph() reads them), then the look-alikes symbol fonts use.
constexpr std::array<GlyphEntry, 19> kGlyphs{{
    {U'\u23E4', C::straightness},      // ⏤
    {U'\u23E5', C::flatness},          // ⏥
    {U'\u25CB', C::circularity},       // ○ (◯ folds to it)
    {U'\u232D', C::cylindricity},      // ⌭
    {U'\u2312', C::line_profile},      // ⌒
    {U'\u2313', C::surface_profile},   // ⌓
    {U'\u27C2', C::perpendicularity},  // ⟂ (⊥ folds to it)
    {U'\u2220', C::angularity},        // ∠
    {U'\u2AFD', C::parallelism},       // ⫽ (∥ folds to it)
    {U'\u2316', C::position},          // ⌖
    {U'\u25CE', C::concentricity},     // ◎
    {U'\u232F', C::symmetry},          // ⌯
    {U'\u2197', C::circular_runout},   // ↗
    {U'\u2330', C::total_runout},      // ⌰
    {U'\u23AF', C::straightness},      // ⎯ horizontal line extension
    {U'\u25B1', C::flatness},          // ▱ parallelogram
    {U'\u2295', C::position},          // ⊕ circled plus
    {U'\u229A', C::concentricity},     // ⊚ circled ring
    {U'\u2261', C::symmetry},          // ≡ identical to
}};

struct NameEntry {
  std::string_view words;
  C characteristic;
};

constexpr std::array<NameEntry, 21> kNames{{
    {"straightness", C::straightness},       {"flatness", C::flatness},
    {"circularity", C::circularity},         {"roundness", C::circularity},
    {"cylindricity", C::cylindricity},       {"profile line", C::line_profile},
    {"line profile", C::line_profile},       {"profile surface", C::surface_profile},
    {"surface profile", C::surface_profile}, {"perpendicularity", C::perpendicularity},
    {"squareness", C::perpendicularity},     {"angularity", C::angularity},
    {"parallelism", C::parallelism},         {"position", C::position},
    {"true position", C::position},          {"concentricity", C::concentricity},
    {"coaxiality", C::concentricity},        {"symmetry", C::symmetry},
    {"runout", C::circular_runout},          {"circular runout", C::circular_runout},
    {"total runout", C::total_runout},
}};

// The letters of AutoCAD's AIGDT and GDT.SHX fonts, as documented for the TOLERANCE entity's
// "{\Fgdt;j}" codes (ODA OdDbFcf::setText): a angularity, b perpendicularity, c flatness, d profile
// of a surface, e circularity, f parallelism, g cylindricity, h circular runout, i symmetry,
// j position, k profile of a line, r concentricity, t total runout, u straightness; modifiers
// l LMC, m MMC, n diameter, p projected tolerance zone, s RFS.
struct FontLetterEntry {
  char letter;
  C characteristic;
};

constexpr std::array<FontLetterEntry, 14> kFontLetters{{
    {'a', C::angularity},
    {'b', C::perpendicularity},
    {'c', C::flatness},
    {'d', C::surface_profile},
    {'e', C::circularity},
    {'f', C::parallelism},
    {'g', C::cylindricity},
    {'h', C::circular_runout},
    {'i', C::symmetry},
    {'j', C::position},
    {'k', C::line_profile},
    {'r', C::concentricity},
    {'t', C::total_runout},
    {'u', C::straightness},
}};

using V = ModifierValue;

struct GlyphModifier {
  char32_t code;
  Modifier modifier;
};

constexpr std::array<GlyphModifier, 10> kToleranceGlyphs{{
    {U'\u24C2', {"mmc", "\u24C2"}},
    {U'\u24C1', {"lmc", "\u24C1"}},
    {U'\u24C8', {"rfs", "\u24C8"}},
    {U'\u24C5', {"projected", "\u24C5", V::optional_height}},
    {U'\u24BB', {"free_state", "\u24BB"}},
    {U'\u24C9', {"tangent_plane", "\u24C9"}},
    {U'\u24CA', {"unequal_bilateral", "\u24CA", V::required_offset}},
    {U'\u24BA', {"envelope", "\u24BA"}},
    {U'\u24BE', {"independency", "\u24BE"}},
    {U'\u25BD', {"dynamic_profile", "\u25BD"}},
}};

// Datum references: an explicit Ⓢ means RMB; ▷ is the translation modifier.
constexpr std::array<GlyphModifier, 6> kDatumGlyphs{{
    {U'\u24C2', {"mmc", "\u24C2"}},
    {U'\u24C1', {"lmc", "\u24C1"}},
    {U'\u24C8', {"rmb", "\u24C8"}},
    {U'\u25B7', {"translation", "\u25B7"}},
    {U'\u24BB', {"free_state", "\u24BB"}},
    {U'\u24C5', {"projected", "\u24C5"}},
}};

struct WordModifier {
  std::string_view word;
  Modifier modifier;
};

constexpr std::array<WordModifier, 12> kToleranceWords{{
    {"CZ", {"common_zone", "CZ"}},
    {"ST", {"statistical", "ST"}},
    {"CF", {"continuous_feature", "CF"}},
    {"UF", {"united_feature", "UF"}},
    {"UZ", {"unequal_bilateral", "UZ", V::required_offset}},
    {"ACS", {"any_cross_section", "ACS"}},
    {"ALS", {"any_longitudinal_section", "ALS"}},
    {"SEP", {"separate_requirement", "SEP REQT", V::second_word_reqt}},
    {"SIM", {"simultaneous_requirement", "SIM REQT", V::second_word_reqt}},
    {"MMC", {"mmc", "\u24C2", V::none, true}},
    {"LMC", {"lmc", "\u24C1", V::none, true}},
    {"RFS", {"rfs", "\u24C8", V::none, true}},
}};

constexpr std::array<WordModifier, 16> kDatumWords{{
    {"CF", {"contacting_feature", "[CF]"}},
    {"DV", {"distance_variable", "[DV]"}},
    {"PT", {"situation_point", "[PT]"}},
    {"SL", {"situation_line", "[SL]"}},
    {"PL", {"situation_plane", "[PL]"}},
    {"ACS", {"any_cross_section", "[ACS]"}},
    {"ALS", {"any_longitudinal_section", "[ALS]"}},
    {"LD", {"minor_diameter", "LD"}},
    {"MD", {"major_diameter", "MD"}},
    {"PD", {"pitch_diameter", "PD"}},
    {"MMB", {"mmc", "\u24C2", V::none, true}},
    {"LMB", {"lmc", "\u24C1", V::none, true}},
    {"RMB", {"rmb", "\u24C8", V::none, true}},
    {"MMC", {"mmc", "\u24C2", V::none, true}},
    {"LMC", {"lmc", "\u24C1", V::none, true}},
    {"RFS", {"rmb", "\u24C8", V::none, true}},
}};

bool same_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    if (std::toupper(static_cast<unsigned char>(a[k])) != std::toupper(static_cast<unsigned char>(b[k]))) return false;
  }
  return true;
}

template <typename Table>
std::optional<Modifier> find_glyph(const Table& table, char32_t code) {
  for (const auto& entry : table) {
    if (entry.code == code) return entry.modifier;
  }
  return std::nullopt;
}

template <typename Table>
std::optional<Modifier> find_word(const Table& table, std::string_view word) {
  for (const auto& entry : table) {
    if (same_ignoring_case(entry.word, word)) return entry.modifier;
  }
  return std::nullopt;
}

}  // namespace

char32_t glyph(Characteristic characteristic) {
  for (const auto& entry : kGlyphs) {
    if (entry.characteristic == characteristic) return entry.code;
  }
  return U'\u2316';
}

bool is_form(Characteristic characteristic) {
  return characteristic == C::straightness || characteristic == C::flatness || characteristic == C::circularity ||
         characteristic == C::cylindricity;
}

bool needs_datum(Characteristic characteristic) {
  switch (characteristic) {
    case C::perpendicularity:
    case C::angularity:
    case C::parallelism:
    case C::concentricity:
    case C::symmetry:
    case C::circular_runout:
    case C::total_runout: return true;
    default: return false;
  }
}

std::optional<Characteristic> characteristic_for_glyph(char32_t code) {
  for (const auto& entry : kGlyphs) {
    if (entry.code == code) return entry.characteristic;
  }
  return std::nullopt;
}

std::optional<Characteristic> characteristic_for_name(std::string_view words) {
  for (const auto& entry : kNames) {
    if (entry.words == words) return entry.characteristic;
  }
  return std::nullopt;
}

bool starts_characteristic_name(std::string_view words) {
  for (const auto& entry : kNames) {
    if (entry.words.substr(0, words.size()) == words) return true;
  }
  return false;
}

bool is_name_filler(std::string_view word) {
  return word == "of" || word == "a" || word == "the";
}

std::optional<Characteristic> characteristic_for_font_letter(char letter) {
  for (const auto& entry : kFontLetters) {
    if (entry.letter == letter) return entry.characteristic;
  }
  return std::nullopt;
}

std::optional<Modifier> modifier_for_glyph(char32_t code, ModifierPlace place) {
  return place == ModifierPlace::tolerance ? find_glyph(kToleranceGlyphs, code) : find_glyph(kDatumGlyphs, code);
}

std::optional<Modifier> modifier_for_word(std::string_view word, ModifierPlace place) {
  if (word.size() < 2) return std::nullopt;
  return place == ModifierPlace::tolerance ? find_word(kToleranceWords, word) : find_word(kDatumWords, word);
}

std::optional<Modifier> modifier_for_font_letter(char letter, ModifierPlace place) {
  switch (letter) {
    case 'm': return modifier_for_glyph(U'\u24C2', place);
    case 'l': return modifier_for_glyph(U'\u24C1', place);
    case 's': return modifier_for_glyph(U'\u24C8', place);
    case 'p': return modifier_for_glyph(U'\u24C5', place);
    default: return std::nullopt;
  }
}

}  // namespace gdt
}  // namespace drawlens::parse
