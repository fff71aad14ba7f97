// The schema's names of dimension values (unit, size type, tolerance kind, flag): one table each,
// used by the JSON writer and the C ABI's drawlens_*_name functions.
#include "parse/parse.h"

namespace drawlens::parse {

std::string_view name(Unit unit) {
  switch (unit) {
    case Unit::mm: return "mm";
    case Unit::inch: return "inch";
    case Unit::deg: return "deg";
  }
  return "";
}

std::string_view name(SizeType type) {
  switch (type) {
    case SizeType::linear: return "linear";
    case SizeType::diameter: return "diameter";
    case SizeType::radius: return "radius";
    case SizeType::spherical_diameter: return "spherical_diameter";
    case SizeType::spherical_radius: return "spherical_radius";
    case SizeType::angle: return "angle";
    case SizeType::chamfer: return "chamfer";
    case SizeType::thread: return "thread";
    case SizeType::width_across_flats: return "width_across_flats";
    case SizeType::square: return "square";
    case SizeType::arc_length: return "arc_length";
    case SizeType::depth: return "depth";
  }
  return "";
}

std::string_view name(ToleranceKind kind) {
  switch (kind) {
    case ToleranceKind::none: return "none";
    case ToleranceKind::symmetric: return "symmetric";
    case ToleranceKind::deviation: return "deviation";
    case ToleranceKind::limits: return "limits";
    case ToleranceKind::fit: return "fit";
    case ToleranceKind::general: return "general";
    case ToleranceKind::max: return "max";
    case ToleranceKind::min: return "min";
  }
  return "";
}

std::string_view name(DimensionFlag flag) {
  switch (flag) {
    case DimensionFlag::basic: return "basic";
    case DimensionFlag::reference: return "reference";
    case DimensionFlag::typical: return "typical";
    case DimensionFlag::general: return "general";
    case DimensionFlag::thru: return "thru";
    case DimensionFlag::controlled_radius: return "controlled_radius";
    case DimensionFlag::statistical: return "statistical";
    case DimensionFlag::all_around: return "all_around";
    case DimensionFlag::envelope: return "envelope";
    case DimensionFlag::independency: return "independency";
    case DimensionFlag::free_state: return "free_state";
    case DimensionFlag::not_to_scale: return "not_to_scale";
  }
  return "";
}

}  // namespace drawlens::parse
