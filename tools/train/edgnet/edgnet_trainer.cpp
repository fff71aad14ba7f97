// EdgNet's training loop (edgnet_trainer.h).
#include "edgnet_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "edgnet_evaluation.h"
#include "graph_samples.h"
#include "model/model.h"
#include "segment/edgnet_model.h"
#include "segment/sage_network.h"

namespace drawlens::train {
namespace {

namespace fs = std::filesystem;
constexpr std::uint64_t kHeldOutSeries = 1000003;

struct Tensors {
  torch::Tensor x, source, target, labels;
};

Tensors to_tensors(const GraphSample& s, const torch::Device& device) {
  auto& g = s.graph;
  const auto i64 = torch::TensorOptions().dtype(torch::kInt64);
  Tensors t;
  t.x = torch::from_blob(const_cast<float*>(g.features.data()), {g.nodes, segment::kFeatureCount}).clone().to(device);
  t.source =
      torch::from_blob(const_cast<std::int64_t*>(g.source.data()), {static_cast<std::int64_t>(g.source.size())}, i64)
          .clone()
          .to(device);
  t.target =
      torch::from_blob(const_cast<std::int64_t*>(g.target.data()), {static_cast<std::int64_t>(g.target.size())}, i64)
          .clone()
          .to(device);
  t.labels =
      torch::from_blob(const_cast<std::int64_t*>(s.labels.data()), {static_cast<std::int64_t>(s.labels.size())}, i64)
          .clone()
          .to(device);
  return t;
}

// Mean and standard deviation of every feature over the training graphs.
std::pair<torch::Tensor, torch::Tensor> feature_statistics(const std::vector<GraphSample>& samples) {
  std::vector<torch::Tensor> rows;
  for (const auto& s : samples)
    rows.push_back(
        torch::from_blob(const_cast<float*>(s.graph.features.data()), {s.graph.nodes, segment::kFeatureCount}));
  const torch::Tensor all = torch::cat(rows, 0);
  return {all.mean(0), all.std(0)};
}

// Inverse square root of each class's share: rare classes (gdt, border) count, without the noise of
// full inverse-frequency weights.
torch::Tensor class_weights(const std::vector<GraphSample>& samples) {
  std::vector<double> count(segment::kClassCount, 1.0);
  double total = 0;
  for (const auto& s : samples)
    for (auto l : s.labels)
      if (l >= 0) count[l] += 1, total += 1;
  torch::Tensor w = torch::empty({segment::kClassCount});
  for (int c = 0; c < segment::kClassCount; ++c) w[c] = std::sqrt(total / segment::kClassCount / count[c]);
  return w / w.mean();
}

// Held-out figures by count and by length (feature 3 is log(1 + length in mm)).
std::pair<SegmentScores, SegmentScores> evaluate(segment::EdgNetNetwork& network,
                                                 const std::vector<Tensors>& held_out) {
  torch::NoGradGuard no_grad;
  network->eval();
  SegmentScores scores, by_length;
  for (const auto& t : held_out) {
    const torch::Tensor predicted = network->forward(t.x, t.source, t.target).argmax(1).to(torch::kCPU);
    const torch::Tensor truth = t.labels.to(torch::kCPU);
    const torch::Tensor length_mm = torch::expm1(t.x.select(1, 3)).to(torch::kCPU).contiguous();
    const auto* p = predicted.data_ptr<std::int64_t>();
    const auto* l = truth.data_ptr<std::int64_t>();
    const auto* mm = length_mm.data_ptr<float>();
    for (std::int64_t i = 0; i < truth.size(0); ++i) {
      scores.add(static_cast<int>(l[i]), static_cast<int>(p[i]));
      by_length.add(static_cast<int>(l[i]), static_cast<int>(p[i]), mm[i]);
    }
  }
  network->train();
  return {scores, by_length};
}

void write_text(const fs::path& path, const std::string& text) {
  const fs::path temporary = path.string() + ".partial";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  fs::rename(temporary, path);
}

void export_model(segment::EdgNetNetwork& network, const TrainerOptions& o, const nlohmann::json& state,
                  const torch::Device& device) {
  network->to(torch::kCPU);
  std::ostringstream stream;
  torch::save(network, stream);
  network->to(device);
  const std::string bytes = stream.str();
  model::ModelHeader header;
  header.name = segment::kModelName;
  header.version = segment::kModelVersion;
  header.architecture = segment::kArchitecture;
  header.input_shape = {-1, segment::kFeatureCount};
  header.payload_format = model::PayloadFormat::torch;
  header.hyperparameters = {{segment::kNetworkKey, network->shape().to_json()},
                            {segment::kClassesKey, segment::class_names_json()},
                            {segment::kFeaturesKey, segment::kFeatureCount},
                            {"learning_rate", o.learning_rate},
                            {"epochs", state.at("best_epoch")},
                            {"drawings", o.drawings},
                            {"held_out_drawings", o.eval_drawings},
                            {"held_out", state.at("best_scores")}};
  header.training.command = state.at("commands").dump();
  header.training.seed = o.seed;
  header.training.data_size = static_cast<std::uint64_t>(o.drawings);
  auto file = model::write_model_file(header, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  if (!file) throw std::runtime_error(file.error().message);
  write_text(o.export_path, std::string(file.value().begin(), file.value().end()));
  std::cout << "exported " << o.export_path << " (" << file.value().size() << " bytes)\n";
}

}  // namespace

int train_edgnet(const TrainerOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  auto minutes = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() / 60; };
  torch::set_num_threads(o.threads);
  torch::manual_seed(o.seed);
  const torch::Device device = o.device == "cuda" ? torch::Device(torch::kCUDA) : torch::Device(torch::kCPU);
  if (o.device == "cuda" && !torch::cuda::is_available()) throw std::runtime_error("--device cuda: no CUDA device");
  const fs::path dir = o.directory;
  fs::create_directories(dir);

