// CUDA kernels of the skew search: the ink reduced to cells, one projection profile per candidate
// angle (block-local histograms in shared memory, merged with atomics), and each profile's score.
#include <cub/block/block_reduce.cuh>

#include "prepare/kernels.h"
#include "prepare/pixel_rules.h"

namespace drawlens::prepare::kernels {
namespace {

constexpr int kProfileThreads = 256;
// Row chunks per angle: with ~100 angles, enough blocks to fill a large GPU.
constexpr int kRowChunks = 8;
constexpr int kMaxSharedBytes = 48 * 1024;

__global__ void reduce_kernel(const std::uint8_t* ink, int width, int height, SkewProfiles plan, std::uint8_t* cells) {
  const int cx = blockIdx.x * blockDim.x + threadIdx.x;
  const int cy = blockIdx.y * blockDim.y + threadIdx.y;
  if (cx >= plan.cells_x || cy >= plan.cells_y) return;
  const int x_end = min(width, (cx + 1) * plan.reduction);
  const int y_end = min(height, (cy + 1) * plan.reduction);
  std::uint8_t any = 0;
  for (int y = cy * plan.reduction; y < y_end; ++y) {
    for (int x = cx * plan.reduction; x < x_end; ++x) any |= ink[y * width + x];
  }
  cells[cy * plan.cells_x + cx] = any != 0 ? 1 : 0;
}

__global__ void profile_kernel(const std::uint8_t* cells, SkewProfiles plan, std::uint32_t* profiles) {
  extern __shared__ std::uint32_t local[];
  for (int b = threadIdx.x; b < plan.bins; b += blockDim.x) local[b] = 0;
  __syncthreads();
  const int angle = blockIdx.x;
  const double cosine = plan.cosines[angle], sine = plan.sines[angle];
  const int rows = (plan.cells_y + kRowChunks - 1) / kRowChunks;
  const int begin = blockIdx.y * rows * plan.cells_x;
  const int end = min(plan.cells_y, (blockIdx.y + 1) * rows) * plan.cells_x;
  for (int i = begin + threadIdx.x; i < end; i += blockDim.x) {
    if (cells[i] == 0) continue;
    atomicAdd(&local[rules::skew_bin(i % plan.cells_x, i / plan.cells_x, cosine, sine, plan.offset)], 1u);
  }
  __syncthreads();
  std::uint32_t* profile = profiles + static_cast<size_t>(angle) * plan.bins;
  for (int b = threadIdx.x; b < plan.bins; b += blockDim.x) {
    if (local[b] != 0) atomicAdd(&profile[b], local[b]);
  }
}

__global__ void score_kernel(const std::uint32_t* profiles, int bins, unsigned long long* scores) {
  using Reduce = cub::BlockReduce<unsigned long long, kProfileThreads>;
  __shared__ typename Reduce::TempStorage storage;
  const std::uint32_t* profile = profiles + static_cast<size_t>(blockIdx.x) * bins;
  unsigned long long own = 0;
  for (int b = threadIdx.x; b < bins; b += blockDim.x) own += static_cast<unsigned long long>(profile[b]) * profile[b];
  const unsigned long long total = Reduce(storage).Sum(own);
  if (threadIdx.x == 0) scores[blockIdx.x] = total;
}

}  // namespace

cudaError_t skew_scores(const std::uint8_t* ink, int width, int height, const SkewProfiles& plan, std::uint8_t* cells,
                        std::uint32_t* profiles, unsigned long long* scores, cudaStream_t stream) {
  const size_t shared_bytes = static_cast<size_t>(plan.bins) * sizeof(std::uint32_t);
  if (shared_bytes > kMaxSharedBytes) return cudaErrorInvalidValue;
  const size_t profile_bytes = static_cast<size_t>(plan.angles) * plan.bins * sizeof(std::uint32_t);
  const cudaError_t cleared = cudaMemsetAsync(profiles, 0, profile_bytes, stream);
  if (cleared != cudaSuccess) return cleared;
  const dim3 block(32, 8);
  const dim3 grid((plan.cells_x + block.x - 1) / block.x, (plan.cells_y + block.y - 1) / block.y);
  reduce_kernel<<<grid, block, 0, stream>>>(ink, width, height, plan, cells);
  profile_kernel<<<dim3(plan.angles, kRowChunks), kProfileThreads, shared_bytes, stream>>>(cells, plan, profiles);
  score_kernel<<<plan.angles, kProfileThreads, 0, stream>>>(profiles, plan.bins, scores);
  return cudaGetLastError();
}

}  // namespace drawlens::prepare::kernels
