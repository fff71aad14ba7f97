// CUDA kernels for the integral images (row scans, then column scans in segments) and the
// Sauvola and mean-C thresholds over each pixel's clipped window.
#include <cub/block/block_scan.cuh>

#include "prepare/kernels.h"
#include "prepare/pixel_rules.h"

namespace drawlens::prepare::kernels {
namespace {

constexpr int kScanThreads = 256;
constexpr int kScanItems = 4;  // consecutive pixels per thread and pass
// A column-scan block covers 32 columns with 8 row segments, enough blocks to fill the device.
constexpr int kColumns = 32;
constexpr int kSegments = 8;

using u64 = unsigned long long;

// One block per page row: row prefix sums of values and squares into row y + 1 of the tables.
__global__ void row_prefix_kernel(const std::uint8_t* gray, int width, u64* sum, u64* sum_sq) {
  using Scan = cub::BlockScan<u64, kScanThreads>;
  __shared__ typename Scan::TempStorage scan_storage;
  const std::uint8_t* row = gray + static_cast<size_t>(blockIdx.x) * width;
  u64* sum_row = sum + static_cast<size_t>(blockIdx.x + 1) * (width + 1);
  u64* sq_row = sum_sq + static_cast<size_t>(blockIdx.x + 1) * (width + 1);
  if (threadIdx.x == 0) sum_row[0] = sq_row[0] = 0;
  u64 carry = 0, carry_sq = 0;
  for (int base = 0; base < width; base += kScanThreads * kScanItems) {
    const int first = base + threadIdx.x * kScanItems;
    u64 values[kScanItems];
    u64 own = 0, own_sq = 0;
    for (int j = 0; j < kScanItems; ++j) {
      values[j] = first + j < width ? row[first + j] : 0;
      own += values[j];
      own_sq += values[j] * values[j];
    }
    u64 before = 0, before_sq = 0, total = 0, total_sq = 0;
    Scan(scan_storage).ExclusiveSum(own, before, total);
    __syncthreads();
    Scan(scan_storage).ExclusiveSum(own_sq, before_sq, total_sq);
    __syncthreads();
    u64 running = carry + before, running_sq = carry_sq + before_sq;
    for (int j = 0; j < kScanItems && first + j < width; ++j) {
      running += values[j];
      running_sq += values[j] * values[j];
      sum_row[first + j + 1] = running;
      sq_row[first + j + 1] = running_sq;
    }
    carry += total;
    carry_sq += total_sq;
  }
}

// Column prefix sums over rows 1..height of one table (blockIdx.y picks sum or sum_sq): each warp
// sums its row segment, then rescans it starting from the segments above.
__global__ void column_prefix_kernel(u64* sum, u64* sum_sq, int columns, int height) {
  __shared__ u64 segment_totals[kSegments][kColumns];
  u64* table = blockIdx.y == 0 ? sum : sum_sq;
  const int x = blockIdx.x * kColumns + threadIdx.x;
  const int rows = (height + kSegments - 1) / kSegments;
  const int first = 1 + threadIdx.y * rows;
  const int last = min(height + 1, first + rows);
  u64 total = 0;
  if (x < columns) {
    for (int y = first; y < last; ++y) total += table[static_cast<size_t>(y) * columns + x];
  }
  segment_totals[threadIdx.y][threadIdx.x] = total;
  __syncthreads();
  u64 running = 0;
  for (int s = 0; s < threadIdx.y; ++s) running += segment_totals[s][threadIdx.x];
  if (x >= columns) return;
  for (int y = first; y < last; ++y) {
    const size_t i = static_cast<size_t>(y) * columns + x;
    running += table[i];
    table[i] = running;
  }
}

__global__ void threshold_kernel(const std::uint8_t* gray, const u64* sum, const u64* sum_sq, std::uint8_t* ink,
                                 int width, int height, WindowThreshold rule) {
  const int x = blockIdx.x * blockDim.x + threadIdx.x;
  const int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height) return;
  const rules::WindowSpan xs = rules::window_span(x, rule.window, width);
  const rules::WindowSpan ys = rules::window_span(y, rule.window, height);
  const size_t top = static_cast<size_t>(ys.first) * (width + 1);
  const size_t bottom = static_cast<size_t>(ys.last) * (width + 1);
  const u64 window_sum = sum[bottom + xs.last] - sum[top + xs.last] - sum[bottom + xs.first] + sum[top + xs.first];
  const double count = static_cast<double>(xs.last - xs.first) * (ys.last - ys.first);
  const int pixel = gray[y * width + x];
  bool is_ink;
  if (rule.sauvola) {
    const u64 window_sq =
        sum_sq[bottom + xs.last] - sum_sq[top + xs.last] - sum_sq[bottom + xs.first] + sum_sq[top + xs.first];
    is_ink = rules::sauvola_ink(pixel, static_cast<double>(window_sum), static_cast<double>(window_sq), count, rule.k,
                                rule.dynamic_range);
  } else {
    is_ink = rules::mean_c_ink(pixel, static_cast<double>(window_sum), count, rule.c);
  }
  ink[y * width + x] = is_ink ? 255 : 0;
}

}  // namespace

cudaError_t integral_images(const std::uint8_t* gray, u64* sum, u64* sum_sq, int width, int height,
                            cudaStream_t stream) {
  const size_t first_row = static_cast<size_t>(width + 1) * sizeof(u64);
  cudaError_t status = cudaMemsetAsync(sum, 0, first_row, stream);
  if (status == cudaSuccess) status = cudaMemsetAsync(sum_sq, 0, first_row, stream);
  if (status != cudaSuccess) return status;
  row_prefix_kernel<<<height, kScanThreads, 0, stream>>>(gray, width, sum, sum_sq);
  const dim3 block(kColumns, kSegments);
  const dim3 grid((width + 1 + kColumns - 1) / kColumns, 2);
  column_prefix_kernel<<<grid, block, 0, stream>>>(sum, sum_sq, width + 1, height);
  return cudaGetLastError();
}

cudaError_t threshold_by_window(const std::uint8_t* gray, const u64* sum, const u64* sum_sq, std::uint8_t* ink,
                                int width, int height, const WindowThreshold& rule, cudaStream_t stream) {
  const dim3 block(32, 8);
  const dim3 grid((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);
  threshold_kernel<<<grid, block, 0, stream>>>(gray, sum, sum_sq, ink, width, height, rule);
  return cudaGetLastError();
}

__global__ void at_or_below_kernel(const std::uint8_t* gray, std::uint8_t* ink, std::size_t pixels, int level) {
  const std::size_t i = static_cast<std::size_t>(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i < pixels) ink[i] = gray[i] <= level ? 255 : 0;
}

cudaError_t threshold_at_or_below(const std::uint8_t* gray, std::uint8_t* ink, std::size_t pixels, int level,
                                  cudaStream_t stream) {
  constexpr unsigned kThreads = 256;
  const auto blocks = static_cast<unsigned>((pixels + kThreads - 1) / kThreads);
  if (blocks > 0) at_or_below_kernel<<<blocks, kThreads, 0, stream>>>(gray, ink, pixels, level);
  return cudaGetLastError();
}

}  // namespace drawlens::prepare::kernels
