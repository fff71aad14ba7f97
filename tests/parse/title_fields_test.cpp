// Title-block reading: labels in English, German and Korean, the value parsers (scale, sheet, mass,
// date, units, projection) with their refusals, and label/value pairing on small cell grids
// modelled on the SolidWorks ANSI and DIN templates.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "parse/parse.h"

namespace {

using drawlens::Status;
using drawlens::parse::TitleCell;
using drawlens::parse::TitleField;
using drawlens::parse::TitleKey;
using drawlens::parse::Unit;
namespace parse = drawlens::parse;

struct LabelCase {
  std::string label;
  std::optional<TitleKey> key;
};

void PrintTo(const LabelCase& label, std::ostream* os) {
  *os << label.label;
}

class LabelTest : public testing::TestWithParam<LabelCase> {};

TEST_P(LabelTest, NamesItsKey) {
  EXPECT_EQ(parse::title_key_for_label(GetParam().label), GetParam().key);
}

INSTANTIATE_TEST_SUITE_P(
    English, LabelTest,
    testing::Values(LabelCase{"PART NO.", TitleKey::part_number}, LabelCase{"Part Number", TitleKey::part_number},
                    LabelCase{"P/N", TitleKey::part_number}, LabelCase{"DWG. NO.", TitleKey::drawing_number},
                    LabelCase{"DWG NO", TitleKey::drawing_number}, LabelCase{"DWG.NO.", TitleKey::drawing_number},
                    LabelCase{"DRAWING NUMBER:", TitleKey::drawing_number}, LabelCase{"TITLE:", TitleKey::title},
                    LabelCase{"DESCRIPTION", TitleKey::title}, LabelCase{"MATERIAL", TitleKey::material},
                    LabelCase{"MATL", TitleKey::material}, LabelCase{"SCALE", TitleKey::scale},
                    LabelCase{"SHEET", TitleKey::sheet}, LabelCase{"REV", TitleKey::revision},
                    LabelCase{"REVISION", TitleKey::revision}, LabelCase{"DATE", TitleKey::date},
                    LabelCase{"WEIGHT", TitleKey::mass}, LabelCase{"MASS", TitleKey::mass},
                    LabelCase{"GENERAL TOLERANCES", TitleKey::general_tolerance},
                    LabelCase{"PROJECTION", TitleKey::projection}, LabelCase{"UNITS", TitleKey::units},
                    LabelCase{"  drawn   by :  ", TitleKey::drawn_by}, LabelCase{"DRN", TitleKey::drawn_by},
                    LabelCase{"CHECKED", TitleKey::checked_by}, LabelCase{"CHK", TitleKey::checked_by},
                    LabelCase{"APPROVED", TitleKey::approved_by}, LabelCase{"ENG APPR.", TitleKey::approved_by},
                    LabelCase{"COMPANY", TitleKey::company}, LabelCase{"WEIGHT (kg)", TitleKey::mass}));

INSTANTIATE_TEST_SUITE_P(
    German, LabelTest,
    testing::Values(LabelCase{"Teilenummer", TitleKey::part_number}, LabelCase{"Sachnummer", TitleKey::part_number},
                    LabelCase{"Zeichnungsnummer", TitleKey::drawing_number},
                    LabelCase{"Zeichnungs-Nr.", TitleKey::drawing_number},
                    LabelCase{"Zeich.-Nr.", TitleKey::drawing_number}, LabelCase{"Benennung", TitleKey::title},
                    LabelCase{"Bezeichnung", TitleKey::title}, LabelCase{"Werkstoff", TitleKey::material},
                    LabelCase{"Maßstab", TitleKey::scale}, LabelCase{"Massstab", TitleKey::scale},
                    LabelCase{"MASSSTAB", TitleKey::scale}, LabelCase{"Blatt", TitleKey::sheet},
                    LabelCase{"Änderung", TitleKey::revision}, LabelCase{"Aenderung", TitleKey::revision},
                    LabelCase{"ÄNDERUNG", TitleKey::revision}, LabelCase{"Index", TitleKey::revision},
                    LabelCase{"Datum", TitleKey::date}, LabelCase{"Gewicht", TitleKey::mass},
                    LabelCase{"Masse", TitleKey::mass}, LabelCase{"Allgemeintoleranzen", TitleKey::general_tolerance},
                    LabelCase{"Projektion", TitleKey::projection}, LabelCase{"Einheit", TitleKey::units},
                    LabelCase{"Gezeichnet", TitleKey::drawn_by}, LabelCase{"Gez.", TitleKey::drawn_by},
                    LabelCase{"Erstellt", TitleKey::drawn_by}, LabelCase{"Geprüft", TitleKey::checked_by},
                    LabelCase{"GEPRÜFT", TitleKey::checked_by}, LabelCase{"Geprueft", TitleKey::checked_by},
                    LabelCase{"Gepr.", TitleKey::checked_by}, LabelCase{"Freigegeben", TitleKey::approved_by},
                    LabelCase{"Genehmigt", TitleKey::approved_by}, LabelCase{"Firma", TitleKey::company},
                    LabelCase{"Benennung / Title", TitleKey::title}));

INSTANTIATE_TEST_SUITE_P(
    Korean, LabelTest,
    testing::Values(LabelCase{"부품번호", TitleKey::part_number}, LabelCase{"품번", TitleKey::part_number},
                    LabelCase{"도번", TitleKey::drawing_number}, LabelCase{"도 번", TitleKey::drawing_number},
                    LabelCase{"도면번호", TitleKey::drawing_number}, LabelCase{"품명", TitleKey::title},
                    LabelCase{"명칭", TitleKey::title}, LabelCase{"재질", TitleKey::material},
                    LabelCase{"재질 (MATERIAL)", TitleKey::material}, LabelCase{"척도", TitleKey::scale},
                    LabelCase{"매수", TitleKey::sheet}, LabelCase{"개정", TitleKey::revision},
                    LabelCase{"일자", TitleKey::date}, LabelCase{"날짜", TitleKey::date},
                    LabelCase{"중량", TitleKey::mass}, LabelCase{"일반공차", TitleKey::general_tolerance},
                    LabelCase{"투상법", TitleKey::projection}, LabelCase{"단위", TitleKey::units},
                    LabelCase{"작성", TitleKey::drawn_by}, LabelCase{"설계", TitleKey::drawn_by},
                    LabelCase{"검토", TitleKey::checked_by}, LabelCase{"검도", TitleKey::checked_by},
                    LabelCase{"승인", TitleKey::approved_by}, LabelCase{"회사", TitleKey::company}));

// "NAME" heads the column of people in the SolidWorks ANSI and DIN templates, so it is no label.
INSTANTIATE_TEST_SUITE_P(NotLabels, LabelTest,
                         testing::Values(LabelCase{"", std::nullopt}, LabelCase{"NAME", std::nullopt},
                                         LabelCase{"PLA", std::nullopt}, LabelCase{"1:2", std::nullopt},
                                         LabelCase{"Micro_Vu-4.20", std::nullopt}, LabelCase{"Müller", std::nullopt},
                                         LabelCase{"Scale model bracket", std::nullopt},
                                         LabelCase{"Werkstoff / Datum", std::nullopt}));

TEST(TitleKeyName, IsTheSchemaName) {
  EXPECT_EQ(parse::name(TitleKey::part_number), "part_number");
  EXPECT_EQ(parse::name(TitleKey::general_tolerance), "general_tolerance");
  EXPECT_EQ(parse::name(TitleKey::checked_by), "checked_by");
  EXPECT_EQ(parse::name(TitleKey::other), "other");
}

// Every value parser in one table: the text, then the parsed value rendered as text, or "!" and a
// part of the error message for text that must be refused.
struct ValueCase {
  std::string kind;  // scale, sheet, mass, date, units, projection
  std::string text;
  std::string expected;
};

void PrintTo(const ValueCase& value, std::ostream* os) {
  *os << value.kind << " '" << value.text << "'";
}

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

template <typename T, typename Render>
std::string render(const drawlens::Result<T>& result, Render render_value) {
  if (!result.ok()) return (result.error().status == Status::parse ? "!" : "?") + result.error().message;
  return render_value(result.value());
}

std::string parse_value(const std::string& kind, const std::string& text) {
  if (kind == "scale")
    return render(parse::parse_scale(text), [](auto s) { return number(s.numerator) + ":" + number(s.denominator); });
  if (kind == "sheet") {
    return render(parse::parse_sheet(text),
                  [](auto s) { return std::to_string(s.number) + (s.of ? "/" + std::to_string(*s.of) : ""); });
  }
  if (kind == "mass") return render(parse::parse_mass(text), [](auto m) { return number(m.value) + " " + m.unit; });
  if (kind == "date") return render(parse::parse_date(text), [](auto d) { return d; });
  if (kind == "units")
    return render(parse::parse_units(text), [](Unit u) { return std::string(u == Unit::mm ? "mm" : "inch"); });
  return render(parse::parse_third_angle(text), [](bool third) { return std::string(third ? "third" : "first"); });
}

class ValueTest : public testing::TestWithParam<ValueCase> {};

TEST_P(ValueTest, ParsesOrRefuses) {
  const ValueCase& c = GetParam();
  const std::string got = parse_value(c.kind, c.text);
  if (c.expected[0] == '!') {
    ASSERT_EQ(got[0], '!') << got;
    EXPECT_NE(got.find(c.expected.substr(1)), std::string::npos) << got;
  } else {
    EXPECT_EQ(got, c.expected);
  }
}

INSTANTIATE_TEST_SUITE_P(Scale, ValueTest,
                         testing::Values(ValueCase{"scale", "1:2", "1:2"}, ValueCase{"scale", "2:1", "2:1"},
                                         ValueCase{"scale", "1 : 2", "1:2"}, ValueCase{"scale", "M 1:5", "1:5"},
                                         ValueCase{"scale", "M1:5", "1:5"}, ValueCase{"scale", "SCALE 1:1", "1:1"},
                                         ValueCase{"scale", "SCALE: 2:1", "2:1"},
                                         ValueCase{"scale", "Maßstab 1:2", "1:2"},
                                         ValueCase{"scale", "척도 1:1", "1:1"}, ValueCase{"scale", "1/2", "1:2"},
                                         ValueCase{"scale", "1:2,5", "1:2.5"}, ValueCase{"scale", "", "!no value"},
                                         ValueCase{"scale", "NTS", "!expected one ratio"},
                                         ValueCase{"scale", "1:0", "!must be positive"},
                                         ValueCase{"scale", "1:2 (1:5)", "!expected one ratio"},
                                         ValueCase{"scale", "1:2:3", "!expected one ratio"}));

INSTANTIATE_TEST_SUITE_P(
    Sheet, ValueTest,
    testing::Values(ValueCase{"sheet", "1/3", "1/3"}, ValueCase{"sheet", "SHEET 2 OF 3", "2/3"},
                    ValueCase{"sheet", "Blatt 1 von 2", "1/2"}, ValueCase{"sheet", "1 of 1", "1/1"},
                    ValueCase{"sheet", "2", "2"}, ValueCase{"sheet", "Bl. 1/2", "1/2"},
                    ValueCase{"sheet", "SHEET: 3 / 4", "3/4"}, ValueCase{"sheet", "0/3", "!count from 1"},
                    ValueCase{"sheet", "4 OF 3", "!exceeds the sheet count"},
                    ValueCase{"sheet", "1.5", "!expected a sheet number"},
                    ValueCase{"sheet", "A", "!expected a sheet number"}, ValueCase{"sheet", "1/0", "!count from 1"},
                    ValueCase{"sheet", "SHEET", "!no value"}));

INSTANTIATE_TEST_SUITE_P(
    Mass, ValueTest,
    testing::Values(ValueCase{"mass", "0.25 kg", "0.25 kg"}, ValueCase{"mass", "250 g", "250 g"},
                    ValueCase{"mass", "250g", "250 g"}, ValueCase{"mass", "1,2 kg", "1.2 kg"},
                    ValueCase{"mass", "0.5 lb", "0.5 lb"}, ValueCase{"mass", "0.5 LBS", "0.5 lb"},
                    ValueCase{"mass", "3 oz", "3 oz"}, ValueCase{"mass", "WEIGHT: 0.25 kg", "0.25 kg"},
                    ValueCase{"mass", "Gewicht 1,5 kg", "1.5 kg"}, ValueCase{"mass", "0.25", "!no unit"},
                    ValueCase{"mass", "-1 kg", "!negative mass"},
                    ValueCase{"mass", "5 stone", "!unknown mass unit 'stone'"},
                    ValueCase{"mass", "kg", "!expected a value and a unit"}, ValueCase{"mass", "", "!no value"}));

INSTANTIATE_TEST_SUITE_P(
    Date, ValueTest,
    testing::Values(
        ValueCase{"date", "24.11.2026", "2026-11-24"}, ValueCase{"date", "2026-11-24", "2026-11-24"},
        ValueCase{"date", "2026/11/24", "2026-11-24"}, ValueCase{"date", "2026.11.24", "2026-11-24"},
        ValueCase{"date", "11/24/2026", "2026-11-24"}, ValueCase{"date", "24/11/2026", "2026-11-24"},
        ValueCase{"date", "05/05/2026", "2026-05-05"}, ValueCase{"date", "03.04.2026", "2026-04-03"},
        ValueCase{"date", "24-Nov-2026", "2026-11-24"}, ValueCase{"date", "Nov 24, 2026", "2026-11-24"},
        ValueCase{"date", "November 24, 2026", "2026-11-24"}, ValueCase{"date", "24. März 2026", "2026-03-24"},
        ValueCase{"date", "24 Okt 2026", "2026-10-24"}, ValueCase{"date", "24.11.26", "2026-11-24"},
        ValueCase{"date", "2024-02-29", "2024-02-29"}, ValueCase{"date", "DATE: 2026-11-24", "2026-11-24"},
        ValueCase{"date", "2026년 11월 24일", "2026-11-24"}, ValueCase{"date", "2026-02-30", "!no such day"},
        ValueCase{"date", "2025-02-29", "!no such day"}, ValueCase{"date", "03/04/2026", "!ambiguous"},
        ValueCase{"date", "13/13/2026", "!month out of range"}, ValueCase{"date", "2026-13-01", "!month out of range"},
        ValueCase{"date", "24.11.1850", "!year out of range"},
        ValueCase{"date", "Nov 2026", "!expected day, month and year"},
        ValueCase{"date", "someday", "!unknown word 'someday'"}, ValueCase{"date", "32.01.2026", "!no such day"},
        ValueCase{"date", "24.11.202", "!the year needs 4 digits"}, ValueCase{"date", "", "!no date"}));

INSTANTIATE_TEST_SUITE_P(Units, ValueTest,
                         testing::Values(ValueCase{"units", "mm", "mm"}, ValueCase{"units", "MILLIMETERS", "mm"},
                                         ValueCase{"units", "Dimensions in millimeters", "mm"},
                                         ValueCase{"units", "ALL DIMENSIONS IN MM", "mm"},
                                         ValueCase{"units", "UNITS: MM", "mm"}, ValueCase{"units", "단위: mm", "mm"},
                                         ValueCase{"units", "Maße in mm", "mm"}, ValueCase{"units", "INCH", "inch"},
                                         ValueCase{"units", "INCHES", "inch"}, ValueCase{"units", "in", "inch"},
                                         ValueCase{"units", "Dimensions in inches", "inch"},
                                         ValueCase{"units", "", "!no length unit"},
                                         ValueCase{"units", "cm", "!no length unit"},
                                         ValueCase{"units", "mm / inch", "!both millimetres and inches"}));

INSTANTIATE_TEST_SUITE_P(
    Projection, ValueTest,
    testing::Values(ValueCase{"projection", "THIRD ANGLE", "third"},
                    ValueCase{"projection", "3RD ANGLE PROJECTION", "third"},
                    ValueCase{"projection", "FIRST ANGLE", "first"}, ValueCase{"projection", "1st angle", "first"},
                    ValueCase{"projection", "Projektionsmethode 1", "first"},
                    ValueCase{"projection", "Projektionsmethode 3", "third"}, ValueCase{"projection", "ISO E", "first"},
                    ValueCase{"projection", "ISO A", "third"}, ValueCase{"projection", "1각법", "first"},
                    ValueCase{"projection", "제3각법", "third"},
                    ValueCase{"projection", "PROJECTION: THIRD ANGLE", "third"},
                    ValueCase{"projection", "", "!no projection method"},
                    ValueCase{"projection", "PROJECTION", "!no projection method"},
                    ValueCase{"projection", "FIRST AND THIRD ANGLE", "!both first and third"}));

// Pairing on synthetic grids: cells are (text, row, col[, row_span, col_span]).
TitleCell cell(std::string text, int row, int col, int row_span = 1, int col_span = 1) {
  return TitleCell{std::move(text), row, col, row_span, col_span};
}

// "key=value@label_cell>value_cell" for every field, in order.
std::string describe(const std::vector<TitleField>& fields) {
  std::string out;
  for (const TitleField& field : fields) {
    if (!out.empty()) out += "; ";
    out += std::string(parse::name(field.key)) + "=" + field.value + "@" + std::to_string(field.label_cell) + ">" +
           std::to_string(field.value_cell);
  }
  return out;
}

struct GridCase {
  std::string name;
  std::vector<TitleCell> cells;
  std::string expected;
};

void PrintTo(const GridCase& grid, std::ostream* os) {
  *os << grid.name;
}

class PairingTest : public testing::TestWithParam<GridCase> {};

TEST_P(PairingTest, PairsLabelsWithTheirValues) {
  EXPECT_EQ(describe(parse::title_fields_from_cells(GetParam().cells)), GetParam().expected);
}

INSTANTIATE_TEST_SUITE_P(
    Grids, PairingTest,
    testing::Values(
        GridCase{"value right of the label",
                 {cell("DWG. NO.", 0, 0), cell("Micro_Vu-4.20", 0, 1)},
                 "drawing_number=Micro_Vu-4.20@0>1"},
        GridCase{"labels in a header row, values below",
                 {cell("DWG. NO.", 0, 0), cell("REV", 0, 1), cell("Micro_Vu-4.20", 1, 0), cell("A", 1, 1)},
                 "drawing_number=Micro_Vu-4.20@0>2; revision=A@1>3"},
        GridCase{"label over value in one cell",
                 {cell("DWG. NO.\nMicro_Vu-4.20", 0, 0)},
                 "drawing_number=Micro_Vu-4.20@0>0"},
        GridCase{"SolidWorks ANSI inline fields",
                 {cell("SCALE: 2:1", 0, 0), cell("WEIGHT:", 0, 1), cell("SHEET 1 OF 1", 0, 2)},
                 "scale=2:1@0>0; sheet=1 OF 1@2>2"},
        GridCase{"material with the value below", {cell("MATERIAL", 0, 0), cell("PLA", 1, 0)}, "material=PLA@0>1"},
        GridCase{"German DIN template",
                 {cell("Benennung", 0, 0), cell("Halter", 0, 1), cell("Zeichnungsnummer", 1, 0),
                  cell("12-345-01", 1, 1), cell("Werkstoff", 2, 0), cell("S235JR", 2, 1), cell("Maßstab", 3, 0),
                  cell("1:2", 3, 1), cell("Blatt 1 von 1", 4, 0), cell("Gewicht: 0,4 kg", 4, 1)},
                 "title=Halter@0>1; drawing_number=12-345-01@2>3; material=S235JR@4>5; scale=1:2@6>7; "
                 "sheet=1 von 1@8>8; mass=0,4 kg@9>9"},
        GridCase{"people under NAME and DATE column headers",
                 {cell("", 0, 0), cell("NAME", 0, 1), cell("DATE", 0, 2), cell("DRAWN", 1, 0), cell("J. Smith", 1, 1),
                  cell("2026-11-24", 1, 2), cell("CHECKED", 2, 0), cell("A. Jones", 2, 1)},
                 "date=2026-11-24@2>5; drawn_by=J. Smith@3>4; checked_by=A. Jones@6>7"},
        GridCase{"Geprüft with the name right of it",
                 {cell("Gezeichnet", 0, 0), cell("Müller", 0, 1), cell("Geprüft", 1, 0), cell("Schmidt", 1, 1)},
                 "drawn_by=Müller@0>1; checked_by=Schmidt@2>3"},
        GridCase{"an empty cell to the right sends the search below",
                 {cell("TITLE", 0, 0), cell("  ", 0, 1), cell("BRACKET", 1, 0)},
                 "title=BRACKET@0>2"},
        GridCase{"a value cell is taken once",
                 {cell("PART NO.", 0, 1), cell("DWG NO.", 1, 0), cell("4711", 1, 1)},
                 "part_number=4711@0>2"},
        GridCase{"a wide label finds the cell after its span",
                 {cell("DRAWING TITLE", 0, 0, 1, 2), cell("Scale model bracket", 0, 2)},
                 "title=Scale model bracket@0>1"},
        GridCase{"Korean labels",
                 {cell("도 번", 0, 0), cell("ABC-001", 0, 1), cell("재질: SUS304", 1, 0)},
                 "drawing_number=ABC-001@0>1; material=SUS304@2>2"},
        GridCase{"no labels, no fields", {cell("PLA", 0, 0), cell("Micro_Vu-4.20", 0, 1)}, ""},
        GridCase{"a label with nothing to pair is left out", {cell("REV", 0, 0)}, ""}));

TEST(Pairing, KeepsLabelsAsPrintedWithoutTheColon) {
  const auto fields = parse::title_fields_from_cells({cell("SCALE: 2:1", 0, 0), cell("DWG. NO.", 1, 0),
                                                      cell("A-100", 1, 1), cell("TITLE:", 2, 0), cell("Shaft", 2, 1)});
  ASSERT_EQ(fields.size(), 3u);
  EXPECT_EQ(fields[0].label, "SCALE");
  EXPECT_EQ(fields[1].label, "DWG. NO.");
  EXPECT_EQ(fields[2].label, "TITLE");
  EXPECT_EQ(fields[2].value, "Shaft");
}

}  // namespace
