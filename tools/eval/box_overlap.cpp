// Boxes of result items (schema box or polygon bounds) and their intersection over union.
#include "box_overlap.h"

#include <algorithm>

namespace drawlens::eval {
namespace {

bool is_point(const nlohmann::json& p) {
  return p.is_array() && p.size() == 2 && p[0].is_number() && p[1].is_number();
}

}  // namespace

std::optional<Box> item_box(const nlohmann::json& item) {
  if (!item.is_object()) return std::nullopt;
  const auto box = item.find("box");
  if (box != item.end() && box->is_array() && box->size() == 4 &&
      std::all_of(box->begin(), box->end(), [](const nlohmann::json& v) { return v.is_number(); })) {
    const double x = (*box)[0].get<double>();
    const double y = (*box)[1].get<double>();
    return Box{x, y, x + (*box)[2].get<double>(), y + (*box)[3].get<double>()};
  }
  const auto polygon = item.find("polygon");
  if (polygon == item.end() || !polygon->is_array() || polygon->empty() ||
      !std::all_of(polygon->begin(), polygon->end(), is_point)) {
    return std::nullopt;
  }
  Box bounds{(*polygon)[0][0].get<double>(), (*polygon)[0][1].get<double>(), 0, 0};
  bounds.right = bounds.left;
  bounds.bottom = bounds.top;
  for (const auto& point : *polygon) {
    bounds.left = std::min(bounds.left, point[0].get<double>());
    bounds.right = std::max(bounds.right, point[0].get<double>());
    bounds.top = std::min(bounds.top, point[1].get<double>());
    bounds.bottom = std::max(bounds.bottom, point[1].get<double>());
  }
  return bounds;
}

double intersection_over_union(const Box& a, const Box& b) {
  const auto area = [](const Box& r) { return std::max(0.0, r.right - r.left) * std::max(0.0, r.bottom - r.top); };
  const Box overlap{std::max(a.left, b.left), std::max(a.top, b.top), std::min(a.right, b.right),
                    std::min(a.bottom, b.bottom)};
  const double intersection = area(overlap);
  const double union_area = area(a) + area(b) - intersection;
  return union_area <= 0.0 ? 0.0 : intersection / union_area;
}

}  // namespace drawlens::eval
