// Annotate stage: words with positions grouped into spans (stacked tolerances and limits, rotated
// text, zone markers left out) and the spans read as dimensions, finishes, notes and title fields.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "annotate/annotate.h"

namespace drawlens::annotate {
namespace {

Word word(std::string text, int x, int y, int width, int height, int rotation = 0) {
  return Word{std::move(text), Box{x, y, width, height}, rotation};
}

std::vector<std::string> texts(const std::vector<TextSpan>& spans) {
  std::vector<std::string> out;
  for (const auto& span : spans) out.push_back(span.text);
  return out;
}

TEST(TextLayerSpans, StackedDeviationsJoinTheirValue) {
  // "25" with "+0.1" above-right and "-0.2" below-right, as CAD programs print them.
  const std::vector<Word> words = {word("25", 100, 95, 40, 20), word("+0.1", 145, 86, 40, 14),
                                   word("-0.2", 145, 104, 40, 14)};
  const auto spans = text_layer_spans(words, layout::Layout{});
  ASSERT_EQ(spans.size(), 1u) << ::testing::PrintToString(texts(spans));
  auto dimension = parse::parse_dimension(spans[0].text);
  ASSERT_TRUE(dimension.ok()) << spans[0].text;
  EXPECT_NEAR(dimension.value().tolerance.deviations->upper, 0.1, 1e-12);
  EXPECT_NEAR(dimension.value().tolerance.deviations->lower, -0.2, 1e-12);
  EXPECT_EQ(spans[0].box.x, 100);
  EXPECT_EQ(spans[0].box.right(), 185);
}

TEST(TextLayerSpans, LowerDeviationOnTheBaselineUpperAbove) {
  const std::vector<Word> words = {word("4.00", 100, 100, 60, 20), word("-", 170, 100, 8, 20),
                                   word("0.20", 178, 100, 50, 20), word("+", 170, 78, 8, 20),
                                   word("0.10", 178, 78, 50, 20)};
  const auto spans = text_layer_spans(words, layout::Layout{});
  ASSERT_EQ(spans.size(), 1u) << ::testing::PrintToString(texts(spans));
  EXPECT_EQ(spans[0].text, "4.00 -0.20 +0.10");
}

TEST(TextLayerSpans, StackedLimitsAndRotatedText) {
  // Vertical text reading bottom to top: "16.00" over "15.50" (across the baseline is +x).
  const std::vector<Word> words = {word("16.00", 200, 300, 20, 60, 90), word("15.50", 222, 300, 20, 60, 90)};
  const auto spans = text_layer_spans(words, layout::Layout{});
  ASSERT_EQ(spans.size(), 1u) << ::testing::PrintToString(texts(spans));
  EXPECT_EQ(spans[0].rotation, 90);
  auto dimension = parse::parse_dimension(spans[0].text);
  ASSERT_TRUE(dimension.ok()) << spans[0].text;
  EXPECT_EQ(dimension.value().tolerance.kind, parse::ToleranceKind::limits);
  EXPECT_NEAR(dimension.value().nominal, 15.75, 1e-12);
}

TEST(TextLayerSpans, WordsReadInTheirOwnDirection) {
  // "2x" then "3.40" reading top to bottom (rotation 270): y grows along the text.
  const std::vector<Word> words = {word("2x", 500, 100, 20, 30, 270), word("3.40", 500, 140, 20, 60, 270)};
  const auto spans = text_layer_spans(words, layout::Layout{});
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].text, "2x 3.40");
}

TEST(TextLayerSpans, ZoneMarkersAndTableTextAreLeftOut) {
  layout::Layout page_layout;
  page_layout.border = Box{50, 50, 900, 600};
  layout::Table title;
  title.box = Box{600, 500, 350, 150};
  page_layout.title_block = title;
  const std::vector<Word> words = {word("3", 20, 300, 10, 20), word("42", 300, 300, 30, 20),
                                   word("PLA", 700, 560, 40, 20)};
  EXPECT_EQ(texts(text_layer_spans(words, page_layout)), std::vector<std::string>{"42"});
}

