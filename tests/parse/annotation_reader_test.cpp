// parse::read_annotation, the one reading of page text and of drawlens_parse_json(AUTO): which kind
// each text is, in which order the grammars are tried, forced kinds, confidence, stacked parts and
// ASCII spellings.
#include <gtest/gtest.h>

#include <string>
#include <variant>

#include "parse/parse.h"

namespace {

namespace parse = drawlens::parse;
using parse::AnnotationKind;

struct Classified {
  std::string text;
  AnnotationKind kind;
};

void PrintTo(const Classified& c, std::ostream* os) {
  *os << c.text;
}

class ReadAnnotationTest : public testing::TestWithParam<Classified> {};

TEST_P(ReadAnnotationTest, ClassifiesAsAnalyzeDoes) {
  auto reading = parse::read_annotation(GetParam().text);
  ASSERT_TRUE(reading) << reading.error().message;
  EXPECT_EQ(parse::name(reading.value().kind()), parse::name(GetParam().kind));
}

INSTANTIATE_TEST_SUITE_P(
    Kinds, ReadAnnotationTest,
    testing::Values(Classified{"Ra 1.6", AnnotationKind::surface_texture},
                    Classified{"Rz=6.3", AnnotationKind::surface_texture},
                    Classified{"\u2316|\u00D80.2\u24C2|A|B", AnnotationKind::gdt_frame},
                    Classified{"\u23E5|0.05", AnnotationKind::gdt_frame},
                    Classified{"ISO 2768-mK", AnnotationKind::general_tolerance},
                    Classified{"Allgemeintoleranzen ISO 2768 mH", AnnotationKind::general_tolerance},
                    Classified{"\u00D825 H7", AnnotationKind::dimension},
                    Classified{"4x \u00D86.6 +0.4/-0.1", AnnotationKind::dimension},
                    Classified{"\u231225", AnnotationKind::dimension},  // arc length, not a line profile
                    Classified{"N7", AnnotationKind::surface_texture},
                    Classified{"DEBURR ALL EDGES", AnnotationKind::note},
                    Classified{"SECTION A-A", AnnotationKind::note},  // ends in a one-letter run
                    Classified{"PA 12", AnnotationKind::note},        // material, not the texture "Pa"
                    Classified{"Werkstoff: Stahl", AnnotationKind::note}));

TEST(ReadAnnotation, ValuesKeepTheirParsedMeaning) {
  auto fit = parse::read_annotation("\u00D825 H7");
  ASSERT_TRUE(fit);
  const auto& dimension = std::get<parse::Dimension>(fit.value().value);
  EXPECT_NEAR(dimension.limits()->upper, 25.021, 1e-12);
  EXPECT_EQ(fit.value().normalized, dimension.normalized);

  auto general = parse::read_annotation("ISO 2768-mK");
  ASSERT_TRUE(general);
  EXPECT_EQ(std::get<parse::GeneralTolerance>(general.value().value).linear_class, parse::GeneralClass::m);

  auto note = parse::read_annotation("DEBURR ALL EDGES");
  ASSERT_TRUE(note);
  EXPECT_EQ(std::get<std::string>(note.value().value), "DEBURR ALL EDGES");
  EXPECT_DOUBLE_EQ(note.value().confidence, 1.0);
}

TEST(ReadAnnotation, ContextAppliesToDimensions) {
  parse::DimensionContext context;
  context.default_unit = parse::Unit::inch;
  auto reading = parse::read_annotation("1.250", context);
  ASSERT_TRUE(reading);
  EXPECT_EQ(std::get<parse::Dimension>(reading.value().value).unit, parse::Unit::inch);
}

TEST(ReadAnnotation, TextWithoutMeaningIsTheDimensionGrammarsError) {
  for (const char* text : {"A", "25 1", "", "+"}) {
    auto reading = parse::read_annotation(text);
    ASSERT_FALSE(reading) << text;
    EXPECT_EQ(reading.error().status, drawlens::Status::parse) << text;
  }
  EXPECT_NE(parse::read_annotation("25 1").error().message.find("ambiguous"), std::string::npos);
}

TEST(ReadAnnotationAs, ForcedKindsSkipThePrefilters) {
  auto texture = parse::read_annotation_as(AnnotationKind::surface_texture, "U Rz 0.8");
  ASSERT_TRUE(texture) << texture.error().message;
  EXPECT_EQ(texture.value().kind(), AnnotationKind::surface_texture);
  EXPECT_FALSE(parse::read_annotation_as(AnnotationKind::dimension, "Ra 1.6"));
  EXPECT_FALSE(parse::read_annotation_as(AnnotationKind::gdt_frame, "\u00D825"));
  auto note = parse::read_annotation_as(AnnotationKind::note, "42");
  ASSERT_TRUE(note);
  EXPECT_EQ(note.value().kind(), AnnotationKind::note);
  EXPECT_FALSE(parse::read_annotation_as(AnnotationKind::note, " \n"));
}

TEST(Confidence, IsOneMinusPenaltyClamped) {
  EXPECT_DOUBLE_EQ(parse::confidence(0.0), 1.0);
  EXPECT_DOUBLE_EQ(parse::confidence(0.25), 0.75);
  EXPECT_DOUBLE_EQ(parse::confidence(1.7), 0.0);
  EXPECT_DOUBLE_EQ(parse::confidence(-0.5), 1.0);
  auto repaired = parse::read_annotation("1O.5");  // 'O' read for '0'
  ASSERT_TRUE(repaired);
  EXPECT_NEAR(repaired.value().confidence, 0.85, 1e-12);
}

TEST(StackedPart, KindsOfStackedLines) {
  EXPECT_EQ(parse::stacked_part("+0.10", false), parse::StackedPart::signed_number);
  EXPECT_EQ(parse::stacked_part("15.50", false), parse::StackedPart::number);
  EXPECT_EQ(parse::stacked_part("k6", false), parse::StackedPart::fit_class);
  EXPECT_EQ(parse::stacked_part("R11.20", false), parse::StackedPart::none);
  EXPECT_EQ(parse::stacked_part("4.00 -0.20", false), parse::StackedPart::none);
  EXPECT_EQ(parse::stacked_part("4.00 -0.20", true), parse::StackedPart::signed_number);
  EXPECT_EQ(parse::stacked_part("DEBURR", true), parse::StackedPart::none);
}

TEST(AsciiSpelling, SpellsSymbolsForAsciiFonts) {
  EXPECT_EQ(parse::ascii_spelling("\u00D825 \u00B10.1"), "DIA25 +/-0.1");
  EXPECT_EQ(parse::ascii_spelling("\u2316|\u23000.2\u24C2|A"), "position|DIA0.2(M)|A");
  EXPECT_EQ(parse::ascii_spelling("45\u00B0 \u22A5"), "45deg perpendicularity");
  EXPECT_EQ(parse::ascii_spelling("21,5 \u2212 2"), "21,5 - 2");
  EXPECT_EQ(parse::ascii_spelling("Ra 32 \u00B5in"), "Ra 32 uin");
  EXPECT_EQ(parse::ascii_spelling("\xFF"), "?");
  EXPECT_EQ(parse::ascii_spelling("\u6750"), "?");
}

}  // namespace
