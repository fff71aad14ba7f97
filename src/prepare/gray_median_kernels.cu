// CUDA kernels for gray from RGB and the 3x3 median (edge pixels replicated, as cv::medianBlur).
#include "prepare/kernels.h"
#include "prepare/pixel_rules.h"

namespace drawlens::prepare::kernels {
namespace {

__global__ void gray_kernel(const std::uint8_t* rgb, std::uint8_t* gray, int count) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= count) return;
  gray[i] = rules::gray_from_rgb(rgb[3 * i], rgb[3 * i + 1], rgb[3 * i + 2]);
}

__global__ void median3_kernel(const std::uint8_t* in, std::uint8_t* out, int width, int height) {
  const int x = blockIdx.x * blockDim.x + threadIdx.x;
  const int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height) return;
  int p[9];
  int k = 0;
  for (int dy = -1; dy <= 1; ++dy) {
    const std::uint8_t* row = in + rules::clamp_index(y + dy, height) * width;
    for (int dx = -1; dx <= 1; ++dx) p[k++] = row[rules::clamp_index(x + dx, width)];
  }
  out[y * width + x] = static_cast<std::uint8_t>(rules::median9(p));
}

}  // namespace

cudaError_t gray_from_rgb(const std::uint8_t* rgb, std::uint8_t* gray, int width, int height, cudaStream_t stream) {
  const int count = width * height;
  gray_kernel<<<(count + 255) / 256, 256, 0, stream>>>(rgb, gray, count);
  return cudaGetLastError();
}

cudaError_t median3(const std::uint8_t* in, std::uint8_t* out, int width, int height, cudaStream_t stream) {
  const dim3 block(32, 8);
  const dim3 grid((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);
  median3_kernel<<<grid, block, 0, stream>>>(in, out, width, height);
  return cudaGetLastError();
}

}  // namespace drawlens::prepare::kernels
