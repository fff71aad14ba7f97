// Segmentation on known cases: truth against itself, a class swapped, overlapping classes, pages
// without segments, and bad segments refused with the page named.
#include <gtest/gtest.h>

#include <string>

#include "eval.h"
#include "sample_result.h"

namespace {

using drawlens::eval::evaluate_segmentation;
using drawlens::eval::SegmentationCounts;
using drawlens::eval::testing::line_segment;
using nlohmann::json;

constexpr std::size_t kContour = 1, kHidden = 2, kCentre = 3, kHatch = 4;

json document(const json& segments) {
  return {{"pages", json::array({{{"index", 0}, {"width", 400}, {"height", 300}, {"segments", segments}}})}};
}

json two_lines(const char* second_class) {
  return document(
      json::array({line_segment("contour", 50, 50, 250, 50), line_segment(second_class, 50, 150, 250, 150)}));
}

TEST(EvalSegmentation, TruthAgainstItselfIsPerfect) {
  json segments = json::array({line_segment("contour", 50, 50, 250, 50), line_segment("hidden", 50, 150, 250, 150)});
  segments.push_back(
      {{"class", "dimension"}, {"kind", "arc"}, {"points", {{300, 100}, {340, 140}, {380, 100}}}, {"confidence", 1.0}});
  segments.push_back({{"class", "text"},
                      {"kind", "polyline"},
                      {"points", {{20, 250}, {120, 250}, {120, 280}, {20, 280}, {20, 250}}},
                      {"confidence", 1.0}});
  const json truth = document(segments);
  const SegmentationCounts counts = evaluate_segmentation(truth, truth);
  EXPECT_EQ(counts.pages, 1u);
  EXPECT_EQ(counts.pixel_accuracy(), 1.0);
  EXPECT_EQ(counts.foreground_accuracy(), 1.0);
  EXPECT_EQ(counts.mean_iou(), 1.0);
  for (const char* name : {"contour", "hidden", "dimension", "text"}) {
    std::size_t label = 0;
    while (std::string(drawlens::eval::kSegmentLabels[label]) != name) ++label;
    EXPECT_GT(counts.truth_pixels(label), 0u) << name;
    EXPECT_EQ(counts.iou(label), 1.0) << name;
    EXPECT_EQ(counts.f1(label), 1.0) << name;
  }
  EXPECT_FALSE(counts.iou(kHatch).has_value());
}

TEST(EvalSegmentation, ABezierIsDrawnAlongItsCurveNotItsControlPolygon) {
  // A cubic with both inner control points at y = 20 bows up to y = 80 - 0.75 * 60 = 35 at t = 1/2.
  const json curve = document(json::array({{{"class", "contour"},
                                            {"kind", "bezier"},
                                            {"points", {{50, 80}, {120, 20}, {280, 20}, {350, 80}}},
                                            {"confidence", 1.0}}}));
  const json chord = document(json::array({line_segment("contour", 50, 80, 350, 80)}));
  const SegmentationCounts against_itself = evaluate_segmentation(curve, curve);
  EXPECT_EQ(against_itself.iou(kContour), 1.0);
  const SegmentationCounts apex =
      evaluate_segmentation(curve, document(json::array({line_segment("contour", 195, 35, 205, 35)})));
  EXPECT_GT(apex.confusion[kContour][kContour], 0u);  // the curve passes its apex
  const SegmentationCounts control =
      evaluate_segmentation(curve, document(json::array({line_segment("contour", 130, 20, 270, 20)})));
  EXPECT_EQ(control.confusion[kContour][kContour], 0u);  // and not its control polygon's top
  EXPECT_LT(*evaluate_segmentation(curve, chord).iou(kContour), 0.2);
}

TEST(EvalSegmentation, StrokeIsTheDocumentedWidth) {
  const SegmentationCounts counts = evaluate_segmentation(two_lines("hidden"), two_lines("hidden"));
  // x = 50 ... 250 is 201 pixels; the 3x3 dilation adds a row above and below and a pixel at each end.
  EXPECT_EQ(counts.truth_pixels(kContour), 3u * 203u);
  EXPECT_EQ(counts.truth_pixels(0) + 2 * counts.truth_pixels(kContour), 400u * 300u);
}

TEST(EvalSegmentation, SwappedClassHasIouZeroAndHalvesForegroundAccuracy) {
  const SegmentationCounts counts = evaluate_segmentation(two_lines("hidden"), two_lines("centre"));
  const std::uint64_t line_pixels = counts.truth_pixels(kContour);
  EXPECT_EQ(counts.confusion[kHidden][kCentre], line_pixels);  // the same line one class off
  EXPECT_EQ(counts.iou(kContour), 1.0);
  EXPECT_EQ(counts.iou(kHidden), 0.0);
  EXPECT_EQ(counts.iou(kCentre), 0.0);
  EXPECT_EQ(counts.f1(kHidden), 0.0);
  EXPECT_DOUBLE_EQ(*counts.mean_iou(), 1.0 / 3.0);
  EXPECT_EQ(counts.foreground_accuracy(), 0.5);
  EXPECT_DOUBLE_EQ(*counts.pixel_accuracy(), 1.0 - static_cast<double>(line_pixels) / (400.0 * 300.0));
}

TEST(EvalSegmentation, HalfALineMissedHasIouOneHalf) {
  // Truth: the line x = 50 ... 250 as two halves meeting at x = 150: 3 x 203 pixels once dilated.
  // Prediction: the first half only, 3 x 103 pixels, all inside the truth.
  const json truth =
      document(json::array({line_segment("contour", 50, 50, 150, 50), line_segment("contour", 150, 50, 250, 50)}));
  const json prediction = document(json::array({line_segment("contour", 50, 50, 150, 50)}));
  const SegmentationCounts counts = evaluate_segmentation(truth, prediction);
  const double hit = static_cast<double>(counts.confusion[kContour][kContour]);
  EXPECT_EQ(counts.confusion[0][kContour], 0u);  // nothing predicted outside the truth
  EXPECT_DOUBLE_EQ(*counts.iou(kContour), hit / static_cast<double>(counts.truth_pixels(kContour)));
  EXPECT_DOUBLE_EQ(*counts.iou(kContour), 309.0 / 609.0);
}

TEST(EvalSegmentation, OverlapTakesTheLowerLabel) {
  const json truth =
      document(json::array({line_segment("hatch", 50, 50, 250, 50), line_segment("contour", 50, 50, 250, 50)}));
  const SegmentationCounts counts = evaluate_segmentation(truth, truth);
  EXPECT_GT(counts.truth_pixels(kContour), 0u);
  EXPECT_EQ(counts.truth_pixels(kHatch), 0u);
}

TEST(EvalSegmentation, PagesWithoutTruthSegmentsAreNotScored) {
  const json truth = {{"pages", json::array({{{"index", 0}, {"width", 400}, {"height", 300}}})}};
  const SegmentationCounts counts = evaluate_segmentation(truth, two_lines("hidden"));
  EXPECT_EQ(counts.pages, 0u);
  EXPECT_FALSE(counts.pixel_accuracy().has_value());
  EXPECT_FALSE(counts.mean_iou().has_value());
}

TEST(EvalSegmentation, MissingPredictionIsAnEmptyMask) {
  const json empty = {{"pages", json::array()}};
  const SegmentationCounts counts = evaluate_segmentation(two_lines("hidden"), empty);
  EXPECT_EQ(counts.iou(kContour), 0.0);
  EXPECT_EQ(counts.foreground_accuracy(), 0.0);
  EXPECT_EQ(counts.predicted_pixels(0), 400u * 300u);
}

void expect_refused(const json& truth, const json& prediction, const std::string& part) {
  try {
    evaluate_segmentation(truth, prediction);
    ADD_FAILURE() << "no error, expected " << part;
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find(part), std::string::npos) << e.what();
  }
}

TEST(EvalSegmentation, BadSegmentsAreRefusedNamingThePage) {
  const json good = two_lines("hidden");
  expect_refused(good, two_lines("outline"), "page 0: unknown segment class \"outline\"");
  json one_point = good;
  one_point["pages"][0]["segments"][0]["points"] = {{50, 50}};
  expect_refused(good, one_point, "page 0: segment with fewer than two points");
  json text_point = good;
  text_point["pages"][0]["segments"][0]["points"][1] = "250,50";
  expect_refused(text_point, good, "numeric [x, y] pair");
  json no_width = good;
  no_width["pages"][0].erase("width");
  expect_refused(no_width, good, "page 0: segments need a positive integer \"width\"");
  json huge = good;
  huge["pages"][0]["width"] = 100000;
  huge["pages"][0]["height"] = 100000;
  expect_refused(huge, good, "too large to rasterise");
}

}  // namespace
