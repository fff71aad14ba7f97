// ISO 2768-1 general tolerances against Tables 1 to 3 of the standard, their blank cells and
// limits, and general tolerance statements as printed in title blocks and notes.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <string>

#include "parse/parse.h"

namespace {

using drawlens::Status;
using drawlens::parse::GeneralClass;
namespace parse = drawlens::parse;

constexpr double kTolerance = 1e-9;

struct TableCase {
  double size_mm;
  GeneralClass general_class;
  double deviation;  // ± mm, or ± degrees for angles
};

void expect_symmetric(const drawlens::Result<parse::Deviations>& result, double deviation) {
  ASSERT_TRUE(result.ok()) << result.error().message;
  EXPECT_NEAR(result.value().upper, deviation, kTolerance);
  EXPECT_NEAR(result.value().lower, -deviation, kTolerance);
}

TEST(Iso2768Linear, MatchesTable1) {
  const TableCase cases[] = {
      {0.5, GeneralClass::f, 0.05},   {3, GeneralClass::m, 0.1},    {2, GeneralClass::c, 0.2},
      {3.0001, GeneralClass::c, 0.3}, {5, GeneralClass::f, 0.05},   {6, GeneralClass::v, 0.5},
      {10, GeneralClass::m, 0.2},     {30, GeneralClass::f, 0.1},   {30.1, GeneralClass::f, 0.15},
      {50, GeneralClass::v, 1.5},     {100, GeneralClass::c, 0.8},  {120, GeneralClass::m, 0.3},
      {200, GeneralClass::v, 2.5},    {400, GeneralClass::m, 0.5},  {500, GeneralClass::f, 0.3},
      {1000, GeneralClass::c, 2},     {1500, GeneralClass::m, 1.2}, {2000, GeneralClass::v, 6},
      {2000, GeneralClass::f, 0.5},   {3000, GeneralClass::m, 2},   {4000, GeneralClass::c, 4},
      {4000, GeneralClass::v, 8},
  };
  for (const TableCase& entry : cases) {
    SCOPED_TRACE(std::to_string(entry.size_mm) + " class " + "fmcv"[static_cast<int>(entry.general_class)]);
    expect_symmetric(parse::iso2768_linear(entry.size_mm, entry.general_class), entry.deviation);
  }
}

TEST(Iso2768RadiusChamfer, MatchesTable2) {
  const TableCase cases[] = {
      {0.5, GeneralClass::f, 0.2}, {3, GeneralClass::m, 0.2}, {1, GeneralClass::v, 0.4},
      {4, GeneralClass::c, 1},     {6, GeneralClass::v, 1},   {5, GeneralClass::f, 0.5},
      {10, GeneralClass::f, 1},    {10, GeneralClass::c, 2},  {5000, GeneralClass::m, 1},
  };
  for (const TableCase& entry : cases) {
    SCOPED_TRACE(std::to_string(entry.size_mm));
    expect_symmetric(parse::iso2768_radius_chamfer(entry.size_mm, entry.general_class), entry.deviation);
  }
}

TEST(Iso2768Angle, MatchesTable3InDegrees) {
  const TableCase cases[] = {
      {5, GeneralClass::m, 1.0},         {10, GeneralClass::f, 1.0},        {5, GeneralClass::c, 1.5},
      {5, GeneralClass::v, 3.0},         {10.5, GeneralClass::m, 0.5},      {50, GeneralClass::c, 1.0},
      {30, GeneralClass::v, 2.0},        {100, GeneralClass::m, 20.0 / 60}, {100, GeneralClass::v, 1.0},
      {200, GeneralClass::f, 10.0 / 60}, {200, GeneralClass::c, 0.25},      {500, GeneralClass::m, 5.0 / 60},
      {500, GeneralClass::c, 10.0 / 60}, {500, GeneralClass::v, 20.0 / 60},
  };
  for (const TableCase& entry : cases) {
    SCOPED_TRACE(std::to_string(entry.size_mm));
    expect_symmetric(parse::iso2768_angle(entry.size_mm, entry.general_class), entry.deviation);
  }
}

TEST(Iso2768, BlankCellsAndOutOfRangeSizesAreErrorsNamingTheReason) {
  const struct {
    drawlens::Result<parse::Deviations> result;
    const char* message_part;
  } cases[] = {
      {parse::iso2768_linear(2, GeneralClass::v), "blank"},
      {parse::iso2768_linear(3000, GeneralClass::f), "blank"},
      {parse::iso2768_linear(0.4, GeneralClass::m), "0.5 mm"},
      {parse::iso2768_linear(0, GeneralClass::f), "0.5 mm"},
      {parse::iso2768_linear(-1, GeneralClass::f), "0.5 mm"},
      {parse::iso2768_linear(std::nan(""), GeneralClass::m), "0.5 mm"},
      {parse::iso2768_linear(4000.1, GeneralClass::m), "4000"},
      {parse::iso2768_radius_chamfer(0.3, GeneralClass::m), "0.5 mm"},
      {parse::iso2768_angle(0, GeneralClass::m), "positive"},
      {parse::iso2768_angle(-5, GeneralClass::m), "positive"},
  };
  for (const auto& entry : cases) {
    ASSERT_FALSE(entry.result.ok());
    EXPECT_EQ(entry.result.error().status, Status::invalid_argument);
    EXPECT_NE(entry.result.error().message.find(entry.message_part), std::string::npos) << entry.result.error().message;
  }
}

constexpr const char* kWithdrawn = "ISO 2768-2 is withdrawn; replaced by ISO 22081";

struct StatementCase {
  const char* text;
  const char* standard;
  std::optional<GeneralClass> linear_class;
  std::optional<char> geometric_class;
};

TEST(GeneralToleranceStatement, ReadsStandardAndClasses) {
  const StatementCase cases[] = {
      {"ISO 2768-mK", "ISO 2768-1", GeneralClass::m, 'K'},
      {"ISO 2768 - m K", "ISO 2768-1", GeneralClass::m, 'K'},
      {"ISO2768-1 m", "ISO 2768-1", GeneralClass::m, std::nullopt},
      {"DIN ISO 2768-1 m", "ISO 2768-1", GeneralClass::m, std::nullopt},
      {"ISO 2768-f", "ISO 2768-1", GeneralClass::f, std::nullopt},
      {"ISO 2768-fH", "ISO 2768-1", GeneralClass::f, 'H'},
      {"ISO 2768 mH", "ISO 2768-1", GeneralClass::m, 'H'},
      {"ISO 2768-m-K", "ISO 2768-1", GeneralClass::m, 'K'},
      {"iso 2768-cl", "ISO 2768-1", GeneralClass::c, 'L'},
      {"ISO 2768-1:1989 v", "ISO 2768-1", GeneralClass::v, std::nullopt},
      {"GENERAL TOLERANCES: ISO 2768-MK", "ISO 2768-1", GeneralClass::m, 'K'},
      {"Allgemeintoleranzen ISO 2768-mK", "ISO 2768-1", GeneralClass::m, 'K'},
      {"General tolerances ISO 2768-m", "ISO 2768-1", GeneralClass::m, std::nullopt},
      {"일반공차 ISO 2768-m", "ISO 2768-1", GeneralClass::m, std::nullopt},
      {"ISO 2768 – c", "ISO 2768-1", GeneralClass::c, std::nullopt},
      {"ISO 2768-K", "ISO 2768-2", std::nullopt, 'K'},
      {"ISO 22081", "ISO 22081", std::nullopt, std::nullopt},
      {"EN ISO 22081", "ISO 22081", std::nullopt, std::nullopt},
      {"DIN 7168-m", "DIN 7168", GeneralClass::m, std::nullopt},
      {"DIN 7168 f", "DIN 7168", GeneralClass::f, std::nullopt},
      {"DIN 7168-g", "DIN 7168", GeneralClass::c, std::nullopt},
      {"DIN 7168 sg", "DIN 7168", GeneralClass::v, std::nullopt},
  };
  for (const StatementCase& entry : cases) {
    SCOPED_TRACE(entry.text);
    const auto statement = parse::parse_general_tolerance(entry.text);
    ASSERT_TRUE(statement.ok()) << statement.error().message;
    EXPECT_EQ(statement.value().standard, entry.standard);
    EXPECT_EQ(statement.value().linear_class, entry.linear_class);
    EXPECT_EQ(statement.value().geometric_class, entry.geometric_class);
    EXPECT_EQ(statement.value().text, entry.text);
    EXPECT_EQ(statement.value().note, entry.geometric_class ? kWithdrawn : "");
  }
}

TEST(GeneralToleranceStatement, RejectsTextWithoutAGeneralToleranceStandard) {
  const char* cases[] = {"", "TOLERANCES ±0.1", "ISO 1101", "2768-m", "ISO 27681-m", "DIN 7167-m"};
  for (const char* text : cases) {
    SCOPED_TRACE(text);
    const auto statement = parse::parse_general_tolerance(text);
    ASSERT_FALSE(statement.ok());
    EXPECT_EQ(statement.error().status, Status::parse);
    EXPECT_NE(statement.error().message.find("ISO 2768"), std::string::npos) << statement.error().message;
  }
}

TEST(GeneralToleranceStatement, RejectsUnknownClassLetters) {
  for (const char* text : {"ISO 2768-mX", "ISO 2768-kk", "DIN 7168-x"}) {
    SCOPED_TRACE(text);
    const auto statement = parse::parse_general_tolerance(text);
    ASSERT_FALSE(statement.ok());
    EXPECT_EQ(statement.error().status, Status::parse);
  }
}

}  // namespace
