// The order of composition matters for determinism and for placement: fixed furniture first
// (border, title block, notes), then views, then annotations that must avoid all of them.
#include "drawing_composer.h"

#include <stdexcept>

#include "drawing_plan.h"
#include "notes_block.h"
#include "plate_annotation.h"
#include "plate_views.h"
#include "sheet_border.h"
#include "sheet_tables.h"
#include "title_block.h"
#include "turned_annotation.h"
#include "turned_views.h"
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

ViewArrangement arrange(const Part& part, const DrawingPlan& plan, const Rect& area) {
  std::optional<ViewArrangement> arrangement;
  if (part.kind == Part::Kind::plate) {
    const Plate& p = part.plate;
    arrangement = arrange_views(area, {p.length, p.thickness}, ViewExtent{p.length, p.width}, std::nullopt,
                                plan.third_angle, kViewMargin);
  } else {
    const TurnedPart& t = part.turned;
    arrangement = arrange_views(area, {t.total_length(), t.max_diameter()}, std::nullopt,
                                ViewExtent{t.max_diameter(), t.max_diameter()}, plan.third_angle, kViewMargin);
  }
  if (!arrangement) throw std::logic_error("synth: the part does not fit the sheet at any standard scale");
  return *arrangement;
}

void keep_existing_text_clear(Annotator& annotator, const Scene& scene) {
  for (const TextItem& item : scene.texts) annotator.keep_clear(item.sheet_bounds().expanded(1.0));
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
  const ViewArrangement views = arrange(part, plan, view_area);

  const TitleValues values = invent_title_values(random, plan, part_name(part, plan), views.scale_text);
  const Rect title_block = draw_title_block(scene, plan, fonts, values, frame);
  const Rect notes_area{frame.left + 2.0, frame.bottom - title_height, title_block.left - 4.0, frame.bottom - 2.0};
  const Rect notes = draw_notes(scene, fonts, plan, random, notes_area);

  Annotator annotator(scene, fonts, plan, random, frame.expanded(-1.5));
  annotator.keep_clear(title_block.expanded(1.0));
  annotator.keep_clear(notes.expanded(1.0));
  if (part.kind == Part::Kind::plate) {
    const bool section = random.chance(0.45);
    const std::optional<double> cut = section ? std::optional<double>(plate_section_y(part.plate)) : std::nullopt;
    draw_plate_top(scene, part.plate, *views.plan, cut, fonts, plan);
    draw_plate_front(scene, part.plate, views.main, cut, fonts, plan);
  } else {
    const bool section = part.turned.bore > 0 && random.chance(0.6);
    draw_turned_front(scene, part.turned, views.main, section);
    // Third angle puts the view from the right on the right; first angle, the view from the left.
    draw_turned_end(scene, part.turned, *views.side, plan.third_angle);
  }
  const SheetTables tables =
      draw_sheet_tables(scene, fonts, plan, random, part, values, views, frame, title_block, notes);
  keep_existing_text_clear(annotator, scene);
  for (const Rect& table : tables.boxes) annotator.keep_clear(table.expanded(1.0));
  if (part.kind == Part::Kind::plate) {
    annotator.keep_view_clear(views.main_box.expanded(1.0));
    annotator.keep_view_clear(views.plan_box.expanded(1.0));
    annotate_plate(annotator, part.plate,
                   PlateSheetViews{*views.plan, views.main, views.plan_box, views.main_box, plan.third_angle});
  } else {
    const TurnedSheetViews sheet_views{views.main, *views.side, views.main_box, views.side_box, plan.third_angle};
    annotator.keep_view_clear(views.side_box.expanded(1.0));
    annotate_turned_diameters(annotator, part.turned, sheet_views);
    annotator.keep_view_clear(views.main_box.expanded(1.0));
    annotate_turned(annotator, part.turned, sheet_views);
  }
  for (std::size_t i = 0; i < tables.ballooned.size(); ++i) {
    const PartsListItem& item = tables.ballooned[i];
    annotator.balloon(item.tip, item.away, static_cast<int>(i) + 1);
  }
  return scene;
}

}  // namespace drawlens::synth
