// The title block: an ISO 7200-like or ASME Y14.1-like grid of labelled fields (labels in English,
// German or Korean), the projection-method symbol, and the truth of every field and cell.
#pragma once

#include <string>

#include "drawing_plan.h"
#include "scene.h"

namespace drawlens::synth {

struct TitleValues {
  std::string title;
  std::string drawing_number;
  std::string material;
  std::string mass;
  std::string scale;
  std::string date;
  std::string revision;
  std::string drawn_by;
  std::string checked_by;
  std::string approved_by;
  std::string company;
  std::string sheet;
  std::string units;
};

// Realistic values for a part called `part_name` drawn at `scale` ("1:2").
TitleValues invent_title_values(RandomSource& random, const DrawingPlan& plan, const std::string& part_name,
                                const std::string& scale);

// A date in the drawing's convention (ISO 8601, German day.month.year, US month/day/year with an
// unambiguous day) and a person's name for its language.
std::string invent_date(RandomSource& random, const DrawingPlan& plan);
std::string invent_name(RandomSource& random, const DrawingPlan& plan);

// Height the title block takes at the bottom right of the frame.
double title_block_height(const DrawingPlan& plan);

// Draws the block in the frame's bottom-right corner; returns its outline.
Rect draw_title_block(Scene& scene, const DrawingPlan& plan, const FontBook& fonts, const TitleValues& values,
                      const Rect& frame);

}  // namespace drawlens::synth
