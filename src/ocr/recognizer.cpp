// The Recognizer: a model file checked and turned into a network, crops batched by width through
// it and decoded (ocr.h).
#include <algorithm>
#include <mutex>

#include <opencv2/core.hpp>

#include "model/torch_weights.h"
#include "ocr/ctc_decoding.h"
#include "ocr/lettering_rows.h"
#include "ocr/network_loading.h"
#include "ocr/ocr.h"
#include "ocr/recognizer_model.h"
#include "ocr/recognizer_network.h"

namespace drawlens::ocr {
const char* reading_source_name(ReadingSource source) {
  return source == ReadingSource::tesseract ? "tesseract" : "recognizer";
}

model::ModelExpectation model_expectation() {
  model::ModelExpectation e;
  e.name = kModelName;
  e.architecture = kArchitecture;
  e.min_version = kModelVersion;
  e.max_version = kModelVersion;
  e.input_shape = {-1, 1, kInputHeight, -1};
  e.payload_format = model::PayloadFormat::torch;
  return e;
}

nlohmann::json alphabet_json() {
  return alphabet();
}

struct Recognizer::Impl {
  RecognizerNetwork network{nullptr};
  RecognizerOptions options;
  NetworkPlacement placement;
  std::mutex running;
};

Recognizer::Recognizer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Recognizer::Recognizer(Recognizer&&) noexcept = default;
Recognizer& Recognizer::operator=(Recognizer&&) noexcept = default;
Recognizer::~Recognizer() = default;

Result<Recognizer> Recognizer::load(const std::string& models_directory, const RecognizerOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "recognizer options: " + problem);
  auto file = model::load_model(models_directory, model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), models_directory + "/" + kModelName + ".dlmodel", options);
}

Result<Recognizer> Recognizer::from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                          const RecognizerOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "recognizer options: " + problem);
  auto file = model::read_model_file(data, size, model_expectation(), label);
  if (!file) return file.error();
  return from_model_file(file.value(), label, options);
}

Result<Recognizer> Recognizer::from_model_file(const model::ModelFile& file, const std::string& label,
                                               const RecognizerOptions& options) {
  const auto& hyper = file.header.hyperparameters;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  try {
    if (!hyper.contains(kAlphabetKey) || hyper.at(kAlphabetKey) != alphabet_json())
      return model_file_error(label, "reads another alphabet than this drawlens (hyperparameters.alphabet differs)");
    const auto widths = NetworkWidths::from_json(hyper.value(kWidthsKey, nlohmann::json::object()));
    impl->network = RecognizerNetwork(widths, static_cast<int>(alphabet().size()));
    auto archive = model::torch_archive(file.payload);
    if (const auto problem = model::load_checked_weights(*impl->network, archive); !problem.empty())
      return model_file_error(label, problem);
  } catch (const std::invalid_argument& e) {
    return model_file_error(label, std::string("header: ") + e.what());
  } catch (const c10::Error& e) {
    return model_file_error(label, "weights do not fit the network its header describes: " +
                                       std::string(e.what_without_backtrace()).substr(0, 200));
  } catch (const nlohmann::json::exception& e) {
    return model_file_error(label, std::string("header: ") + e.what());
  }
  impl->network->eval();
  auto placement = place_network(*impl->network, options, "recognizer");
  if (!placement) return placement.error();
  impl->placement = placement.value();
  return Recognizer(std::move(impl));
}

namespace {

// Reads each crop once: the network's inputs batched by width, decoded.
std::vector<Reading> read_inputs(const std::vector<cv::Mat>& crops, RecognizerNetwork& network,
                                 const RecognizerOptions& o, const NetworkPlacement& placement, std::mutex& running) {
  std::vector<cv::Mat> inputs;
  inputs.reserve(crops.size());
  for (const cv::Mat& crop : crops) inputs.push_back(network_input(crop));
  // Similar widths share a batch, so little of each pass is padding.
  // A crop without contrast (network_input gives no ink) holds no text: it is not run at all.
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < crops.size(); ++i)
    if (cv::countNonZero(inputs[i]) > 0) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return inputs[a].cols < inputs[b].cols; });
  std::vector<Reading> readings(crops.size(), Reading{"", 1.0, ReadingSource::recognizer, {}, {}});
  const int characters = network->characters();
  const std::lock_guard<std::mutex> lock(running);
  torch::NoGradGuard no_grad;
  for (std::size_t first = 0; first < order.size(); first += static_cast<std::size_t>(o.batch)) {
    const std::size_t last = std::min(order.size(), first + static_cast<std::size_t>(o.batch));
    std::vector<cv::Mat> batch;
    for (std::size_t k = first; k < last; ++k) batch.push_back(inputs[order[k]]);
    std::vector<int> columns;
    auto tensor = batch_inputs(batch, columns).to(placement.device, placement.dtype);
    const auto log_probabilities =
        joint_log_probabilities(network->forward(tensor).to(torch::kCPU, torch::kFloat32), characters).contiguous();
    for (std::size_t k = first; k < last; ++k) {
      const auto row = log_probabilities[static_cast<std::int64_t>(k - first)];
      ColumnDistributions d{row.data_ptr<float>(), columns[k - first], static_cast<int>(row.size(1))};
      const auto tokens = o.decoding == Decoding::beam ? beam_tokens(d, o.beam_width) : greedy_tokens(d);
      Reading reading = reading_of(d, tokens, o.alternatives_below);
      const double scale = static_cast<double>(crops[order[k]].cols) / inputs[order[k]].cols;
      for (auto& c : reading.characters) c.x = (c.column + 0.5) * kWidthStride * scale;
      readings[order[k]] = std::move(reading);
    }
  }
  return readings;
}

}  // namespace

Result<std::vector<Reading>> Recognizer::read(const std::vector<cv::Mat>& crops) const {
  for (std::size_t i = 0; i < crops.size(); ++i) {
    if (crops[i].empty()) return make_error(Status::invalid_argument, "read: crop " + std::to_string(i) + " is empty");
    if (crops[i].type() != CV_8UC1)
      return make_error(Status::invalid_argument, "read: crop " + std::to_string(i) + " must be 8-bit gray (CV_8UC1)");
  }
  // Every crop is read as it is; one whose lettering fills clearly less than its height is read a
  // second time cut to the lettering's rows (lettering_rows.h), and the surer reading is kept.
  std::vector<cv::Mat> looks;
  std::vector<std::size_t> crop_of;
  for (std::size_t i = 0; i < crops.size(); ++i) {
    looks.push_back(crops[i]);
    crop_of.push_back(i);
    const cv::Rect rows = lettering_rows(crops[i]);
    if (rows.height < crops[i].rows) {
      looks.push_back(crops[i](rows));
      crop_of.push_back(i);
    }
  }
  std::vector<Reading> read_looks =
      read_inputs(looks, impl_->network, impl_->options, impl_->placement, impl_->running);
  std::vector<Reading> readings(crops.size());
  for (std::size_t k = 0; k < looks.size(); ++k) {
    const bool first_look = k == 0 || crop_of[k - 1] != crop_of[k];
    Reading& kept = readings[crop_of[k]];
    if (first_look || (!read_looks[k].text.empty() && read_looks[k].confidence > kept.confidence))
      kept = std::move(read_looks[k]);
  }
  return readings;
}

Result<Reading> Recognizer::read(const cv::Mat& crop) const {
  auto readings = read(std::vector<cv::Mat>{crop});
  if (!readings) return readings.error();
  return std::move(readings.value().front());
}

}  // namespace drawlens::ocr
