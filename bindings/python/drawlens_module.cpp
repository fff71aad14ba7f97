// pybind11 module `drawlens._drawlens` (re-exported by drawlens/__init__.py): Pipeline, Result (JSON
// dicts and typed pages), Detector and analyze() over the C++ facade. The GIL is released while the
// pipeline runs; errors raise a drawlens.Error subclass per status category (InputError, ...) and,
// under those, per status (DecodeError, ...), carrying the status name.
#include <cctype>
#include <map>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "drawlens/drawlens.hpp"
#include "packaged_models.h"
#include "tolerance_bindings.h"

namespace py = pybind11;

namespace {

drawlens::Options make_options(int dpi, int first_page, int last_page, const std::string& device, bool keep_images,
                               const std::string& model_directory = "", const std::string& process = "",
                               const std::string& material = "", bool segment = false) {
  return drawlens::Options()
      .pdf_dpi(dpi)
      .pages(first_page, last_page)
      .device(device)
      .keep_page_images(keep_images)
      .model_directory(drawlens::python::models_directory_for(model_directory))
      .process(process)
      .material(material)
      .stages(segment ? DRAWLENS_STAGE_DEFAULT | DRAWLENS_STAGE_SEGMENT : DRAWLENS_STAGE_DEFAULT);
}

drawlens_pixel_format pixel_format(const py::buffer_info& info) {
  if (info.ndim == 2) return DRAWLENS_PIXELS_GRAY8;
  if (info.ndim == 3 && info.shape[2] == 3) return DRAWLENS_PIXELS_RGB8;
  if (info.ndim == 3 && info.shape[2] == 4) return DRAWLENS_PIXELS_RGBA8;
  throw py::value_error("pixels must be a uint8 array of shape (h, w), (h, w, 3) RGB or (h, w, 4) RGBA");
}

// The run options of one call: its deadline, and `progress` (a callable taking a drawlens.Progress,
// or None) called after each stage of each page. The callable is borrowed from the caller's
// arguments, alive for the call; it runs with the GIL taken on a worker thread, and an exception it
// raises is reported as unraisable, never stopping the analysis.
drawlens::RunOptions run_options(double timeout_ms, const py::object& progress) {
  drawlens::RunOptions run;
  run.timeout_ms(timeout_ms);
  if (!progress.is_none()) {
    run.on_progress([callable = progress.ptr()](const drawlens::Progress& step) {
      const py::gil_scoped_acquire gil;
      try {
        const py::handle function(callable);
        function(step);
      } catch (py::error_already_set& error) {
        error.discard_as_unraisable("drawlens progress callback");
      }
    });
  }
  return run;
}

py::object to_dict(const drawlens::Result& result) {
  return py::module_::import("json").attr("loads")(result.json());
}

py::tuple box_tuple(const drawlens::Box& b) {
  return py::make_tuple(b.x, b.y, b.width, b.height);
}

// The box's corners clockwise from the top left, as (x, y) tuples in page pixels.
py::list polygon_of(const drawlens::Box& b) {
  py::list corners;
  corners.append(py::make_tuple(b.x, b.y));
  corners.append(py::make_tuple(b.x + b.width, b.y));
  corners.append(py::make_tuple(b.x + b.width, b.y + b.height));
  corners.append(py::make_tuple(b.x, b.y + b.height));
  return corners;
}

py::object fit_of(const drawlens::Dimension& d) {
  if (d.hole_class.empty() && d.shaft_class.empty()) return py::none();
  if (d.hole_class.empty() || d.shaft_class.empty()) return py::str(d.hole_class + d.shaft_class);
  return py::str(d.hole_class + "/" + d.shaft_class);
}

py::list flag_names(unsigned int flags) {
  py::list names;
  for (unsigned int bit = DRAWLENS_FLAG_BASIC; bit <= DRAWLENS_FLAG_NOT_TO_SCALE; bit <<= 1) {
    if (flags & bit) names.append(drawlens_flag_name(bit));
  }
  return names;
}

// drawlens.Error, one subclass per drawlens_category (drawlens.InputError, ...) and under those one
// per status (drawlens.DecodeError under InputError, ...), named from drawlens_status_name. Each raised
// error has .status ("DRAWLENS_DECODE") and .category ("input").
struct ErrorClasses {
  py::object base;
  std::map<drawlens_category, py::object> by_category;
  std::map<drawlens_status, py::object> by_status;
};

ErrorClasses& error_classes() {
  static ErrorClasses* classes = new ErrorClasses();  // lives as long as the interpreter's module
  return *classes;
}

py::object new_exception_class(py::module_& m, const std::string& name, const py::object& parent,
                               const std::string& doc) {
  const std::string qualified = "drawlens." + name;
  py::object cls = py::reinterpret_steal<py::object>(
      PyErr_NewExceptionWithDoc(qualified.c_str(), doc.c_str(), parent.ptr(), nullptr));
  m.attr(name.c_str()) = cls;
  return cls;
}

// DRAWLENS_UNSUPPORTED_FORMAT -> UnsupportedFormatError.
std::string status_class_name(const std::string& status_name) {
  std::string name;
  bool word_start = true;
  for (const char c : status_name.substr(std::string("DRAWLENS_").size())) {
    if (c == '_') {
      word_start = true;
      continue;
    }
    name += word_start ? c : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    word_start = false;
  }
  return name + "Error";
}

void register_errors(py::module_& m) {
  ErrorClasses& classes = error_classes();
  classes.base = py::reinterpret_steal<py::object>(PyErr_NewExceptionWithDoc(
      "drawlens.Error", "Any drawlens failure; .status and .category name it", PyExc_RuntimeError, nullptr));
  m.attr("Error") = classes.base;
  const std::pair<drawlens_category, const char*> kinds[] = {
      {DRAWLENS_CATEGORY_CALLER, "CallerError"},     {DRAWLENS_CATEGORY_INPUT, "InputError"},
      {DRAWLENS_CATEGORY_LIMIT, "LimitError"},       {DRAWLENS_CATEGORY_ENVIRONMENT, "EnvironmentError"},
      {DRAWLENS_CATEGORY_RESOURCE, "ResourceError"}, {DRAWLENS_CATEGORY_CANCELLED, "CancelledError"},
      {DRAWLENS_CATEGORY_INTERNAL, "InternalError"}};
  for (const auto& [category, name] : kinds) {
    classes.by_category[category] =
        new_exception_class(m, name, classes.base,
                            std::string("drawlens failures of the ") + drawlens_category_name(category) + " category");
  }
  // Every status value (they are small and never change); a status whose class name would repeat its
  // category's (CancelledError, InternalError) is raised as the category class.
  for (int value = 1; value < 128; ++value) {
    const auto status = static_cast<drawlens_status>(value);
    const std::string status_name = drawlens_status_name(status);
    if (status_name == "DRAWLENS_UNKNOWN_STATUS") continue;
    const py::object& parent = classes.by_category.at(drawlens_status_category(status));
    const std::string name = status_class_name(status_name);
    if (py::hasattr(m, name.c_str())) continue;
    classes.by_status[status] = new_exception_class(m, name, parent, status_name);
  }
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const drawlens::Error& e) {
      const ErrorClasses& known = error_classes();
      const auto by_status = known.by_status.find(e.status());
      const auto by_category = known.by_category.find(e.category());
      const py::object& cls = by_status != known.by_status.end()       ? by_status->second
                              : by_category != known.by_category.end() ? by_category->second
                                                                       : known.base;
      py::object error = cls(std::string(e.status_name()) + ": " + e.what());
      error.attr("status") = e.status_name();
      error.attr("category") = e.category_name();
      PyErr_SetObject(cls.ptr(), error.ptr());
    }
  });
}

