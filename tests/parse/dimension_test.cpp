// Dimension grammar: every notation the parse issue lists, the eDOCr2 development-set labels,
// round trips through the normalised spelling, and malformed input refused with a position.
#include <cmath>
#include <limits>
#include <string>

#include <gtest/gtest.h>

#include "parse/parse.h"

namespace drawlens::parse {
namespace {

constexpr double kNone = std::numeric_limits<double>::quiet_NaN();

struct ValueCase {
  const char* text;
  SizeType type;
  int count;
  double nominal;
  ToleranceKind kind;
  double upper;  // deviations; kNone when absent
  double lower;
  Unit unit;
  const char* normalized;
};

void PrintTo(const ValueCase& c, std::ostream* os) {
  *os << c.text;
}

class DimensionValues : public ::testing::TestWithParam<ValueCase> {};

void expect_values(const Dimension& d, const ValueCase& c) {
  EXPECT_EQ(d.size_type, c.type);
  EXPECT_EQ(d.count, c.count);
  EXPECT_NEAR(d.nominal, c.nominal, 1e-9);
  EXPECT_EQ(d.tolerance.kind, c.kind);
  EXPECT_EQ(d.unit, c.unit);
  if (std::isnan(c.upper)) {
    EXPECT_FALSE(d.tolerance.deviations.has_value());
  } else {
    ASSERT_TRUE(d.tolerance.deviations.has_value());
    EXPECT_NEAR(d.tolerance.deviations->upper, c.upper, 1e-9);
    EXPECT_NEAR(d.tolerance.deviations->lower, c.lower, 1e-9);
  }
}

TEST_P(DimensionValues, ParsesNominalToleranceAndSpelling) {
  const ValueCase& c = GetParam();
  DimensionContext context;
  if (std::string(c.text).find("0,360") == 0) context.default_unit = Unit::inch;
  auto parsed = parse_dimension(c.text, context);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  expect_values(parsed.value(), c);
  EXPECT_EQ(parsed.value().normalized, c.normalized);
  EXPECT_EQ(parsed.value().text, c.text);
}

// The normalised spelling is itself valid input with the same meaning.
TEST_P(DimensionValues, NormalizedSpellingParsesToTheSameValues) {
  const ValueCase& c = GetParam();
  DimensionContext context;
  if (std::string(c.text).find("0,360") == 0) context.default_unit = Unit::inch;
  auto again = parse_dimension(c.normalized, context);
  ASSERT_TRUE(again.ok()) << again.error().message;
  expect_values(again.value(), c);
  EXPECT_EQ(again.value().normalized, c.normalized);
  EXPECT_DOUBLE_EQ(again.value().confidence_penalty, 0.0);
}

using K = ToleranceKind;
using S = SizeType;

// Labels of the eDOCr2 development-set drawings (../shared/data/ground_truth), as labelled.
const ValueCase kEdocrLabels[] = {
    {"200,00", S::linear, 1, 200, K::none, kNone, kNone, Unit::mm, "200.00"},
    {"175,00", S::linear, 1, 175, K::none, kNone, kNone, Unit::mm, "175.00"},
    {"160,10", S::linear, 1, 160.1, K::none, kNone, kNone, Unit::mm, "160.10"},
    {"39,90", S::linear, 1, 39.9, K::none, kNone, kNone, Unit::mm, "39.90"},
    {"25,00", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "25.00"},
    {"R10,00", S::radius, 1, 10, K::none, kNone, kNone, Unit::mm, "R10.00"},
    {"20,00", S::linear, 1, 20, K::none, kNone, kNone, Unit::mm, "20.00"},
    {"⌀42", S::diameter, 1, 42, K::none, kNone, kNone, Unit::mm, "Ø42"},
    {"38", S::linear, 1, 38, K::none, kNone, kNone, Unit::mm, "38"},
    {"5", S::linear, 1, 5, K::none, kNone, kNone, Unit::mm, "5"},
    {"1x45°", S::chamfer, 1, 1, K::none, kNone, kNone, Unit::mm, "1x45°"},
    {"45,0°", S::angle, 1, 45, K::none, kNone, kNone, Unit::deg, "45.0°"},
    {"60,0°", S::angle, 1, 60, K::none, kNone, kNone, Unit::deg, "60.0°"},
    {"⌀38H12", S::diameter, 1, 38, K::fit, 0.25, 0, Unit::mm, "Ø38 H12"},
    {"16", S::linear, 1, 16, K::none, kNone, kNone, Unit::mm, "16"},
    {"⌀21,5±0,1", S::diameter, 1, 21.5, K::symmetric, 0.1, -0.1, Unit::mm, "Ø21.5 ±0.1"},
    {"(25,5)", S::linear, 1, 25.5, K::none, kNone, kNone, Unit::mm, "(25.5)"},
    {"⌀38", S::diameter, 1, 38, K::none, kNone, kNone, Unit::mm, "Ø38"},
    {"+0.03 35.36-0.03", S::linear, 1, 35.36, K::deviation, 0.03, -0.03, Unit::mm, "35.36 +0.03/-0.03"},
    {"⌀70.50±0.05", S::diameter, 1, 70.5, K::symmetric, 0.05, -0.05, Unit::mm, "Ø70.50 ±0.05"},
    {"16.00 15.50", S::linear, 1, 15.75, K::limits, 0.25, -0.25, Unit::mm, "16.00/15.50"},
    {"8.20 8.00", S::linear, 1, 8.1, K::limits, 0.1, -0.1, Unit::mm, "8.20/8.00"},
    {"7.00", S::linear, 1, 7, K::none, kNone, kNone, Unit::mm, "7.00"},
    {"6.15 6.00", S::linear, 1, 6.075, K::limits, 0.075, -0.075, Unit::mm, "6.15/6.00"},
    {"⌀6.15", S::diameter, 1, 6.15, K::none, kNone, kNone, Unit::mm, "Ø6.15"},
    {"⌀68.50", S::diameter, 1, 68.5, K::none, kNone, kNone, Unit::mm, "Ø68.50"},
    {"+0.40 4x⌀6.60-0.10", S::diameter, 4, 6.6, K::deviation, 0.4, -0.1, Unit::mm, "4x Ø6.60 +0.40/-0.10"},
    {"45°", S::angle, 1, 45, K::none, kNone, kNone, Unit::deg, "45°"},
    {"R1.00±0.10", S::radius, 1, 1, K::symmetric, 0.1, -0.1, Unit::mm, "R1.00 ±0.10"},
    {"6.144", S::linear, 1, 6.144, K::none, kNone, kNone, Unit::mm, "6.144"},
    {"50.6 +0.02 0", S::linear, 1, 50.6, K::deviation, 0.02, 0, Unit::mm, "50.6 +0.02/0"},
    {"80.5", S::linear, 1, 80.5, K::none, kNone, kNone, Unit::mm, "80.5"},
    {"3±0.02", S::linear, 1, 3, K::symmetric, 0.02, -0.02, Unit::mm, "3 ±0.02"},
    {"70.5 +0.02 0", S::linear, 1, 70.5, K::deviation, 0.02, 0, Unit::mm, "70.5 +0.02/0"},
    {"2,5 +0,2 0", S::linear, 1, 2.5, K::deviation, 0.2, 0, Unit::mm, "2.5 +0.2/0"},
};
INSTANTIATE_TEST_SUITE_P(EdocrDevelopmentLabels, DimensionValues, ::testing::ValuesIn(kEdocrLabels));

const ValueCase kNotations[] = {
    // Size symbols and their spellings.
    {"Ø25", S::diameter, 1, 25, K::none, kNone, kNone, Unit::mm, "Ø25"},
    {"ø25", S::diameter, 1, 25, K::none, kNone, kNone, Unit::mm, "Ø25"},
    {"∅25", S::diameter, 1, 25, K::none, kNone, kNone, Unit::mm, "Ø25"},
    {"25 DIA", S::diameter, 1, 25, K::none, kNone, kNone, Unit::mm, "Ø25"},
    {"DIA 25", S::diameter, 1, 25, K::none, kNone, kNone, Unit::mm, "Ø25"},
    {"R5", S::radius, 1, 5, K::none, kNone, kNone, Unit::mm, "R5"},
    {"SØ20", S::spherical_diameter, 1, 20, K::none, kNone, kNone, Unit::mm, "SØ20"},
    {"S⌀20", S::spherical_diameter, 1, 20, K::none, kNone, kNone, Unit::mm, "SØ20"},
    {"SR5", S::spherical_radius, 1, 5, K::none, kNone, kNone, Unit::mm, "SR5"},
    {"CR5", S::radius, 1, 5, K::none, kNone, kNone, Unit::mm, "CR5"},
    {"□20", S::square, 1, 20, K::none, kNone, kNone, Unit::mm, "□20"},
    {"⌒25", S::arc_length, 1, 25, K::none, kNone, kNone, Unit::mm, "⌒25"},
    {"SW13", S::width_across_flats, 1, 13, K::none, kNone, kNone, Unit::mm, "SW13"},
    {"↧12", S::depth, 1, 12, K::none, kNone, kNone, Unit::mm, "↧12"},
    // Counts.
    {"4x Ø6", S::diameter, 4, 6, K::none, kNone, kNone, Unit::mm, "4x Ø6"},
    {"4 x Ø6", S::diameter, 4, 6, K::none, kNone, kNone, Unit::mm, "4x Ø6"},
    {"4×Ø6", S::diameter, 4, 6, K::none, kNone, kNone, Unit::mm, "4x Ø6"},
    {"2X R5", S::radius, 2, 5, K::none, kNone, kNone, Unit::mm, "2x R5"},
    {"R5 4 PLCS", S::radius, 4, 5, K::none, kNone, kNone, Unit::mm, "4x R5"},
    {"R5 (4x)", S::radius, 4, 5, K::none, kNone, kNone, Unit::mm, "4x R5"},
    {"Ø6 4X", S::diameter, 4, 6, K::none, kNone, kNone, Unit::mm, "4x Ø6"},
    // Tolerance forms.
    {"25 ±0.1", S::linear, 1, 25, K::symmetric, 0.1, -0.1, Unit::mm, "25 ±0.1"},
    {"25+-0.1", S::linear, 1, 25, K::symmetric, 0.1, -0.1, Unit::mm, "25 ±0.1"},
    {"25 +/-0.1", S::linear, 1, 25, K::symmetric, 0.1, -0.1, Unit::mm, "25 ±0.1"},
    {"25 +0.2 -0.1", S::linear, 1, 25, K::deviation, 0.2, -0.1, Unit::mm, "25 +0.2/-0.1"},
    {"25+0.2-0.1", S::linear, 1, 25, K::deviation, 0.2, -0.1, Unit::mm, "25 +0.2/-0.1"},
    {"25 +0,2/-0,1", S::linear, 1, 25, K::deviation, 0.2, -0.1, Unit::mm, "25 +0.2/-0.1"},
    {"25 -0.1 +0.2", S::linear, 1, 25, K::deviation, 0.2, -0.1, Unit::mm, "25 +0.2/-0.1"},
    {"25\n+0.40\n-0.10", S::linear, 1, 25, K::deviation, 0.4, -0.1, Unit::mm, "25 +0.40/-0.10"},
    {"25 +0.1 +0.05", S::linear, 1, 25, K::deviation, 0.1, 0.05, Unit::mm, "25 +0.1/+0.05"},
    {"25 -0.05 -0.1", S::linear, 1, 25, K::deviation, -0.05, -0.1, Unit::mm, "25 -0.05/-0.1"},
    {"⌀3,99 0/-0,02", S::diameter, 1, 3.99, K::deviation, 0, -0.02, Unit::mm, "Ø3.99 0/-0.02"},
    {"⌀9,14 ±0,02", S::diameter, 1, 9.14, K::symmetric, 0.02, -0.02, Unit::mm, "Ø9.14 ±0.02"},
    {"25.00-25.10", S::linear, 1, 25.05, K::limits, 0.05, -0.05, Unit::mm, "25.10/25.00"},
    {"25.10-25.00", S::linear, 1, 25.05, K::limits, 0.05, -0.05, Unit::mm, "25.10/25.00"},
    {"25.10\n25.00", S::linear, 1, 25.05, K::limits, 0.05, -0.05, Unit::mm, "25.10/25.00"},
    {"Ø25.021/25.000", S::diameter, 1, 25.0105, K::limits, 0.0105, -0.0105, Unit::mm, "Ø25.021/25.000"},
    {"10 MAX", S::linear, 1, 10, K::max, kNone, kNone, Unit::mm, "10 MAX"},
    {"R0.5 max.", S::radius, 1, 0.5, K::max, kNone, kNone, Unit::mm, "R0.5 MAX"},
    {"2 MIN", S::linear, 1, 2, K::min, kNone, kNone, Unit::mm, "2 MIN"},
    // Fits (ISO 286).
    {"Ø25 H7", S::diameter, 1, 25, K::fit, 0.021, 0, Unit::mm, "Ø25 H7"},
    {"Ø25H7", S::diameter, 1, 25, K::fit, 0.021, 0, Unit::mm, "Ø25 H7"},
    {"Ø25 g6", S::diameter, 1, 25, K::fit, -0.007, -0.020, Unit::mm, "Ø25 g6"},
    {"Ø25 h6", S::diameter, 1, 25, K::fit, 0, -0.013, Unit::mm, "Ø25 h6"},
    {"Ø25 js6", S::diameter, 1, 25, K::fit, 0.0065, -0.0065, Unit::mm, "Ø25 js6"},
    {"⌀12.00 k6", S::diameter, 1, 12, K::fit, 0.012, 0.001, Unit::mm, "Ø12.00 k6"},
    {"Ø20 H7/g6", S::diameter, 1, 20, K::fit, kNone, kNone, Unit::mm, "Ø20 H7/g6"},
    {"12.00 k6 H7", S::linear, 1, 12, K::fit, kNone, kNone, Unit::mm, "12.00 H7/k6"},
    {"Ø12.00 H7 k6", S::diameter, 1, 12, K::fit, kNone, kNone, Unit::mm, "Ø12.00 H7/k6"},
    {"Ø25 H7 (+0.021/0)", S::diameter, 1, 25, K::fit, 0.021, 0, Unit::mm, "Ø25 H7 (+0.021/0)"},
    {"Ø25 H7(+0,021 0)", S::diameter, 1, 25, K::fit, 0.021, 0, Unit::mm, "Ø25 H7 (+0.021/0)"},
    // Angles.
    {"30°±0.5°", S::angle, 1, 30, K::symmetric, 0.5, -0.5, Unit::deg, "30° ±0.5°"},
    {"30° ±30'", S::angle, 1, 30, K::symmetric, 0.5, -0.5, Unit::deg, "30° ±30'"},
    {"45°30'", S::angle, 1, 45.5, K::none, kNone, kNone, Unit::deg, "45°30'"},
    {"10°5'30\"", S::angle, 1, 10 + 5 / 60.0 + 30 / 3600.0, K::none, kNone, kNone, Unit::deg, "10°5'30\""},
    {"135°", S::angle, 1, 135, K::none, kNone, kNone, Unit::deg, "135°"},
    {"2x R5 TYP", S::radius, 2, 5, K::none, kNone, kNone, Unit::mm, "2x R5 TYP"},
    // Chamfers.
    {"C1", S::chamfer, 1, 1, K::none, kNone, kNone, Unit::mm, "C1"},
    {"CH5", S::chamfer, 1, 5, K::none, kNone, kNone, Unit::mm, "C5"},
    {"4x CHAMFER 0.2", S::chamfer, 4, 0.2, K::none, kNone, kNone, Unit::mm, "4x C0.2"},
    {"CHAMFER 0,01", S::chamfer, 1, 0.01, K::none, kNone, kNone, Unit::mm, "C0.01"},
    {"0.5x45°", S::chamfer, 1, 0.5, K::none, kNone, kNone, Unit::mm, "0.5x45°"},
    {"1 x 45°", S::chamfer, 1, 1, K::none, kNone, kNone, Unit::mm, "1x45°"},
    {"45°x1", S::chamfer, 1, 1, K::none, kNone, kNone, Unit::mm, "1x45°"},
    {"1x2", S::chamfer, 1, 1, K::none, kNone, kNone, Unit::mm, "1x2"},
    {"2x 1x45°", S::chamfer, 2, 1, K::none, kNone, kNone, Unit::mm, "2x 1x45°"},
    // Reference, basic, qualifiers, units.
    {"[25]", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "[25]"},
    {"|25|", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "[25]"},
    {"[Ø12]", S::diameter, 1, 12, K::none, kNone, kNone, Unit::mm, "[Ø12]"},
    {"(Ø30)", S::diameter, 1, 30, K::none, kNone, kNone, Unit::mm, "(Ø30)"},
    {"25 TYP", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "25 TYP"},
    {"25 REF", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "25 REF"},
    {"Ø25 H7 Ⓔ", S::diameter, 1, 25, K::fit, 0.021, 0, Unit::mm, "Ø25 H7 Ⓔ"},
    {"25 mm", S::linear, 1, 25, K::none, kNone, kNone, Unit::mm, "25 mm"},
    {"1.250 ±.005", S::linear, 1, 1.25, K::symmetric, 0.005, -0.005, Unit::inch, "1.250 ±0.005 in"},
    {".500", S::linear, 1, 0.5, K::none, kNone, kNone, Unit::inch, "0.500 in"},
    {"0,360 ±0,001", S::linear, 1, 0.36, K::symmetric, 0.001, -0.001, Unit::inch, "0.360 ±0.001"},
    {"25.4 [1.000]", S::linear, 1, 25.4, K::none, kNone, kNone, Unit::mm, "25.4 [1.000]"},
    {"100 EQ SP", S::linear, 1, 100, K::none, kNone, kNone, Unit::mm, "100 EQ SP"},
    // Hole callouts.
    {"Ø6.6 THRU", S::diameter, 1, 6.6, K::none, kNone, kNone, Unit::mm, "Ø6.6 THRU"},
    {"Ø6.6 THRU ⌴Ø11 ↧6.8", S::diameter, 1, 6.6, K::none, kNone, kNone, Unit::mm, "Ø6.6 THRU ⌴Ø11 ↧6.8"},
    {"4x Ø9 THRU ⌴ Ø15 ↧ 9", S::diameter, 4, 9, K::none, kNone, kNone, Unit::mm, "4x Ø9 THRU ⌴Ø15 ↧9"},
    {"Ø6.6 ↧10 ⌵Ø12x90°", S::diameter, 1, 6.6, K::none, kNone, kNone, Unit::mm, "Ø6.6 ↧10 ⌵Ø12x90°"},
    {"Ø8 12 DEEP", S::diameter, 1, 8, K::none, kNone, kNone, Unit::mm, "Ø8 ↧12"},
    {"Ø10 H7 ↧15", S::diameter, 1, 10, K::fit, 0.015, 0, Unit::mm, "Ø10 H7 ↧15"},
    // Threads.
    {"M8", S::thread, 1, 8, K::none, kNone, kNone, Unit::mm, "M8"},
    {"M8x1.25-6g", S::thread, 1, 8, K::none, kNone, kNone, Unit::mm, "M8x1.25-6g"},
    {"M10x1 LH", S::thread, 1, 10, K::none, kNone, kNone, Unit::mm, "M10x1 LH"},
    {"4x M6-6H ↧12", S::thread, 4, 6, K::none, kNone, kNone, Unit::mm, "4x M6-6H ↧12"},
    {"M8 THRU", S::thread, 1, 8, K::none, kNone, kNone, Unit::mm, "M8 THRU"},
    {"1/4-20 UNC-2B", S::thread, 1, 0.25, K::none, kNone, kNone, Unit::inch, "1/4-20 UNC-2B"},
    {"#10-32 UNF-2A", S::thread, 1, 0.19, K::none, kNone, kNone, Unit::inch, "#10-32 UNF-2A"},
    {"G1/2", S::thread, 1, 0.5, K::none, kNone, kNone, Unit::inch, "G 1/2"},
    {"G 1 1/4 A", S::thread, 1, 1.25, K::none, kNone, kNone, Unit::inch, "G 1 1/4 A"},
    {"Rp 3/8", S::thread, 1, 0.375, K::none, kNone, kNone, Unit::inch, "Rp 3/8"},
    {"Rc 1/4", S::thread, 1, 0.25, K::none, kNone, kNone, Unit::inch, "Rc 1/4"},
    {"1/4-18 NPT", S::thread, 1, 0.25, K::none, kNone, kNone, Unit::inch, "1/4-18 NPT"},
    {"Tr20x4", S::thread, 1, 20, K::none, kNone, kNone, Unit::mm, "Tr20x4"},
};
INSTANTIATE_TEST_SUITE_P(Notations, DimensionValues, ::testing::ValuesIn(kNotations));

TEST(DimensionThreads, MetricThreadDetails) {
  auto coarse = parse_dimension("M8");
  ASSERT_TRUE(coarse.ok());
  ASSERT_TRUE(coarse.value().thread.has_value());
  EXPECT_EQ(coarse.value().thread->standard, ThreadStandard::iso_metric);
  EXPECT_DOUBLE_EQ(*coarse.value().thread->pitch, 1.25);  // ISO 261 coarse pitch

  auto fine = parse_dimension("M10x1-6H/6g LH");
  ASSERT_TRUE(fine.ok()) << fine.error().message;
  EXPECT_DOUBLE_EQ(*fine.value().thread->pitch, 1.0);
  EXPECT_EQ(fine.value().thread->tolerance_class, "6H/6g");
  EXPECT_TRUE(fine.value().thread->left_hand);
  EXPECT_EQ(fine.value().thread->designation, "M10x1-6H/6g LH");

  auto deep = parse_dimension("M6x1-6H ↧12");
  ASSERT_TRUE(deep.ok());
  EXPECT_DOUBLE_EQ(*deep.value().thread->depth, 12.0);
  EXPECT_FALSE(deep.value().hole.has_value());
}

TEST(DimensionThreads, UnifiedAndPipeThreadDetails) {
  auto unified = parse_dimension("1/4-20 UNC-2B");
  ASSERT_TRUE(unified.ok());
  EXPECT_EQ(unified.value().thread->standard, ThreadStandard::unified);
  EXPECT_DOUBLE_EQ(*unified.value().thread->threads_per_inch, 20.0);
  EXPECT_DOUBLE_EQ(*unified.value().thread->nominal_diameter, 0.25);
  EXPECT_EQ(unified.value().thread->tolerance_class, "2B");

  auto pipe = parse_dimension("G1/2");
  ASSERT_TRUE(pipe.ok());
  EXPECT_EQ(pipe.value().thread->standard, ThreadStandard::pipe_g);
  EXPECT_DOUBLE_EQ(*pipe.value().thread->threads_per_inch, 14.0);  // ISO 228-1
  EXPECT_FALSE(pipe.value().thread->nominal_diameter.has_value());

  auto taper = parse_dimension("R 1/4");
  ASSERT_TRUE(taper.ok());
  EXPECT_EQ(taper.value().thread->standard, ThreadStandard::pipe_r);
  EXPECT_DOUBLE_EQ(*taper.value().thread->threads_per_inch, 19.0);

  auto npt = parse_dimension("1/4-18 NPT");
  ASSERT_TRUE(npt.ok());
  EXPECT_EQ(npt.value().thread->standard, ThreadStandard::other);
}

TEST(DimensionHoles, CounterboreCountersinkAndDepth) {
  auto bore = parse_dimension("Ø6.6 THRU ⌴Ø11 ↧6.8");
  ASSERT_TRUE(bore.ok());
  EXPECT_TRUE(bore.value().has(DimensionFlag::thru));
  ASSERT_TRUE(bore.value().hole && bore.value().hole->counterbore);
  EXPECT_DOUBLE_EQ(bore.value().hole->counterbore->diameter, 11.0);
  EXPECT_DOUBLE_EQ(*bore.value().hole->counterbore->depth, 6.8);
  EXPECT_FALSE(bore.value().hole->depth.has_value());

  auto sink = parse_dimension("Ø6.6 ↧10 ⌵Ø12x90°");
  ASSERT_TRUE(sink.ok());
  EXPECT_DOUBLE_EQ(*sink.value().hole->depth, 10.0);
  EXPECT_DOUBLE_EQ(sink.value().hole->countersink->diameter, 12.0);
  EXPECT_DOUBLE_EQ(*sink.value().hole->countersink->angle, 90.0);

  auto spotface = parse_dimension("Ø9 ⌴ SF Ø18");
  ASSERT_TRUE(spotface.ok()) << spotface.error().message;
  EXPECT_DOUBLE_EQ(spotface.value().hole->spotface->diameter, 18.0);
}

TEST(DimensionChamfers, LegAngleAndTwoLegForms) {
  auto leg_angle = parse_dimension("0.5x45°");
  ASSERT_TRUE(leg_angle.ok());
  EXPECT_DOUBLE_EQ(leg_angle.value().chamfer->size, 0.5);
  EXPECT_DOUBLE_EQ(*leg_angle.value().chamfer->angle, 45.0);
  auto two_legs = parse_dimension("1x2");
  ASSERT_TRUE(two_legs.ok());
  EXPECT_DOUBLE_EQ(*two_legs.value().chamfer->second_size, 2.0);
  EXPECT_FALSE(two_legs.value().chamfer->angle.has_value());
  auto c_form = parse_dimension("C1.5");
  ASSERT_TRUE(c_form.ok());
  EXPECT_DOUBLE_EQ(*c_form.value().chamfer->angle, 45.0);
}

TEST(DimensionFlags, FlagsAreSet) {
  EXPECT_TRUE(parse_dimension("[25]").value().has(DimensionFlag::basic));
  EXPECT_TRUE(parse_dimension("(25)").value().has(DimensionFlag::reference));
  EXPECT_TRUE(parse_dimension("25 REF").value().has(DimensionFlag::reference));
  EXPECT_TRUE(parse_dimension("R5 TYP").value().has(DimensionFlag::typical));
  EXPECT_TRUE(parse_dimension("CR5").value().has(DimensionFlag::controlled_radius));
  EXPECT_TRUE(parse_dimension("Ø25 h6 Ⓔ").value().has(DimensionFlag::envelope));
  EXPECT_TRUE(parse_dimension("25 ±0.1 ST").value().has(DimensionFlag::statistical));
  EXPECT_TRUE(parse_dimension("25 NTS").value().has(DimensionFlag::not_to_scale));
  EXPECT_EQ(name(DimensionFlag::controlled_radius), "controlled_radius");
}

TEST(DimensionFits, GradeAndClassesAreReported) {
  auto hole = parse_dimension("Ø25 H7");
  ASSERT_TRUE(hole.ok());
  EXPECT_EQ(hole.value().tolerance.hole_class->text(), "H7");
  EXPECT_EQ(*hole.value().tolerance.it_grade, ItGrade::it7);
  auto pair = parse_dimension("Ø20 H7/g6");
  ASSERT_TRUE(pair.ok());
  EXPECT_EQ(pair.value().tolerance.shaft_class->text(), "g6");
  // A printed tolerance gets the grade whose width matches: 0.021 at Ø25 is IT7.
  auto explicit_width = parse_dimension("Ø25 +0.021/0");
  ASSERT_TRUE(explicit_width.ok());
  EXPECT_EQ(*explicit_width.value().tolerance.it_grade, ItGrade::it7);
}

TEST(DimensionFits, PrintedDeviationsThatDisagreeWithTheTableLowerConfidence) {
  auto agreeing = parse_dimension("Ø25 H7 (+0.021/0)");
  auto disagreeing = parse_dimension("Ø25 H7 (+0.030/0)");
  ASSERT_TRUE(agreeing.ok() && disagreeing.ok());
  EXPECT_DOUBLE_EQ(agreeing.value().confidence_penalty, 0.0);
  EXPECT_GT(disagreeing.value().confidence_penalty, 0.2);
  EXPECT_NEAR(disagreeing.value().tolerance.deviations->upper, 0.030, 1e-12);
}

TEST(DimensionRepairs, OcrVariantsCostConfidence) {
  EXPECT_DOUBLE_EQ(parse_dimension("Ø10 ±0.1").value().confidence_penalty, 0.0);
  EXPECT_GT(parse_dimension("Ø10 +-0.1").value().confidence_penalty, 0.0);
  EXPECT_GT(parse_dimension("φ10").value().confidence_penalty, 0.0);
  auto letter_o = parse_dimension("1O.5");
  ASSERT_TRUE(letter_o.ok());
  EXPECT_DOUBLE_EQ(letter_o.value().nominal, 10.5);
  EXPECT_GT(letter_o.value().confidence_penalty, 0.1);
}

TEST(DimensionGeneralTolerance, AppliesIso2768ToUntoleranced) {
  DimensionContext context;
  context.general_tolerance = GeneralTolerance{"ISO 2768-1", GeneralClass::m, std::nullopt, "ISO 2768-m", ""};
  auto linear = parse_dimension("25", context);
  ASSERT_TRUE(linear.ok());
  EXPECT_EQ(linear.value().tolerance.kind, ToleranceKind::general);
  EXPECT_NEAR(linear.value().tolerance.deviations->upper, 0.2, 1e-12);  // m, over 6 up to 30
  EXPECT_TRUE(linear.value().has(DimensionFlag::general));
  EXPECT_EQ(linear.value().tolerance.general_class, "ISO 2768-m");
  auto radius = parse_dimension("R5", context);
  EXPECT_NEAR(radius.value().tolerance.deviations->upper, 0.5, 1e-12);  // m, broken edge 3-6
  EXPECT_EQ(parse_dimension("[25]", context).value().tolerance.kind, ToleranceKind::none);
  EXPECT_EQ(parse_dimension("25 ±0.05", context).value().tolerance.kind, ToleranceKind::symmetric);
  EXPECT_EQ(parse_dimension("30°", context).value().tolerance.kind, ToleranceKind::none);
}

TEST(DimensionLimits, AbsoluteLimitsFollowFromDeviations) {
  auto dimension = parse_dimension("Ø25 g6").value();
  ASSERT_TRUE(dimension.limits().has_value());
  EXPECT_NEAR(dimension.limits()->upper, 24.993, 1e-9);
  EXPECT_NEAR(dimension.limits()->lower, 24.980, 1e-9);
  EXPECT_FALSE(parse_dimension("25").value().limits().has_value());
}

// Malformed and ambiguous text: a PARSE error that names a position or the reason.
const char* const kMalformed[] = {
    "",
    "   ",
    "abc",
    "Ø",
    "R",
    "25 1",
    "12 5",
    "Ø25 ±",
    "25 +0.1",
    "25 -0.1",
    "Ø25 H",
    "Ø25 Q7",
    "Ø25 H19",
    "Ø25 Js6",
    "Ø4000 H7",
    "M",
    "M8x",
    "M8x-1",
    "1/4-20",
    "1/4-20 UNC-2",
    "G",
    "G 3/7",
    "Tr20",
    "1x",
    "1x95°",
    "45°±",
    "400°",
    "45°60'",
    "(25",
    "[25",
    "25)",
    "Ø25 THRU THRU",
    "Ø25 TYP TYP",
    "Ø25 ↧",
    "Ø25 ↧0",
    "Ø25 ⌴",
    "Ø25 ⌵Ø12x200°",
    "25 +0.1 +0.1",
    "25 ±0",
    "Ø25 H7/H7",
    "Ø25 H7/",
    "Ø25 g6/H7",
    "[25] ±0.1",
    "25 mm mm",
    "30° mm",
    "Ø25 [",
    "Ø25 [1.0",
    "#13-20 UNC",
    "1/0-20 UNC",
    "25 €",
    "\xff",
    "4.5x Ø6",
    "0",
    "Ø-5",
    "R5 4 PLCS 3X",
    "25 25.1 25.2",
    "25,,4",
    "25.4.1",
    "++0.1",
    "Ø25 (+0.021/0)",
    "M8 LH LH",
    "Ø25 ↧5 ↧6",
    "25 +0.1 -0.1 -0.2",
    "28888888888888xx288xx2R5  TYP",
    "R5 9999999999999 PLCS",
    "M8x1.25-",
    "Ø ±0.1",
    "R5 TYP 25",
    "x",
    "THRU",
    "30°x",
    "25 ±0.1 ±0.1",
};

class DimensionMalformed : public ::testing::TestWithParam<const char*> {};

TEST_P(DimensionMalformed, IsRefusedWithAReason) {
  auto parsed = parse_dimension(GetParam());
  ASSERT_FALSE(parsed.ok()) << "parsed as " << parsed.value().normalized;
  EXPECT_EQ(parsed.error().status, Status::parse);
  EXPECT_FALSE(parsed.error().message.empty());
}
INSTANTIATE_TEST_SUITE_P(Malformed, DimensionMalformed, ::testing::ValuesIn(kMalformed));

TEST(DimensionMalformed, MessagesNamePositionAndAmbiguity) {
  auto ambiguous = parse_dimension("25 1");
  EXPECT_NE(ambiguous.error().message.find("ambiguous"), std::string::npos) << ambiguous.error().message;
  EXPECT_NE(ambiguous.error().message.find("byte 3"), std::string::npos) << ambiguous.error().message;
  auto unknown = parse_dimension("Ø25 Q7");
  EXPECT_NE(unknown.error().message.find("Q"), std::string::npos) << unknown.error().message;
  auto out_of_range = parse_dimension("Ø4000 H7");
  EXPECT_NE(out_of_range.error().message.find("3150"), std::string::npos) << out_of_range.error().message;
}

}  // namespace
}  // namespace drawlens::parse