  std::cout << "making graphs (cached in " << (dir / "graphs").string() << ")\n";
  const auto train = graph_samples(o.seed, 0, o.drawings, (dir / "graphs").string(), o.threads);
  const auto held = graph_samples(o.seed + kHeldOutSeries, 0, o.eval_drawings, (dir / "graphs").string(), o.threads);
  long long nodes = 0, edges = 0;
  for (const auto& s : train) nodes += s.graph.nodes, edges += static_cast<long long>(s.graph.source.size());
  std::cout << "training graphs: " << train.size() << " drawings, " << nodes << " primitives, " << edges << " edges; "
            << minutes() << " min\n";

  segment::NetworkShape shape;
  shape.hidden = o.hidden;
  shape.layers = o.layers;
  segment::EdgNetNetwork network(shape, segment::kFeatureCount, segment::kClassCount);
  const auto [mean, std] = feature_statistics(train);
  network->set_feature_statistics(mean, std);
  network->to(device);
  const torch::Tensor weights = class_weights(train).to(device);
  std::vector<Tensors> train_tensors, held_tensors;
  for (const auto& s : train) train_tensors.push_back(to_tensors(s, device));
  for (const auto& s : held) held_tensors.push_back(to_tensors(s, device));

  torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(o.learning_rate).weight_decay(1e-4));
  nlohmann::json state = {{"epoch", 0},
                          {"best_epoch", 0},
                          {"best_macro_f1", -1.0},
                          {"bad_epochs", 0},
                          {"commands", nlohmann::json::array()},
                          {"best_scores", nullptr}};
  const fs::path state_path = dir / "state.json";
  if (fs::exists(state_path)) {
    std::ifstream in(state_path);
    state = nlohmann::json::parse(in);
    torch::load(network, (dir / "network.pt").string());
    torch::load(optimizer, (dir / "optimizer.pt").string());
    network->to(device);
    std::cout << "resumed after epoch " << state.at("epoch") << "\n";
  }
  state["commands"].push_back(o.command);

  const auto steps_per_epoch = static_cast<std::int64_t>(train_tensors.size());
  const std::int64_t total_steps = steps_per_epoch * o.epochs;
  std::mt19937_64 shuffle(o.seed + static_cast<std::uint64_t>(state.at("epoch").get<int>()));
  network->train();
  for (int epoch = state.at("epoch").get<int>() + 1; epoch <= o.epochs; ++epoch) {
    std::vector<std::size_t> order(train_tensors.size());
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), shuffle);
    double loss_sum = 0;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const std::int64_t step = (epoch - 1) * steps_per_epoch + static_cast<std::int64_t>(k);
      const double lr =
          o.learning_rate * 0.5 * (1 + std::cos(3.14159265358979 * static_cast<double>(step) / total_steps));
      for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
      const Tensors& t = train_tensors[order[k]];
      const torch::Tensor logits = network->forward(t.x, t.source, t.target);
      const torch::Tensor loss = torch::nn::functional::cross_entropy(
          logits, t.labels, torch::nn::functional::CrossEntropyFuncOptions().weight(weights).ignore_index(-1));
      optimizer.zero_grad();
      loss.backward();
      torch::nn::utils::clip_grad_norm_(network->parameters(), 5.0);
      optimizer.step();
      loss_sum += loss.item<double>();
    }
    const auto [scores, by_length] = evaluate(network, held_tensors);
    std::cout << "epoch " << epoch << " loss " << loss_sum / static_cast<double>(order.size()) << " | held-out "
              << scores.summary() << " | by length: 3-class acc " << by_length.three_class_accuracy() << " | "
              << minutes() << " min" << std::endl;
    state["epoch"] = epoch;
    if (scores.macro_f1() > state.at("best_macro_f1").get<double>()) {
      state["best_macro_f1"] = scores.macro_f1();
      state["best_epoch"] = epoch;
      state["best_scores"] = {{"by_count", scores.to_json()}, {"by_length", by_length.to_json()}};
      state["bad_epochs"] = 0;
      if (!o.export_path.empty()) export_model(network, o, state, device);
      write_text(dir / "evaluation.json", state["best_scores"].dump(2));
    } else {
      state["bad_epochs"] = state.at("bad_epochs").get<int>() + 1;
    }
    torch::save(network, (dir / "network.pt").string());
    torch::save(optimizer, (dir / "optimizer.pt").string());
    write_text(state_path, state.dump(2));
    if (state.at("bad_epochs").get<int>() >= o.patience) {
      std::cout << "stopping early: no better held-out macro F1 for " << o.patience << " epochs\n";
      break;
    }
    if (o.max_minutes > 0 && minutes() > o.max_minutes) {
      std::cout << "stopping after " << minutes() << " min (--max-minutes); run again to resume\n";
      break;
    }
  }
  std::cout << "best epoch " << state.at("best_epoch") << " held-out macro F1 " << state.at("best_macro_f1") << "; "
            << minutes() << " min\n";
  return 0;
}

}  // namespace drawlens::train
