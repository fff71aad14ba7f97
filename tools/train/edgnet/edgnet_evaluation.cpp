// SegmentScores (edgnet_evaluation.h).
#include "edgnet_evaluation.h"

#include <cstdio>

namespace drawlens::train {
namespace {

// The paper's three classes: 0 contour, 1 dimension, 2 text; -1 for border and title-block lines.
int three_class(int c) {
  switch (static_cast<segment::LineClass>(c)) {
    case segment::LineClass::contour:
    case segment::LineClass::hidden:
    case segment::LineClass::centre:
    case segment::LineClass::hatch: return 0;
    case segment::LineClass::dimension: return 1;
    case segment::LineClass::text:
    case segment::LineClass::gdt: return 2;
    case segment::LineClass::border:
    case segment::LineClass::title_block: return -1;
  }
  return -1;
}

double f1_of(double hit, double truth, double predicted) {
  return truth + predicted <= 0 ? 0.0 : 2.0 * hit / (truth + predicted);
}

}  // namespace

void SegmentScores::add(int truth, int predicted, double weight) {
  if (truth < 0 || truth >= segment::kClassCount || predicted < 0 || predicted >= segment::kClassCount) return;
  confusion_[truth][predicted] += weight;
}

double SegmentScores::accuracy() const {
  double hit = 0, all = 0;
  for (int t = 0; t < segment::kClassCount; ++t)
    for (int p = 0; p < segment::kClassCount; ++p) all += confusion_[t][p], hit += t == p ? confusion_[t][p] : 0;
  return all > 0 ? hit / all : 0;
}

double SegmentScores::f1(int c) const {
  double truth = 0, predicted = 0;
  for (int k = 0; k < segment::kClassCount; ++k) truth += confusion_[c][k], predicted += confusion_[k][c];
  return f1_of(confusion_[c][c], truth, predicted);
}

double SegmentScores::macro_f1() const {
  double sum = 0;
  int present = 0;
  for (int c = 0; c < segment::kClassCount; ++c) {
    double truth = 0;
    for (int k = 0; k < segment::kClassCount; ++k) truth += confusion_[c][k];
    if (truth <= 0) continue;
    sum += f1(c);
    ++present;
  }
  return present ? sum / present : 0;
}

double SegmentScores::three_class_accuracy() const {
  double hit = 0, all = 0;
  for (int t = 0; t < segment::kClassCount; ++t) {
    if (three_class(t) < 0) continue;
    for (int p = 0; p < segment::kClassCount; ++p) {
      all += confusion_[t][p];
      if (three_class(p) == three_class(t)) hit += confusion_[t][p];
    }
  }
  return all > 0 ? hit / all : 0;
}

std::array<double, 3> SegmentScores::three_class_f1() const {
  std::array<double, 3> hit{}, truth{}, predicted{};
  for (int t = 0; t < segment::kClassCount; ++t)
    for (int p = 0; p < segment::kClassCount; ++p) {
      const double n = confusion_[t][p];
      const int tt = three_class(t), pp = three_class(p);
      if (tt >= 0) truth[tt] += n;
      if (pp >= 0 && tt >= 0) predicted[pp] += n;
      if (tt >= 0 && tt == pp) hit[tt] += n;
    }
  return {f1_of(hit[0], truth[0], predicted[0]), f1_of(hit[1], truth[1], predicted[1]),
          f1_of(hit[2], truth[2], predicted[2])};
}

nlohmann::json SegmentScores::to_json() const {
  nlohmann::json per_class = nlohmann::json::object();
  for (int c = 0; c < segment::kClassCount; ++c) {
    double truth = 0;
    for (int k = 0; k < segment::kClassCount; ++k) truth += confusion_[c][k];
    per_class[segment::class_name(static_cast<segment::LineClass>(c))] = {{"f1", f1(c)}, {"truth", truth}};
  }
  const auto three = three_class_f1();
  return {{"accuracy", accuracy()},
          {"macro_f1", macro_f1()},
          {"per_class", per_class},
          {"three_class",
           {{"accuracy", three_class_accuracy()},
            {"f1", {{"contour", three[0]}, {"dimension", three[1]}, {"text", three[2]}}}}},
          {"confusion", confusion_}};
}

std::string SegmentScores::summary() const {
  const auto three = three_class_f1();
  char line[512];
  std::snprintf(line, sizeof line,
                "acc %.4f macroF1 %.4f | 3-class acc %.4f F1 contour %.4f dimension %.4f text %.4f | F1", accuracy(),
                macro_f1(), three_class_accuracy(), three[0], three[1], three[2]);
  std::string out = line;
  for (int c = 0; c < segment::kClassCount; ++c) {
    std::snprintf(line, sizeof line, " %s %.3f", segment::class_name(static_cast<segment::LineClass>(c)), f1(c));
    out += line;
  }
  return out;
}

}  // namespace drawlens::train
