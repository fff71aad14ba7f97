// The arithmetic of image preparation, shared by the CPU path and the CUDA kernels so both compute
// the same numbers. The .cu files are built with --fmad=false: no fused multiply-add changes a rounding.
#pragma once

#include <math.h>
#include <stdint.h>

#if defined(__CUDACC__)
#define DRAWLENS_HOST_DEVICE __host__ __device__
#else
#define DRAWLENS_HOST_DEVICE
#endif

namespace drawlens::prepare::rules {

// ITU-R BT.601 luma in OpenCV's 15-bit fixed point, as cv::cvtColor(COLOR_RGB2GRAY) computes it
// for 8-bit input (0.299, 0.587, 0.114 scaled by 2^15, with rounding).
DRAWLENS_HOST_DEVICE inline uint8_t gray_from_rgb(int r, int g, int b) {
  return static_cast<uint8_t>((r * 9798 + g * 19235 + b * 3735 + (1 << 14)) >> 15);
}

DRAWLENS_HOST_DEVICE inline int clamp_index(int i, int n) {
  return i < 0 ? 0 : (i >= n ? n - 1 : i);
}

// OpenCV's BORDER_REFLECT_101 (cv::borderInterpolate), reflecting as often as a short side needs.
DRAWLENS_HOST_DEVICE inline int reflect101_index(int i, int n) {
  if (n == 1) return 0;
  while (i < 0 || i >= n) i = i < 0 ? -i : 2 * n - 2 - i;
  return i;
}

DRAWLENS_HOST_DEVICE inline void sort_pair(int& a, int& b) {
  const int low = a < b ? a : b;
  b = a < b ? b : a;
  a = low;
}

// Median of nine by the 19-exchange network of Paeth / Devillard; p is scrambled.
DRAWLENS_HOST_DEVICE inline int median9(int p[9]) {
  sort_pair(p[1], p[2]), sort_pair(p[4], p[5]), sort_pair(p[7], p[8]);
  sort_pair(p[0], p[1]), sort_pair(p[3], p[4]), sort_pair(p[6], p[7]);
  sort_pair(p[1], p[2]), sort_pair(p[4], p[5]), sort_pair(p[7], p[8]);
  sort_pair(p[0], p[3]), sort_pair(p[5], p[8]), sort_pair(p[4], p[7]);
  sort_pair(p[3], p[6]), sort_pair(p[1], p[4]), sort_pair(p[2], p[5]);
  sort_pair(p[4], p[7]), sort_pair(p[4], p[2]), sort_pair(p[6], p[4]);
  sort_pair(p[4], p[2]);
  return p[4];
}

// ---- Adaptive thresholds over a window clipped to the page -------------------------------------
// sum and sum_sq are exact integers (integral images); count is the clipped window's pixel count.

// Sauvola: ink where pixel <= mean * (1 + k * (stddev / dynamic_range - 1)).
DRAWLENS_HOST_DEVICE inline bool sauvola_ink(int pixel, double sum, double sum_sq, double count, double k,
                                             double dynamic_range) {
  const double mean = sum / count;
  double variance = sum_sq / count - mean * mean;
  if (variance < 0) variance = 0;
  const double threshold = mean * (1.0 + k * (sqrt(variance) / dynamic_range - 1.0));
  return pixel <= threshold;
}

// Mean minus C: ink where pixel < mean - c.
DRAWLENS_HOST_DEVICE inline bool mean_c_ink(int pixel, double sum, double count, double c) {
  return pixel < sum / count - c;
}

// Rows or columns [first, last) of a window of `window` pixels centred on i, clipped to [0, n).
struct WindowSpan {
  int first, last;
};

DRAWLENS_HOST_DEVICE inline WindowSpan window_span(int i, int window, int n) {
  const int half = window / 2;
  return {i - half < 0 ? 0 : i - half, i + half + 1 > n ? n : i + half + 1};
}

// ---- CLAHE, with the semantics of cv::createCLAHE on 8-bit images ------------------------------

// Tiles cover the page padded at its right and bottom (reflect-101) to a multiple of the grid,
// exactly as OpenCV pads: when either side does not divide, both sides gain a remainder pad.
struct ClaheGrid {
  int tile_width, tile_height;
};

DRAWLENS_HOST_DEVICE inline ClaheGrid clahe_grid(int width, int height, int tiles_x, int tiles_y) {
  if (width % tiles_x == 0 && height % tiles_y == 0) return {width / tiles_x, height / tiles_y};
  return {(width + tiles_x - width % tiles_x) / tiles_x, (height + tiles_y - height % tiles_y) / tiles_y};
}

DRAWLENS_HOST_DEVICE inline int clahe_clip_count(double clip_limit, int tile_area) {
  if (clip_limit <= 0) return 0;
  const int count = static_cast<int>(clip_limit * tile_area / 256);
  return count < 1 ? 1 : count;
}

DRAWLENS_HOST_DEVICE inline uint8_t round_to_u8(float value) {
#if defined(__CUDA_ARCH__)
  const int rounded = __float2int_rn(value);
#else
  const int rounded = static_cast<int>(lrintf(value));  // ties to even, like cvRound
#endif
  return static_cast<uint8_t>(rounded < 0 ? 0 : (rounded > 255 ? 255 : rounded));
}

// Clips a tile's histogram, spreads the excess over all bins, and writes the equalizing LUT.
DRAWLENS_HOST_DEVICE inline void clahe_tile_lut(int hist[256], int clip_count, int tile_area, uint8_t lut[256]) {
  if (clip_count > 0) {
    int clipped = 0;
    for (int i = 0; i < 256; ++i) {
      if (hist[i] > clip_count) {
        clipped += hist[i] - clip_count;
        hist[i] = clip_count;
      }
    }
    const int batch = clipped / 256;
    int residual = clipped - batch * 256;
    for (int i = 0; i < 256; ++i) hist[i] += batch;
    if (residual != 0) {
      const int step = 256 / residual > 1 ? 256 / residual : 1;
      for (int i = 0; i < 256 && residual > 0; i += step, --residual) ++hist[i];
    }
  }
  const float scale = 255.0f / static_cast<float>(tile_area);
  int sum = 0;
  for (int i = 0; i < 256; ++i) {
    sum += hist[i];
    lut[i] = round_to_u8(static_cast<float>(sum) * scale);
  }
}

// Where a pixel lies between the centres of the two nearest tiles along one axis.
struct ClaheAxis {
  int tile1, tile2;
  float weight1, weight2;
};

DRAWLENS_HOST_DEVICE inline ClaheAxis clahe_axis(int position, int tile_size, int tiles) {
  const float inverse = 1.0f / static_cast<float>(tile_size);
  const float t = static_cast<float>(position) * inverse - 0.5f;
  const int first = static_cast<int>(floorf(t));
  const float weight2 = t - static_cast<float>(first);
  return {first < 0 ? 0 : first, first + 1 > tiles - 1 ? tiles - 1 : first + 1, 1.0f - weight2, weight2};
}

// Bilinear blend of the four surrounding tiles' LUT values for one pixel.
DRAWLENS_HOST_DEVICE inline uint8_t clahe_blend(int top_left, int top_right, int bottom_left, int bottom_right,
                                                const ClaheAxis& x, const ClaheAxis& y) {
  const float top = static_cast<float>(top_left) * x.weight1 + static_cast<float>(top_right) * x.weight2;
  const float bottom = static_cast<float>(bottom_left) * x.weight1 + static_cast<float>(bottom_right) * x.weight2;
  return round_to_u8(top * y.weight1 + bottom * y.weight2);
}

// ---- Skew: projection profiles of the ink over candidate angles --------------------------------

// The profile bin of a reduced-page cell for a candidate angle (cos/sin come from one host table).
DRAWLENS_HOST_DEVICE inline int skew_bin(int x, int y, double cos_angle, double sin_angle, int offset) {
  return static_cast<int>(floor(static_cast<double>(y) * cos_angle + static_cast<double>(x) * sin_angle)) + offset;
}

}  // namespace drawlens::prepare::rules
