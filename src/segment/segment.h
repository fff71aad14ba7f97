// The segment stage (EdgNet): the page's ink vectorized into primitives (lines, circular arcs,
// cubic Béziers, each with its stroke width), a graph over them (endpoint connectivity plus nearest
// neighbours), and a trained GraphSAGE network (models/edgnet.dlmodel, docs/segment.md) that gives
// every primitive its class: contour, hidden, centre, hatch, dimension, text, gdt, border or title
// block. Torch-free: the network lives behind EdgNet's implementation.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core/mat.hpp>
#include <opencv2/core/types.hpp>

#include "core/status.h"
#include "model/model.h"

namespace drawlens::segment {

// The result schema's segment classes, in the order of the network's outputs and of the
// generator's class mask (mask value = class + 1; 0 is paper).
enum class LineClass { contour, hidden, centre, hatch, dimension, text, gdt, border, title_block };
inline constexpr int kClassCount = 9;

// "contour", "hidden", "centre", "hatch", "dimension", "text", "gdt", "border", "title_block".
const char* class_name(LineClass line_class);
std::optional<LineClass> class_from_name(std::string_view name);

// ---- Vectorizer --------------------------------------------------------------------------------

enum class PrimitiveKind { line, arc, bezier };
const char* kind_name(PrimitiveKind kind);  // "line", "arc", "bezier"

// One piece of linework in page pixels. line: points[0..1] are its ends; arc: points[0] start,
// points[1] the point halfway along, points[2] end, with centre and radius (a full circle is two
// arcs); bezier: points[0..3] the cubic's control points, from start to end.
struct Primitive {
  PrimitiveKind kind = PrimitiveKind::line;
  std::array<cv::Point2d, 4> points{};
  cv::Point2d centre;       // arcs
  double radius = 0;        // arcs
  double length = 0;        // along the curve, page pixels
  double stroke_width = 0;  // mean ink width across the stroke, page pixels
  // Where the primitive starts and ends: primitives with a common node touch there (a junction of
  // strokes, a corner where one stroke was split, or a free end used by this primitive alone).
  int start_node = -1;
  int end_node = -1;
  std::vector<cv::Point2f> trace;  // the skeleton pixels it was fitted to, page pixels, in order