// Typed page contents: each class mirrors the facade's struct, boxes as (x, y, width, height),
// sources as the JSON's names.
void register_page_types(py::module_& m) {
  py::class_<drawlens::Progress>(m, "Progress", "One finished stage of one page, as progress callbacks get it")
      .def_readonly("stage", &drawlens::Progress::stage)
      .def_readonly("page", &drawlens::Progress::page, "0-based page of the document")
      .def_readonly("page_count", &drawlens::Progress::page_count)
      .def_readonly("steps_done", &drawlens::Progress::steps_done, "Unique per analysis; reports may come out of order")
      .def_readonly("steps_total", &drawlens::Progress::steps_total);
  py::class_<drawlens::Dimension>(m, "Dimension", "A dimension: nominal size, tolerance, fit, where it is printed")
      .def_readonly("text", &drawlens::Dimension::text)
      .def_readonly("normalized", &drawlens::Dimension::normalized)
      .def_property_readonly("size_type",
                             [](const drawlens::Dimension& d) { return drawlens_size_type_name(d.size_type); })
      .def_readonly("count", &drawlens::Dimension::count)
      .def_readonly("nominal", &drawlens::Dimension::nominal)
      .def_property_readonly("unit", [](const drawlens::Dimension& d) { return drawlens_unit_name(d.unit); })
      .def_property_readonly(
          "tolerance_kind", [](const drawlens::Dimension& d) { return drawlens_tolerance_kind_name(d.tolerance_kind); })
      .def_readonly("upper_deviation", &drawlens::Dimension::upper_deviation)
      .def_readonly("lower_deviation", &drawlens::Dimension::lower_deviation)
      .def_readonly("upper", &drawlens::Dimension::upper_limit, "Upper limit of size (None when untoleranced)")
      .def_readonly("lower", &drawlens::Dimension::lower_limit, "Lower limit of size (None when untoleranced)")
      .def_property_readonly("fit", &fit_of, "The ISO 286 fit as printed: 'H7/g6', 'H7', 'g6', or None")
      .def_readonly("hole_class", &drawlens::Dimension::hole_class)
      .def_readonly("shaft_class", &drawlens::Dimension::shaft_class)
      .def_readonly("it_grade", &drawlens::Dimension::it_grade)
      .def_readonly("thread", &drawlens::Dimension::thread)
      .def_property_readonly(
          "flags", [](const drawlens::Dimension& d) { return flag_names(d.flags); },
          "Qualifiers such as 'basic', 'reference', 'thru'")
      .def_readonly("depth", &drawlens::Dimension::depth)
      .def_readonly("angle", &drawlens::Dimension::angle, "Text rotation on the page in degrees")
      .def_readonly("confidence", &drawlens::Dimension::confidence)
      .def_property_readonly("box", [](const drawlens::Dimension& d) { return box_tuple(d.box); })
      .def_property_readonly("polygon", [](const drawlens::Dimension& d) { return polygon_of(d.box); })
      .def_property_readonly("source", [](const drawlens::Dimension& d) { return drawlens_source_name(d.source); })
      .def_readonly("lines", &drawlens::Dimension::lines,
                    "Indices into Page.segments of its dimension, extension and leader lines and arrowheads "
                    "(segment=True)")
      .def_readonly("feature", &drawlens::Dimension::feature,
                    "Indices into Page.segments of the contour, hidden or centre lines it measures (segment=True)");
  py::class_<drawlens::GdtFrame>(m, "GdtFrame", "A GD&T feature control frame")
      .def_readonly("text", &drawlens::GdtFrame::text)
      .def_readonly("normalized", &drawlens::GdtFrame::normalized)
      .def_property_readonly("characteristic",
                             [](const drawlens::GdtFrame& f) { return drawlens_characteristic_name(f.characteristic); })
      .def_readonly("segment_count", &drawlens::GdtFrame::segment_count)
      .def_readonly("tolerance", &drawlens::GdtFrame::tolerance)
      .def_property_readonly(
          "zone_shape",
          [](const drawlens::GdtFrame& f) {
            return f.zone_diameter == 1 ? "diameter" : f.zone_diameter == 2 ? "spherical_diameter" : "none";
          })
      .def_readonly("datums", &drawlens::GdtFrame::datums)
      .def_readonly("confidence", &drawlens::GdtFrame::confidence)
      .def_property_readonly("box", [](const drawlens::GdtFrame& f) { return box_tuple(f.box); })
      .def_property_readonly("polygon", [](const drawlens::GdtFrame& f) { return polygon_of(f.box); })
      .def_property_readonly("source", [](const drawlens::GdtFrame& f) { return drawlens_source_name(f.source); });
  py::class_<drawlens::TitleField>(m, "TitleField")
      .def_readonly("key", &drawlens::TitleField::key)
      .def_readonly("label", &drawlens::TitleField::label)
      .def_readonly("value", &drawlens::TitleField::value)
      .def_readonly("confidence", &drawlens::TitleField::confidence)
      .def_property_readonly("box", [](const drawlens::TitleField& f) { return box_tuple(f.box); })
      .def_property_readonly("polygon", [](const drawlens::TitleField& f) { return polygon_of(f.box); })
      .def_property_readonly("source", [](const drawlens::TitleField& f) { return drawlens_source_name(f.source); });
  py::class_<drawlens::SurfaceFinish>(m, "SurfaceFinish")
      .def_readonly("text", &drawlens::SurfaceFinish::text)
      .def_readonly("parameter", &drawlens::SurfaceFinish::parameter)
      .def_readonly("value", &drawlens::SurfaceFinish::value)
      .def_readonly("unit", &drawlens::SurfaceFinish::unit)
      .def_readonly("lower_limit", &drawlens::SurfaceFinish::lower_limit)
      .def_readonly("confidence", &drawlens::SurfaceFinish::confidence)
      .def_property_readonly("box", [](const drawlens::SurfaceFinish& s) { return box_tuple(s.box); })
      .def_property_readonly("polygon", [](const drawlens::SurfaceFinish& s) { return polygon_of(s.box); })
      .def_property_readonly("source", [](const drawlens::SurfaceFinish& s) { return drawlens_source_name(s.source); });
  py::class_<drawlens::Note>(m, "Note")
      .def_readonly("text", &drawlens::Note::text)
      .def_readonly("confidence", &drawlens::Note::confidence)
      .def_property_readonly("box", [](const drawlens::Note& n) { return box_tuple(n.box); })
      .def_property_readonly("polygon", [](const drawlens::Note& n) { return polygon_of(n.box); })
      .def_property_readonly("source", [](const drawlens::Note& n) { return drawlens_source_name(n.source); });
  py::class_<drawlens::DatumFeature>(m, "DatumFeature")
      .def_readonly("label", &drawlens::DatumFeature::label)
      .def_readonly("confidence", &drawlens::DatumFeature::confidence)
      .def_property_readonly("box", [](const drawlens::DatumFeature& d) { return box_tuple(d.box); })
      .def_property_readonly("polygon", [](const drawlens::DatumFeature& d) { return polygon_of(d.box); })
      .def_property_readonly("source", [](const drawlens::DatumFeature& d) { return drawlens_source_name(d.source); });
  py::class_<drawlens::GeneralTolerance>(m, "GeneralTolerance")
      .def_readonly("standard", &drawlens::GeneralTolerance::standard)
      .def_readonly("linear_class", &drawlens::GeneralTolerance::linear_class)
      .def_readonly("geometric_class", &drawlens::GeneralTolerance::geometric_class)
      .def_readonly("text", &drawlens::GeneralTolerance::text)
      .def_readonly("note", &drawlens::GeneralTolerance::note)
      .def_readonly("confidence", &drawlens::GeneralTolerance::confidence)
      .def_property_readonly("box", [](const drawlens::GeneralTolerance& g) { return box_tuple(g.box); })
      .def_property_readonly("polygon", [](const drawlens::GeneralTolerance& g) { return polygon_of(g.box); })
      .def_property_readonly("source",
                             [](const drawlens::GeneralTolerance& g) { return drawlens_source_name(g.source); });
  py::class_<drawlens::Detection>(m, "Detection")
      .def_property_readonly("category", &drawlens::Detection::category_name)
      .def_readonly("centre_x", &drawlens::Detection::centre_x)
      .def_readonly("centre_y", &drawlens::Detection::centre_y)
      .def_readonly("width", &drawlens::Detection::width)
      .def_readonly("height", &drawlens::Detection::height)
      .def_readonly("angle", &drawlens::Detection::angle)
      .def_property_readonly("corners",
                             [](const drawlens::Detection& d) {
                               py::list points;
                               for (std::size_t k = 0; k < 4; ++k)
                                 points.append(py::make_tuple(d.corners[2 * k], d.corners[2 * k + 1]));
                               return points;
                             })
      .def_readonly("score", &drawlens::Detection::score)
      .def_readonly("text", &drawlens::Detection::text)
      .def_readonly("text_confidence", &drawlens::Detection::text_confidence)
      .def_property_readonly("text_source", [](const drawlens::Detection& d) -> std::optional<std::string> {
        if (!d.text) return std::nullopt;
        return std::string(drawlens_source_name(d.text_source));
      });
  py::class_<drawlens::Segment>(m, "Segment")
      .def_property_readonly("line_class", &drawlens::Segment::class_name)
      .def_property_readonly("kind", &drawlens::Segment::kind_name)
      .def_property_readonly("points",
                             [](const drawlens::Segment& s) {
                               py::list points;
                               for (const auto& p : s.points) points.append(py::make_tuple(p[0], p[1]));
                               return points;
                             })
      .def_property_readonly("centre",
                             [](const drawlens::Segment& s) -> py::object {
                               if (s.kind != DRAWLENS_PRIMITIVE_ARC) return py::none();
                               return py::make_tuple(s.centre_x, s.centre_y);
                             })
      .def_readonly("radius", &drawlens::Segment::radius)
      .def_readonly("length", &drawlens::Segment::length)
      .def_readonly("stroke_width", &drawlens::Segment::stroke_width)
      .def_readonly("confidence", &drawlens::Segment::confidence)
      .def_readonly("dash_count", &drawlens::Segment::dash_count, "A dashed line's dashes; 1 for a solid piece")
      .def_readonly("dash_length", &drawlens::Segment::dash_length, "Mean dash length, page pixels")
      .def_readonly("gap_length", &drawlens::Segment::gap_length, "Mean gap between dashes, page pixels");
  py::class_<drawlens::Page>(m, "Page")
      .def_readonly("index", &drawlens::Page::index)
      .def_readonly("width", &drawlens::Page::width)
      .def_readonly("height", &drawlens::Page::height)
      .def_readonly("dpi", &drawlens::Page::dpi)
      .def_readonly("dimensions", &drawlens::Page::dimensions)
      .def_readonly("gdt_frames", &drawlens::Page::gdt_frames)
      .def_readonly("datum_features", &drawlens::Page::datum_features)
      .def_readonly("title_fields", &drawlens::Page::title_fields)
      .def_readonly("surface_finishes", &drawlens::Page::surface_finishes)
      .def_readonly("notes", &drawlens::Page::notes)
      .def_readonly("general_tolerance", &drawlens::Page::general_tolerance)
      .def_readonly("detections", &drawlens::Page::detections)
      .def_readonly("tolerances", &drawlens::Page::tolerances)
      .def_readonly("segments", &drawlens::Page::segments);
}

}  // namespace

