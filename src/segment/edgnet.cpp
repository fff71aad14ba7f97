// EdgNet: a model file checked and turned into a network, and pages vectorized and classified.
#include <mutex>
#include <stdexcept>

#include "model/torch_weights.h"
#include "segment/edgnet_model.h"
#include "segment/sage_network.h"
#include "segment/segment.h"

namespace drawlens::segment {
namespace {

Error model_error(const std::string& label, const std::string& what) {
  return make_error(Status::model, "'" + label + "' " + what);
}

std::string options_problem(const EdgNetOptions& o) {
  if (o.threads < 0 || o.threads > 1024) return "threads must be 0..1024";
  if (o.cuda_device < -1 || o.cuda_device > 255) return "cuda_device must be -1 (CPU) or a CUDA ordinal";
  return {};
}

}  // namespace

model::ModelExpectation model_expectation() {
  model::ModelExpectation e;
  e.name = kModelName;
  e.architecture = kArchitecture;
  e.min_version = kModelVersion;
  e.max_version = kModelVersion;
  e.input_shape = {-1, kFeatureCount};
  e.payload_format = model::PayloadFormat::torch;
  return e;
}

nlohmann::json class_names_json() {
  nlohmann::json names = nlohmann::json::array();
  for (int c = 0; c < kClassCount; ++c) names.push_back(class_name(static_cast<LineClass>(c)));
  return names;
}

struct EdgNet::Impl {
  EdgNetNetwork network{nullptr};
  EdgNetOptions options;
  torch::Device device = torch::kCPU;
  std::mutex running;  // one graph through the network at a time
};

EdgNet::EdgNet(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
EdgNet::EdgNet(EdgNet&&) noexcept = default;
EdgNet& EdgNet::operator=(EdgNet&&) noexcept = default;
EdgNet::~EdgNet() = default;

Result<EdgNet> EdgNet::load(const std::string& models_directory, const EdgNetOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "edgnet options: " + problem);
  auto file = model::load_model(models_directory, model_expectation());
  if (!file) return file.error();
  return from_model_file(file.value(), models_directory + "/" + kModelName + ".dlmodel", options);
}

Result<EdgNet> EdgNet::from_bytes(const std::uint8_t* data, std::size_t size, const std::string& label,
                                  const EdgNetOptions& options) {
  if (const auto problem = options_problem(options); !problem.empty())
    return make_error(Status::invalid_argument, "edgnet options: " + problem);
  auto file = model::read_model_file(data, size, model_expectation(), label);
  if (!file) return file.error();
  return from_model_file(file.value(), label, options);
}

Result<EdgNet> EdgNet::from_model_file(const model::ModelFile& file, const std::string& label,
                                       const EdgNetOptions& options) {
  const auto& hyper = file.header.hyperparameters;
  auto impl = std::make_unique<Impl>();
  impl->options = options;
  try {
    if (!hyper.contains(kClassesKey) || hyper.at(kClassesKey) != class_names_json())
      return model_error(label, "classifies other classes than this drawlens (hyperparameters.classes must be " +
                                    class_names_json().dump() + ")");
    if (hyper.value(kFeaturesKey, 0) != kFeatureCount)
      return model_error(label,
                         "was trained on other node features than this drawlens computes (hyperparameters."
                         "features must be " +
                             std::to_string(kFeatureCount) + ")");
    const auto shape = NetworkShape::from_json(hyper.value(kNetworkKey, nlohmann::json::object()));
    impl->network = EdgNetNetwork(shape, kFeatureCount, kClassCount);
    auto archive = model::torch_archive(file.payload);
    // A file with more layers than its header says would load the first ones silently.
    torch::serialize::InputArchive convs, extra;
    if (archive.try_read("convs", convs) && convs.try_read(std::to_string(shape.layers), extra))
      return model_error(label, "weights do not fit the network its header describes (more layers than " +
                                    std::to_string(shape.layers) + ")");
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
      return make_error(Status::gpu, "edgnet: CUDA device " + std::to_string(options.cuda_device) +
                                         " is not available to LibTorch (" +
                                         std::to_string(torch::cuda::device_count()) + " devices)");
    impl->device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(options.cuda_device));
    impl->network->to(impl->device);
  }
  if (options.threads > 0) torch::set_num_threads(options.threads);
  return EdgNet(std::move(impl));
}

Result<std::vector<float>> EdgNet::classify(const Graph& graph) const {
  if (graph.nodes < 0 || graph.features.size() != static_cast<std::size_t>(graph.nodes) * kFeatureCount ||
      graph.source.size() != graph.target.size())
    return make_error(Status::invalid_argument, "edgnet: the graph's features or edges do not match its node count");
  for (std::size_t e = 0; e < graph.source.size(); ++e)
    if (graph.source[e] < 0 || graph.source[e] >= graph.nodes || graph.target[e] < 0 || graph.target[e] >= graph.nodes)
      return make_error(Status::invalid_argument,
                        "edgnet: edge " + std::to_string(e) + " names a node outside the graph");
  if (graph.nodes == 0) return std::vector<float>{};
  const std::lock_guard<std::mutex> lock(impl_->running);
  torch::NoGradGuard no_grad;
  const auto edges = torch::TensorOptions().dtype(torch::kInt64);
  const auto count = static_cast<std::int64_t>(graph.source.size());
  torch::Tensor x =
      torch::from_blob(const_cast<float*>(graph.features.data()), {graph.nodes, kFeatureCount}).to(impl_->device);
  torch::Tensor source =
      torch::from_blob(const_cast<std::int64_t*>(graph.source.data()), {count}, edges).to(impl_->device);
  torch::Tensor target =
      torch::from_blob(const_cast<std::int64_t*>(graph.target.data()), {count}, edges).to(impl_->device);
  torch::Tensor probabilities =
      torch::softmax(impl_->network->forward(x, source, target), 1).to(torch::kCPU).contiguous();
  const float* p = probabilities.data_ptr<float>();
  return std::vector<float>(p, p + probabilities.numel());
}

Result<std::vector<Segment>> EdgNet::segment(const cv::Mat& ink, double dpi) const {
  auto vectorized = vectorize(ink, dpi, impl_->options.vectorizer);
  if (!vectorized) return vectorized.error();
  const Graph graph = build_graph(vectorized.value());
  auto probabilities = classify(graph);
  if (!probabilities) return probabilities.error();
  std::vector<Segment> out;
  out.reserve(vectorized.value().primitives.size());
  for (std::size_t i = 0; i < vectorized.value().primitives.size(); ++i) {
    const float* row = probabilities.value().data() + i * kClassCount;
    const int best = static_cast<int>(std::max_element(row, row + kClassCount) - row);
    out.push_back({std::move(vectorized.value().primitives[i]), static_cast<LineClass>(best), row[best], {}});
  }
  return join_dashes(std::move(out), dpi);
}

}  // namespace drawlens::segment
