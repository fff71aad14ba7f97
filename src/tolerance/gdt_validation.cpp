// Checks a feature control frame for internal consistency, rule by rule (docs/tolerance.md lists
// each rule; they follow ISO 1101:2017 and ASME Y14.5-2018). Verdicts come only from these
// rules: a frame no rule objects to has no findings.
#include <algorithm>
#include <set>
#include <string>

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {
namespace {

using parse::Characteristic;
using C = Characteristic;

bool is_form(C c) {
  return c == C::straightness || c == C::flatness || c == C::circularity || c == C::cylindricity;
}
bool is_orientation(C c) {
  return c == C::perpendicularity || c == C::angularity || c == C::parallelism;
}
bool is_runout(C c) {
  return c == C::circular_runout || c == C::total_runout;
}
bool is_profile(C c) {
  return c == C::line_profile || c == C::surface_profile;
}
bool is_centre_method(C c) {
  return c == C::concentricity || c == C::symmetry;
}

bool has(const std::vector<std::string>& list, const char* item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

class Checker {
 public:
  explicit Checker(const parse::GdtFrame& frame) : frame_(frame) {}

  void segment(const parse::GdtSegment& s, std::size_t row) {
    const C c = s.characteristic.value_or(frame_.characteristic);
    const std::string where = row_name(row) + " (" + std::string(parse::name(c)) + ")";
    if (!(s.tolerance > 0)) add("tolerance_positive", Severity::error, where + ": the tolerance must be positive");

    if (is_form(c) && !s.datums.empty()) {
      add("datum_forbidden", Severity::error, where + ": a form tolerance takes no datum reference");
    }
    if ((is_orientation(c) || is_runout(c) || is_centre_method(c)) && s.datums.empty() && refines_nothing_above(row)) {
      add("datum_required", Severity::error, where + ": needs at least one datum reference");
    }
    if (c == C::position && s.datums.empty() && refines_nothing_above(row)) {
      add("datum_required", Severity::warning,
          where + ": position without datums only locates features of a pattern to each other");
    }
    const bool material_modifier = has(s.modifiers, "mmc") || has(s.modifiers, "lmc");
    const bool rfs_only = c == C::flatness || c == C::circularity || c == C::cylindricity || is_profile(c) ||
                          is_runout(c) || is_centre_method(c);
    if (material_modifier && rfs_only) {
      add("material_modifier_not_allowed", Severity::error,
          where +
              ": MMC/LMC applies only to features of size (position, orientation of an axis, straightness of a "
              "median line)");
    }
    if (material_modifier && c == C::straightness && s.zone_shape != parse::ZoneShape::diameter) {
      add("material_modifier_not_allowed", Severity::warning,
          where + ": MMC/LMC on straightness controls a derived median line, usually with a diameter zone");
    }
    if (is_runout(c) || is_centre_method(c)) {
      for (const auto& datum : s.datums) {
        if (has(datum.modifiers, "mmc") || has(datum.modifiers, "lmc")) {
          add("datum_modifier_not_allowed", Severity::error,
              where + ": datum " + datum.label + " must apply regardless of material boundary");
        }
      }
    }
    zone_shape(s, c, where);
    if (has(s.modifiers, "projected") && c != C::position && !is_orientation(c)) {
      add("projected_zone", Severity::error, where + ": a projected zone applies to position and orientation only");
    }
    if (has(s.modifiers, "tangent_plane") && !is_orientation(c) && c != C::flatness) {
      add("tangent_plane", Severity::warning, where + ": a tangent plane applies to orientation (and flatness) only");
    }
    if (s.unequal_offset) {
      if (!is_profile(c)) add("unequal_profile", Severity::error, where + ": an unequal zone applies to profiles only");
      if (*s.unequal_offset > s.tolerance) {
        add("unequal_profile", Severity::error, where + ": the unequal offset exceeds the tolerance");
      }
    }
    if (s.per_unit && (!(s.per_unit->length > 0) || s.per_unit->tolerance > s.tolerance)) {
      add("per_unit", Severity::error,
          where + ": a per-unit tolerance needs a positive length and must not exceed the total tolerance");
    }
    datums(s, where);
    if (is_centre_method(c)) {
      add("withdrawn_characteristic", Severity::warning,
          where + ": removed from ASME Y14.5-2018 (use position or profile); still defined in ISO 1101");
    }
  }

  void composite() {
    if (frame_.frame_type != parse::FrameType::composite || frame_.segments.size() < 2) return;
    const C c = frame_.characteristic;
    if (c != C::position && !is_profile(c)) {
      add("composite_characteristic", Severity::error,
          "a composite frame is defined for position and profile only, not " + std::string(parse::name(c)));
    }
    for (std::size_t row = 1; row < frame_.segments.size(); ++row) {
      const auto& upper = frame_.segments[row - 1];
      const auto& lower = frame_.segments[row];
      if (lower.tolerance > upper.tolerance) {
        add("composite_tolerance_order", Severity::error,
            row_name(row) + ": a lower segment's tolerance must be smaller than the one above");
      } else if (lower.tolerance == upper.tolerance) {
        add("composite_tolerance_order", Severity::warning,
            row_name(row) + ": a lower segment with the same tolerance refines nothing");
      }
      bool prefix = lower.datums.size() <= upper.datums.size();
      for (std::size_t k = 0; prefix && k < lower.datums.size(); ++k)
        prefix = lower.datums[k].label == upper.datums[k].label;
      if (!prefix) {
        add("composite_datums", Severity::error,
            row_name(row) + ": a lower segment repeats the upper segment's datums, in order, or fewer of them");
      }
    }
  }

  void size_zone(double size_zone_mm) {
    if (!(size_zone_mm > 0) || frame_.segments.empty()) return;
    const C c = frame_.characteristic;
    if (!is_form(c)) return;
    const double t = frame_.segments.front().tolerance;
    if (t > size_zone_mm) {
      add("form_within_size", Severity::error,
          "the form tolerance " + std::to_string(t) + " exceeds the size tolerance " + std::to_string(size_zone_mm) +
              " it must refine (envelope requirement)");
    } else if (t == size_zone_mm) {
      add("form_within_size", Severity::warning, "the form tolerance equals the size tolerance and refines nothing");
    }
  }

  std::vector<Finding> findings() && { return std::move(findings_); }

 private:
  // The lower segments of a composite frame refine the one above and may drop its datums.
  bool refines_nothing_above(std::size_t row) const {
    return row == 0 || frame_.frame_type != parse::FrameType::composite;
  }

  std::string row_name(std::size_t row) const {
    return frame_.segments.size() > 1 ? "row " + std::to_string(row + 1) : "the frame";
  }

  void add(const char* rule, Severity severity, std::string message) {
    findings_.push_back(Finding{rule, severity, std::move(message)});
  }

  void zone_shape(const parse::GdtSegment& s, C c, const std::string& where) {
    if (s.zone_shape == parse::ZoneShape::diameter &&
        !(c == C::straightness || c == C::position || is_orientation(c) || c == C::concentricity)) {
      add("zone_shape", Severity::error, where + ": a cylindrical (diameter) zone does not apply");
    }
    if (s.zone_shape == parse::ZoneShape::spherical_diameter && c != C::position) {
      add("zone_shape", Severity::error, where + ": a spherical zone applies to position only");
    }
  }

  void datums(const parse::GdtSegment& s, const std::string& where) {
    if (s.datums.size() > 3) {
      add("datum_count", Severity::error, where + ": at most three datum references (primary, secondary, tertiary)");
    }
    std::set<std::string> seen;
    for (const auto& datum : s.datums) {
      if (!seen.insert(datum.label).second) {
        add("datum_duplicate", Severity::error, where + ": datum " + datum.label + " is referenced twice");
      }
      for (char letter : datum.label) {
        if (letter == '-') continue;
        if (letter < 'A' || letter > 'Z') {
          add("datum_letter", Severity::error,
              where + ": datum '" + datum.label + "' is not written in capital letters");
          break;
        }
        if (letter == 'I' || letter == 'O' || letter == 'Q') {
          add("datum_letter", Severity::warning,
              where + ": datum letters I, O and Q are not used (they read as digits)");
        }
      }
    }
  }

  const parse::GdtFrame& frame_;
  std::vector<Finding> findings_;
};

}  // namespace

std::vector<Finding> validate_frame(const parse::GdtFrame& frame, double size_zone_mm) {
  Checker checker(frame);
  for (std::size_t row = 0; row < frame.segments.size(); ++row) checker.segment(frame.segments[row], row);
  checker.composite();
  checker.size_zone(size_zone_mm);
  return std::move(checker).findings();
}

}  // namespace drawlens::tolerance
