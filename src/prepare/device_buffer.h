// Device memory for the CUDA preparation path: a move-only buffer that frees itself, a counter of
// the bytes a workspace holds (its peak is the stage's measured GPU memory need), and a scope that
// selects the workspace's device for one call.
#pragma once

#include <cstddef>
#include <utility>

#include <cuda_runtime_api.h>

namespace drawlens::prepare {

struct DeviceMemoryCounter {
  std::size_t current = 0;
  std::size_t peak = 0;
};

template <typename T>
class DeviceBuffer {
 public:
  DeviceBuffer() = default;
  DeviceBuffer(const DeviceBuffer&) = delete;
  DeviceBuffer& operator=(const DeviceBuffer&) = delete;
  DeviceBuffer(DeviceBuffer&& other) noexcept { swap(other); }
  DeviceBuffer& operator=(DeviceBuffer&& other) noexcept {
    DeviceBuffer(std::move(other)).swap(*this);
    return *this;
  }
  ~DeviceBuffer() { release(); }

  // Makes room for `count` elements; old contents are not kept when it grows.
  cudaError_t reserve(std::size_t count, DeviceMemoryCounter& counter) {
    if (count <= capacity_) return cudaSuccess;
    release();
    void* memory = nullptr;
    const cudaError_t status = cudaMalloc(&memory, count * sizeof(T));
    if (status != cudaSuccess) return status;
    data_ = static_cast<T*>(memory);
    capacity_ = count;
    counter_ = &counter;
    counter.current += bytes();
    if (counter.current > counter.peak) counter.peak = counter.current;
    return cudaSuccess;
  }

  T* get() const { return data_; }
  std::size_t bytes() const { return capacity_ * sizeof(T); }

  void swap(DeviceBuffer& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(capacity_, other.capacity_);
    std::swap(counter_, other.counter_);
  }

 private:
  void release() {
    if (data_ == nullptr) return;
    cudaFree(data_);
    counter_->current -= bytes();
    data_ = nullptr;
    capacity_ = 0;
  }

  T* data_ = nullptr;
  std::size_t capacity_ = 0;
  DeviceMemoryCounter* counter_ = nullptr;
};

// Makes a device current for one call, then gives the calling thread back the device it had: a
// host that uses CUDA itself keeps its own current device.
class DeviceScope {
 public:
  explicit DeviceScope(int ordinal) {
    if (cudaGetDevice(&previous_) != cudaSuccess) previous_ = -1;
    status_ = cudaSetDevice(ordinal);
  }
  DeviceScope(const DeviceScope&) = delete;
  DeviceScope& operator=(const DeviceScope&) = delete;
  ~DeviceScope() {
    if (previous_ >= 0) cudaSetDevice(previous_);
  }
  cudaError_t status() const { return status_; }

 private:
  int previous_ = -1;
  cudaError_t status_ = cudaSuccess;
};

}  // namespace drawlens::prepare
