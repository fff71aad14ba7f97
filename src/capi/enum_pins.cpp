// Pins every internal enum that the C ABI converts with a cast to the C value it must equal, so a
// reordered or inserted enumerator fails the build instead of changing what hosts read.
#include "annotate/annotate.h"
#include "core/document.h"
#include "core/status.h"
#include "detect/detect.h"
#include "drawlens/drawlens.h"
#include "load/load.h"
#include "ocr/ocr.h"
#include "parse/parse.h"
#include "segment/segment.h"
#include "tolerance/tolerance.h"

namespace drawlens::capi {
namespace {

template <typename Internal, typename C>
constexpr bool same(Internal internal, C c) {
  return static_cast<long long>(internal) == static_cast<long long>(c);
}

// core/status.h: Status <-> drawlens_status
static_assert(same(Status::ok, DRAWLENS_OK));
static_assert(same(Status::invalid_argument, DRAWLENS_INVALID_ARGUMENT));
static_assert(same(Status::io, DRAWLENS_IO));
static_assert(same(Status::decode, DRAWLENS_DECODE));
static_assert(same(Status::unsupported_format, DRAWLENS_UNSUPPORTED_FORMAT));
static_assert(same(Status::limit_exceeded, DRAWLENS_LIMIT_EXCEEDED));
static_assert(same(Status::model, DRAWLENS_MODEL));
static_assert(same(Status::gpu, DRAWLENS_GPU));
static_assert(same(Status::out_of_memory, DRAWLENS_OUT_OF_MEMORY));
static_assert(same(Status::cancelled, DRAWLENS_CANCELLED));
static_assert(same(Status::parse, DRAWLENS_PARSE));
static_assert(same(Status::abi_mismatch, DRAWLENS_ABI_MISMATCH));
static_assert(same(Status::empty_input, DRAWLENS_EMPTY_INPUT));
static_assert(same(Status::truncated, DRAWLENS_TRUNCATED));
static_assert(same(Status::encrypted, DRAWLENS_ENCRYPTED));
static_assert(same(Status::no_pages, DRAWLENS_NO_PAGES));
static_assert(same(Status::internal, DRAWLENS_INTERNAL));

// core/document.h: DpiSource <-> drawlens_dpi_source
static_assert(same(DpiSource::render, DRAWLENS_DPI_RENDER));
static_assert(same(DpiSource::file, DRAWLENS_DPI_FILE));
static_assert(same(DpiSource::caller, DRAWLENS_DPI_CALLER));
static_assert(same(DpiSource::assumed, DRAWLENS_DPI_ASSUMED));

// ocr/ocr.h: ReadMode, ReadingSource and Track <-> drawlens_ocr_mode, drawlens_reading_source, drawlens_text_track
static_assert(same(ocr::ReadMode::automatic, DRAWLENS_OCR_AUTO));
static_assert(same(ocr::ReadMode::recognizer, DRAWLENS_OCR_RECOGNIZER));
static_assert(same(ocr::ReadMode::tesseract, DRAWLENS_OCR_TESSERACT));
static_assert(same(ocr::ReadingSource::recognizer, DRAWLENS_READING_RECOGNIZER));
static_assert(same(ocr::ReadingSource::tesseract, DRAWLENS_READING_TESSERACT));
static_assert(same(ocr::Track::main, DRAWLENS_TRACK_MAIN));
static_assert(same(ocr::Track::upper, DRAWLENS_TRACK_UPPER));
static_assert(same(ocr::Track::lower, DRAWLENS_TRACK_LOWER));

// segment/segment.h: LineClass <-> drawlens_line_class, PrimitiveKind <-> drawlens_primitive_kind
static_assert(same(segment::LineClass::contour, DRAWLENS_LINE_CONTOUR));
static_assert(same(segment::LineClass::hidden, DRAWLENS_LINE_HIDDEN));
static_assert(same(segment::LineClass::centre, DRAWLENS_LINE_CENTRE));
static_assert(same(segment::LineClass::hatch, DRAWLENS_LINE_HATCH));
static_assert(same(segment::LineClass::dimension, DRAWLENS_LINE_DIMENSION));
static_assert(same(segment::LineClass::text, DRAWLENS_LINE_TEXT));
static_assert(same(segment::LineClass::gdt, DRAWLENS_LINE_GDT));
static_assert(same(segment::LineClass::border, DRAWLENS_LINE_BORDER));
static_assert(same(segment::LineClass::title_block, DRAWLENS_LINE_TITLE_BLOCK));
static_assert(segment::kClassCount == 9);
static_assert(same(segment::PrimitiveKind::line, DRAWLENS_PRIMITIVE_LINE));
static_assert(same(segment::PrimitiveKind::arc, DRAWLENS_PRIMITIVE_ARC));
static_assert(same(segment::PrimitiveKind::bezier, DRAWLENS_PRIMITIVE_BEZIER));

// detect/detect.h: Category <-> drawlens_detection_category
static_assert(same(detect::Category::dimension, DRAWLENS_DETECTION_DIMENSION));
static_assert(same(detect::Category::gdt_frame, DRAWLENS_DETECTION_GDT_FRAME));
static_assert(same(detect::Category::datum_feature, DRAWLENS_DETECTION_DATUM_FEATURE));
static_assert(same(detect::Category::surface_finish, DRAWLENS_DETECTION_SURFACE_FINISH));
static_assert(same(detect::Category::note, DRAWLENS_DETECTION_NOTE));

// tolerance/tolerance.h: Process, Material, FeatureClass, Rating <-> drawlens_process, ...
static_assert(same(tolerance::Process::turning, DRAWLENS_PROCESS_TURNING));
static_assert(same(tolerance::Process::milling, DRAWLENS_PROCESS_MILLING));
static_assert(same(tolerance::Process::grinding, DRAWLENS_PROCESS_GRINDING));
static_assert(same(tolerance::Process::drilling, DRAWLENS_PROCESS_DRILLING));
static_assert(same(tolerance::Process::reaming, DRAWLENS_PROCESS_REAMING));
static_assert(same(tolerance::Process::boring, DRAWLENS_PROCESS_BORING));
static_assert(same(tolerance::Process::edm, DRAWLENS_PROCESS_EDM));
static_assert(same(tolerance::Process::casting, DRAWLENS_PROCESS_CASTING));
static_assert(same(tolerance::Process::forging, DRAWLENS_PROCESS_FORGING));
static_assert(same(tolerance::Process::sheet_metal, DRAWLENS_PROCESS_SHEET_METAL));
static_assert(same(tolerance::Process::additive, DRAWLENS_PROCESS_ADDITIVE));
static_assert(same(tolerance::Material::steel, DRAWLENS_MATERIAL_STEEL));
static_assert(same(tolerance::Material::stainless, DRAWLENS_MATERIAL_STAINLESS));
static_assert(same(tolerance::Material::aluminium, DRAWLENS_MATERIAL_ALUMINIUM));
static_assert(same(tolerance::Material::titanium, DRAWLENS_MATERIAL_TITANIUM));
static_assert(same(tolerance::Material::brass, DRAWLENS_MATERIAL_BRASS));
static_assert(same(tolerance::Material::cast_iron, DRAWLENS_MATERIAL_CAST_IRON));
static_assert(same(tolerance::Material::plastic, DRAWLENS_MATERIAL_PLASTIC));
static_assert(same(tolerance::FeatureClass::linear_size, DRAWLENS_FEATURE_LINEAR_SIZE));
static_assert(same(tolerance::FeatureClass::diameter_size, DRAWLENS_FEATURE_DIAMETER_SIZE));
static_assert(same(tolerance::FeatureClass::straightness, DRAWLENS_FEATURE_STRAIGHTNESS));
static_assert(same(tolerance::FeatureClass::flatness, DRAWLENS_FEATURE_FLATNESS));
static_assert(same(tolerance::FeatureClass::circularity, DRAWLENS_FEATURE_CIRCULARITY));
static_assert(same(tolerance::FeatureClass::cylindricity, DRAWLENS_FEATURE_CYLINDRICITY));
static_assert(same(tolerance::FeatureClass::line_profile, DRAWLENS_FEATURE_LINE_PROFILE));
static_assert(same(tolerance::FeatureClass::surface_profile, DRAWLENS_FEATURE_SURFACE_PROFILE));
static_assert(same(tolerance::FeatureClass::perpendicularity, DRAWLENS_FEATURE_PERPENDICULARITY));
static_assert(same(tolerance::FeatureClass::angularity, DRAWLENS_FEATURE_ANGULARITY));
static_assert(same(tolerance::FeatureClass::parallelism, DRAWLENS_FEATURE_PARALLELISM));
static_assert(same(tolerance::FeatureClass::position, DRAWLENS_FEATURE_POSITION));
static_assert(same(tolerance::FeatureClass::concentricity, DRAWLENS_FEATURE_CONCENTRICITY));
static_assert(same(tolerance::FeatureClass::symmetry, DRAWLENS_FEATURE_SYMMETRY));
static_assert(same(tolerance::FeatureClass::circular_runout, DRAWLENS_FEATURE_CIRCULAR_RUNOUT));
static_assert(same(tolerance::FeatureClass::total_runout, DRAWLENS_FEATURE_TOTAL_RUNOUT));
static_assert(same(tolerance::Rating::easy, DRAWLENS_RATING_EASY));
static_assert(same(tolerance::Rating::capable, DRAWLENS_RATING_CAPABLE));
static_assert(same(tolerance::Rating::marginal, DRAWLENS_RATING_MARGINAL));
static_assert(same(tolerance::Rating::difficult, DRAWLENS_RATING_DIFFICULT));
static_assert(same(tolerance::Rating::infeasible, DRAWLENS_RATING_INFEASIBLE));
static_assert(tolerance::kProcessCount == 11 && tolerance::kMaterialCount == 7 && tolerance::kFeatureClassCount == 16);
static_assert(detect::kCategoryCount == 5);

// load/load.h: PixelFormat <-> drawlens_pixel_format
static_assert(same(load::PixelFormat::gray8, DRAWLENS_PIXELS_GRAY8));
static_assert(same(load::PixelFormat::rgb8, DRAWLENS_PIXELS_RGB8));
static_assert(same(load::PixelFormat::rgba8, DRAWLENS_PIXELS_RGBA8));

// parse/parse.h: SizeType <-> drawlens_size_type
static_assert(same(parse::SizeType::linear, DRAWLENS_SIZE_LINEAR));
static_assert(same(parse::SizeType::diameter, DRAWLENS_SIZE_DIAMETER));
static_assert(same(parse::SizeType::radius, DRAWLENS_SIZE_RADIUS));
static_assert(same(parse::SizeType::spherical_diameter, DRAWLENS_SIZE_SPHERICAL_DIAMETER));
static_assert(same(parse::SizeType::spherical_radius, DRAWLENS_SIZE_SPHERICAL_RADIUS));
static_assert(same(parse::SizeType::angle, DRAWLENS_SIZE_ANGLE));
static_assert(same(parse::SizeType::chamfer, DRAWLENS_SIZE_CHAMFER));
static_assert(same(parse::SizeType::thread, DRAWLENS_SIZE_THREAD));
static_assert(same(parse::SizeType::width_across_flats, DRAWLENS_SIZE_WIDTH_ACROSS_FLATS));
static_assert(same(parse::SizeType::square, DRAWLENS_SIZE_SQUARE));
static_assert(same(parse::SizeType::arc_length, DRAWLENS_SIZE_ARC_LENGTH));
static_assert(same(parse::SizeType::depth, DRAWLENS_SIZE_DEPTH));

// parse/parse.h: Unit <-> drawlens_unit
static_assert(same(parse::Unit::mm, DRAWLENS_UNIT_MM));
static_assert(same(parse::Unit::inch, DRAWLENS_UNIT_INCH));
static_assert(same(parse::Unit::deg, DRAWLENS_UNIT_DEG));

// parse/parse.h: ToleranceKind <-> drawlens_tolerance_kind
static_assert(same(parse::ToleranceKind::none, DRAWLENS_TOLERANCE_NONE));
static_assert(same(parse::ToleranceKind::symmetric, DRAWLENS_TOLERANCE_SYMMETRIC));
static_assert(same(parse::ToleranceKind::deviation, DRAWLENS_TOLERANCE_DEVIATION));
static_assert(same(parse::ToleranceKind::limits, DRAWLENS_TOLERANCE_LIMITS));
static_assert(same(parse::ToleranceKind::fit, DRAWLENS_TOLERANCE_FIT));
static_assert(same(parse::ToleranceKind::general, DRAWLENS_TOLERANCE_GENERAL));
static_assert(same(parse::ToleranceKind::max, DRAWLENS_TOLERANCE_MAX));
static_assert(same(parse::ToleranceKind::min, DRAWLENS_TOLERANCE_MIN));

// parse/parse.h: DimensionFlag bits <-> DRAWLENS_FLAG_*
static_assert(same(parse::DimensionFlag::basic, DRAWLENS_FLAG_BASIC));
static_assert(same(parse::DimensionFlag::reference, DRAWLENS_FLAG_REFERENCE));
static_assert(same(parse::DimensionFlag::typical, DRAWLENS_FLAG_TYPICAL));
static_assert(same(parse::DimensionFlag::general, DRAWLENS_FLAG_GENERAL));
static_assert(same(parse::DimensionFlag::thru, DRAWLENS_FLAG_THRU));
static_assert(same(parse::DimensionFlag::controlled_radius, DRAWLENS_FLAG_CONTROLLED_RADIUS));
static_assert(same(parse::DimensionFlag::statistical, DRAWLENS_FLAG_STATISTICAL));
static_assert(same(parse::DimensionFlag::all_around, DRAWLENS_FLAG_ALL_AROUND));
static_assert(same(parse::DimensionFlag::envelope, DRAWLENS_FLAG_ENVELOPE));
static_assert(same(parse::DimensionFlag::independency, DRAWLENS_FLAG_INDEPENDENCY));
static_assert(same(parse::DimensionFlag::free_state, DRAWLENS_FLAG_FREE_STATE));
static_assert(same(parse::DimensionFlag::not_to_scale, DRAWLENS_FLAG_NOT_TO_SCALE));

// parse/parse.h: Characteristic <-> drawlens_characteristic
static_assert(same(parse::Characteristic::straightness, DRAWLENS_GDT_STRAIGHTNESS));
static_assert(same(parse::Characteristic::flatness, DRAWLENS_GDT_FLATNESS));
static_assert(same(parse::Characteristic::circularity, DRAWLENS_GDT_CIRCULARITY));
static_assert(same(parse::Characteristic::cylindricity, DRAWLENS_GDT_CYLINDRICITY));
static_assert(same(parse::Characteristic::line_profile, DRAWLENS_GDT_LINE_PROFILE));
static_assert(same(parse::Characteristic::surface_profile, DRAWLENS_GDT_SURFACE_PROFILE));
static_assert(same(parse::Characteristic::perpendicularity, DRAWLENS_GDT_PERPENDICULARITY));
static_assert(same(parse::Characteristic::angularity, DRAWLENS_GDT_ANGULARITY));
static_assert(same(parse::Characteristic::parallelism, DRAWLENS_GDT_PARALLELISM));
static_assert(same(parse::Characteristic::position, DRAWLENS_GDT_POSITION));
static_assert(same(parse::Characteristic::concentricity, DRAWLENS_GDT_CONCENTRICITY));
static_assert(same(parse::Characteristic::symmetry, DRAWLENS_GDT_SYMMETRY));
static_assert(same(parse::Characteristic::circular_runout, DRAWLENS_GDT_CIRCULAR_RUNOUT));
static_assert(same(parse::Characteristic::total_runout, DRAWLENS_GDT_TOTAL_RUNOUT));

// parse/parse.h: ZoneShape <-> drawlens_gdt_frame.zone_diameter (0 width, 1 Ø, 2 SØ)
static_assert(same(parse::ZoneShape::none, 0));
static_assert(same(parse::ZoneShape::diameter, 1));
static_assert(same(parse::ZoneShape::spherical_diameter, 2));

// annotate/annotate.h: TextSource <-> drawlens_source (DRAWLENS_SOURCE_CALLER has no internal twin:
// it marks text handed to drawlens_parse_*)
static_assert(same(annotate::TextSource::text_layer, DRAWLENS_SOURCE_TEXT_LAYER));
static_assert(same(annotate::TextSource::recognizer, DRAWLENS_SOURCE_RECOGNIZER));
static_assert(same(annotate::TextSource::tesseract, DRAWLENS_SOURCE_TESSERACT));

}  // namespace
}  // namespace drawlens::capi
