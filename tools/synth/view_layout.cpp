// Scale choice and view placement.
#include "view_layout.h"

#include <array>

namespace drawlens::synth {

std::optional<ViewArrangement> arrange_views(const Rect& area, ViewExtent main, std::optional<ViewExtent> plan,
                                             std::optional<ViewExtent> side, bool third_angle, double margin) {
  struct Scale {
    double value;
    const char* text;
  };
  static constexpr std::array<Scale, 6> kScales{
      {{5.0, "5:1"}, {2.0, "2:1"}, {1.0, "1:1"}, {0.5, "1:2"}, {0.2, "1:5"}, {0.1, "1:10"}}};
  const double gap = 2.0 * margin;
  for (const Scale& scale : kScales) {
    const double s = scale.value;
    const double width = s * main.width + (side ? gap + s * side->width : 0.0) + 2 * margin;
    const double height = s * main.height + (plan ? gap + s * plan->height : 0.0) + 2 * margin;
    // Leave some paper: a drawing filled to the frame looks unlike real ones.
    if (width > area.width() * 0.95 || height > area.height() * 0.95) continue;
    ViewArrangement out;
    out.scale = s;
    out.scale_text = scale.text;
    const double left = area.centre().x - width / 2 + margin;
    const double top = area.centre().y - height / 2 + margin;
    const double plan_height = plan ? s * plan->height + gap : 0.0;
    const double main_top = plan && third_angle ? top + plan_height : top;
    out.main = ViewFrame{{left, main_top + s * main.height}, s};
    out.main_box = Rect{left, main_top, left + s * main.width, main_top + s * main.height};
    if (plan) {
      const double plan_top = third_angle ? top : main_top + s * main.height + gap;
      out.plan = ViewFrame{{left, plan_top + s * plan->height}, s};
      out.plan_box = Rect{left, plan_top, left + s * plan->width, plan_top + s * plan->height};
    }
    if (side) {
      const double side_left = left + s * main.width + gap;
      // Projected views share the front view's heights: the side view's v = 0 is the front view's.
      out.side = ViewFrame{{side_left, out.main.origin.y - s * (main.height - side->height) / 2}, s};
      out.side_box =
          Rect{side_left, out.side->origin.y - s * side->height, side_left + s * side->width, out.side->origin.y};
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace drawlens::synth
