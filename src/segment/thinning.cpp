// Zhang & Suen's parallel thinning ("A fast parallel algorithm for thinning digital patterns",
// CACM 27(3), 1984), over a list of the pixels still standing so each pass costs the ink, not the
// page. OpenCV's own (cv::ximgproc::thinning) is in opencv-contrib, whose Debian -dev package
// brings VTK and a dozen other modules with it.
#include <array>
#include <cstdint>

#include "segment/segment.h"

namespace drawlens::segment {
namespace {

// Neighbours P2..P9 of Zhang & Suen (north, then clockwise) as bits 0..7 of a code.
struct Rules {
  std::array<bool, 256> first{}, second{};
  Rules() {
    for (int code = 0; code < 256; ++code) {
      auto p = [code](int i) { return (code >> ((i - 2) & 7)) & 1; };  // p(2) .. p(9)
      int b = 0, a = 0;
      for (int i = 2; i <= 9; ++i) {
        b += p(i);
        if (p(i) == 0 && p(i == 9 ? 2 : i + 1) == 1) ++a;
      }
      const bool common = b >= 2 && b <= 6 && a == 1;
      first[code] = common && p(2) * p(4) * p(6) == 0 && p(4) * p(6) * p(8) == 0;
      second[code] = common && p(2) * p(4) * p(8) == 0 && p(2) * p(6) * p(8) == 0;
    }
  }
};

}  // namespace

cv::Mat thin(const cv::Mat& ink) {
  static const Rules rules;
  // One pixel of paper around the page, so every neighbour read is inside.
  const int w = ink.cols + 2, h = ink.rows + 2;
  std::vector<std::uint8_t> on(static_cast<std::size_t>(w) * h, 0);
  std::vector<int> standing;
  for (int y = 0; y < ink.rows; ++y) {
    const std::uint8_t* row = ink.ptr<std::uint8_t>(y);
    for (int x = 0; x < ink.cols; ++x) {
      if (!row[x]) continue;
      const int at = (y + 1) * w + x + 1;
      on[at] = 1;
      standing.push_back(at);
    }
  }
  const std::array<int, 8> offset = {-w, -w + 1, 1, w + 1, w, w - 1, -1, -w - 1};  // P2 .. P9
  std::vector<int> removed;
  bool changed = true;
  while (changed) {
    changed = false;
    for (int pass = 0; pass < 2; ++pass) {
      const auto& rule = pass == 0 ? rules.first : rules.second;
      removed.clear();
      for (int at : standing) {
        int code = 0;
        for (int i = 0; i < 8; ++i) code |= on[at + offset[i]] << i;
        if (rule[code]) removed.push_back(at);
      }
      if (removed.empty()) continue;
      changed = true;
      for (int at : removed) on[at] = 0;
      std::size_t kept = 0;
      for (int at : standing)
        if (on[at]) standing[kept++] = at;
      standing.resize(kept);
    }
  }
  cv::Mat skeleton(ink.size(), CV_8UC1, cv::Scalar(0));
  for (int at : standing) skeleton.at<std::uint8_t>(at / w - 1, at % w - 1) = 255;
  return skeleton;
}

}  // namespace drawlens::segment
