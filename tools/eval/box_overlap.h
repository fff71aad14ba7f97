// Where a result item lies, as an axis-aligned box, and how much two such boxes overlap.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace drawlens::eval {

struct Box {
  double left = 0, top = 0, right = 0, bottom = 0;
};

// The item's "box" ([x, y, width, height]), else the bounds of its "polygon"; nullopt when it has
// neither in a usable form.
std::optional<Box> item_box(const nlohmann::json& item);

// Intersection over union; 0 when either box has no area.
double intersection_over_union(const Box& a, const Box& b);

}  // namespace drawlens::eval
