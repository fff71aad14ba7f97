// The Detector: a model file checked and turned into a network, and pages run through it.
#include <mutex>
#include <stdexcept>

#include "detect/detect.h"
#include "detect/detector_model.h"
#include "detect/detector_network.h"
#include "model/torch_weights.h"

namespace drawlens::detect {

namespace {

constexpr double kMinNetworkDpi = 25, kMaxNetworkDpi = 600;

Error model_error(const std::string& label, const std::string& what) {
  return make_error(Status::model, "'" + label + "' " + what);
}

std::string options_problem(const DetectorOptions& o) {
  if (o.threads < 0 || o.threads > 1024) return "threads must be 0..1024";
  if (!(o.score_threshold > 0 && o.score_threshold < 1)) return "score_threshold must be in (0, 1)";
  if (!(o.min_score >= 0 && o.min_score < 1)) return "min_score must be in [0, 1)";
  if (o.max_tile < 256 || o.max_tile > 16384) return "max_tile must be 256..16384";
  if (o.batch < 1 || o.batch > 256) return "batch must be 1..256";
  if (o.cuda_device < -1 || o.cuda_device > 255) return "cuda_device must be -1 (CPU) or a CUDA ordinal";
  return {};
}

}  // namespace

const char* category_name(Category category) {
  switch (category) {
    case Category::dimension: return "dimension";
    case Category::gdt_frame: return "gdt_frame";
    case Category::datum_feature: return "datum_feature";
    case Category::surface_finish: return "surface_finish";
    case Category::note: return "note";
  }
  return "unknown";
}

std::optional<Category> category_from_name(std::string_view name) {
  for (Category c : kCategories)
    if (name == category_name(c)) return c;
  return std::nullopt;
}

model::ModelExpectation model_expectation() {
  model::ModelExpectation e;
  e.name = kModelName;
  e.architecture = kArchitecture;
  e.min_version = kModelVersion;
  e.max_version = kModelVersion;
  e.input_shape = {1, 1, -1, -1};
  e.payload_format = model::PayloadFormat::torch;
  return e;
}

nlohmann::json category_names_json() {
  nlohmann::json names = nlohmann::json::array();
  for (Category c : kCategories) names.push_back(category_name(c));
  return names;
}

struct Detector::Impl {
  DetectorNetwork network{nullptr};
  double network_dpi = 100;
  DetectorOptions options;
  torch::Device device = torch::kCPU;
  torch::ScalarType dtype = torch::kFloat32;
  std::mutex running;  // one page through the network at a time
};

Detector::Detector(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Detector::Detector(Detector&&) noexcept = default;
Detector& Detector::operator=(Detector&&) noexcept = default;
Detector::~Detector() = default;

Result<Detector> Detector::load(const std::string& models_directory, const DetectorOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "detector options: " + problem);
  auto file = model::load_model(models_directory, model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), models_directory + "/" + kModelName + ".dlmodel", options);
}

Result<Detector> Detector::from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                      const DetectorOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "detector options: " + problem);
  auto file = model::read_model_file(data, size, model_expectation(), label);
  if (!file) return file.error();
  return from_model_file(file.value(), label, options);
}

Result<Detector> Detector::from_model_file(const model::ModelFile& file, const std::string& label,
                                           const DetectorOptions& options) {
  const auto& hyper = file.header.hyperparameters;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  try {
    if (!hyper.contains(kCategoriesKey) || hyper.at(kCategoriesKey) != category_names_json())
      return model_error(label, "detects other categories than this drawlens (hyperparameters.categories must be " +
                                    category_names_json().dump() + ")");
    if (!hyper.contains(kNetworkDpiKey) || !hyper.at(kNetworkDpiKey).is_number())
      return model_error(label, "header lacks hyperparameters.network_dpi");
    impl->network_dpi = hyper.at(kNetworkDpiKey).get<double>();
    if (!(impl->network_dpi >= kMinNetworkDpi && impl->network_dpi <= kMaxNetworkDpi))
      return model_error(label, "has network_dpi " + hyper.at(kNetworkDpiKey).dump() + ", outside 25..600");
    const auto widths = NetworkWidths::from_json(hyper.value(kWidthsKey, nlohmann::json::object()));
    impl->network = DetectorNetwork(widths);
    auto archive = model::torch_archive(file.payload);
    if (const auto problem = model::load_checked_weights(*impl->network, archive); !problem.empty())
      return model_error(label, problem);
  } catch (const std::invalid_argument& e) {
    return model_error(label, std::string("header: ") + e.what());
  } catch (const c10::Error& e) {
    return model_error(label, "weights do not fit the network its header describes: " +
                                  std::string(e.what_without_backtrace()).substr(0, 200));
  } catch (const nlohmann::json::exception& e) {
    return model_error(label, std::string("header: ") + e.what());
  }
  impl->network->eval();
  if (options.cuda_device >= 0) {
    if (!torch::cuda::is_available() || options.cuda_device >= static_cast<int>(torch::cuda::device_count()))
      return make_error(Status::gpu, "detector: CUDA device " + std::to_string(options.cuda_device) +
                                         " is not available to LibTorch (" +
                                         std::to_string(torch::cuda::device_count()) + " devices)");
    impl->device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.cuda_device));
    impl->dtype = torch::kFloat16;
    impl->network->to(impl->device, impl->dtype);
  }
  if (options.threads > 0) torch::set_num_threads(options.threads);
  return Detector(std::move(impl));
}

Result<std::vector<Detection>> Detector::detect(const cv::Mat& gray, double dpi) const {
  if (gray.empty()) return make_error(Status::invalid_argument, "detect: the image is empty");
  if (gray.type() != CV_8UC1)
    return make_error(Status::invalid_argument, "detect: the image must be 8-bit gray (CV_8UC1)");
  if (!(dpi >= 10 && dpi <= 4800)) return make_error(Status::invalid_argument, "detect: dpi must be 10..4800");
  const std::lock_guard<std::mutex> lock(impl_->running);
  return detect_page(impl_->network, gray, dpi, impl_->network_dpi, impl_->options, impl_->device, impl_->dtype);
}

double Detector::network_dpi() const {
  return impl_->network_dpi;
}

}  // namespace drawlens::detect
