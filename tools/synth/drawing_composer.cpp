// The order of composition matters for determinism and for placement: fixed furniture first
// (border, title block, notes), then views, then annotations that must avoid all of them.
#include "drawing_composer.h"

#include <array>
#include <stdexcept>

#include "bracket_annotation.h"
#include "bracket_views.h"
#include "detail_view.h"
#include "drawing_plan.h"
#include "notes_block.h"
#include "plate_annotation.h"
#include "plate_views.h"
#include "sheet_border.h"
#include "sheet_tables.h"
#include "title_block.h"
#include "turned_annotation.h"
#include "turned_views.h"
#include "view_choice.h"
#include "view_layout.h"

namespace drawlens::synth {
namespace {

constexpr double kViewMargin = 20.0;

struct Furniture {
  Rect frame;
  Rect view_area;
  Rect title_block;
  Rect notes;
};

const std::string& part_name(const Part& part, const DrawingPlan& plan) {
  if (plan.language == Language::german) return part.name_german;
  if (plan.language == Language::korean) return part.name_korean;
  return part.name_english;
}

// The right-end chamfer of a turned part (the left one when the right end is domed), enlarged: a
// circle of at least 3 mm full size.
DetailCircle chamfer_detail(const TurnedPart& t, const std::string& letter) {
  const bool left = t.dome_radius > 0;
  const double c = left ? t.chamfer_left : t.chamfer_right;
  const double r = (left ? t.steps.front() : t.steps.back()).diameter / 2;
  return {{left ? c / 2 : t.total_length() - c / 2, t.max_diameter() / 2 + r - c / 2}, std::max(3.0, 3.0 * c), letter};
}

// The views at the largest scale that fits. A flat pattern or detail that would make the whole
// drawing smaller is left out instead.
ViewArrangement arrange(const Part& part, ViewChoice& choice, const DrawingPlan& plan, const Rect& area) {
  ViewExtent main;
  std::optional<ViewExtent> top, side;
  std::optional<ExtraView> extra;
  if (part.kind == Part::Kind::plate) {
    const Plate& p = part.plate;
    main = {p.length, p.thickness};
    top = ViewExtent{p.length, p.width};
    if (choice.side) side = ViewExtent{p.width, p.thickness};
  } else if (part.kind == Part::Kind::bracket) {
    const Bracket& b = part.bracket;
    main = {b.length, b.height};
    top = ViewExtent{b.length, b.width};
    if (choice.side) side = ViewExtent{b.width, b.height};
    if (choice.flat_pattern) extra = ExtraView{{b.flat_length(), b.width}};
  } else {
    const TurnedPart& t = part.turned;
    main = {t.total_length(), t.max_diameter()};
    if (choice.side) side = ViewExtent{t.max_diameter(), t.max_diameter()};
    if (choice.detail) {
      const double size = 2 * chamfer_detail(t, "").radius;
      // At least twice the drawing's scale, and a circle of at least 24 mm on the sheet.
      extra = ExtraView{{size, size}, 2.0, 24.0 / size};
    }
  }
  std::optional<ViewArrangement> arrangement =
      arrange_views(area, main, top, side, plan.third_angle, kViewMargin, extra);
  if (extra) {
    std::optional<ViewArrangement> without = arrange_views(area, main, top, side, plan.third_angle, kViewMargin);
    if (without && (!arrangement || arrangement->scale < without->scale)) {
      choice.flat_pattern = false;
      choice.detail = false;
      arrangement = without;
    }
  }
  if (!arrangement) throw std::logic_error("synth: the part does not fit the sheet at any standard scale");
  return *arrangement;
}

void keep_existing_text_clear(Annotator& annotator, const Scene& scene) {
  for (const TextItem& item : scene.texts) annotator.keep_clear(item.sheet_bounds().expanded(1.0));
}

void keep_views_clear(Annotator& annotator, const std::vector<Rect>& boxes) {
  for (const Rect& box : boxes) {
    if (box.width() > 0) annotator.keep_view_clear(box.expanded(1.0));
  }
}

// The part's views, drawn; for a turned part with a detail, the detail view's frame.
std::optional<ViewFrame> draw_part_views(Scene& scene, Annotator& annotator, const Part& part, const ViewChoice& choice,
                                         const ViewArrangement& views, const FontBook& fonts, const DrawingPlan& plan) {
  if (part.kind == Part::Kind::plate) {
    const Plate& plate = part.plate;
    const std::optional<double> cut =
        choice.plate_section ? std::optional<double>(plate_section_y(plate)) : std::nullopt;
    draw_plate_top(scene, plate, *views.plan, cut, fonts, plan);
    draw_plate_front(scene, plate, views.main, cut, fonts, plan);
    if (views.side) draw_plate_side(scene, plate, *views.side, plan.third_angle);
    return std::nullopt;
  }
  if (part.kind == Part::Kind::bracket) {
    const Bracket& bracket = part.bracket;
    draw_bracket_front(scene, bracket, views.main);
    draw_bracket_plan(scene, bracket, *views.plan);
    if (views.side) draw_bracket_side(scene, bracket, *views.side, plan.third_angle);
    if (choice.flat_pattern) {
      const bool chain = annotator.random().chance(plan.style == SheetStyle::asme ? 0.8 : 0.4);
      draw_bracket_flat(scene, bracket, *views.extra, fonts, plan, chain);
    }
    return std::nullopt;
  }
  const TurnedPart& turned = part.turned;
  draw_turned_front(scene, turned, views.main, choice.turned_cut);
  // Third angle puts the view from the right on the right; first angle, the view from the left.
  if (views.side) draw_turned_end(scene, turned, *views.side, plan.third_angle);
  if (!choice.detail) return std::nullopt;
  const DetailCircle circle =
      chamfer_detail(turned, annotator.random().pick(std::array<const char*, 3>{"X", "Y", "Z"}));
  const bool long_name = annotator.random().chance(0.5);
  return draw_detail(
      scene, circle, views.main, views.extra_box, views.extra->scale, views.extra_scale_text, long_name,
      [&](Scene& scratch, const ViewFrame& frame) { draw_turned_front(scratch, turned, frame, choice.turned_cut); },
      fonts, plan);
}

// Dimensions, frames and symbols on the views drawn, clear of everything already on the sheet.
void annotate_part(Annotator& annotator, Scene& scene, const Part& part, const ViewChoice& choice,
                   const ViewArrangement& views, const DrawingPlan& plan, const std::optional<ViewFrame>& detail) {
  keep_existing_text_clear(annotator, scene);
  if (part.kind == Part::Kind::plate) {
    keep_views_clear(annotator, {views.main_box, views.plan_box, views.side_box});
    const bool ordinate =
        annotate_plate(annotator, part.plate,
                       PlateSheetViews{*views.plan, views.main, views.plan_box, views.main_box, plan.third_angle});
    if (ordinate) scene.content += "; ordinate dimensions";
  } else if (part.kind == Part::Kind::bracket) {
    keep_views_clear(annotator, {views.main_box, views.plan_box, views.side_box, views.extra_box});
    annotate_bracket(
        annotator, part.bracket,
        BracketSheetViews{views.main, *views.plan, views.side, choice.flat_pattern ? views.extra : std::nullopt,
                          plan.third_angle, plan.third_angle});
  } else {
    const TurnedSheetViews sheet_views{views.main,     views.side,     detail,
                                       views.main_box, views.side_box, plan.third_angle};
    keep_views_clear(annotator, {views.side_box, views.extra_box});
    annotate_turned_diameters(annotator, part.turned, sheet_views);
    annotator.keep_view_clear(views.main_box.expanded(1.0));
    annotate_turned(annotator, part.turned, sheet_views);
  }
}

}  // namespace

Scene compose_drawing(SheetStyle style, SheetSize sheet, const FontBook& fonts, RandomSource& random) {
  const DrawingPlan plan = plan_drawing(random, style, sheet, fonts);
  Scene scene;
  scene.width_mm = plan.format.width;
  scene.height_mm = plan.format.height;
  scene.thick_width = plan.thick_width;
  const Rect frame = draw_sheet_border(scene, plan, fonts);
  const double title_height = title_block_height(plan);
  const Part part = invent_part(random);
  const Rect view_area{frame.left + 2.0, frame.top + 2.0, frame.right - 2.0, frame.bottom - title_height - 4.0};
  ViewChoice choice = choose_views(part, random);
  const ViewArrangement views = arrange(part, choice, plan, view_area);

  const TitleValues values = invent_title_values(random, plan, part_name(part, plan), views.scale_text);
  const Rect title_block = draw_title_block(scene, plan, fonts, values, frame);
  const Rect notes_area{frame.left + 2.0, frame.bottom - title_height, title_block.left - 4.0, frame.bottom - 2.0};
  const Rect notes = draw_notes(scene, fonts, plan, random, notes_area);

  Annotator annotator(scene, fonts, plan, random, frame.expanded(-1.5));
  annotator.keep_clear(title_block.expanded(1.0));
  annotator.keep_clear(notes.expanded(1.0));
  scene.content = "part " + part.kind_name + ", views " + choice.describe(part);
  if (plan.crowded) scene.content += "; crowded";
  scene.view_count = choice.count();
  const std::optional<ViewFrame> detail = draw_part_views(scene, annotator, part, choice, views, fonts, plan);
  const SheetTables tables =
      draw_sheet_tables(scene, fonts, plan, random, part, values, views, frame, title_block, notes);
  for (const Rect& table : tables.boxes) annotator.keep_clear(table.expanded(1.0));
  annotate_part(annotator, scene, part, choice, views, plan, detail);
  for (std::size_t i = 0; i < tables.ballooned.size(); ++i) {
    const PartsListItem& item = tables.ballooned[i];
    annotator.balloon(item.tip, item.away, static_cast<int>(i) + 1);
  }
  // Chosen last, so that every choice above is the same for a seed as before grey ink was drawn.
  scene.annotation_ink = annotation_ink(random);
  scene.content += std::string("; lettering ") + family_name(plan.lettering.face);
  if (scene.annotation_ink < 1.0) scene.content += "; grey annotations";
  return scene;
}

}  // namespace drawlens::synth
