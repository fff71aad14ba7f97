// Scale choice and view placement on a grid of two columns (front and plan; side and the extra
// view) and two rows (plan and extra; front and side).
#include "view_layout.h"

#include <algorithm>
#include <array>

namespace drawlens::synth {
namespace {

struct Scale {
  double value;
  const char* text;
};
// ISO 5455 recommended scales.
constexpr std::array<Scale, 6> kScales{
    {{5.0, "5:1"}, {2.0, "2:1"}, {1.0, "1:1"}, {0.5, "1:2"}, {0.2, "1:5"}, {0.1, "1:10"}}};
constexpr std::array<Scale, 5> kEnlargements{
    {{1.0, "1:1"}, {2.0, "2:1"}, {5.0, "5:1"}, {10.0, "10:1"}, {20.0, "20:1"}}};

// The extra view's scale at drawing scale s: its own value and text.
std::optional<Scale> extra_scale(const ExtraView& extra, const Scale& drawing) {
  if (extra.enlarge <= 0.0) return drawing;
  for (const Scale& e : kEnlargements) {
    if (e.value >= extra.enlarge * drawing.value - 1e-9 && e.value >= extra.min_scale - 1e-9) return e;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ViewArrangement> arrange_views(const Rect& area, ViewExtent main, std::optional<ViewExtent> plan,
                                             std::optional<ViewExtent> side, bool third_angle, double margin,
                                             std::optional<ExtraView> extra) {
  const double gap = 2.0 * margin;
  for (const Scale& scale : kScales) {
    const double s = scale.value;
    const std::optional<Scale> es = extra ? extra_scale(*extra, scale) : std::nullopt;
    if (extra && !es) continue;
    const double extra_width = es ? es->value * extra->extent.width : 0.0;
    const double extra_height = es ? es->value * extra->extent.height : 0.0;
    const double right_column = std::max(side ? s * side->width : 0.0, extra_width);
    const double top_row = std::max(plan ? s * plan->height : 0.0, extra_height);
    const double width = s * main.width + (right_column > 0 ? gap + right_column : 0.0) + 2 * margin;
    const double height = s * main.height + (top_row > 0 ? gap + top_row : 0.0) + 2 * margin;
    // Leave some paper: a drawing filled to the frame looks unlike real ones.
    if (width > area.width() * 0.95 || height > area.height() * 0.95) continue;
    ViewArrangement out;
    out.scale = s;
    out.scale_text = scale.text;
    const double left = area.centre().x - width / 2 + margin;
    const double top = area.centre().y - height / 2 + margin;
    const double row_height = top_row > 0 ? top_row + gap : 0.0;
    const double main_top = third_angle ? top + row_height : top;
    // The plan/extra row: above the front view in third angle, below it in first.
    const double row_top = third_angle ? top : main_top + s * main.height + gap;
    out.main = ViewFrame{{left, main_top + s * main.height}, s};
    out.main_box = Rect{left, main_top, left + s * main.width, main_top + s * main.height};
    if (plan) {
      const double plan_top = third_angle ? row_top + top_row - s * plan->height : row_top;
      out.plan = ViewFrame{{left, plan_top + s * plan->height}, s};
      out.plan_box = Rect{left, plan_top, left + s * plan->width, plan_top + s * plan->height};
    }
    const double side_left = left + s * main.width + gap;
    if (side) {
      // Projected views share the front view's heights: the side view's v = 0 is the front view's.
      out.side = ViewFrame{{side_left, out.main.origin.y - s * (main.height - side->height) / 2}, s};
      out.side_box =
          Rect{side_left, out.side->origin.y - s * side->height, side_left + s * side->width, out.side->origin.y};
    }
    if (es) {
      const double extra_top = row_top + (top_row - extra_height) / 2;
      out.extra = ViewFrame{{side_left, extra_top + extra_height}, es->value};
      out.extra_box = Rect{side_left, extra_top, side_left + extra_width, extra_top + extra_height};
      out.extra_scale_text = es->text;
    }
    return out;
  }
  return std::nullopt;
}

}  // namespace drawlens::synth
