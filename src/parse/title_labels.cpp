// Title-block labels in English, German and Korean, and how printed labels are matched to them:
// case, trailing ':' / '.', spacing ("DWG.NO." = "DWG NO"), umlauts and their transliterations.
#include "parse/title_labels.h"

#include <algorithm>
#include <unordered_map>

namespace drawlens::parse {

std::string_view name(TitleKey key) {
  switch (key) {
    case TitleKey::part_number: return "part_number";
    case TitleKey::drawing_number: return "drawing_number";
    case TitleKey::title: return "title";
    case TitleKey::material: return "material";
    case TitleKey::scale: return "scale";
    case TitleKey::sheet: return "sheet";
    case TitleKey::revision: return "revision";
    case TitleKey::date: return "date";
    case TitleKey::mass: return "mass";
    case TitleKey::general_tolerance: return "general_tolerance";
    case TitleKey::projection: return "projection";
    case TitleKey::units: return "units";
    case TitleKey::drawn_by: return "drawn_by";
    case TitleKey::checked_by: return "checked_by";
    case TitleKey::approved_by: return "approved_by";
    case TitleKey::company: return "company";
    case TitleKey::other: return "other";
  }
  return "other";
}

namespace title {
namespace {

using K = TitleKey;

struct LabelGroup {
  TitleKey key;
  std::vector<std::string_view> spellings;
};

// "NAME" alone is left out: SolidWorks' ANSI and DIN templates print it as the column header
// over the people who drew and checked, not as the part's name.
const std::vector<LabelGroup>& label_groups() {
  static const std::vector<LabelGroup> groups = {
      {K::part_number,
       {"PART NO.", "PART NUMBER", "PART #", "P/N", "PN", "Teilenummer", "Teile-Nr.", "Sachnummer", "Sach-Nr.",
        "Artikelnummer", "Artikel-Nr.", "부품번호", "품번"}},
      {K::drawing_number,
       {"DWG NO.", "DWG. NO.", "DWG #", "DRAWING NO.", "DRAWING NUMBER", "DWG NUMBER", "Zeichnungsnummer",
        "Zeichnungs-Nr.", "Zeich.-Nr.", "Zeichn.-Nr.", "Zchn.-Nr.", "Zeichnung Nr.", "도번", "도면번호"}},
      {K::title,
       {"TITLE", "DESCRIPTION", "PART NAME", "DRAWING TITLE", "DWG TITLE", "Benennung", "Bezeichnung", "Titel", "품명",
        "명칭", "도명"}},
      {K::material, {"MATERIAL", "MATL", "MAT'L", "Werkstoff", "재질", "재료"}},
      {K::scale, {"SCALE", "Maßstab", "Massstab", "척도", "축척"}},
      {K::sheet, {"SHEET", "SHEET NO.", "PAGE", "Blatt", "Bl.", "Blatt-Nr.", "매수", "쪽"}},
      {K::revision, {"REV", "REV.", "REVISION", "REV NO.", "Änderung", "Änd.", "Ausgabe", "Index", "개정", "리비전"}},
      {K::date, {"DATE", "Datum", "일자", "날짜"}},
      {K::mass, {"WEIGHT", "MASS", "Gewicht", "Masse", "중량", "무게"}},
      {K::general_tolerance,
       {"GENERAL TOLERANCES", "GENERAL TOLERANCE", "TOLERANCES", "TOLERANCE", "Allgemeintoleranzen",
        "Allgemeintoleranz", "Freimaßtoleranz", "일반공차"}},
      {K::projection, {"PROJECTION", "Projektion", "Projektionsmethode", "투상법", "투상"}},
      {K::units, {"UNITS", "UNIT", "Einheit", "Maßeinheit", "단위"}},
      {K::drawn_by,
       {"DRAWN", "DRAWN BY", "DRN", "DWN", "Gezeichnet", "Gez.", "Erstellt", "Bearbeitet", "Bearb.", "작성", "설계"}},
      {K::checked_by, {"CHECKED", "CHECKED BY", "CHK", "CHKD", "CKD", "Geprüft", "Gepr.", "검토", "검도"}},
      {K::approved_by,
       {"APPROVED", "APPROVED BY", "APPR", "APPD", "ENG APPR.", "MFG APPR.", "Freigegeben", "Freigabe", "Genehmigt",
        "승인"}},
      {K::company, {"COMPANY", "COMPANY NAME", "Firma", "회사", "회사명"}},
  };
  return groups;
}

bool is_ascii_upper(char c) {
  return c >= 'A' && c <= 'Z';
}

// Spacing and punctuation do not tell labels apart ("DWG. NO." = "DWG NO" = "DWG.NO."); '#' is
// read as "no" ("PART #").
std::string canonical_label(std::string_view text) {
  std::string out;
  for (char c : fold_letters(text)) {
    if (c == '#') {
      out += "no";
    } else if (std::string_view(" \t\r\n.:-_'").find(c) == std::string_view::npos) {
      out += c;
    }
  }
  return out;
}

const std::unordered_map<std::string, TitleKey>& labels_by_canonical_form() {
  static const auto table = [] {
    std::unordered_map<std::string, TitleKey> out;
    for (const auto& group : label_groups()) {
      for (std::string_view spelling : group.spellings) out.emplace(canonical_label(spelling), group.key);
    }
    return out;
  }();
  return table;
}

std::optional<TitleKey> exact_label(std::string_view text) {
  const auto& table = labels_by_canonical_form();
  const std::string canonical = canonical_label(text);
  if (canonical.empty()) return std::nullopt;
  const auto found = table.find(canonical);
  if (found == table.end()) return std::nullopt;
  return found->second;
}

// Bilingual and annotated labels: "Benennung / Title", "WEIGHT (kg)", "재질 [MATERIAL]". The parts
// that are labels must agree.
std::optional<TitleKey> label_by_parts(std::string_view text) {
  std::optional<TitleKey> agreed;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find_first_of("/()[]", start), text.size());
    if (auto key = exact_label(text.substr(start, end - start))) {
      if (agreed && agreed != key) return std::nullopt;
      agreed = key;
    }
    start = end + 1;
  }
  return agreed;
}

bool ends_label_word(std::string_view text, std::size_t i) {
  if (i == text.size()) return true;
  const char c = text[i];
  const bool separator = c == ' ' || c == '\t' || c == ':' || c == '\n' || c == '\r';
  const bool letter_then_digit = c >= '0' && c <= '9' && i > 0 && !(text[i - 1] >= '0' && text[i - 1] <= '9');
  return i > 0 && (separator || letter_then_digit);
}

}  // namespace

