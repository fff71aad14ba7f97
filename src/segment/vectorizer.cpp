// vectorize(): the ink reduced to the working resolution, thinned, traced into strokes, each stroke
// fitted with primitives, and the primitives given their stroke width and page coordinates.
#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "segment/primitive_fitting.h"
#include "segment/segment.h"
#include "segment/stroke_tracing.h"

namespace drawlens::segment {
namespace {

constexpr double kMaxDpi = 2400;

std::string options_problem(const VectorizerOptions& o) {
  if (!(o.working_dpi >= 50 && o.working_dpi <= 600)) return "working_dpi must be 50..600";
  if (!(o.tolerance >= 0.5 && o.tolerance <= 10)) return "tolerance must be 0.5..10 pixels";
  if (!(o.corner_degrees >= 5 && o.corner_degrees <= 120)) return "corner_degrees must be 5..120";
  if (o.spur_pixels < 0 || o.spur_pixels > 50) return "spur_pixels must be 0..50";
  return {};
}

// Ink at the working resolution: a pixel is ink when a quarter of what it covers was, so a line one
// page pixel wide stays unbroken after a 2x reduction.
cv::Mat working_ink(const cv::Mat& ink, double scale) {
  cv::Mat binary = ink != 0;
  if (scale <= 1.0) return binary;
  cv::Mat reduced;
  const cv::Size size(std::max(1, cvRound(ink.cols / scale)), std::max(1, cvRound(ink.rows / scale)));
  cv::resize(binary, reduced, size, 0, 0, cv::INTER_AREA);
  return reduced >= 64;
}

bool is_ink(const cv::Mat& ink, cv::Point2d p) {
  const int x = cvRound(p.x), y = cvRound(p.y);
  return x >= 0 && y >= 0 && x < ink.cols && y < ink.rows && ink.at<std::uint8_t>(y, x) != 0;
}

// The stroke's width on the page's own pixels: the median, over points along the trace, of the ink
// run across the stroke (the working resolution is too coarse to tell 0.25 mm lines from 0.35 mm
// ones). `fallback` when no point of the trace lies on ink.
double measured_width(const cv::Mat& ink, const std::vector<cv::Point2f>& trace, double fallback) {
  constexpr int kSamples = 9;
  constexpr double kStep = 0.5;
  const double max_run = 0.02 * std::max(ink.cols, ink.rows);
  std::vector<double> runs;
  const int n = static_cast<int>(trace.size());
  if (n < 3) return fallback;
  for (int k = 1; k <= kSamples; ++k) {
    const int i = n * k / (kSamples + 1);
    const cv::Point2d along = cv::Point2d(trace[std::min(n - 1, i + 5)]) - cv::Point2d(trace[std::max(0, i - 5)]);
    const double norm = cv::norm(along);
    if (norm <= 0) continue;
    const cv::Point2d across(-along.y / norm, along.x / norm);
    const cv::Point2d at = trace[i];
    if (!is_ink(ink, at)) continue;
    double run = 0;
    for (int side : {-1, 1}) {
      double d = kStep;
      while (d < max_run && is_ink(ink, at + side * d * across)) d += kStep;
      run += d - kStep / 2;
    }
    runs.push_back(run);
  }
  if (runs.empty()) return fallback;
  std::nth_element(runs.begin(), runs.begin() + static_cast<long>(runs.size() / 2), runs.end());
  return runs[runs.size() / 2];
}

}  // namespace

const char* kind_name(PrimitiveKind kind) {
  switch (kind) {
    case PrimitiveKind::line: return "line";
    case PrimitiveKind::arc: return "arc";
    case PrimitiveKind::bezier: return "bezier";
  }
  return "unknown";
}

Result<Vectorization> vectorize(const cv::Mat& ink, double dpi, const VectorizerOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "vectorizer options: " + problem);
  if (ink.empty() || ink.type() != CV_8UC1)
    return make_error(Status::invalid_argument, "vectorize: the ink mask must be a non-empty 8-bit one-channel image");
  if (!(dpi > 0 && dpi <= kMaxDpi))
    return make_error(Status::invalid_argument, "vectorize: dpi must be in (0, 2400], got " + std::to_string(dpi));

  Vectorization out;
  out.page_size = ink.size();
  out.dpi = dpi;
  out.scale = std::max(1.0, dpi / options.working_dpi);
  out.working_ink = working_ink(ink, out.scale);
  cv::Mat half_width;  // distance to paper, working pixels
  cv::distanceTransform(out.working_ink, half_width, cv::DIST_L2, cv::DIST_MASK_3);
  TracedSkeleton skeleton = trace_strokes(thin(out.working_ink));
  prune_spurs(skeleton, options.spur_pixels);
  out.node_count = skeleton.node_count;

  const double s = out.scale;
  auto to_page = [s](cv::Point2d p) { return cv::Point2d((p.x + 0.5) * s - 0.5, (p.y + 0.5) * s - 0.5); };
  for (const TracedStroke& stroke : skeleton.strokes) {
    std::vector<cv::Point> pixels = stroke.pixels;
    const auto pieces = fit_stroke(pixels, stroke.closed, options.tolerance, options.corner_degrees);
    if (stroke.closed) pixels.push_back(pixels.front());
    for (std::size_t k = 0; k < pieces.size(); ++k) {
      const FittedPiece& piece = pieces[k];
      Primitive p;
      p.kind = piece.kind;
      for (int i = 0; i < 4; ++i) p.points[i] = to_page(piece.points[i]);
      p.centre = to_page(piece.centre);
      p.radius = piece.radius * s;
      p.length = piece.length * s;
      // A piece after the first starts where the previous one ended: a node of its own.
      p.start_node = k == 0 ? stroke.start_node : out.node_count - 1;
      p.end_node = k + 1 == pieces.size() ? stroke.end_node : out.node_count++;
      double width = 0;
      for (int i = piece.first; i <= piece.last; ++i) {
        const cv::Point q = pixels[i];
        width += half_width.at<float>(q.y, q.x);
        p.trace.push_back(to_page(cv::Point2d(q.x, q.y)));
      }
      width /= piece.last - piece.first + 1;
      p.stroke_width = measured_width(ink, p.trace, std::max(1.0, 2 * width - 1) * s);
      out.primitives.push_back(std::move(p));
    }
  }
  return out;
}

}  // namespace drawlens::segment