TEST(InterpretSpans, FieldsSetUnitAndGeneralTolerance) {
  layout::Layout page_layout;
  layout::Table title;
  title.box = Box{600, 500, 350, 150};
  title.cells = {{Box{600, 500, 175, 50}, 0, 0, 1, 1, "MATERIAL:\nPLA"},
                 {Box{775, 500, 175, 50}, 0, 1, 1, 1, "DWG NO.\nMicro_Vu-4.20"}};
  page_layout.title_block = title;
  const std::vector<TextSpan> spans = {{"GENERAL TOLERANCES ISO 2768-mK", Box{60, 60, 300, 20}, 0, {}},
                                       {"25", Box{300, 300, 30, 20}, 0, {}},
                                       {"Ra 6,5", Box{400, 300, 60, 20}, 0, {}},
                                       {"DEBURR ALL EDGES", Box{60, 90, 200, 20}, 0, {}}};
  const PageAnnotations found = interpret_spans(spans, page_layout);
  ASSERT_EQ(found.dimensions.size(), 1u);
  EXPECT_EQ(found.dimensions[0].value.tolerance.kind, parse::ToleranceKind::general);
  EXPECT_NEAR(found.dimensions[0].value.tolerance.deviations->upper, 0.2, 1e-12);  // ISO 2768-m, 6..30
  ASSERT_TRUE(found.general_tolerance.has_value());
  EXPECT_EQ(found.general_tolerance->value.geometric_class, 'K');
  ASSERT_EQ(found.surface_finishes.size(), 1u);
  EXPECT_DOUBLE_EQ(found.surface_finishes[0].value.value, 6.5);
  // The general tolerance statement is held once, as the page's general tolerance, not as a note.
  ASSERT_EQ(found.notes.size(), 1u);
  EXPECT_EQ(found.notes[0].text, "DEBURR ALL EDGES");
  bool material = false, drawing_number = false;
  for (const auto& field : found.title_fields) {
    material = material || (field.key == parse::TitleKey::material && field.value == "PLA");
    drawing_number = drawing_number || (field.key == parse::TitleKey::drawing_number && field.value == "Micro_Vu-4.20");
  }
  EXPECT_TRUE(material);
  EXPECT_TRUE(drawing_number);
}

TEST(InterpretSpans, InchNotesSetTheUnitOfPlainNumbers) {
  const std::vector<TextSpan> spans = {{"DIMENSIONS ARE IN INCHES", Box{60, 60, 300, 20}, 0, {}},
                                       {"1.250 ±0.005", Box{300, 300, 80, 20}, 0, {}}};
  const PageAnnotations found = interpret_spans(spans, layout::Layout{});
  EXPECT_EQ(found.unit, parse::Unit::inch);
  ASSERT_EQ(found.dimensions.size(), 1u);
  EXPECT_EQ(found.dimensions[0].value.unit, parse::Unit::inch);
}

TEST(InterpretSpans, SpansMarkedAsDatumFeaturesAreReadAsTheirLabel) {
  TextSpan letter{"A", Box{100, 100, 30, 30}, 0, {}};
  letter.datum_feature = true;
  TextSpan target{"B1", Box{200, 100, 30, 30}, 0, {}};
  target.datum_feature = true;
  target.source = TextSource::recognizer;
  target.confidence = 0.7;
  TextSpan number{"25", Box{300, 100, 30, 20}, 0, {}};  // marked, but no datum label: read as itself
  number.datum_feature = true;
  const TextSpan unmarked{"C", Box{400, 100, 20, 20}, 0, {}};
  const PageAnnotations found = interpret_spans({letter, target, number, unmarked}, layout::Layout{});
  ASSERT_EQ(found.datum_features.size(), 2u);
  EXPECT_EQ(found.datum_features[0].value, "A");
  EXPECT_EQ(found.datum_features[0].box, letter.box);
  EXPECT_EQ(found.datum_features[1].value, "B1");
  EXPECT_EQ(found.datum_features[1].source, TextSource::recognizer);
  EXPECT_DOUBLE_EQ(found.datum_features[1].confidence, 0.7);
  ASSERT_EQ(found.dimensions.size(), 1u);
  EXPECT_EQ(found.dimensions[0].text, "25");
}

}  // namespace
}  // namespace drawlens::annotate
