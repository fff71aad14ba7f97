// Ruling extraction by run-length filtering, which is exactly a morphological opening with a line
// element but costs one pass per direction whatever the element length.
#include "layout/ruling_lines.h"

#include <algorithm>
#include <limits>

#include <opencv2/imgproc.hpp>

#include "layout/byte_words.h"
#include "layout/ruling_graph.h"

namespace drawlens::layout::detail {
namespace {

constexpr int kUnbounded = std::numeric_limits<int>::max();

// Keeps the horizontal runs of `src` whose length lies in [min_len, max_len], each grown by
// `extend` pixels at both ends.
cv::Mat horizontal_runs(const cv::Mat& src, int min_len, int max_len, int extend) {
  cv::Mat dst = cv::Mat(src.size(), CV_8U, cv::Scalar(0));
  const int w = src.cols;
  for (int y = 0; y < src.rows; ++y) {
    const unsigned char* in = src.ptr<unsigned char>(y);
    unsigned char* out = dst.ptr<unsigned char>(y);
    int x = 0;
    while (x < w) {
      while (x + kWordBytes <= w && word_at(in + x) == 0) x += kWordBytes;
      while (x < w && !in[x]) ++x;
      if (x == w) break;
      const int start = x;
      while (x + kWordBytes <= w && word_at(in + x) == kAllSet) x += kWordBytes;
      while (x < w && in[x]) ++x;
      const int len = x - start;
      if (len >= min_len && len <= max_len) {
        std::fill(out + std::max(0, start - extend), out + std::min(w, x + extend), 255);
      }
    }
  }
  return dst;
}

// The vertical counterpart of horizontal_runs. Runs are tracked with one counter per column while
// scanning rows, which keeps memory access sequential (no transposes); blocks of columns with
// neither ink nor an open run are skipped a word at a time.
cv::Mat vertical_runs(const cv::Mat& src, int min_len, int max_len, int extend) {
  cv::Mat dst = cv::Mat(src.size(), CV_8U, cv::Scalar(0));
  const int h = src.rows, w = src.cols;
  std::vector<int> run(w, 0);
  std::vector<unsigned char> open(w + kWordBytes, 0);
  auto emit = [&](int x, int end) {
    const int len = run[x];
    run[x] = 0;
    open[x] = 0;
    if (len < min_len || len > max_len) return;
    const int y1 = std::min(h, end + extend);
    for (int y = std::max(0, end - len - extend); y < y1; ++y) dst.ptr<unsigned char>(y)[x] = 255;
  };
  for (int y = 0; y < h; ++y) {
    const unsigned char* in = src.ptr<unsigned char>(y);
    int x = 0;
    while (x < w) {
      if (x + kWordBytes <= w && word_at(in + x) == 0 && word_at(open.data() + x) == 0) {
        x += kWordBytes;
        continue;
      }
      if (in[x]) {
        ++run[x];
        open[x] = 1;
      } else if (run[x]) {
        emit(x, y);
      }
      ++x;
    }
  }
  for (int x = 0; x < w; ++x) {
    if (run[x]) emit(x, h);
  }
  return dst;
}

// Bounding boxes of the pieces at least `min_length` long, longest first.
std::vector<Segment> segments(const RulingPieces& pieces, bool horizontal, int min_length) {
  std::vector<Segment> out;
  for (int i = 1; i < pieces.count; ++i) {
    const int x = pieces.boxes[i].x, y = pieces.boxes[i].y;
    const int w = pieces.boxes[i].width, h = pieces.boxes[i].height;
    const Segment s = horizontal ? Segment{y + h / 2, x, x + w, h} : Segment{x + w / 2, y, y + h, w};
    if (s.length() >= min_length) out.push_back(s);
  }
  std::sort(out.begin(), out.end(), [](const Segment& a, const Segment& b) { return a.length() > b.length(); });
  return out;
}

}  // namespace

Rulings extract_rulings(const cv::Mat& ink, const RulingParams& p) {
  // Long runs first; then the parts of them that sit in thick ink (shading, solid fills, heavy
  // text clumps) are dropped; what remains must still be long, and only then is it bridged.
  const cv::Mat h_long = horizontal_runs(ink, p.min_run, kUnbounded, 0);
  const cv::Mat h_thin = vertical_runs(h_long, 1, p.max_thickness, 0);
  const cv::Mat horizontal = horizontal_runs(h_thin, p.min_run, kUnbounded, p.bridge);

  const cv::Mat v_long = vertical_runs(ink, p.min_run, kUnbounded, 0);
  const cv::Mat v_thin = horizontal_runs(v_long, 1, p.max_thickness, 0);
  const cv::Mat vertical = vertical_runs(v_thin, p.min_run, kUnbounded, p.bridge);

  const RulingPieces h_pieces = label_pieces(horizontal);
  const RulingPieces v_pieces = label_pieces(vertical);
  Rulings r;
  r.mask = closing_rulings(h_pieces, v_pieces);
  r.horizontal = segments(h_pieces, true, p.min_segment);
  r.vertical = segments(v_pieces, false, p.min_segment);
  return r;
}

}  // namespace drawlens::layout::detail
