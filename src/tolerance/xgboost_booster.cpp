// RAII over XGBoost's C API (xgboost_booster.h): handles freed once, errors as values.
#include "tolerance/xgboost_booster.h"

#include <xgboost/c_api.h>

#include <cstdio>
#include <limits>

namespace drawlens::tolerance {
namespace {

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
  if (handle_ != nullptr) XGDMatrixFree(handle_);
}

Result<Booster> Booster::create(const TrainingMatrix& matrix,
                                const std::vector<std::pair<std::string, std::string>>& parameters) {
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
  BoosterHandle handle = nullptr;
  if (XGBoosterCreate(nullptr, 0, &handle) != 0) return xgboost_error("cannot create a booster");
  Booster booster(handle);
  if (XGBoosterLoadModelFromBuffer(handle, data, size) != 0) {
    return xgboost_error(label + ": XGBoost cannot load the model");
  }
  return booster;
}

Booster::Booster(Booster&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}
Booster& Booster::operator=(Booster&& other) noexcept {
  std::swap(handle_, other.handle_);
  return *this;
}
Booster::~Booster() {
  if (handle_ != nullptr) XGBoosterFree(handle_);
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
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* result = nullptr;
  const int code =
      XGBoosterPredictFromDMatrix(handle_, matrix.handle(), kTrainingMarginConfig, &shape, &dimensions, &result);
  return copy_output(code, shape, dimensions, result, "prediction failed");
}

Result<std::vector<float>> Booster::predict(const DenseRows& rows) const {
  if (rows.rows() == 0) return std::vector<float>{};
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