std::string fold_letters(std::string_view text) {
  static const std::pair<std::string_view, std::string_view> kGerman[] = {
      {"\u00C4", "ae"}, {"\u00E4", "ae"}, {"\u00D6", "oe"}, {"\u00F6", "oe"},
      {"\u00DC", "ue"}, {"\u00FC", "ue"}, {"\u00DF", "ss"}, {"\u1E9E", "ss"},
  };
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const auto german = std::find_if(std::begin(kGerman), std::end(kGerman), [&](const auto& entry) {
      return text.substr(i, entry.first.size()) == entry.first;
    });
    if (german != std::end(kGerman)) {
      out += german->second;
      i += german->first.size();
    } else {
      out += is_ascii_upper(text[i]) ? static_cast<char>(text[i] - 'A' + 'a') : text[i];
      ++i;
    }
  }
  return out;
}

std::vector<std::string> folded_words(std::string_view text) {
  std::vector<std::string> words;
  std::string word;
  for (char c : fold_letters(text)) {
    const bool part_of_word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    if (part_of_word) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::optional<std::pair<TitleKey, std::size_t>> leading_label(std::string_view text) {
  for (std::size_t end = text.size(); end > 0; --end) {
    if (!ends_label_word(text, end)) continue;
    if (auto key = exact_label(text.substr(0, end))) return std::make_pair(*key, end);
  }
  return std::nullopt;
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string_view strip_label(std::string_view text, TitleKey key) {
  std::string_view out = trim(text);
  const auto label = leading_label(out);
  if (label && label->first == key) {
    out = out.substr(label->second);
    out = out.substr(std::min(out.find_first_not_of(" \t\r\n:"), out.size()));
  }
  return trim(out);
}

}  // namespace title

std::optional<TitleKey> title_key_for_label(std::string_view label) {
  const std::string_view text = title::trim(label);
  if (auto key = title::exact_label(text)) return key;
  if (text.find_first_of("/()[]") == std::string_view::npos) return std::nullopt;
  return title::label_by_parts(text);
}

}  // namespace drawlens::parse
