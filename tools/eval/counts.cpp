// Adding counts up and the ratios every reported figure is made of.
#include "eval.h"

namespace drawlens::eval {
namespace {

double ratio(std::size_t part, std::size_t whole, double when_empty) {
  return whole == 0 ? when_empty : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

const char* category_name(Category category) {
  switch (category) {
    case Category::dimensions: return "dimensions";
    case Category::gdt_frames: return "gdt_frames";
    case Category::title_fields: return "title_fields";
    case Category::tables: return "tables";
  }
  return "?";
}

const char* protocol_name(Protocol protocol) {
  return protocol == Protocol::strict ? "strict" : "edocr";
}

Counts& Counts::operator+=(const Counts& other) {
  truth += other.truth;
  predicted += other.predicted;
  matched_truth += other.matched_truth;
  matched_predicted += other.matched_predicted;
  exact += other.exact;
  value_equal += other.value_equal;
  edits += other.edits;
  characters += other.characters;
  cells += other.cells;
  cells_equal += other.cells_equal;
  return *this;
}

double Counts::precision() const {
  return ratio(matched_predicted, predicted, truth == 0 ? 1.0 : 0.0);
}
double Counts::recall() const {
  return ratio(matched_truth, truth, predicted == 0 ? 1.0 : 0.0);
}

double Counts::f1() const {
  const double p = precision();
  const double r = recall();
  return p + r == 0.0 ? 0.0 : 2.0 * p * r / (p + r);
}

double Counts::exact_accuracy() const {
  return ratio(exact, truth, 1.0);
}
double Counts::value_accuracy() const {
  return ratio(value_equal, truth, 1.0);
}
double Counts::cer() const {
  return ratio(edits, characters, 0.0);
}
double Counts::cell_accuracy() const {
  return ratio(cells_equal, cells, 1.0);
}

CategoryCounts& CategoryCounts::operator+=(const CategoryCounts& other) {
  for (std::size_t i = 0; i < by_category.size(); ++i) by_category[i] += other.by_category[i];
  return *this;
}

ProtocolCounts& ProtocolCounts::operator+=(const ProtocolCounts& other) {
  for (std::size_t i = 0; i < by_protocol.size(); ++i) by_protocol[i] += other.by_protocol[i];
  return *this;
}

}  // namespace drawlens::eval
