// View choice: frequencies meant to resemble a mix of real part drawings.
#include "view_choice.h"

namespace drawlens::synth {

std::string ViewChoice::describe(const Part& part) const {
  std::string names = "front";
  if (plan) names += "+top";
  if (side) names += part.kind == Part::Kind::turned ? "+end" : "+side";
  if (flat_pattern) names += "+flat";
  if (detail) names += "+detail";
  if (plate_section || turned_cut == TurnedCut::full) names += ", section";
  if (turned_cut == TurnedCut::half) names += ", half section";
  return names;
}

ViewChoice choose_views(const Part& part, RandomSource& random) {
  ViewChoice choice;
  switch (part.kind) {
    case Part::Kind::plate:
      choice.plan = true;
      choice.plate_section = random.chance(0.45);
      choice.side = random.chance(0.35);
      break;
    case Part::Kind::bracket:
      choice.plan = true;
      choice.side = !part.bracket.flange_holes.xs.empty();
      choice.flat_pattern = random.chance(0.5);
      break;
    case Part::Kind::turned: {
      const TurnedPart& t = part.turned;
      const bool inside = t.bore > 0;
      choice.side = inside || t.bolt_circle || random.chance(0.5);
      if (inside && random.chance(0.6)) choice.turned_cut = random.chance(0.4) ? TurnedCut::half : TurnedCut::full;
      choice.detail = random.chance(0.35);
      break;
    }
  }
  return choice;
}

}  // namespace drawlens::synth
