// pybind11 module `drawlens`: Pipeline, Result and analyze() over the C++ facade. The GIL is
// released while the pipeline runs; errors raise drawlens.Error carrying the status name.
#include <map>
#include <string>

#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "drawlens/drawlens.hpp"

namespace py = pybind11;

namespace {

drawlens::Options make_options(int dpi, int first_page, int last_page, const std::string& device, bool keep_images) {
  return drawlens::Options().pdf_dpi(dpi).pages(first_page, last_page).device(device).keep_page_images(keep_images);
}

drawlens_pixel_format pixel_format(const py::buffer_info& info) {
  if (info.ndim == 2) return DRAWLENS_PIXELS_GRAY8;
  if (info.ndim == 3 && info.shape[2] == 3) return DRAWLENS_PIXELS_RGB8;
  if (info.ndim == 3 && info.shape[2] == 4) return DRAWLENS_PIXELS_RGBA8;
  throw py::value_error("pixels must be a uint8 array of shape (h, w), (h, w, 3) RGB or (h, w, 4) RGBA");
}

py::object to_dict(const drawlens::Result& result) {
  return py::module_::import("json").attr("loads")(result.json());
}

}  // namespace

PYBIND11_MODULE(drawlens, m) {
  m.doc() = "drawlens: reads mechanical engineering drawings";
  m.attr("__version__") = drawlens::version();
  static py::exception<drawlens::Error> error(m, "Error");
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const drawlens::Error& e) {
      PyErr_SetString(error.ptr(), (std::string(e.status_name()) + ": " + e.what()).c_str());
    }
  });

  py::class_<drawlens::Result>(m, "Result")
      .def_property_readonly("page_count", &drawlens::Result::page_count)
      .def("json", &drawlens::Result::json, "The result as JSON text (docs/schema/result.schema.json)")
      .def("to_dict", &to_dict, "The result as Python dicts and lists")
      .def(
          "overlay_png",
          [](const drawlens::Result& r, std::size_t page) {
            const auto png = r.overlay_png(page);
            return py::bytes(reinterpret_cast<const char*>(png.data()), png.size());
          },
          py::arg("page") = 0, "PNG bytes of the page with findings drawn over it (needs keep_page_images=True)");

  py::class_<drawlens::Pipeline>(m, "Pipeline")
      .def(py::init([](int dpi, int first_page, int last_page, const std::string& device, bool keep_page_images) {
             return drawlens::Pipeline(make_options(dpi, first_page, last_page, device, keep_page_images));
           }),
           py::arg("dpi") = 300, py::arg("first_page") = 1, py::arg("last_page") = 0, py::arg("device") = "auto",
           py::arg("keep_page_images") = false)
      .def_property_readonly("device", &drawlens::Pipeline::device)
      .def(
          "analyze_file",
          [](const drawlens::Pipeline& p, const std::string& path, double timeout_ms) {
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::file(path), drawlens::RunOptions().timeout_ms(timeout_ms));
          },
          py::arg("path"), py::arg("timeout_ms") = 0.0)
      .def(
          "analyze_bytes",
          [](const drawlens::Pipeline& p, const py::bytes& data, double timeout_ms) {
            const std::string_view view = data;
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::memory(view.data(), view.size()),
                             drawlens::RunOptions().timeout_ms(timeout_ms));
          },
          py::arg("data"), py::arg("timeout_ms") = 0.0)
      .def(
          "analyze_array",
          [](const drawlens::Pipeline& p, const py::array_t<std::uint8_t, py::array::c_style>& pixels, double dpi,
             double timeout_ms) {
            const py::buffer_info info = pixels.request();
            const drawlens_pixel_format format = pixel_format(info);
            const auto stride = static_cast<std::size_t>(info.strides[0]);
            const auto height = static_cast<int>(info.shape[0]), width = static_cast<int>(info.shape[1]);
            py::gil_scoped_release release;
            return p.analyze(drawlens::Document::pixels(info.ptr, width, height, format, stride, dpi),
                             drawlens::RunOptions().timeout_ms(timeout_ms));
          },
          py::arg("pixels"), py::arg("dpi") = 0.0, py::arg("timeout_ms") = 0.0);

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
