// RAII over XGBoost's C API (xgboost_booster.h): handles freed once, errors as values.
#include "tolerance/xgboost_booster.h"

#include <xgboost/c_api.h>

#include <cstdio>
#include <limits>

// The OpenMP runtime's C API (GCC's libgomp, which XGBoost uses), declared here because clang,
// which builds the fuzz targets, has no omp.h without its own runtime.
extern "C" {
int omp_get_max_threads(void);
void omp_set_num_threads(int threads);
}

namespace drawlens::tolerance {
namespace {

// XGBoost keeps each booster's prediction buffers in a thread-local map, and ~LearnerImpl looks
// itself up in the calling thread's map. At exit the main thread's thread-locals are destroyed
// before static objects, so freeing a booster held by a static (a host's global pipeline) would
// read a destroyed map and crash. Once a thread's thread-locals are being destroyed, its boosters
// are left to the operating system instead. The flag is trivially destructible, so it can still be
// read after the marker's destructor ran.
thread_local bool thread_locals_destroyed = false;
struct ThreadExitMarker {
  ~ThreadExitMarker() { thread_locals_destroyed = true; }
};
thread_local ThreadExitMarker thread_exit_marker;

// Called before any XGBoost call on a thread, so that the marker exists (it is constructed on first use).
void mark_thread() {
  static_cast<void>(&thread_exit_marker);
}

// A handle left to the operating system at exit stays reachable from here, so that leak checkers
// do not report it. The list itself is never destroyed (a raw pointer in static storage).
void keep_until_exit(void* handle) {
  static auto* kept = new std::vector<void*>();
  kept->push_back(handle);
}

// Sets this thread's OpenMP thread count for the object's lifetime, then restores it (LibTorch's
// parallel regions started from this thread read the same setting).
class OpenMpThreadsOnThisThread {
 public:
  explicit OpenMpThreadsOnThisThread(int threads) : before_(omp_get_max_threads()) { omp_set_num_threads(threads); }
  ~OpenMpThreadsOnThisThread() { omp_set_num_threads(before_); }
  OpenMpThreadsOnThisThread(const OpenMpThreadsOnThisThread&) = delete;
  OpenMpThreadsOnThisThread& operator=(const OpenMpThreadsOnThisThread&) = delete;

