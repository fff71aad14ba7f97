// C entry points for parsing text a host already has: dimensions, GD&T frames, ISO 286 limits,
// and any of the parsers' values as JSON.
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "capi/guard.h"
#include "capi/parse_views.h"
#include "output/output.h"

namespace {

using drawlens::capi::bad_out_struct;
using drawlens::capi::fail;
using drawlens::capi::guard;
using drawlens::capi::is_null;
using drawlens::capi::write_out_struct;
namespace parse = drawlens::parse;

// Strings handed out by drawlens_parse_*: this thread's, replaced by its next call.
drawlens::capi::ViewStrings& thread_strings() {
  thread_local drawlens::capi::ViewStrings strings;
  return strings;
}

drawlens_status parse_failure(const char* fn, const drawlens::Error& error) {
  return fail(static_cast<drawlens_status>(error.status), std::string(fn) + ": " + error.message);
}

drawlens::Result<parse::DimensionContext> dimension_context(drawlens_unit unit, const char* general_tolerance) {
  parse::DimensionContext context;
  if (unit != DRAWLENS_UNIT_MM && unit != DRAWLENS_UNIT_INCH) {
    return drawlens::make_error(drawlens::Status::invalid_argument, "default_unit must be DRAWLENS_UNIT_MM or INCH");
  }
  context.default_unit = static_cast<parse::Unit>(unit);
  if (general_tolerance != nullptr) {
    auto general = parse::parse_general_tolerance(general_tolerance);
    if (!general) return general.error();
    context.general_tolerance = general.value();
  }
  return context;
}

// The C kinds as the reader's; AUTO is the reader's own classification.
drawlens::Result<nlohmann::json> parse_as(const std::string& text, drawlens_parse_kind kind) {
  static constexpr std::pair<drawlens_parse_kind, parse::AnnotationKind> kKinds[] = {
      {DRAWLENS_PARSE_DIMENSION, parse::AnnotationKind::dimension},
      {DRAWLENS_PARSE_GDT, parse::AnnotationKind::gdt_frame},
      {DRAWLENS_PARSE_SURFACE_TEXTURE, parse::AnnotationKind::surface_texture},
      {DRAWLENS_PARSE_GENERAL_TOLERANCE, parse::AnnotationKind::general_tolerance}};
  auto reading =
      kind == DRAWLENS_PARSE_AUTO ? parse::read_annotation(text) : [&]() -> drawlens::Result<parse::Annotation> {
    for (const auto& [c_kind, reader_kind] : kKinds) {
      if (c_kind == kind) return parse::read_annotation_as(reader_kind, text);
    }
    return drawlens::make_error(drawlens::Status::invalid_argument, "unknown parse kind " + std::to_string(kind));
  }();
  if (!reading) return reading.error();
  return drawlens::output::annotation_json(reading.value());
}

}  // namespace

extern "C" {

DRAWLENS_API drawlens_status drawlens_parse_dimension(const char* text, drawlens_unit default_unit,
                                                      const char* general_tolerance, drawlens_dimension* out) {
  const char* fn = "drawlens_parse_dimension";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(text, fn, "text", status) || bad_out_struct(out, fn, status)) return status;
    auto context = dimension_context(default_unit, general_tolerance);
    if (!context) return parse_failure(fn, context.error());
    auto dimension = parse::parse_dimension(text, context.value());
    if (!dimension) return parse_failure(fn, dimension.error());
    thread_strings().clear();
    write_out_struct(drawlens::capi::dimension_view(dimension.value(), thread_strings()), out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_parse_gdt(const char* text, drawlens_gdt_frame* out) {
  const char* fn = "drawlens_parse_gdt";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(text, fn, "text", status) || bad_out_struct(out, fn, status)) return status;
    auto frame = parse::parse_gdt(std::string_view(text));
    if (!frame) return parse_failure(fn, frame.error());
    thread_strings().clear();
    write_out_struct(drawlens::capi::gdt_frame_view(frame.value(), text, thread_strings()), out);
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_iso286_limits(double nominal_mm, const char* tolerance_class, double* upper,
                                                    double* lower) {
  const char* fn = "drawlens_iso286_limits";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(tolerance_class, fn, "tolerance_class", status) || is_null(upper, fn, "upper", status) ||
        is_null(lower, fn, "lower", status))
      return status;
    auto deviations = parse::iso286_limits(nominal_mm, tolerance_class);
    if (!deviations) return parse_failure(fn, deviations.error());
    *upper = deviations.value().upper;
    *lower = deviations.value().lower;
    return DRAWLENS_OK;
  });
}

DRAWLENS_API drawlens_status drawlens_parse_json(const char* text, drawlens_parse_kind kind, char** json) {
  const char* fn = "drawlens_parse_json";
  return guard(fn, [&] {
    drawlens_status status = DRAWLENS_OK;
    if (is_null(text, fn, "text", status) || is_null(json, fn, "json", status)) return status;
    *json = nullptr;
    auto value = parse_as(text, kind);
    if (!value) return parse_failure(fn, value.error());
    const std::string dumped = value.value().dump();
    return drawlens::capi::owned_copy(dumped.c_str(), dumped.size() + 1, fn, json);
  });
}

}  // extern "C"