  int point_count() const { return kind == PrimitiveKind::line ? 2 : kind == PrimitiveKind::arc ? 3 : 4; }
};

// `count` (>= 2) points along the primitive from its start to its end, evenly in its parameter.
std::vector<cv::Point2d> sample_points(const Primitive& primitive, int count);

struct VectorizerOptions {
  // The ink is vectorized at this resolution at most (a page of more dpi is reduced first): lines
  // are still 2 px wide at 150 dpi, and the skeleton of a 300 dpi A3 page costs four times more.
  double working_dpi = 150;
  // The fitting error bound: every skeleton pixel lies within this distance (working pixels) of the
  // primitive fitted to it. The skeleton of a thick stroke wanders by a pixel either way, so a
  // tighter bound would cut straight lines into pieces.
  double tolerance = 1.5;
  // Corners: where a stroke turns by more than this, it is split (degrees).
  double corner_degrees = 35;
  // Branches of at most this many working pixels from a free end to a junction are thinning's
  // spurs on ragged thick strokes, and are dropped.
  int spur_pixels = 3;
};

struct Vectorization {
  std::vector<Primitive> primitives;
  int node_count = 0;   // nodes are 0 .. node_count-1
  cv::Size page_size;   // the ink's size, page pixels
  double dpi = 0;       // the page's resolution
  double scale = 1;     // page pixels per working pixel
  cv::Mat working_ink;  // CV_8UC1 255 ink at the working resolution (the graph's density features)
};

// Zhang & Suen's thinning (CACM 1984) of a CV_8UC1 mask (non-zero = ink) to one-pixel-wide
// 8-connected strokes; returns 255 on the skeleton, 0 elsewhere.
cv::Mat thin(const cv::Mat& ink);

// ink: CV_8UC1, non-zero where ink is (the prepare stage's mask); dpi its resolution (> 0).
// INVALID_ARGUMENT for another type, an empty mask, a bad dpi or bad options.
Result<Vectorization> vectorize(const cv::Mat& ink, double dpi, const VectorizerOptions& options = {});

// ---- Graph ---------------------------------------------------------------------------------------

// The network's input: one feature row per primitive (docs/segment.md lists them; lengths in
// millimetres, so pages of any resolution look alike) and directed edges both ways between
// primitives that touch and between each primitive and its nearest neighbours.
struct Graph {
  int nodes = 0;
  std::vector<float> features;  // nodes x kFeatureCount, row-major
  std::vector<std::int64_t> source, target;
};
inline constexpr int kFeatureCount = 33;
inline constexpr int kNearestNeighbours = 6;

Graph build_graph(const Vectorization& vectorization);

// The class of each primitive from a class mask of the page (CV_8UC1, page size, value class + 1,
// 0 paper: the generator's mask): the most common class under its trace, or -1 when the trace
// touches no labelled pixel. The training program and the evaluation label primitives with it.
std::vector<int> primitive_labels(const Vectorization& vectorization, const cv::Mat& class_mask);

// ---- The network ---------------------------------------------------------------------------------

// The dashes a dashed line was drawn with (join_dashes); count 1 for a solid piece.
struct DashPattern {
  int count = 1;
  double dash_length = 0;  // mean length of a dash, page pixels; 0 for a solid piece
  double gap_length = 0;   // mean gap between dashes, page pixels
};

struct Segment {
  Primitive primitive;
  LineClass line_class = LineClass::contour;
  double confidence = 0;  // the class's probability, 0..1
  DashPattern dash;
};

// The dashes of each hidden or centre line joined into one primitive through them, with its dash
// pattern: straight pieces of one of those classes, parallel (within 5 degrees), on one line (ends
// within 0.3 mm of it) and at most 3 mm apart become a line; three or more pieces left single that
// go on from one another round one circle (within 0.5 mm) become an arc (docs/segment.md). The
// joined primitive takes its first piece's place in the list (its confidence the length-weighted
// mean); other segments keep their order.
std::vector<Segment> join_dashes(std::vector<Segment> segments, double dpi);

// ---- Dimensions and their linework ----------------------------------------------------------------

// What a dimension's lettering is tied to among the page's classified segments (indices, ascending).
struct DimensionLinework {
  std::vector<int> lines;    // its dimension, extension and leader lines and arrowheads
  std::vector<int> feature;  // the outline (contour, hidden or centre lines) it measures
};
// A lettering's box in page pixels, its corners as the text is read: top left, top right, bottom
// right, bottom left.
using Quad = std::array<cv::Point2d, 4>;

// For each lettering (a dimension's text box): the dimension-class segments next to it and those
// touching them (a segment the same number of hops from two letterings goes to both: a shared
// extension line), and from each free end of those lines the nearest contour, hidden or centre
// segment ahead within 2.5 mm (docs/segment.md, "Dimensions and their linework").
std::vector<DimensionLinework> link_dimensions(const std::vector<Segment>& segments, const std::vector<Quad>& callouts,
                                               double dpi);

struct EdgNetOptions {
  int threads = 0;       // LibTorch intra-op threads; 0 leaves torch's setting
  int cuda_device = -1;  // a CUDA ordinal runs the network there; -1 the CPU
  VectorizerOptions vectorizer;
};

// A loaded classifier. segment() may be called from several threads; calls take turns on the network.
class EdgNet {
 public:
  // Reads <models_directory>/edgnet.dlmodel: MODEL (naming the file) when it is missing, damaged,
  // another model or its weights do not fit its header; INVALID_ARGUMENT for bad options; GPU when
  // options.cuda_device names a device LibTorch cannot use.
  static Result<EdgNet> load(const std::string& models_directory, const EdgNetOptions& options = {});
  static Result<EdgNet> from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                   const EdgNetOptions& options = {});

  EdgNet(EdgNet&&) noexcept;
  EdgNet& operator=(EdgNet&&) noexcept;
  ~EdgNet();

  // Class probabilities of every node: nodes x kClassCount, row-major.
  Result<std::vector<float>> classify(const Graph& graph) const;
  // Vectorizes the ink (as vectorize()), classifies every primitive and joins dashed lines (join_dashes).
  Result<std::vector<Segment>> segment(const cv::Mat& ink, double dpi) const;

 private:
  struct Impl;
  explicit EdgNet(std::unique_ptr<Impl> impl);
  static Result<EdgNet> from_model_file(const model::ModelFile& file, const std::string& label,
                                        const EdgNetOptions& options);
  std::unique_ptr<Impl> impl_;
};

}  // namespace drawlens::segment
