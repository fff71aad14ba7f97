// The SymbolClassifier: a model file checked and turned into a network; crops fitted, batched and
// classified, the answer restricted to the group the caller expects (ocr.h).
#include <algorithm>
#include <mutex>

#include <opencv2/core.hpp>

#include "model/torch_weights.h"
#include "ocr/network_loading.h"
#include "ocr/ocr.h"
#include "ocr/symbol_model.h"
#include "ocr/symbol_network.h"

namespace drawlens::ocr {

model::ModelExpectation symbol_model_expectation() {
  model::ModelExpectation e;
  e.name = kSymbolModelName;
  e.architecture = kSymbolArchitecture;
  e.min_version = kSymbolModelVersion;
  e.max_version = kSymbolModelVersion;
  e.input_shape = {-1, 1, kSymbolInputSize, kSymbolInputSize};
  e.payload_format = model::PayloadFormat::torch;
  return e;
}

nlohmann::json symbol_classes_json() {
  return symbol_classes();
}

struct SymbolClassifier::Impl {
  SymbolNetwork network{nullptr};
  RecognizerOptions options;
  NetworkPlacement placement;
  std::mutex running;
};

SymbolClassifier::SymbolClassifier(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
SymbolClassifier::SymbolClassifier(SymbolClassifier&&) noexcept = default;
SymbolClassifier& SymbolClassifier::operator=(SymbolClassifier&&) noexcept = default;
SymbolClassifier::~SymbolClassifier() = default;

Result<SymbolClassifier> SymbolClassifier::load(const std::string& models_directory, const RecognizerOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "symbol classifier options: " + problem);
  auto file = model::load_model(models_directory, symbol_model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), models_directory + "/" + kSymbolModelName + ".dlmodel", options);
}

Result<SymbolClassifier> SymbolClassifier::from_bytes(const std::uint8_t* data, std::size_t size,
                                                      const std::string& label, const RecognizerOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "symbol classifier options: " + problem);
  auto file = model::read_model_file(data, size, symbol_model_expectation(), label);
  if (!file) return file.error();
  return from_model_file(file.value(), label, options);
}

Result<SymbolClassifier> SymbolClassifier::from_model_file(const model::ModelFile& file, const std::string& label,
                                                           const RecognizerOptions& options) {
  const auto& hyper = file.header.hyperparameters;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  try {
    if (!hyper.contains(kSymbolClassesKey) || hyper.at(kSymbolClassesKey) != symbol_classes_json())
      return model_file_error(label, "names other symbols than this drawlens (hyperparameters.classes differs)");
    impl->network = SymbolNetwork(static_cast<int>(symbol_classes().size()));
    auto archive = model::torch_archive(file.payload);
    if (const auto problem = model::load_checked_weights(*impl->network, archive); !problem.empty())
      return model_file_error(label, problem);
  } catch (const c10::Error& e) {
    return model_file_error(label, "weights do not fit the network its header describes: " +
                                       std::string(e.what_without_backtrace()).substr(0, 200));
  } catch (const nlohmann::json::exception& e) {
    return model_file_error(label, std::string("header: ") + e.what());
  }
  impl->network->eval();
  auto placement = place_network(*impl->network, options, "symbol classifier");
  if (!placement) return placement.error();
  impl->placement = placement.value();
  return SymbolClassifier(std::move(impl));
}

Result<std::vector<SymbolReading>> SymbolClassifier::classify(const std::vector<cv::Mat>& crops,
                                                              SymbolGroup group) const {
  for (std::size_t i = 0; i < crops.size(); ++i) {
    if (crops[i].empty())
      return make_error(Status::invalid_argument, "classify: crop " + std::to_string(i) + " is empty");
    if (crops[i].type() != CV_8UC1)
      return make_error(Status::invalid_argument,
                        "classify: crop " + std::to_string(i) + " must be 8-bit gray (CV_8UC1)");
  }
  const auto& classes = symbol_classes();
  // The characteristics are the first classes; a size prefix is one of the others (or none).
  const int first = group == SymbolGroup::characteristic ? 0 : kCharacteristicClasses;
  const int last = group == SymbolGroup::characteristic ? kCharacteristicClasses : static_cast<int>(classes.size());
  std::vector<SymbolReading> readings(crops.size(), SymbolReading{"", 1.0});
  std::vector<cv::Mat> inputs;
  std::vector<std::size_t> inked;
  for (std::size_t i = 0; i < crops.size(); ++i) {
    cv::Mat input = symbol_input(crops[i]);
    if (cv::countNonZero(input) == 0) continue;
    inputs.push_back(std::move(input));
    inked.push_back(i);
  }
  const std::size_t batch = static_cast<std::size_t>(impl_->options.batch);
  const std::lock_guard<std::mutex> lock(impl_->running);
  torch::NoGradGuard no_grad;
  for (std::size_t begin = 0; begin < inputs.size(); begin += batch) {
    const std::size_t end = std::min(inputs.size(), begin + batch);
    const std::vector<cv::Mat> part(inputs.begin() + static_cast<std::ptrdiff_t>(begin),
                                    inputs.begin() + static_cast<std::ptrdiff_t>(end));
    const auto tensor = symbol_batch(part).to(impl_->placement.device, impl_->placement.dtype);
    const auto probabilities =
        torch::softmax(impl_->network->forward(tensor).to(torch::kCPU, torch::kFloat32), 1).contiguous();
    for (std::size_t k = begin; k < end; ++k) {
      const float* p = probabilities[static_cast<std::int64_t>(k - begin)].data_ptr<float>();
      const int best = static_cast<int>(std::max_element(p + first, p + last) - p);
      readings[inked[k]] = SymbolReading{classes[static_cast<std::size_t>(best)], p[best]};
    }
  }
  return readings;
}

}  // namespace drawlens::ocr