PYBIND11_MODULE(_drawlens, m) {
  m.doc() = "drawlens: reads mechanical engineering drawings";
  m.attr("__version__") = drawlens::version();
  register_errors(m);
  m.def(
      "_set_packaged_models",
      [](const std::string& directory) { drawlens::python::packaged_models_directory() = directory; },
      py::arg("directory"), "Used by drawlens/__init__.py: the models directory the installed package carries");
  m.def(
      "packaged_models_directory", [] { return drawlens::python::packaged_models_directory(); },
      "The models directory of the installed package ('' when running from a build tree)");
  drawlens::python::register_tolerance(m);
  register_page_types(m);

  py::class_<drawlens::Result>(m, "Result")
      .def_property_readonly("page_count", &drawlens::Result::page_count)
      .def("page", &drawlens::Result::page, py::arg("index"),
           "One page's typed contents: dimensions, gdt_frames, datum_features, title_fields, surface_finishes, "
           "notes, "
           "general_tolerance, detections (raster pages)")
      .def("pages", &drawlens::Result::pages, "Every page's typed contents")
      .def("json", &drawlens::Result::json, "The result as JSON text (docs/schema/result.schema.json)")
      .def("to_json", &drawlens::Result::json, "The result as JSON text (docs/schema/result.schema.json)")
      .def("to_dict", &to_dict, "The result as Python dicts and lists")
      .def(
          "overlay_png",
          [](const drawlens::Result& r, std::size_t page) {
            const auto png = r.overlay_png(page);
            return py::bytes(reinterpret_cast<const char*>(png.data()), png.size());
          },
          py::arg("page") = 0, "PNG bytes of the page with findings drawn over it (needs keep_page_images=True)");

  py::class_<drawlens::Pipeline>(m, "Pipeline")
      .def(py::init([](int dpi, int first_page, int last_page, const std::string& device, bool keep_page_images,
                       const std::string& model_directory, const std::string& process, const std::string& material,
                       bool segment) {
             return drawlens::Pipeline(make_options(dpi, first_page, last_page, device, keep_page_images,
                                                    model_directory, process, material, segment));
           }),
           py::arg("dpi") = 300, py::arg("first_page") = 1, py::arg("last_page") = 0, py::arg("device") = "auto",
           py::arg("keep_page_images") = false, py::arg("model_directory") = "", py::arg("process") = "milling",
           py::arg("material") = "steel", py::arg("segment") = false,
           "segment=True also classifies the linework (EdgNet): Page.segments")
      .def_property_readonly("device", &drawlens::Pipeline::device)
      .def(
          "analyze_file",
          [](const drawlens::Pipeline& p, const std::string& path, double timeout_ms, const py::object& progress) {
            const drawlens::RunOptions run = run_options(timeout_ms, progress);
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::file(path), run);
          },
          py::arg("path"), py::arg("timeout_ms") = 0.0, py::arg("progress") = py::none())
      .def(
          "analyze_bytes",
          [](const drawlens::Pipeline& p, const py::bytes& data, double timeout_ms, const py::object& progress) {
            const std::string_view view = data;
            const drawlens::RunOptions run = run_options(timeout_ms, progress);
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::memory(view.data(), view.size()), run);
          },
          py::arg("data"), py::arg("timeout_ms") = 0.0, py::arg("progress") = py::none())
      .def(
          "analyze_array",
          [](const drawlens::Pipeline& p, const py::array_t<std::uint8_t, py::array::c_style>& pixels, double dpi,
             double timeout_ms, const py::object& progress) {
            const py::buffer_info info = pixels.request();
            const drawlens_pixel_format format = pixel_format(info);
            const auto stride = static_cast<std::size_t>(info.strides[0]);
            const auto height = static_cast<int>(info.shape[0]), width = static_cast<int>(info.shape[1]);
            const drawlens::RunOptions run = run_options(timeout_ms, progress);
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::pixels(info.ptr, width, height, format, stride, dpi), run);
          },
          py::arg("pixels"), py::arg("dpi") = 0.0, py::arg("timeout_ms") = 0.0, py::arg("progress") = py::none());

  m.def(
      "analyze",
      [](const std::string& path, int dpi, int first_page, int last_page, const std::string& device,
         double timeout_ms) {
        const drawlens::Pipeline pipeline(make_options(dpi, first_page, last_page, device, false));
        drawlens::Result result = [&] {
          py::gil_scoped_release release;
          return pipeline.analyze(drawlens::Document::file(path), drawlens::RunOptions().timeout_ms(timeout_ms));
        }();
        return to_dict(result);
      },
      py::arg("path"), py::arg("dpi") = 300, py::arg("first_page") = 1, py::arg("last_page") = 0,
      py::arg("device") = "auto", py::arg("timeout_ms") = 0.0,
      "Analyse a drawing file and return the result as dicts (the JSON schema's shape)");

  py::class_<drawlens::Detector>(m, "Detector")
      .def(py::init([](const std::string& model_directory, int threads, double score_threshold, int cuda_device) {
             drawlens::DetectorOptions options;
             options.model_directory = drawlens::python::models_directory_for(model_directory);
             options.threads = threads;
             options.score_threshold = score_threshold;
             options.cuda_device = cuda_device;
             return drawlens::Detector(options);
           }),
           py::arg("model_directory") = "", py::arg("threads") = 0, py::arg("score_threshold") = 0.5,
           py::arg("cuda_device") = -1)
      .def(
          "detect",
          [](const drawlens::Detector& d, const py::array_t<std::uint8_t, py::array::c_style>& pixels, double dpi) {
            const py::buffer_info info = pixels.request();
            const drawlens_pixel_format format = pixel_format(info);
            const auto stride = static_cast<std::size_t>(info.strides[0]);
            const auto height = static_cast<int>(info.shape[0]), width = static_cast<int>(info.shape[1]);
            py::gil_scoped_release release;
            return d.detect(info.ptr, width, height, format, stride, dpi);
          },
          py::arg("pixels"), py::arg("dpi"),
          "Annotation regions of a page (a uint8 array: gray HxW, RGB or RGBA HxWxC) as oriented boxes, best first");

  py::class_<drawlens::EdgNet>(m, "EdgNet")
      .def(py::init([](const std::string& model_directory, int threads, int cuda_device) {
             drawlens::EdgNetOptions options;
             options.model_directory = drawlens::python::models_directory_for(model_directory);
             options.threads = threads;
             options.cuda_device = cuda_device;
             return drawlens::EdgNet(options);
           }),
           py::arg("model_directory") = "", py::arg("threads") = 0, py::arg("cuda_device") = -1)
      .def(
          "segment",
          [](const drawlens::EdgNet& e, const py::array_t<std::uint8_t, py::array::c_style>& pixels, double dpi) {
            const py::buffer_info info = pixels.request();
            const drawlens_pixel_format format = pixel_format(info);
            const auto stride = static_cast<std::size_t>(info.strides[0]);
            const auto height = static_cast<int>(info.shape[0]), width = static_cast<int>(info.shape[1]);
            py::gil_scoped_release release;
            return e.segment(info.ptr, width, height, format, stride, dpi);
          },
          py::arg("pixels"), py::arg("dpi"),
          "The page's linework (a uint8 array: gray HxW, RGB or RGBA HxWxC) as classified lines, arcs and Béziers");

  py::class_<drawlens::ReadCharacter>(m, "ReadCharacter")
      .def_readonly("character", &drawlens::ReadCharacter::character)
      .def_readonly("confidence", &drawlens::ReadCharacter::confidence)
      .def_property_readonly(
          "track",
          [](const drawlens::ReadCharacter& c) {
            return c.track == DRAWLENS_TRACK_UPPER ? "upper" : c.track == DRAWLENS_TRACK_LOWER ? "lower" : "main";
          })
      .def_readonly("x", &drawlens::ReadCharacter::x)
      .def_readonly("alternatives", &drawlens::ReadCharacter::alternatives);
  py::class_<drawlens::ReadWord>(m, "ReadWord")
      .def_readonly("text", &drawlens::ReadWord::text)
      .def_readonly("confidence", &drawlens::ReadWord::confidence)
      .def_property_readonly("box",
                             [](const drawlens::ReadWord& w) { return py::make_tuple(w.x, w.y, w.width, w.height); });
  py::class_<drawlens::Reading>(m, "Reading")
      .def_readonly("text", &drawlens::Reading::text)
      .def_readonly("confidence", &drawlens::Reading::confidence)
      .def_property_readonly("source",
                             [](const drawlens::Reading& r) {
                               return r.source == DRAWLENS_READING_TESSERACT ? "tesseract" : "recognizer";
                             })
      .def_readonly("characters", &drawlens::Reading::characters)
      .def_readonly("words", &drawlens::Reading::words);
  py::class_<drawlens::OcrEngine>(m, "OcrEngine")
      .def(py::init([](const std::string& model_directory, int threads, int beam_width,
                       const std::string& tesseract_languages, double tesseract_below, int cuda_device) {
             drawlens::OcrOptions options;
             options.model_directory = drawlens::python::models_directory_for(model_directory);
             options.threads = threads;
             options.beam_width = beam_width;
             options.tesseract_languages = tesseract_languages;
             options.tesseract_below = tesseract_below;
             options.cuda_device = cuda_device;
             return drawlens::OcrEngine(options);
           }),
           py::arg("model_directory") = "", py::arg("threads") = 0, py::arg("beam_width") = 1,
           py::arg("tesseract_languages") = "eng+deu", py::arg("tesseract_below") = 0.5, py::arg("cuda_device") = -1)
      .def(
          "read",
          [](const drawlens::OcrEngine& engine, const py::list& crops, const std::string& mode, double dpi) {
            const drawlens_ocr_mode m = mode == "auto"         ? DRAWLENS_OCR_AUTO
                                        : mode == "recognizer" ? DRAWLENS_OCR_RECOGNIZER
                                        : mode == "tesseract"
                                            ? DRAWLENS_OCR_TESSERACT
                                            : throw py::value_error("mode must be 'auto', 'recognizer' or 'tesseract'");
            std::vector<py::array_t<std::uint8_t, py::array::c_style>> arrays;
            std::vector<drawlens::Crop> raw;
            for (const auto& item : crops) arrays.push_back(item.cast<py::array_t<std::uint8_t, py::array::c_style>>());
            for (const auto& array : arrays) {
              const py::buffer_info info = array.request();
              raw.push_back({info.ptr, static_cast<int>(info.shape[1]), static_cast<int>(info.shape[0]),
                             pixel_format(info), static_cast<std::size_t>(info.strides[0])});
            }
            py::gil_scoped_release release;
            return engine.read(raw, m, dpi);
          },
          py::arg("crops"), py::arg("mode") = "auto", py::arg("dpi") = 300.0,
          "Reads a list of upright crops (uint8 arrays: gray HxW, RGB or RGBA HxWxC); one Reading per crop");

  m.def(
      "gpu_probe",
      [](bool measure) {
        drawlens::GpuProbeOptions options;
        options.measure = measure;
        const std::string json = [&] {
          py::gil_scoped_release release;
          return drawlens::GpuProbe(options).json();
        }();
        return py::module_::import("json").attr("loads")(json);
      },
      py::arg("measure") = false,
      "The GPU assessment (`drawlens gpu --json`) as dicts; measure=True runs the GPU stages for the memory plan");

  m.def(
      "parse",
      [](const std::string& text, const std::string& kind) {
        static const std::map<std::string, drawlens_parse_kind> kinds = {{"auto", DRAWLENS_PARSE_AUTO},
                                                                         {"dimension", DRAWLENS_PARSE_DIMENSION},
                                                                         {"gdt", DRAWLENS_PARSE_GDT},
                                                                         {"surface", DRAWLENS_PARSE_SURFACE_TEXTURE},
                                                                         {"general", DRAWLENS_PARSE_GENERAL_TOLERANCE}};
        const auto found = kinds.find(kind);
        if (found == kinds.end()) throw py::value_error("kind must be auto, dimension, gdt, surface or general");
        return py::module_::import("json").attr("loads")(drawlens::parse_json(text, found->second));
      },
      py::arg("text"), py::arg("kind") = "auto",
      "Parse one annotation text into a dict with 'kind', 'normalized' and 'confidence'. kind='auto' reads it "
      "as `analyze` reads page text: a surface texture ('Ra 1.6'), a GD&T frame (has a characteristic symbol), a "
      "general tolerance ('ISO 2768-mK'), a dimension, and last a note (other text with a word). kind='dimension', "
      "'gdt', 'surface' or 'general' forces that grammar. Raises drawlens.Error (DRAWLENS_PARSE) for text that is none "
      "of them");
  m.def(
      "iso286_limits",
      [](double nominal_mm, const std::string& tolerance_class) {
        const drawlens::Deviations d = drawlens::iso286_limits(nominal_mm, tolerance_class);
        return py::make_tuple(d.upper, d.lower);
      },
      py::arg("nominal_mm"), py::arg("tolerance_class"),
      "ISO 286 (upper, lower) deviations in mm of a class such as 'H7' at a nominal size in mm");
}
