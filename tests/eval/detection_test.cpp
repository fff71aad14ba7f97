// Detector AP on known cases: truth against itself, boxes shifted to IoU exactly 0.6, predictions
// dropped, a false positive ranked last and first, classes without truth, files ranked together.
#include <gtest/gtest.h>

#include <algorithm>

#include "eval.h"
#include "sample_result.h"

namespace {

using drawlens::eval::ClassDetections;
using drawlens::eval::DetectionClass;
using drawlens::eval::DetectionRecords;
using drawlens::eval::evaluate_detection;
using drawlens::eval::testing::sample_result;
using nlohmann::json;

json& page(json& document) {
  return document["pages"][0];
}

// Moves an item right by a quarter of its width: IoU with the original (w - w/4) / (w + w/4) = 0.6.
void shift_to_iou_0_6(json& item) {
  if (item.contains("box")) {
    item["box"][0] = item["box"][0].get<double>() + item["box"][2].get<double>() / 4.0;
    return;
  }
  double left = 1e9, right = -1e9;
  for (const auto& p : item["polygon"]) {
    left = std::min(left, p[0].get<double>());
    right = std::max(right, p[0].get<double>());
  }
  for (auto& p : item["polygon"]) p[0] = p[0].get<double>() + (right - left) / 4.0;
}

TEST(EvalDetection, ThresholdsAreTheCocoOnes) {
  EXPECT_EQ(drawlens::eval::iou_threshold(0), 0.5);
  EXPECT_EQ(drawlens::eval::iou_threshold(2), 0.6);
  EXPECT_EQ(drawlens::eval::iou_threshold(9), 0.95);
}

TEST(EvalDetection, TruthAgainstItselfIsPerfect) {
  const json truth = sample_result();
  const DetectionRecords records = evaluate_detection(truth, truth);
  EXPECT_EQ(records.map_50(), 1.0);
  EXPECT_EQ(records.map_50_95(), 1.0);
  EXPECT_EQ(records[DetectionClass::dimensions].truth, 4u);
  EXPECT_EQ(records[DetectionClass::tables].truth, 1u);
  EXPECT_EQ(records[DetectionClass::tables].average_precision_50_95(), 1.0);
  // No truth, no AP: such classes stay out of the means.
  EXPECT_FALSE(records[DetectionClass::notes].average_precision_50().has_value());
}

TEST(EvalDetection, BoxesShiftedToIou0_6AreFoundUpToThreshold0_6) {
  const json truth = sample_result();
  json prediction = truth;
  for (const char* key : {"dimensions", "gdt_frames", "title_fields"}) {
    for (auto& item : page(prediction)[key]) shift_to_iou_0_6(item);
  }
  shift_to_iou_0_6(page(prediction)["layout"]["title_block"]);
  const DetectionRecords records = evaluate_detection(truth, prediction);
  for (DetectionClass c :
       {DetectionClass::dimensions, DetectionClass::gdt_frames, DetectionClass::title_fields, DetectionClass::tables}) {
    const ClassDetections& d = records[c];
    for (std::size_t i = 0; i < drawlens::eval::kIouThresholds; ++i) {
      EXPECT_EQ(*d.average_precision(i), i <= 2 ? 1.0 : 0.0) << drawlens::eval::detection_class_name(c) << " " << i;
    }
    EXPECT_DOUBLE_EQ(*d.average_precision_50_95(), 0.3);
  }
  EXPECT_EQ(records.map_50(), 1.0);
  EXPECT_NEAR(*records.map_50_95(), 0.3, 1e-12);
}

TEST(EvalDetection, HalfTheDimensionsDroppedReachRecallOneHalf) {
  const json truth = sample_result();
  json prediction = truth;
  page(prediction)["dimensions"].erase(3);
  page(prediction)["dimensions"].erase(2);
  // Precision 1 at recall 0.25 and 0.5; recall levels 0, 0.01, ..., 0.50 reached: 51 of 101.
  const auto ap = evaluate_detection(truth, prediction)[DetectionClass::dimensions].average_precision_50();
  EXPECT_DOUBLE_EQ(*ap, 51.0 / 101.0);
}

TEST(EvalDetection, FalsePositiveCostsNothingRankedLastAndAFifthRankedFirst) {
  const json truth = sample_result();
  json prediction = truth;
  for (auto& item : page(prediction)["dimensions"]) item["confidence"] = 0.9;
  page(prediction)["dimensions"].push_back({{"text", "?"}, {"box", {10, 700, 40, 20}}, {"confidence", 0.1}});
  EXPECT_EQ(evaluate_detection(truth, prediction)[DetectionClass::dimensions].average_precision_50(), 1.0);
  // Ranked first: precision 0, 1/2, 2/3, 3/4, 4/5 at recall 0 ... 1; interpolated 0.8 everywhere.
  page(prediction)["dimensions"].back()["confidence"] = 0.95;
  const auto ap = evaluate_detection(truth, prediction)[DetectionClass::dimensions].average_precision_50();
  EXPECT_NEAR(*ap, 0.8, 1e-12);
}

TEST(EvalDetection, MissingConfidenceCountsAsOne) {
  const json truth = sample_result();
  json prediction = truth;
  for (auto& item : page(prediction)["dimensions"]) item["confidence"] = 0.5;
  page(prediction)["dimensions"].push_back({{"text", "?"}, {"box", {10, 700, 40, 20}}});  // ranked first
  EXPECT_NEAR(*evaluate_detection(truth, prediction)[DetectionClass::dimensions].average_precision_50(), 0.8, 1e-12);
}

TEST(EvalDetection, PredictionsOfAClassWithoutTruthLeaveTheMeanAlone) {
  const json truth = sample_result();
  json prediction = truth;
  page(prediction)["notes"] = json::array({{{"text", "DEBURR"}, {"box", {10, 10, 60, 12}}}});
  const DetectionRecords records = evaluate_detection(truth, prediction);
  EXPECT_EQ(records[DetectionClass::notes].detections.size(), 1u);
  EXPECT_EQ(records.map_50_95(), 1.0);
}

TEST(EvalDetection, NothingPredictedIsZeroAndNoTruthAtAllHasNoMean) {
  const json truth = sample_result();
  const json empty = {{"pages", json::array({{{"index", 0}}})}};
  EXPECT_EQ(evaluate_detection(truth, empty).map_50(), 0.0);
  EXPECT_FALSE(evaluate_detection(empty, truth).map_50().has_value());
}

TEST(EvalDetection, FilesAreRankedTogether) {
  // File 1: one truth, one hit at 0.9. File 2: one truth, a miss at 0.95 and a hit at 0.5.
  ClassDetections first, second;
  first.truth = 1;
  first.detections = {{0.9, {true}}};
  second.truth = 1;
  second.detections = {{0.95, {false}}, {0.5, {true}}};
  first += second;
  // Ranked: miss, hit, hit: precision 0, 1/2, 2/3 at recall 0, 1/2, 1; interpolated 2/3 everywhere.
  EXPECT_NEAR(*first.average_precision_50(), 2.0 / 3.0, 1e-12);
  EXPECT_EQ(*first.average_precision(1), 0.0);
}

}  // namespace
