// Parts-list contents: the part itself and the standard fasteners its features take, designated
// after their ISO standards, with lengths from the standards' preferred series.
#include <algorithm>
#include <array>
#include <cmath>
#include <optional>

#include "sheet_tables.h"

namespace drawlens::synth {
namespace {

// Preferred nominal lengths of ISO 4762 (Table 1) and ISO 4017 (Table 1) screws, mm (ISO 10642
// countersunk screws use the same series up to their largest lengths).
constexpr std::array<int, 20> kScrewLengths{8,  10, 12, 16, 20, 25, 30, 35,  40,  45,
                                            50, 55, 60, 65, 70, 80, 90, 100, 110, 120};
// ISO 8734 dowel pin nominal diameters and lengths (Table 1), mm.
constexpr std::array<int, 9> kPinDiameters{3, 4, 5, 6, 8, 10, 12, 16, 20};
constexpr std::array<int, 12> kPinLengths{8, 10, 12, 16, 20, 24, 30, 36, 40, 50, 60, 80};

template <typename Table>
int at_least(const Table& table, double value) {
  for (int v : table) {
    if (v >= value - 1e-9) return v;
  }
  return table.back();
}

// Names of the standard parts: English, German, Korean; ASME sheets use the English in capitals.
enum class Standard { cap_screw, countersunk_screw, hex_bolt, hex_nut, washer, dowel_pin };

std::string name_of(Standard standard, const DrawingPlan& plan) {
  static constexpr std::array<std::array<const char*, 3>, 6> kNames{{
      {"Socket head cap screw", "Zylinderschraube", "육각 구멍붙이 볼트"},
      {"Countersunk screw", "Senkschraube", "접시머리 볼트"},
      {"Hexagon head screw", "Sechskantschraube", "육각 볼트"},
      {"Hexagon nut", "Sechskantmutter", "육각 너트"},
      {"Plain washer", "Scheibe", "평와셔"},
      {"Dowel pin", "Zylinderstift", "평행 핀"},
  }};
  const auto& names = kNames[static_cast<std::size_t>(standard)];
  if (plan.style == SheetStyle::asme) {
    std::string upper = names[0];
    std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
    return upper;
  }
  return names[plan.language == Language::german ? 1 : plan.language == Language::korean ? 2 : 0];
}

std::string times(int a, int b) {
  return std::to_string(a) + "x" + std::to_string(b);
}

void plate_hardware(std::vector<PartsListItem>& items, const Plate& plate, const DrawingPlan& plan,
                    const ViewFrame& top) {
  const HoleGroup& corners = plate.holes.front();
  const int n = corners.screw.nominal;
  const int count = static_cast<int>(corners.xs.size());
  double grip = plate.thickness + 1.5 * n;
  if (corners.kind == HoleKind::counterbored) grip = plate.thickness - corners.screw.counterbore_depth + 1.5 * n;
  if (corners.kind == HoleKind::tapped_blind) grip = 1.5 * n + 10.0;
  const int length = at_least(kScrewLengths, grip);
  // The balloon points at the lower left hole; the callout uses the upper right one.
  const Point hole = top.at(corners.xs[0], corners.ys[0]);
  const Point away = unit(Point{-1.0, 1.0});
  const bool countersunk = corners.kind == HoleKind::countersunk;
  items.push_back({count, (countersunk ? "ISO 10642 M" : "ISO 4762 M") + times(n, length),
                   name_of(countersunk ? Standard::countersunk_screw : Standard::cap_screw, plan), "8.8",
                   hole + away * (corners.diameter / 2 * top.scale), away});
  if (corners.kind == HoleKind::through) {
    items.push_back({count, "ISO 7089 " + std::to_string(n), name_of(Standard::washer, plan), "200 HV",
                     top.at(corners.xs[1], corners.ys[1]) + unit(Point{1.0, 1.0}) * (corners.diameter / 2 * top.scale),
                     unit(Point{1.0, 1.0})});
  }
  for (std::size_t i = 1; i < plate.holes.size(); ++i) {
    const HoleGroup& bore = plate.holes[i];
    const int pin = static_cast<int>(std::round(bore.diameter));
    const bool standard_pin = bore.fitted && std::fabs(bore.diameter - pin) < 1e-9 &&
                              std::find(kPinDiameters.begin(), kPinDiameters.end(), pin) != kPinDiameters.end();
    if (!standard_pin) continue;
    const Point dir = unit(Point{1.0, 1.0});
    items.push_back({1, "ISO 8734 " + times(pin, at_least(kPinLengths, plate.thickness + pin)),
                     name_of(Standard::dowel_pin, plan), "1.3505",
                     top.at(bore.xs[0], bore.ys[0]) + dir * (bore.diameter / 4 * top.scale), dir});
  }
}

void turned_hardware(std::vector<PartsListItem>& items, const TurnedPart& part, const DrawingPlan& plan,
                     const ViewFrame& front, const std::optional<ViewFrame>& end_view) {
  const double c = part.max_diameter() / 2;
  if (part.bolt_circle) {
    // The balloons point at the bolt holes, which only the end view shows.
    if (!end_view) return;
    const ViewFrame& end = *end_view;
    const BoltCircle& bc = *part.bolt_circle;
    const ScrewSize* screw = screw_for_clearance(bc.hole_diameter);
    if (screw == nullptr) return;
    const int n = screw->nominal;
    const double flange = part.steps[static_cast<std::size_t>(bc.step)].length;
    const Point hole = end.at(c, c - bc.pitch_diameter / 2);
    const Point down = unit(Point{-1.0, 1.0});
    items.push_back({bc.count, "ISO 4017 M" + times(n, at_least(kScrewLengths, flange + 2.0 * n + 10.0)),
                     name_of(Standard::hex_bolt, plan), "8.8", hole + down * (bc.hole_diameter / 2 * end.scale), down});
    items.push_back({bc.count, "ISO 4032 M" + std::to_string(n), name_of(Standard::hex_nut, plan), "8",
                     hole - down * (bc.hole_diameter / 2 * end.scale), unit(Point{1.0, -1.0})});
    return;
  }
  if (part.end_thread) {
    const ScrewSize& thread = *part.end_thread;
    const double u = part.total_length() - part.steps.back().length / 2;
    const Point on_thread = front.at(u, c - thread.nominal / 2.0);
    items.push_back({1, "ISO 4032 M" + std::to_string(thread.nominal), name_of(Standard::hex_nut, plan), "8", on_thread,
                     Point{0.0, 1.0}});
    items.push_back({1, "ISO 7089 " + std::to_string(thread.nominal), name_of(Standard::washer, plan), "200 HV",
                     front.at(u, c + thread.nominal / 2.0), Point{0.0, -1.0}});
  }
}

}  // namespace

std::vector<PartsListItem> list_parts(const Part& part, const TitleValues& values, const DrawingPlan& plan,
                                      const ViewArrangement& views) {
  std::vector<PartsListItem> items;
  // A bent bracket takes no standard parts in this model, so it gets no parts list.
  if (part.kind == Part::Kind::bracket) return items;
  PartsListItem own{1, values.drawing_number, values.title, values.material, {}, {}};
  if (part.kind == Part::Kind::plate) {
    const Plate& plate = part.plate;
    own.tip = views.main.at(plate.length * 0.8, plate.thickness * 0.5);
    own.away = unit(Point{1.0, 1.0});
    items.push_back(own);
    plate_hardware(items, plate, plan, *views.plan);
    return items;
  }
  const TurnedPart& turned = part.turned;
  // Between the bore (at most 0.7 of the outside) and the outside of the first step.
  own.tip = views.main.at(turned.steps.front().length * 0.5,
                          turned.max_diameter() / 2 - turned.steps.front().diameter / 2 * 0.85);
  own.away = unit(Point{-1.0, 1.0});
  items.push_back(own);
  turned_hardware(items, turned, plan, views.main, views.side);
  return items;
}

}  // namespace drawlens::synth
