// JSON of the parse stage's values, with the names and shapes of docs/schema/result.schema.json
// (dimension, gdt_frame, surface_finish, general_tolerance, title_field.parsed), and of one
// annotation reading as drawlens_parse_json returns it.
#include <variant>

#include <nlohmann/json.hpp>

#include "output/output.h"

namespace drawlens::output {
namespace {

using nlohmann::json;

const char* thread_standard_name(parse::ThreadStandard standard) {
  static constexpr const char* kNames[] = {"iso_metric", "unified", "pipe_g", "pipe_rp", "pipe_r", "other"};
  return kNames[static_cast<int>(standard)];
}

json tolerance_json(const parse::Dimension& d) {
  const parse::Tolerance& t = d.tolerance;
  json out = {{"kind", std::string(parse::name(t.kind))}};
  if (t.deviations) {
    out["upper"] = t.deviations->upper;
    out["lower"] = t.deviations->lower;
    const auto limits = d.limits();
    out["limits"] = {{"upper", limits->upper}, {"lower", limits->lower}};
  }
  if (t.kind == parse::ToleranceKind::max) out["upper"] = 0.0;
  if (t.kind == parse::ToleranceKind::min) out["lower"] = 0.0;
  if (t.hole_class || t.shaft_class) {
    json fit = json::object();
    if (t.hole_class) fit["hole"] = t.hole_class->text();
    if (t.shaft_class) fit["shaft"] = t.shaft_class->text();
    out["fit"] = std::move(fit);
  }
  if (t.it_grade) out["it_grade"] = std::string(parse::name(*t.it_grade));
  if (!t.general_class.empty()) out["general_class"] = t.general_class;
  return out;
}

json thread_json(const parse::Thread& thread) {
  json out = {{"standard", thread_standard_name(thread.standard)},
              {"designation", thread.designation},
              {"hand", thread.left_hand ? "left" : "right"}};
  if (thread.nominal_diameter) out["nominal_diameter"] = *thread.nominal_diameter;
  if (thread.pitch) out["pitch"] = *thread.pitch;
  if (thread.threads_per_inch) out["threads_per_inch"] = *thread.threads_per_inch;
  if (!thread.tolerance_class.empty()) out["tolerance_class"] = thread.tolerance_class;
  if (thread.depth) out["depth"] = *thread.depth;
  return out;
}

json bore_json(const parse::Counterbore& bore) {
  json out = {{"diameter", bore.diameter}};
  if (bore.depth) out["depth"] = *bore.depth;
  return out;
}

json hole_json(const parse::Hole& hole) {
  json out = json::object();
  if (hole.depth) out["depth"] = *hole.depth;
  if (hole.counterbore) out["counterbore"] = bore_json(*hole.counterbore);
  if (hole.spotface) out["spotface"] = bore_json(*hole.spotface);
  if (hole.countersink) {
    out["countersink"] = {{"diameter", hole.countersink->diameter}};
    if (hole.countersink->angle) out["countersink"]["angle"] = *hole.countersink->angle;
  }
  return out;
}

json chamfer_json(const parse::Chamfer& chamfer) {
  json out = {{"size", chamfer.size}};
  if (chamfer.angle) out["angle"] = *chamfer.angle;
  if (chamfer.second_size) out["second_size"] = *chamfer.second_size;
  return out;
}

const char* zone_shape_name(parse::ZoneShape shape) {
  static constexpr const char* kNames[] = {"none", "diameter", "spherical_diameter"};
  return kNames[static_cast<int>(shape)];
}

json segment_json(const parse::GdtSegment& segment) {
  json datums = json::array();
  for (const auto& datum : segment.datums) datums.push_back({{"label", datum.label}, {"modifiers", datum.modifiers}});
  json out = {{"zone_shape", zone_shape_name(segment.zone_shape)},
              {"tolerance", segment.tolerance},
              {"modifiers", segment.modifiers},
              {"datums", std::move(datums)}};
  if (segment.characteristic) out["characteristic"] = std::string(parse::name(*segment.characteristic));
  if (segment.per_unit)
    out["per_unit_length"] = {{"tolerance", segment.per_unit->tolerance}, {"length", segment.per_unit->length}};
  if (segment.unequal_offset) out["unequal_offset"] = *segment.unequal_offset;
  if (segment.projected_height) out["projected_height"] = *segment.projected_height;
  return out;
}

}  // namespace

json dimension_json(const parse::Dimension& d) {
  json out = {{"text", d.text},
              {"size_type", std::string(parse::name(d.size_type))},
              {"nominal", d.nominal},
              {"unit", std::string(parse::name(d.unit))},
              {"tolerance", tolerance_json(d)}};
  if (d.count != 1) out["count"] = d.count;
  json flags = json::array();
  for (unsigned bit = 1; bit <= static_cast<unsigned>(parse::DimensionFlag::not_to_scale); bit <<= 1) {
    if (d.flags & bit) flags.push_back(std::string(parse::name(static_cast<parse::DimensionFlag>(bit))));
  }
  if (!flags.empty()) out["flags"] = std::move(flags);
  if (d.thread) out["thread"] = thread_json(*d.thread);
  if (d.hole) out["hole"] = hole_json(*d.hole);
  if (d.chamfer) out["chamfer"] = chamfer_json(*d.chamfer);
  if (!d.prefix.empty()) out["prefix"] = d.prefix;
  if (!d.suffix.empty()) out["suffix"] = d.suffix;
  if (d.dual)
    out["dual"] = {
        {"text", d.dual->text}, {"nominal", d.dual->nominal}, {"unit", std::string(parse::name(d.dual->unit))}};
  return out;
}

json gdt_frame_json(const parse::GdtFrame& frame) {
  static constexpr const char* kFrameTypes[] = {"single", "composite", "stacked"};
  json segments = json::array();
  for (const auto& segment : frame.segments) segments.push_back(segment_json(segment));
  json out = {{"text", frame.normalized},
              {"characteristic", std::string(parse::name(frame.characteristic))},
              {"segments", std::move(segments)}};
  if (frame.frame_type != parse::FrameType::single) out["frame_type"] = kFrameTypes[static_cast<int>(frame.frame_type)];
  return out;
}

json surface_texture_json(const parse::SurfaceTexture& texture) {
  json out = {
      {"text", texture.normalized}, {"parameter", texture.parameter}, {"value", texture.value}, {"unit", texture.unit}};
  if (texture.lower_limit) out["limit"] = "lower";
  return out;
}

json general_tolerance_json(const parse::GeneralTolerance& general) {
  json out = {{"standard", general.standard}, {"text", general.text}};
  if (general.linear_class) out["class"] = std::string(parse::name(*general.linear_class));
  if (general.geometric_class) out["geometric_class"] = std::string(1, *general.geometric_class);
  if (!general.note.empty()) out["note"] = general.note;
  return out;
}

json annotation_json(const parse::Annotation& reading) {
  json out;
  switch (reading.kind()) {
    case parse::AnnotationKind::dimension: out = dimension_json(std::get<parse::Dimension>(reading.value)); break;
    case parse::AnnotationKind::gdt_frame: out = gdt_frame_json(std::get<parse::GdtFrame>(reading.value)); break;
    case parse::AnnotationKind::surface_texture:
      out = surface_texture_json(std::get<parse::SurfaceTexture>(reading.value));
      break;
    case parse::AnnotationKind::general_tolerance:
      out = general_tolerance_json(std::get<parse::GeneralTolerance>(reading.value));
      break;
    case parse::AnnotationKind::note: out = {{"text", std::get<std::string>(reading.value)}}; break;
  }
  out["kind"] = std::string(parse::name(reading.kind()));
  out["normalized"] = reading.normalized;
  out["confidence"] = reading.confidence;
  return out;
}

json title_value_json(parse::TitleKey key, const std::string& value) {
  switch (key) {
    case parse::TitleKey::scale:
      if (auto scale = parse::parse_scale(value))
        return {{"numerator", scale.value().numerator}, {"denominator", scale.value().denominator}};
      break;
    case parse::TitleKey::sheet:
      if (auto sheet = parse::parse_sheet(value)) {
        json out = {{"number", sheet.value().number}};
        if (sheet.value().of) out["of"] = *sheet.value().of;
        return out;
      }
      break;
    case parse::TitleKey::mass:
      if (auto mass = parse::parse_mass(value)) return {{"value", mass.value().value}, {"unit", mass.value().unit}};
      break;
    case parse::TitleKey::date:
      if (auto date = parse::parse_date(value)) return {{"iso", date.value()}};
      break;
    case parse::TitleKey::units:
      if (auto unit = parse::parse_units(value)) return {{"unit", unit.value() == parse::Unit::inch ? "inch" : "mm"}};
      break;
    case parse::TitleKey::projection:
      if (auto third = parse::parse_third_angle(value))
        return {{"method", third.value() ? "third_angle" : "first_angle"}};
      break;
    case parse::TitleKey::general_tolerance:
      if (auto general = parse::parse_general_tolerance(value)) {
        json out = {{"standard", general.value().standard}};
        if (general.value().linear_class) {
          std::string cls(parse::name(*general.value().linear_class));
          if (general.value().geometric_class) cls += *general.value().geometric_class;
          out["class"] = cls;
        }
        return out;
      }
      break;
    default: break;
  }
  return nullptr;
}

}  // namespace drawlens::output
