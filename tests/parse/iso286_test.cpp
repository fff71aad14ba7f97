// ISO 286 against values printed in ISO 286-1 Table 1 and the ISO 286-2 limit deviation tables:
// standard tolerances, hole and shaft classes (general and Δ rules, range boundaries, sizes over
// 500 mm), fits, tolerance class text and the combinations the standard leaves undefined.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "parse/parse.h"

namespace {

using drawlens::Status;
using drawlens::parse::Deviations;
using drawlens::parse::FitKind;
using drawlens::parse::ItGrade;
using drawlens::parse::ToleranceClass;
namespace parse = drawlens::parse;

constexpr double kTolerance = 1e-9;
constexpr double kUmPerMm = 1000.0;

// One size from the middle of each main range up to 500 mm (and of its subdivision, where the
// letter uses them): up to 3, 3-6, 6-10, 14-18, 24-30, 30-40, 65-80, 100-120, 140-160, 180-200,
// 280-315, 315-355, 400-450.
constexpr double kSizesMm[] = {2, 5, 8, 15, 25, 40, 70, 110, 150, 190, 300, 350, 420};
constexpr std::size_t kSizeCount = std::size(kSizesMm);

struct ItRow {
  ItGrade grade;
  double it_um[kSizeCount];
};

// ISO 286-1 Table 1, IT5 to IT11 up to 500 mm.
const ItRow kItRows[] = {
    {ItGrade::it5, {4, 5, 6, 8, 9, 11, 13, 15, 18, 20, 23, 25, 27}},
    {ItGrade::it6, {6, 8, 9, 11, 13, 16, 19, 22, 25, 29, 32, 36, 40}},
    {ItGrade::it7, {10, 12, 15, 18, 21, 25, 30, 35, 40, 46, 52, 57, 63}},
    {ItGrade::it8, {14, 18, 22, 27, 33, 39, 46, 54, 63, 72, 81, 89, 97}},
    {ItGrade::it9, {25, 30, 36, 43, 52, 62, 74, 87, 100, 115, 130, 140, 155}},
    {ItGrade::it10, {40, 48, 58, 70, 84, 100, 120, 140, 160, 185, 210, 230, 250}},
    {ItGrade::it11, {60, 75, 90, 110, 130, 160, 190, 220, 250, 290, 320, 360, 400}},
};

struct ItCase {
  double nominal_mm;
  ItGrade grade;
  double it_um;
};

// ISO 286-1 Table 1 over 500 mm, the mm-printed grades, the fine grades (Annex A for IT01, IT0)
// and range boundaries.
const ItCase kItCases[] = {
    {600, ItGrade::it6, 44},     {700, ItGrade::it6, 50},     {900, ItGrade::it6, 56},     {1100, ItGrade::it6, 66},
    {1400, ItGrade::it6, 78},    {1800, ItGrade::it6, 92},    {2200, ItGrade::it6, 110},   {3000, ItGrade::it6, 135},
    {600, ItGrade::it7, 70},     {700, ItGrade::it7, 80},     {900, ItGrade::it7, 90},     {1100, ItGrade::it7, 105},
    {1400, ItGrade::it7, 125},   {1800, ItGrade::it7, 150},   {2200, ItGrade::it7, 175},   {3000, ItGrade::it7, 210},
    {600, ItGrade::it8, 110},    {900, ItGrade::it8, 140},    {1400, ItGrade::it8, 195},   {3000, ItGrade::it8, 330},
    {600, ItGrade::it9, 175},    {1100, ItGrade::it9, 260},   {2200, ItGrade::it9, 440},   {700, ItGrade::it11, 500},
    {1800, ItGrade::it11, 920},  {3000, ItGrade::it11, 1350}, {25, ItGrade::it12, 210},    {25, ItGrade::it13, 330},
    {25, ItGrade::it14, 520},    {25, ItGrade::it15, 840},    {25, ItGrade::it16, 1300},   {25, ItGrade::it17, 2100},
    {25, ItGrade::it18, 3300},   {110, ItGrade::it14, 870},   {110, ItGrade::it16, 2200},  {420, ItGrade::it18, 9700},
    {2, ItGrade::it14, 250},     {1.5, ItGrade::it18, 1400},  {3000, ItGrade::it12, 2100}, {25, ItGrade::it01, 0.6},
    {25, ItGrade::it0, 1},       {25, ItGrade::it1, 1.5},     {25, ItGrade::it2, 2.5},     {25, ItGrade::it3, 4},
    {25, ItGrade::it4, 6},       {110, ItGrade::it1, 2.5},    {110, ItGrade::it3, 6},      {190, ItGrade::it4, 14},
    {150, ItGrade::it2, 5},      {420, ItGrade::it01, 4},     {420, ItGrade::it0, 6},      {3, ItGrade::it7, 10},
    {3.0001, ItGrade::it7, 12},  {18, ItGrade::it7, 18},      {18.0001, ItGrade::it7, 21}, {500, ItGrade::it7, 63},
    {500.001, ItGrade::it7, 70}, {3150, ItGrade::it7, 210},   {0.1, ItGrade::it13, 140},
};

// ISO 286-2 limit deviations at kSizesMm: upper deviations, then lower deviations.
struct ClassRow {
  const char* tolerance_class;
  double upper_um[kSizeCount];
  double lower_um[kSizeCount];
};

const ClassRow kShaftRows[] = {
    {"h6", {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {-6, -8, -9, -11, -13, -16, -19, -22, -25, -29, -32, -36, -40}},
    {"h9",
     {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
     {-25, -30, -36, -43, -52, -62, -74, -87, -100, -115, -130, -140, -155}},
    {"g6",
     {-2, -4, -5, -6, -7, -9, -10, -12, -14, -15, -17, -18, -20},
     {-8, -12, -14, -17, -20, -25, -29, -34, -39, -44, -49, -54, -60}},
    {"f7",
     {-6, -10, -13, -16, -20, -25, -30, -36, -43, -50, -56, -62, -68},
     {-16, -22, -28, -34, -41, -50, -60, -71, -83, -96, -108, -119, -131}},
    {"k6", {6, 9, 10, 12, 15, 18, 21, 25, 28, 33, 36, 40, 45}, {0, 1, 1, 1, 2, 2, 2, 3, 3, 4, 4, 4, 5}},
    {"m6", {8, 12, 15, 18, 21, 25, 30, 35, 40, 46, 52, 57, 63}, {2, 4, 6, 7, 8, 9, 11, 13, 15, 17, 20, 21, 23}},
    {"n6", {10, 16, 19, 23, 28, 33, 39, 45, 52, 60, 66, 73, 80}, {4, 8, 10, 12, 15, 17, 20, 23, 27, 31, 34, 37, 40}},
    {"p6", {12, 20, 24, 29, 35, 42, 51, 59, 68, 79, 88, 98, 108}, {6, 12, 15, 18, 22, 26, 32, 37, 43, 50, 56, 62, 68}},
    {"r6",
     {16, 23, 28, 34, 41, 50, 62, 76, 90, 106, 130, 144, 166},
     {10, 15, 19, 23, 28, 34, 43, 54, 65, 77, 98, 108, 126}},
    {"s6",
     {20, 27, 32, 39, 48, 59, 78, 101, 125, 151, 202, 226, 272},
     {14, 19, 23, 28, 35, 43, 59, 79, 100, 122, 170, 190, 232}},
    {"u6",
     {24, 31, 37, 44, 61, 76, 121, 166, 215, 265, 382, 426, 530},
     {18, 23, 28, 33, 48, 60, 102, 144, 190, 236, 350, 390, 490}},
};

const ClassRow kHoleRows[] = {
    {"H7", {10, 12, 15, 18, 21, 25, 30, 35, 40, 46, 52, 57, 63}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"H8", {14, 18, 22, 27, 33, 39, 46, 54, 63, 72, 81, 89, 97}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"H11", {60, 75, 90, 110, 130, 160, 190, 220, 250, 290, 320, 360, 400}, {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}},
    {"G7", {12, 16, 20, 24, 28, 34, 40, 47, 54, 61, 69, 75, 83}, {2, 4, 5, 6, 7, 9, 10, 12, 14, 15, 17, 18, 20}},
    {"F8",
     {20, 28, 35, 43, 53, 64, 76, 90, 106, 122, 137, 151, 165},
     {6, 10, 13, 16, 20, 25, 30, 36, 43, 50, 56, 62, 68}},
    {"J7",
     {4, 6, 8, 10, 12, 14, 18, 22, 26, 30, 36, 39, 43},
     {-6, -6, -7, -8, -9, -11, -12, -13, -14, -16, -16, -18, -20}},
    {"K7",
     {0, 3, 5, 6, 6, 7, 9, 10, 12, 13, 16, 17, 18},
     {-10, -9, -10, -12, -15, -18, -21, -25, -28, -33, -36, -40, -45}},
    {"M7", {-2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, {-12, -12, -15, -18, -21, -25, -30, -35, -40, -46, -52, -57, -63}},
    {"N7",
     {-4, -4, -4, -5, -7, -8, -9, -10, -12, -14, -14, -16, -17},
     {-14, -16, -19, -23, -28, -33, -39, -45, -52, -60, -66, -73, -80}},
    {"P7",
     {-6, -8, -9, -11, -14, -17, -21, -24, -28, -33, -36, -41, -45},
     {-16, -20, -24, -29, -35, -42, -51, -59, -68, -79, -88, -98, -108}},
    {"S7",
     {-14, -15, -17, -21, -27, -34, -48, -66, -85, -105, -150, -169, -209},
     {-24, -27, -32, -39, -48, -59, -78, -101, -125, -151, -202, -226, -272}},
};

struct ClassCase {
  double nominal_mm;
  const char* tolerance_class;
  double upper_um;
  double lower_um;
};

// Single entries of the ISO 286-2 tables: other letters and grades, js/JS rounding, the Δ rule
// at other grades, the M6 special case, boundaries and sizes over 500 mm.
const ClassCase kClassCases[] = {
    {25, "H7", 21, 0},        {25, "g6", -7, -20},      {30, "K7", 6, -15},      {50, "P7", -17, -42},
    {100, "s6", 93, 71},      {10, "js6", 4.5, -4.5},   {25, "js6", 6.5, -6.5},  {40, "js7", 12, -12},
    {100, "JS7", 17, -17},    {15, "JS9", 21, -21},     {5, "JS11", 37, -37},    {25, "JS6", 6.5, -6.5},
    {25, "j5", 5, -4},        {25, "j6", 9, -4},        {45, "j6", 11, -5},      {100, "j6", 13, -9},
    {25, "j7", 13, -8},       {25, "J6", 8, -5},        {40, "J6", 10, -6},      {25, "J8", 20, -13},
    {25, "k5", 11, 2},        {25, "K5", 1, -8},        {25, "K6", 2, -11},      {25, "K8", 10, -23},
    {25, "M6", -4, -17},      {25, "M8", 4, -29},       {25, "N6", -11, -24},    {25, "N8", -3, -36},
    {25, "N9", 0, -52},       {2, "N9", -4, -29},       {5, "N9", 0, -30},       {25, "P6", -18, -31},
    {25, "P9", -22, -74},     {25, "R7", -20, -41},     {45, "R7", -25, -50},    {60, "R7", -30, -60},
    {70, "R7", -32, -62},     {90, "R7", -38, -73},     {110, "R7", -41, -76},   {60, "S7", -42, -72},
    {90, "S7", -58, -93},     {20, "U7", -33, -54},     {25, "U7", -40, -61},    {35, "U7", -51, -76},
    {45, "U7", -61, -86},     {60, "U7", -76, -106},    {70, "U7", -91, -121},   {90, "U7", -111, -146},
    {110, "U7", -131, -166},  {25, "T7", -33, -54},     {40, "t6", 64, 48},      {50, "t6", 70, 54},
    {300, "M6", -9, -41},     {25, "e8", -40, -73},     {25, "d9", -65, -117},   {25, "c11", -110, -240},
    {25, "b11", -160, -290},  {25, "a11", -300, -430},  {45, "c11", -130, -290}, {10, "c11", -80, -170},
    {10, "b11", -150, -240},  {10, "a11", -280, -370},  {90, "a11", -380, -600}, {25, "E9", 92, 40},
    {50, "E9", 112, 50},      {25, "D10", 149, 65},     {25, "D9", 117, 65},     {25, "C11", 240, 110},
    {10, "C11", 170, 80},     {25, "A11", 430, 300},    {25, "B11", 290, 160},   {5, "cd8", -46, -64},
    {8, "EF7", 33, 18},       {2, "fg6", -4, -10},      {2, "h01", 0, -0.3},     {25, "H0", 1, 0},
    {18, "H7", 18, 0},        {18.0001, "H7", 21, 0},   {18, "s6", 39, 28},      {18.0001, "s6", 48, 35},
    {24, "u6", 54, 41},       {24.0001, "u6", 61, 48},  {50, "r6", 50, 34},      {50.0001, "r6", 60, 41},
    {3, "g6", -2, -8},        {3.0001, "g6", -4, -12},  {500, "H7", 63, 0},      {500.001, "H7", 70, 0},
    {600, "H7", 70, 0},       {600, "g6", -22, -66},    {700, "f7", -80, -160},  {900, "h11", 0, -560},
    {1100, "d9", -350, -610}, {600, "e8", -145, -255},  {1800, "js7", 75, -75},  {600, "k6", 44, 0},
    {600, "m6", 70, 26},      {600, "n6", 88, 44},      {600, "p6", 122, 78},    {700, "K7", 0, -80},
    {700, "M7", -30, -110},   {700, "N7", -50, -130},   {600, "P7", -78, -148},  {600, "G6", 66, 22},
    {900, "F7", 176, 86},     {1200, "D11", 1010, 350}, {3150, "H8", 330, 0},
};

void expect_limits(double nominal_mm, const std::string& tolerance_class, double upper_um, double lower_um) {
  SCOPED_TRACE(tolerance_class + " at " + std::to_string(nominal_mm) + " mm");
  const auto limits = parse::iso286_limits(nominal_mm, tolerance_class);
  ASSERT_TRUE(limits.ok()) << limits.error().message;
  EXPECT_NEAR(limits.value().upper, upper_um / kUmPerMm, kTolerance);
  EXPECT_NEAR(limits.value().lower, lower_um / kUmPerMm, kTolerance);
}

void expect_it(double nominal_mm, ItGrade grade, double it_um) {
  SCOPED_TRACE(std::string(parse::name(grade)) + " at " + std::to_string(nominal_mm) + " mm");
  const auto it = parse::standard_tolerance(nominal_mm, grade);
  ASSERT_TRUE(it.ok()) << it.error().message;
  EXPECT_NEAR(it.value(), it_um / kUmPerMm, kTolerance);
}

TEST(Iso286StandardTolerance, MatchesTable1UpTo500) {
  for (const ItRow& row : kItRows) {
    for (std::size_t i = 0; i < kSizeCount; ++i) expect_it(kSizesMm[i], row.grade, row.it_um[i]);
  }
}

TEST(Iso286StandardTolerance, MatchesTable1OtherRangesAndGrades) {
  for (const ItCase& entry : kItCases) expect_it(entry.nominal_mm, entry.grade, entry.it_um);
}

TEST(Iso286Limits, ShaftClassesMatchIso286_2) {
  for (const ClassRow& row : kShaftRows) {
    for (std::size_t i = 0; i < kSizeCount; ++i) {
      expect_limits(kSizesMm[i], row.tolerance_class, row.upper_um[i], row.lower_um[i]);
    }
  }
}

TEST(Iso286Limits, HoleClassesMatchIso286_2) {
  for (const ClassRow& row : kHoleRows) {
    for (std::size_t i = 0; i < kSizeCount; ++i) {
      expect_limits(kSizesMm[i], row.tolerance_class, row.upper_um[i], row.lower_um[i]);
    }
  }
}

TEST(Iso286Limits, SingleEntriesMatchIso286_2) {
  for (const ClassCase& entry : kClassCases) {
    expect_limits(entry.nominal_mm, entry.tolerance_class, entry.upper_um, entry.lower_um);
  }
}

TEST(Iso286Limits, DeviationsTakeAParsedClass) {
  const auto deviations = parse::iso286_deviations(25, ToleranceClass{"H", ItGrade::it7});
  ASSERT_TRUE(deviations.ok()) << deviations.error().message;
  EXPECT_NEAR(deviations.value().upper, 0.021, kTolerance);
  EXPECT_NEAR(deviations.value().lower, 0.0, kTolerance);
}

struct ErrorCase {
  double nominal_mm;
  const char* tolerance_class;
  Status status;
  const char* message_part;
};

const ErrorCase kLimitErrors[] = {
    {0, "H7", Status::invalid_argument, "3150"},
    {-5, "H7", Status::invalid_argument, "3150"},
    {3150.5, "H7", Status::invalid_argument, "3150"},
    {4000, "g6", Status::invalid_argument, "3150"},
    {std::nan(""), "H7", Status::invalid_argument, "3150"},
    {600, "a11", Status::invalid_argument, "'a' for sizes over 500 mm"},
    {0.8, "b11", Status::invalid_argument, "'b' for sizes up to 1 mm"},
    {1, "A11", Status::invalid_argument, "up to 1 mm"},
    {501, "C11", Status::invalid_argument, "over 500 mm"},
    {12, "cd7", Status::invalid_argument, "over 10 mm"},
    {20, "EF8", Status::invalid_argument, "over 10 mm"},
    {11, "fg6", Status::invalid_argument, "over 10 mm"},
    {600, "j6", Status::invalid_argument, "over 500 mm"},
    {25, "j9", Status::invalid_argument, "IT9"},
    {10, "j8", Status::invalid_argument, "IT8"},
    {25, "J5", Status::invalid_argument, "IT5"},
    {700, "J7", Status::invalid_argument, "over 500 mm"},
    {20, "t6", Status::invalid_argument, "'t' for sizes up to 24 mm"},
    {10, "V7", Status::invalid_argument, "up to 14 mm"},
    {15, "y6", Status::invalid_argument, "up to 18 mm"},
    {600, "zc8", Status::invalid_argument, "over 500 mm"},
    {600, "X7", Status::invalid_argument, "over 500 mm"},
    {0.5, "N9", Status::invalid_argument, "up to 1 mm"},
    {0.5, "h14", Status::invalid_argument, "IT14"},
    {1, "H18", Status::invalid_argument, "IT18"},
    {600, "h01", Status::invalid_argument, "IT01 for sizes over 500 mm"},
    {25, "K2", Status::invalid_argument, "Δ"},
    {25, "P1", Status::invalid_argument, "Δ"},
    {25, "Js6", Status::parse, "case"},
    {25, "Q7", Status::parse, "'Q'"},
};

TEST(Iso286Limits, UndefinedCombinationsAreErrorsNamingTheReason) {
  for (const ErrorCase& entry : kLimitErrors) {
    SCOPED_TRACE(std::string(entry.tolerance_class) + " at " + std::to_string(entry.nominal_mm) + " mm");
    const auto limits = parse::iso286_limits(entry.nominal_mm, entry.tolerance_class);
    ASSERT_FALSE(limits.ok());
    EXPECT_EQ(limits.error().status, entry.status);
    EXPECT_NE(limits.error().message.find(entry.message_part), std::string::npos) << limits.error().message;
  }
}

TEST(Iso286StandardTolerance, UndefinedGradesAreErrors) {
  EXPECT_EQ(parse::standard_tolerance(0.5, ItGrade::it14).error().status, Status::invalid_argument);
  EXPECT_EQ(parse::standard_tolerance(3000, ItGrade::it0).error().status, Status::invalid_argument);
  EXPECT_EQ(parse::standard_tolerance(0, ItGrade::it7).error().status, Status::invalid_argument);
  EXPECT_EQ(parse::standard_tolerance(3150.01, ItGrade::it7).error().status, Status::invalid_argument);
}

TEST(Iso286Limits, ClassesWithUnknownLettersAreRejected) {
  const ToleranceClass unknown[] = {
      {"Q", ItGrade::it7}, {"Js", ItGrade::it6}, {"", ItGrade::it7}, {"hh", ItGrade::it7}};
  for (const ToleranceClass& tolerance_class : unknown) {
    const auto deviations = parse::iso286_deviations(25, tolerance_class);
    ASSERT_FALSE(deviations.ok()) << tolerance_class.letters;
    EXPECT_EQ(deviations.error().status, Status::invalid_argument);
  }
}

struct FitCase {
  double nominal_mm;
  const char* hole;
  const char* shaft;
  double max_clearance_um;
  double min_clearance_um;
  FitKind kind;
};

const FitCase kFits[] = {
    {20, "H7", "g6", 41, 7, FitKind::clearance},       {25, "H7", "h6", 34, 0, FitKind::clearance},
    {40, "H8", "f7", 89, 25, FitKind::clearance},      {25, "H7", "k6", 19, -15, FitKind::transition},
    {30, "H7", "n6", 6, -28, FitKind::transition},     {25, "H7", "p6", -1, -35, FitKind::interference},
    {50, "H7", "s6", -18, -59, FitKind::interference}, {25, "G7", "h6", 41, 7, FitKind::clearance},
};

TEST(Iso286Fit, ClearancesAndKindFollowTheLimits) {
  for (const FitCase& entry : kFits) {
    SCOPED_TRACE(std::string(entry.hole) + "/" + entry.shaft + " at " + std::to_string(entry.nominal_mm));
    const auto fit = parse::iso286_fit(entry.nominal_mm, entry.hole, entry.shaft);
    ASSERT_TRUE(fit.ok()) << fit.error().message;
    EXPECT_NEAR(fit.value().max_clearance, entry.max_clearance_um / kUmPerMm, kTolerance);
    EXPECT_NEAR(fit.value().min_clearance, entry.min_clearance_um / kUmPerMm, kTolerance);
    EXPECT_EQ(fit.value().kind, entry.kind);
  }
}

TEST(Iso286Fit, CarriesBothClassesLimits) {
  const auto fit = parse::iso286_fit(20, "H7", "g6");
  ASSERT_TRUE(fit.ok()) << fit.error().message;
  EXPECT_NEAR(fit.value().hole.upper, 0.021, kTolerance);
  EXPECT_NEAR(fit.value().hole.lower, 0.0, kTolerance);
  EXPECT_NEAR(fit.value().shaft.upper, -0.007, kTolerance);
  EXPECT_NEAR(fit.value().shaft.lower, -0.020, kTolerance);
}

TEST(Iso286Fit, RejectsSwappedOrInvalidClasses) {
  EXPECT_EQ(parse::iso286_fit(25, "g6", "h6").error().status, Status::invalid_argument);
  EXPECT_EQ(parse::iso286_fit(25, "H7", "H7").error().status, Status::invalid_argument);
  EXPECT_EQ(parse::iso286_fit(25, "H7", "g").error().status, Status::parse);
  EXPECT_EQ(parse::iso286_fit(700, "H7", "x6").error().status, Status::invalid_argument);
}

struct ParsedClass {
  const char* text;
  const char* letters;
  ItGrade grade;
  bool is_hole;
};

TEST(ToleranceClassText, ParsesLettersAndGrade) {
  const ParsedClass cases[] = {
      {"H7", "H", ItGrade::it7, true},      {"g6", "g", ItGrade::it6, false},   {"js6", "js", ItGrade::it6, false},
      {"JS11", "JS", ItGrade::it11, true},  {"h01", "h", ItGrade::it01, false}, {"ZC9", "ZC", ItGrade::it9, true},
      {"cd8", "cd", ItGrade::it8, false},   {"H0", "H", ItGrade::it0, true},    {" f7 ", "f", ItGrade::it7, false},
      {"zb18", "zb", ItGrade::it18, false},
  };
  for (const ParsedClass& entry : cases) {
    SCOPED_TRACE(entry.text);
    const auto parsed = parse::parse_tolerance_class(entry.text);
    ASSERT_TRUE(parsed.ok()) << parsed.error().message;
    EXPECT_EQ(parsed.value().letters, entry.letters);
    EXPECT_EQ(parsed.value().grade, entry.grade);
    EXPECT_EQ(parsed.value().is_hole(), entry.is_hole);
  }
}

TEST(ToleranceClassText, RejectsMalformedClassesWithAReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"Js6", "case"},
      {"jS6", "case"},
      {"H", "no tolerance grade"},
      {"7", "no fundamental deviation"},
      {"H19", "19"},
      {"I7", "'I'"},
      {"Q7", "'Q'"},
      {"", "no fundamental deviation"},
      {"h00", "00"},
      {"H07", "07"},
      {"HH7", "'HH'"},
      {"JSS7", "'JSS'"},
      {"H7a", "7a"},
      {"L6", "'L'"},
      {"W7", "'W'"},
      {"g-6", "-6"},
  };
  for (const auto& [text, reason] : cases) {
    SCOPED_TRACE(text);
    const auto parsed = parse::parse_tolerance_class(text);
    ASSERT_FALSE(parsed.ok());
    EXPECT_EQ(parsed.error().status, Status::parse);
    EXPECT_NE(parsed.error().message.find(reason), std::string::npos) << parsed.error().message;
  }
}

TEST(ToleranceClassText, PrintsLettersAndGrade) {
  EXPECT_EQ((ToleranceClass{"H", ItGrade::it7}.text()), "H7");
  EXPECT_EQ((ToleranceClass{"js", ItGrade::it6}.text()), "js6");
  EXPECT_EQ((ToleranceClass{"h", ItGrade::it01}.text()), "h01");
  EXPECT_EQ((ToleranceClass{"ZC", ItGrade::it10}.text()), "ZC10");
  EXPECT_EQ(parse::name(ItGrade::it01), "IT01");
  EXPECT_EQ(parse::name(ItGrade::it0), "IT0");
  EXPECT_EQ(parse::name(ItGrade::it18), "IT18");
}

TEST(ItGradeForWidth, FindsTheCoarsestGradeWithinTheWidth) {
  const struct {
    double nominal_mm;
    double width_mm;
    std::optional<ItGrade> grade;
  } cases[] = {
      {25, 0.021, ItGrade::it7}, {25, 0.0205, ItGrade::it7},  {25, 0.020, ItGrade::it6},   {25, 0.033, ItGrade::it8},
      {25, 3.3, ItGrade::it18},  {25, 100, ItGrade::it18},    {25, 0.0004, ItGrade::it01}, {25, 0, std::nullopt},
      {0.5, 0.3, ItGrade::it13}, {600, 0.0005, std::nullopt}, {600, 0.070, ItGrade::it7},  {4000, 1, std::nullopt},
      {25, -1, std::nullopt},    {0, 0.1, std::nullopt},
  };
  for (const auto& entry : cases) {
    SCOPED_TRACE(std::to_string(entry.width_mm) + " at " + std::to_string(entry.nominal_mm));
    EXPECT_EQ(parse::it_grade_for_width(entry.nominal_mm, entry.width_mm), entry.grade);
  }
}

}  // namespace
