// RAII over XGBoost's C API: a dense training matrix and a booster, every call's failure turned
// into an Error carrying XGBGetLastError(). Only this file pair includes xgboost/c_api.h.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/status.h"

namespace drawlens::tolerance {

// Rows of float features, row-major.
struct DenseRows {
  std::vector<float> values;
  std::size_t columns = 0;
  std::size_t rows() const { return columns == 0 ? 0 : values.size() / columns; }
};

class TrainingMatrix {
 public:
  // labels: one per row, or empty (custom objectives need none).
  static Result<TrainingMatrix> create(const DenseRows& rows, const std::vector<float>& labels);
  TrainingMatrix(TrainingMatrix&&) noexcept;
  TrainingMatrix& operator=(TrainingMatrix&&) noexcept;
  ~TrainingMatrix();
  void* handle() const { return handle_; }

 private:
  explicit TrainingMatrix(void* handle) : handle_(handle) {}
  void* handle_ = nullptr;
};

class Booster {
 public:
  // A new booster for training on `matrix`, with XGBoost's parameters as name/value pairs.
  static Result<Booster> create(const TrainingMatrix& matrix,
                                const std::vector<std::pair<std::string, std::string>>& parameters);
  // A saved model (JSON or UBJSON, as XGBoost saves it); `label` names it in errors.
  static Result<Booster> load(const std::uint8_t* data, std::size_t size, const std::string& label);
  Booster(Booster&&) noexcept;
  Booster& operator=(Booster&&) noexcept;
  ~Booster();

  // Replaces the model with a saved one (to continue training from it).
  Result<bool> load_model(const std::uint8_t* data, std::size_t size, const std::string& label);
  Result<bool> set_parameter(const std::string& name, const std::string& value);
  // One round with the built-in objective.
  Result<bool> update(const TrainingMatrix& matrix, int iteration);
  // One round with a custom objective: gradient and hessian per row and output, row-major.
  Result<bool> boost(const TrainingMatrix& matrix, std::vector<float>& gradient, std::vector<float>& hessian);
  // Raw (margin) outputs per row, row-major; `training` caches them for the next round.
  Result<std::vector<float>> predict_training(const TrainingMatrix& matrix) const;
  // Raw outputs for dense rows, without a DMatrix; safe to call from several threads at once.
  Result<std::vector<float>> predict(const DenseRows& rows) const;
  // The model as XGBoost's UBJSON (binary JSON, about half the size of its JSON).
  Result<std::vector<std::uint8_t>> save_ubj() const;

 private:
  explicit Booster(void* handle) : handle_(handle) {}
  void* handle_ = nullptr;
};

}  // namespace drawlens::tolerance
