// Launchers of the image preparation kernels (the .cu files beside this header). Each queues its
// work on `stream` and returns the launch status. Images are dense rows of `width` bytes.
#pragma once

#include <cstddef>
#include <cstdint>

#include <cuda_runtime_api.h>

namespace drawlens::prepare::kernels {

cudaError_t gray_from_rgb(const std::uint8_t* rgb, std::uint8_t* gray, int width, int height, cudaStream_t stream);
cudaError_t median3(const std::uint8_t* in, std::uint8_t* out, int width, int height, cudaStream_t stream);

// luts: tiles_x * tiles_y tables of 256 entries.
cudaError_t clahe_luts(const std::uint8_t* gray, int width, int height, int tiles_x, int tiles_y, double clip_limit,
                       std::uint8_t* luts, cudaStream_t stream);
cudaError_t clahe_apply(const std::uint8_t* gray, const std::uint8_t* luts, std::uint8_t* out, int width, int height,
                        int tiles_x, int tiles_y, cudaStream_t stream);

// sum and sum_sq: (height + 1) x (width + 1) integral images with a zero first row and column.
cudaError_t integral_images(const std::uint8_t* gray, unsigned long long* sum, unsigned long long* sum_sq, int width,
                            int height, cudaStream_t stream);

struct WindowThreshold {
  int window;
  bool sauvola;             // else mean-C
  double k, dynamic_range;  // Sauvola
  double c;                 // mean-C
};

cudaError_t threshold_by_window(const std::uint8_t* gray, const unsigned long long* sum,
                                const unsigned long long* sum_sq, std::uint8_t* ink, int width, int height,
                                const WindowThreshold& rule, cudaStream_t stream);

// ink = 255 where gray <= level, else 0 (the prepare stage's page ink).
cudaError_t threshold_at_or_below(const std::uint8_t* gray, std::uint8_t* ink, std::size_t pixels, int level,
                                  cudaStream_t stream);

// The skew search's device half: cells (cells_x * cells_y bytes) reduced from the ink, then one
// projection profile per angle (profiles: angles * bins) and its sum of squares (scores: angles).
struct SkewProfiles {
  int reduction, cells_x, cells_y;
  const double* cosines;  // device, one per angle
  const double* sines;
  int angles, bins, offset;
};

cudaError_t skew_scores(const std::uint8_t* ink, int width, int height, const SkewProfiles& plan, std::uint8_t* cells,
                        std::uint32_t* profiles, unsigned long long* scores, cudaStream_t stream);

}  // namespace drawlens::prepare::kernels
