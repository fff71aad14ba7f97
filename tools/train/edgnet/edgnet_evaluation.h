// EdgNet's figures on labelled graphs: the confusion matrix, accuracy, per-class and macro F1 over
// the nine classes, and the paper's three (contour = contour, hidden, centre, hatch; dimension;
// text = text, gdt; border and title-block linework left out of those three). Each primitive counts
// once, or by its length (how much of the linework is right, which is what a user looking at the
// page sees: a dash or an arrowhead's sliver counts as much as a long edge by count).
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "segment/segment.h"

namespace drawlens::train {

class SegmentScores {
 public:
  void add(int truth, int predicted, double weight = 1);  // classes 0..8; truth -1 is skipped
  double accuracy() const;
  double f1(int c) const;   // 0 when the class is neither in the truth nor predicted
  double macro_f1() const;  // over classes present in the truth
  double three_class_accuracy() const;
  std::array<double, 3> three_class_f1() const;  // contour, dimension, text
  nlohmann::json to_json() const;
  std::string summary() const;  // one line

 private:
  std::array<std::array<double, segment::kClassCount>, segment::kClassCount> confusion_{};
};

}  // namespace drawlens::train
