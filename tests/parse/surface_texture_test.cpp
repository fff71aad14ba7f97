// parse_surface_texture on the texture requirements printed on ISO 1302 / ASME Y14.36 symbols:
// parameters, decimal commas, limits, microinches, grades, and text that must be refused.
#include <gtest/gtest.h>

#include <string>

#include "parse/parse.h"

namespace {

using drawlens::Status;
using drawlens::parse::parse_surface_texture;

struct ValidTexture {
  std::string text;
  std::string parameter;
  double value;
  std::string unit;
  bool lower_limit;
  std::string normalized;
  double penalty;
};

void PrintTo(const ValidTexture& texture, std::ostream* os) {
  *os << texture.text;
}

class ValidTextureTest : public testing::TestWithParam<ValidTexture> {};

TEST_P(ValidTextureTest, ReadsParameterValueUnitAndLimit) {
  const ValidTexture& c = GetParam();
  auto texture = parse_surface_texture(c.text);
  ASSERT_TRUE(texture.ok()) << texture.error().message;
  EXPECT_EQ(texture.value().parameter, c.parameter);
  EXPECT_DOUBLE_EQ(texture.value().value, c.value);
  EXPECT_EQ(texture.value().unit, c.unit);
  EXPECT_EQ(texture.value().lower_limit, c.lower_limit);
  EXPECT_EQ(texture.value().normalized, c.normalized);
  EXPECT_NEAR(texture.value().confidence_penalty, c.penalty, 1e-9);
}

// The normalised text reads back to the same requirement.
TEST_P(ValidTextureTest, NormalisedTextReadsBackTheSame) {
  auto texture = parse_surface_texture(GetParam().text);
  ASSERT_TRUE(texture.ok()) << texture.error().message;
  auto again = parse_surface_texture(texture.value().normalized);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again.value().normalized, texture.value().normalized);
  EXPECT_EQ(again.value().parameter, texture.value().parameter);
  EXPECT_EQ(again.value().unit, texture.value().unit);
}

INSTANTIATE_TEST_SUITE_P(Printed, ValidTextureTest,
                         testing::Values(ValidTexture{"Ra 1.6", "Ra", 1.6, "um", false, "Ra 1.6", 0.0},
                                         ValidTexture{"Ra1,6", "Ra", 1.6, "um", false, "Ra 1.6", 0.0},
                                         ValidTexture{"Ra 6,5", "Ra", 6.5, "um", false, "Ra 6.5", 0.0},
                                         ValidTexture{"Ra = 0.8", "Ra", 0.8, "um", false, "Ra 0.8", 0.0},
                                         ValidTexture{"Rz 6.3", "Rz", 6.3, "um", false, "Rz 6.3", 0.0},
                                         ValidTexture{"U Rz 0.8", "Rz", 0.8, "um", false, "U Rz 0.8", 0.0},
                                         ValidTexture{"L Ra 0.4", "Ra", 0.4, "um", true, "L Ra 0.4", 0.0},
                                         ValidTexture{"Ra 0.4 min", "Ra", 0.4, "um", true, "Ra 0.4", 0.0},
                                         ValidTexture{"Ramax 0.8", "Ra", 0.8, "um", false, "Ramax 0.8", 0.0},
                                         ValidTexture{"Rz max 3.2", "Rz", 3.2, "um", false, "Rzmax 3.2", 0.0},
                                         ValidTexture{"RA 3.2", "Ra", 3.2, "um", false, "Ra 3.2", 0.0},
                                         ValidTexture{"Rmax 2.5", "Rmax", 2.5, "um", false, "Rmax 2.5", 0.0},
                                         ValidTexture{"Rq 0.5 µm", "Rq", 0.5, "um", false, "Rq 0.5", 0.0},
                                         ValidTexture{"Rz 6,3 μm", "Rz", 6.3, "um", false, "Rz 6.3", 0.0},
                                         ValidTexture{"Ra 32 µin", "Ra", 32.0, "uin", false, "Ra 32 µin", 0.0},
                                         ValidTexture{"Ra 63 uin", "Ra", 63.0, "uin", false, "Ra 63 µin", 0.0},
                                         ValidTexture{"32 µin", "Ra", 32.0, "uin", false, "Ra 32 µin", 0.1},
                                         ValidTexture{"N7", "N", 7.0, "grade", false, "N7", 0.0},
                                         ValidTexture{"N 12", "N", 12.0, "grade", false, "N12", 0.0},
                                         ValidTexture{"Rmr(0.5) 70%", "Rmr", 70.0, "percent", false, "Rmr(0.5) 70%",
                                                      0.0},
                                         ValidTexture{"Rmr 70 %", "Rmr", 70.0, "percent", false, "Rmr 70%", 0.0},
                                         ValidTexture{"Rsm 0.05", "Rsm", 0.05, "um", false, "Rsm 0.05", 0.0},
                                         ValidTexture{"Rsk 0.3", "Rsk", 0.3, "um", false, "Rsk 0.3", 0.0},
                                         ValidTexture{"Rku 3", "Rku", 3.0, "um", false, "Rku 3", 0.0},
                                         ValidTexture{"Wt 2", "Wt", 2.0, "um", false, "Wt 2", 0.0},
                                         ValidTexture{"Pt 10", "Pt", 10.0, "um", false, "Pt 10", 0.0},
                                         ValidTexture{"Sa 0.4", "Sa", 0.4, "um", false, "Sa 0.4", 0.0}));

struct MalformedTexture {
  std::string text;
  std::string message_part;
};

void PrintTo(const MalformedTexture& texture, std::ostream* os) {
  *os << texture.text;
}

class MalformedTextureTest : public testing::TestWithParam<MalformedTexture> {};

TEST_P(MalformedTextureTest, IsAParseErrorNamingTheProblem) {
  auto texture = parse_surface_texture(GetParam().text);
  ASSERT_FALSE(texture.ok()) << texture.value().normalized;
  EXPECT_EQ(texture.error().status, Status::parse);
  EXPECT_NE(texture.error().message.find(GetParam().message_part), std::string::npos) << texture.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Refused, MalformedTextureTest,
    testing::Values(MalformedTexture{"", "empty"}, MalformedTexture{"Rx 1.6", "unknown parameter 'Rx'"},
                    MalformedTexture{"Ra", "no value after Ra"}, MalformedTexture{"Ra =", "no value after Ra"},
                    MalformedTexture{"Ra -0.8", "negative value"}, MalformedTexture{"Ra 1.6 mm", "unexpected 'mm'"},
                    MalformedTexture{"Ra 1.6 0.8", "unexpected '0.8'"}, MalformedTexture{"N13", "N1 to N12"},
                    MalformedTexture{"N0", "N1 to N12"}, MalformedTexture{"N7.5", "N1 to N12"},
                    MalformedTexture{"N 7 um", "N takes no length unit"}, MalformedTexture{"Rmr 120%", "over 100%"},
                    MalformedTexture{"Ra 1.6%", "'%' belongs to Rmr only"},
                    MalformedTexture{"1.6", "no texture parameter"},
                    MalformedTexture{"Ra(0.5) 1.6", "only Rmr takes a section level"},
                    MalformedTexture{"Rmr(0.5 70%", "malformed section level"},
                    MalformedTexture{"Rsk 0.3 um", "Rsk takes no length unit"},
                    MalformedTexture{"Ra ☺", "unexpected character U+263A"}));

}  // namespace