 private:
  int before_;
};

Error xgboost_error(const std::string& what) {
  return make_error(Status::model, what + ": " + std::string(XGBGetLastError()));
}

// __array_interface__ of a C-contiguous float32 matrix, as XGBoost's inplace prediction reads it.
std::string array_interface(const DenseRows& rows) {
  char text[256];
  std::snprintf(
      text, sizeof text, "{\"data\": [%llu, true], \"shape\": [%zu, %zu], \"typestr\": \"<f4\", \"version\": 3}",
      static_cast<unsigned long long>(reinterpret_cast<std::uintptr_t>(rows.values.data())), rows.rows(), rows.columns);
  return text;
}

// Copies XGBoost's thread-local output before the next call on this thread reuses it.
Result<std::vector<float>> copy_output(int code, const bst_ulong* shape, bst_ulong dimensions, const float* result,
                                       const char* what) {
  if (code != 0) return xgboost_error(what);
  std::size_t count = 1;
  for (bst_ulong i = 0; i < dimensions; ++i) count *= shape[i];
  return std::vector<float>(result, result + count);
}

constexpr const char* kMarginConfig =
    "{\"type\": 1, \"training\": false, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false, "
    "\"cache_id\": 0, \"missing\": NaN}";
constexpr const char* kTrainingMarginConfig =
    "{\"type\": 1, \"training\": true, \"iteration_begin\": 0, \"iteration_end\": 0, \"strict_shape\": false}";

}  // namespace

Result<TrainingMatrix> TrainingMatrix::create(const DenseRows& rows, const std::vector<float>& labels) {
  if (rows.rows() == 0 || rows.values.size() != rows.rows() * rows.columns) {
    return make_error(Status::invalid_argument, "training matrix has no rows or a ragged last row");
  }
  mark_thread();
  DMatrixHandle handle = nullptr;
  if (XGDMatrixCreateFromMat(rows.values.data(), rows.rows(), rows.columns, std::numeric_limits<float>::quiet_NaN(),
                             &handle) != 0) {
    return xgboost_error("cannot create the training matrix");
  }
  TrainingMatrix matrix(handle);
  if (!labels.empty()) {
    if (labels.size() != rows.rows()) {
      return make_error(Status::invalid_argument, "training matrix: one label per row expected");
    }
    if (XGDMatrixSetFloatInfo(handle, "label", labels.data(), labels.size()) != 0) {
      return xgboost_error("cannot set the training labels");
    }
  }
  return matrix;
}

TrainingMatrix::TrainingMatrix(TrainingMatrix&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
TrainingMatrix& TrainingMatrix::operator=(TrainingMatrix&& other) noexcept {
  std::swap(handle_, other.handle_);
  return *this;
}
TrainingMatrix::~TrainingMatrix() {
  if (handle_ == nullptr) return;
  if (thread_locals_destroyed) {
    keep_until_exit(handle_);
  } else {
    XGDMatrixFree(handle_);
  }
}

Result<Booster> Booster::create(const TrainingMatrix& matrix,
                                const std::vector<std::pair<std::string, std::string>>& parameters) {
  mark_thread();
  BoosterHandle handle = nullptr;
  DMatrixHandle cache[] = {matrix.handle()};
  if (XGBoosterCreate(cache, 1, &handle) != 0) return xgboost_error("cannot create a booster");
  Booster booster(handle);
  for (const auto& [name, value] : parameters) {
    if (auto set = booster.set_parameter(name, value); !set) return set.error();
  }
  return booster;
}

Result<Booster> Booster::load(const std::uint8_t* data, std::size_t size, const std::string& label) {
  mark_thread();
  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(nullptr, 0, &handle) != 0) return xgboost_error("cannot create a booster");
  Booster booster(handle);
  if (auto loaded = booster.load_model(data, size, label); !loaded) return loaded.error();
  return booster;
}

Result<bool> Booster::load_model(const std::uint8_t* data, std::size_t size, const std::string& label) {
  // XGBoost parses the trees on an OpenMP team as large as the calling thread's OpenMP thread
  // count (a booster's own nthread only applies once a model is configured). Parsing on the
  // calling thread alone costs nothing measurable (the model loads in about 30 ms) and keeps the
  // load visible to ThreadSanitizer, which cannot see libgomp's barriers.
  const OpenMpThreadsOnThisThread one_thread(1);
  if (XGBoosterLoadModelFromBuffer(handle_, data, size) != 0) {
    return xgboost_error(label + ": XGBoost cannot load the model");
  }
  return true;
}

Booster::Booster(Booster&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
Booster& Booster::operator=(Booster&& other) noexcept {
  std::swap(handle_, other.handle_);
  return *this;
}
Booster::~Booster() {
  if (handle_ == nullptr) return;
  if (thread_locals_destroyed) {
    keep_until_exit(handle_);
  } else {
    XGBoosterFree(handle_);
  }
}

Result<bool> Booster::set_parameter(const std::string& name, const std::string& value) {
  if (XGBoosterSetParam(handle_, name.c_str(), value.c_str()) != 0) {
    return xgboost_error("XGBoost refuses parameter " + name + "=" + value);
  }
  return true;
}

Result<bool> Booster::update(const TrainingMatrix& matrix, int iteration) {
  if (XGBoosterUpdateOneIter(handle_, iteration, matrix.handle()) != 0) return xgboost_error("boosting round failed");
  return true;
}

Result<bool> Booster::boost(const TrainingMatrix& matrix, std::vector<float>& gradient, std::vector<float>& hessian) {
  if (gradient.size() != hessian.size()) {
    return make_error(Status::invalid_argument, "gradient and hessian differ in length");
  }
  if (XGBoosterBoostOneIter(handle_, matrix.handle(), gradient.data(), hessian.data(), gradient.size()) != 0) {
    return xgboost_error("boosting round failed");
  }
  return true;
}

Result<std::vector<float>> Booster::predict_training(const TrainingMatrix& matrix) const {
  mark_thread();
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  const int code =
      XGBoosterPredictFromDMatrix(handle_, matrix.handle(), kTrainingMarginConfig, &shape, &dimensions, &result);
  return copy_output(code, shape, dimensions, result, "prediction failed");
}

Result<std::vector<float>> Booster::predict(const DenseRows& rows) const {
  if (rows.rows() == 0) return std::vector<float>{};
  mark_thread();
  const std::string interface = array_interface(rows);
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  const int code =
      XGBoosterPredictFromDense(handle_, interface.c_str(), kMarginConfig, nullptr, &shape, &dimensions, &result);
  return copy_output(code, shape, dimensions, result, "prediction failed");
}

Result<std::vector<std::uint8_t>> Booster::save_ubj() const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  if (XGBoosterSaveModelToBuffer(handle_, "{\"format\": \"ubj\"}", &length, &bytes) != 0) {
    return xgboost_error("cannot save the model");
  }
  return std::vector<std::uint8_t>(bytes, bytes + length);
}

}  // namespace drawlens::tolerance
