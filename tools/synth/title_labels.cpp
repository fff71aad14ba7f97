// Label spellings the parse stage's title_key_for_label knows (src/parse/title_labels.cpp), so the
// fields read back to their keys; "Format"/"SIZE" have no key and stay "other".
#include "title_labels.h"

namespace drawlens::synth {
namespace {

using K = parse::TitleKey;

struct Spellings {
  K key;
  const char* english;
  const char* german;
  const char* korean;
};

constexpr Spellings kIsoLabels[] = {
    {K::drawn_by, "Drawn by", "Erstellt", "작성"},
    {K::checked_by, "Checked by", "Geprüft", "검토"},
    {K::approved_by, "Approved by", "Freigegeben", "승인"},
    {K::date, "Date", "Datum", "일자"},
    {K::scale, "Scale", "Maßstab", "척도"},
    {K::company, "Company", "Firma", "회사명"},
    {K::material, "Material", "Werkstoff", "재질"},
    {K::mass, "Mass", "Gewicht", "중량"},
    {K::general_tolerance, "General tolerances", "Allgemeintoleranzen", "일반공차"},
    {K::units, "Units", "Einheit", "단위"},
    {K::projection, "Projection", "Projektion", "투상법"},
    {K::title, "Title", "Benennung", "품명"},
    {K::revision, "Rev.", "Änd.", "개정"},
    {K::drawing_number, "Drawing No.", "Zeichnungsnummer", "도번"},
    {K::sheet, "Sheet", "Blatt", "매수"},
    {K::other, "Format", "Format", "용지"},
};

std::string iso_label(K key, Language language) {
  for (const Spellings& s : kIsoLabels) {
    if (s.key != key) continue;
    return language == Language::german ? s.german : language == Language::korean ? s.korean : s.english;
  }
  return "";
}

TitleGrid iso_grid(Language language) {
  TitleGrid grid{{24, 24, 24, 26, 22, 60}, {9, 9, 10, 10}, {}};
  auto cell = [&](int row, int col, int row_span, int col_span, K key) {
    grid.cells.push_back({row, col, row_span, col_span, key, iso_label(key, language)});
  };
  cell(0, 0, 1, 1, K::drawn_by);
  cell(0, 1, 1, 1, K::checked_by);
  cell(0, 2, 1, 1, K::approved_by);
  cell(0, 3, 1, 1, K::date);
  cell(0, 4, 1, 1, K::scale);
  cell(0, 5, 1, 1, K::company);
  cell(1, 0, 1, 2, K::material);
  cell(1, 2, 1, 1, K::mass);
  cell(1, 3, 1, 1, K::general_tolerance);
  cell(1, 4, 1, 1, K::units);
  cell(1, 5, 1, 1, K::projection);
  cell(2, 0, 2, 4, K::title);
  cell(2, 4, 1, 1, K::revision);
  cell(2, 5, 1, 1, K::drawing_number);
  cell(3, 4, 1, 1, K::sheet);
  cell(3, 5, 1, 1, K::other);
  return grid;
}

TitleGrid asme_grid() {
  TitleGrid grid{{46, 24, 22, 56, 32}, {9, 9, 9, 10, 9}, {}};
  auto cell = [&](int row, int col, int row_span, int col_span, K key, const char* label) {
    grid.cells.push_back({row, col, row_span, col_span, key, label});
  };
  cell(0, 0, 1, 1, K::units, "UNITS");
  cell(0, 1, 1, 1, K::drawn_by, "DRAWN");
  cell(0, 2, 1, 1, K::date, "DATE");
  cell(0, 3, 1, 2, K::company, "COMPANY");
  cell(1, 0, 1, 1, K::general_tolerance, "TOLERANCES");
  cell(1, 1, 1, 2, K::checked_by, "CHECKED");
  cell(1, 3, 2, 2, K::title, "TITLE");
  cell(2, 0, 1, 1, K::material, "MATERIAL");
  cell(2, 1, 1, 2, K::approved_by, "APPROVED");
  cell(3, 0, 1, 1, K::projection, "PROJECTION");
  cell(3, 1, 1, 1, K::other, "SIZE");
  cell(3, 2, 1, 2, K::drawing_number, "DWG NO.");
  cell(3, 4, 1, 1, K::revision, "REV");
  cell(4, 0, 1, 1, K::scale, "SCALE");
  cell(4, 1, 1, 2, K::mass, "WEIGHT");
  cell(4, 3, 1, 2, K::sheet, "SHEET");
  return grid;
}

}  // namespace

TitleGrid title_grid(const DrawingPlan& plan) {
  return plan.style == SheetStyle::asme ? asme_grid() : iso_grid(plan.language);
}

std::string projection_value(const DrawingPlan& plan) {
  if (plan.style == SheetStyle::iso && plan.language == Language::german) {
    return plan.third_angle ? "Projektionsmethode 3" : "Projektionsmethode 1";
  }
  if (plan.style == SheetStyle::iso && plan.language == Language::korean) return plan.third_angle ? "3각법" : "1각법";
  return plan.third_angle ? "THIRD ANGLE" : "FIRST ANGLE";
}

}  // namespace drawlens::synth
