// CUDA kernels for CLAHE with cv::createCLAHE's semantics: one block per tile builds the tile's
// histogram over the reflect-padded page and its clipped LUT, then each pixel blends four LUTs.
#include "prepare/kernels.h"
#include "prepare/pixel_rules.h"

namespace drawlens::prepare::kernels {
namespace {

// One histogram per warp keeps the atomics on paper-white from serializing the whole block.
constexpr int kLutThreads = 512;
constexpr int kWarps = kLutThreads / 32;

__global__ void lut_kernel(const std::uint8_t* gray, int width, int height, rules::ClaheGrid grid, int tiles_x,
                           int clip_count, std::uint8_t* luts) {
  __shared__ int warp_hist[kWarps][256];
  __shared__ int hist[256];
  for (int i = threadIdx.x; i < kWarps * 256; i += blockDim.x) warp_hist[i / 256][i % 256] = 0;
  __syncthreads();
  const int tile_x = blockIdx.x % tiles_x;
  const int tile_y = blockIdx.x / tiles_x;
  const int area = grid.tile_width * grid.tile_height;
  int* own = warp_hist[threadIdx.x / 32];
  for (int i = threadIdx.x; i < area; i += blockDim.x) {
    const int x = rules::reflect101_index(tile_x * grid.tile_width + i % grid.tile_width, width);
    const int y = rules::reflect101_index(tile_y * grid.tile_height + i / grid.tile_width, height);
    atomicAdd(&own[gray[y * width + x]], 1);
  }
  __syncthreads();
  for (int bin = threadIdx.x; bin < 256; bin += blockDim.x) {
    int total = 0;
    for (int w = 0; w < kWarps; ++w) total += warp_hist[w][bin];
    hist[bin] = total;
  }
  __syncthreads();
  // 256 sequential steps: the residual spreading is order-dependent, and it is tiny.
  if (threadIdx.x == 0) rules::clahe_tile_lut(hist, clip_count, area, luts + blockIdx.x * 256);
}

__global__ void apply_kernel(const std::uint8_t* gray, const std::uint8_t* luts, std::uint8_t* out, int width,
                             int height, rules::ClaheGrid grid, int tiles_x, int tiles_y) {
  const int x = blockIdx.x * blockDim.x + threadIdx.x;
  const int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height) return;
  const rules::ClaheAxis ax = rules::clahe_axis(x, grid.tile_width, tiles_x);
  const rules::ClaheAxis ay = rules::clahe_axis(y, grid.tile_height, tiles_y);
  const int value = gray[y * width + x];
  const std::uint8_t* top = luts + ay.tile1 * tiles_x * 256;
  const std::uint8_t* bottom = luts + ay.tile2 * tiles_x * 256;
  out[y * width + x] = rules::clahe_blend(top[ax.tile1 * 256 + value], top[ax.tile2 * 256 + value],
                                          bottom[ax.tile1 * 256 + value], bottom[ax.tile2 * 256 + value], ax, ay);
}

}  // namespace

cudaError_t clahe_luts(const std::uint8_t* gray, int width, int height, int tiles_x, int tiles_y, double clip_limit,
                       std::uint8_t* luts, cudaStream_t stream) {
  const rules::ClaheGrid grid = rules::clahe_grid(width, height, tiles_x, tiles_y);
  const int clip_count = rules::clahe_clip_count(clip_limit, grid.tile_width * grid.tile_height);
  lut_kernel<<<tiles_x * tiles_y, kLutThreads, 0, stream>>>(gray, width, height, grid, tiles_x, clip_count, luts);
  return cudaGetLastError();
}

cudaError_t clahe_apply(const std::uint8_t* gray, const std::uint8_t* luts, std::uint8_t* out, int width, int height,
                        int tiles_x, int tiles_y, cudaStream_t stream) {
  const rules::ClaheGrid grid = rules::clahe_grid(width, height, tiles_x, tiles_y);
  const dim3 block(32, 8);
  const dim3 blocks((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);
  apply_kernel<<<blocks, block, 0, stream>>>(gray, luts, out, width, height, grid, tiles_x, tiles_y);
  return cudaGetLastError();
}

}  // namespace drawlens::prepare::kernels
