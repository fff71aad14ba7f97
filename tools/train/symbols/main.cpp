// drawlens-train-symbols: trains the symbol classifier (models/symbols.dlmodel, docs/read.md) on
// symbol crops drawn as the generator draws them and as typefaces set them, held-out accuracy
// per class on another seed's crops, and the .dlmodel export. A run takes minutes on two cores, so
// it does not checkpoint: it is rerun whole.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <opencv2/imgcodecs.hpp>

#include "geometry.h"
#include "model/model.h"
#include "ocr/symbol_model.h"
#include "ocr/symbol_network.h"
#include "symbol_samples.h"

namespace {

using namespace drawlens;

struct Options {
  std::uint64_t seed = 23;
  int steps = 3000;
  int batch = 128;
  double learning_rate = 3e-3;
  int threads = 2;
  int eval_per_class = 200;
  std::string export_path;
  std::string samples;
  std::string command;
};

struct Batch {
  torch::Tensor inputs;
  torch::Tensor labels;
};

Batch make_batch(synth::RandomSource& random, int size, int fixed_label = -1) {
  std::vector<cv::Mat> inputs;
  std::vector<std::int64_t> labels;
  for (int i = 0; i < size; ++i) {
    const auto sample = train::draw_symbol_sample(random, fixed_label >= 0 ? fixed_label : train::pick_label(random));
    inputs.push_back(ocr::symbol_input(sample.crop));
    labels.push_back(sample.label);
  }
  return {ocr::symbol_batch(inputs), torch::tensor(labels, torch::kInt64)};
}

// Held-out accuracy per class, and within each group as the classifier answers (characteristics
// among characteristics; size symbols and "none" among those).
nlohmann::json evaluate(ocr::SymbolNetwork& network, std::uint64_t seed, int per_class) {
  network->eval();
  torch::NoGradGuard no_grad;
  const auto& classes = ocr::symbol_classes();
  synth::RandomSource random(seed, 0x5e1d0u);
  nlohmann::json per = nlohmann::json::object();
  int correct = 0, total = 0, group_correct = 0;
  for (std::size_t c = 0; c < classes.size(); ++c) {
    const Batch batch = make_batch(random, per_class, static_cast<int>(c));
    const auto logits = network->forward(batch.inputs);
    const int first = c < ocr::kCharacteristicClasses ? 0 : ocr::kCharacteristicClasses;
    const int last = c < ocr::kCharacteristicClasses ? ocr::kCharacteristicClasses : static_cast<int>(classes.size());
    const int right = logits.argmax(1).eq(static_cast<std::int64_t>(c)).sum().item<int>();
    const int group_right =
        (logits.slice(1, first, last).argmax(1) + first).eq(static_cast<std::int64_t>(c)).sum().item<int>();
    per[classes[c].empty() ? "none" : classes[c]] = static_cast<double>(group_right) / per_class;
    correct += right;
    group_correct += group_right;
    total += per_class;
  }
  network->train();
  return {{"accuracy", static_cast<double>(correct) / total},
          {"accuracy_in_group", static_cast<double>(group_correct) / total},
          {"per_class_in_group", per}};
}

void export_model(ocr::SymbolNetwork& network, const Options& o, std::uint64_t crops_seen) {
  std::ostringstream stream;
  torch::save(network, stream);
  const std::string bytes = stream.str();
  model::ModelHeader header;
  header.name = ocr::kSymbolModelName;
  header.version = ocr::kSymbolModelVersion;
  header.architecture = ocr::kSymbolArchitecture;
  header.input_shape = {-1, 1, ocr::kSymbolInputSize, ocr::kSymbolInputSize};
  header.payload_format = model::PayloadFormat::torch;
  header.hyperparameters = {{ocr::kSymbolClassesKey, ocr::symbol_classes_json()},
                            {"batch", o.batch},
                            {"learning_rate", o.learning_rate},
                            {"steps", o.steps}};
  header.training.command = o.command;
  header.training.seed = o.seed;
  header.training.data_size = crops_seen;
  auto file = model::write_model_file(header, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  if (!file) throw std::runtime_error(file.error().message);
  std::ofstream out(o.export_path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(file.value().data()), static_cast<std::streamsize>(file.value().size()));
  if (!out) throw std::runtime_error("cannot write " + o.export_path);
  std::cout << "exported " << o.export_path << " (" << file.value().size() << " bytes)\n";
}

void write_samples(const Options& o) {
  std::filesystem::create_directories(o.samples);
  synth::RandomSource random(o.seed, 1);
  std::ofstream labels(std::filesystem::path(o.samples) / "labels.tsv");
  for (int i = 0; i < 96; ++i) {
    const auto sample = train::draw_symbol_sample(random, train::pick_label(random));
    const std::string name = "sample" + std::to_string(i) + ".png";
    cv::imwrite((std::filesystem::path(o.samples) / name).string(), sample.crop);
    const auto& text = ocr::symbol_classes()[static_cast<std::size_t>(sample.label)];
    labels << name << '\t' << (text.empty() ? "none" : text) << '\n';
  }
}

int train_classifier(const Options& o) {
  torch::manual_seed(o.seed);
  torch::set_num_threads(o.threads);
  ocr::SymbolNetwork network(static_cast<int>(ocr::symbol_classes().size()));
  torch::optim::AdamW optimizer(network->parameters(), torch::optim::AdamWOptions(o.learning_rate).weight_decay(1e-4));
  synth::RandomSource random(o.seed, 0);
  const auto start = std::chrono::steady_clock::now();
  double running_loss = 0;
  for (int step = 1; step <= o.steps; ++step) {
    // Warm-up over 100 steps, then cosine to 2 %.
    const double progress = static_cast<double>(step) / o.steps;
    const double lr =
        o.learning_rate * std::min(1.0, step / 100.0) * (0.02 + 0.98 * 0.5 * (1 + std::cos(synth::kPi * progress)));
    for (auto& group : optimizer.param_groups()) static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
    const Batch batch = make_batch(random, o.batch);
    const auto loss =
        torch::nn::functional::cross_entropy(network->forward(batch.inputs), batch.labels,
                                             torch::nn::functional::CrossEntropyFuncOptions().label_smoothing(0.05));
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
    running_loss = step == 1 ? loss.item<double>() : 0.98 * running_loss + 0.02 * loss.item<double>();
    if (step % 250 == 0 || step == o.steps) {
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::cout << "step " << step << " loss " << running_loss << " lr " << lr << " " << seconds << " s\n"
                << std::flush;
    }
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto figures = evaluate(network, o.seed + 0x0c0ffee5eedull, o.eval_per_class);
  std::cout << "held-out " << figures.dump() << "\ntraining wall time " << seconds << " s\n";
  if (!o.export_path.empty()) export_model(network, o, static_cast<std::uint64_t>(o.steps) * o.batch);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options options;
  CLI::App app{"Trains the drawlens symbol classifier"};
  app.add_option("--seed", options.seed, "sample and initialisation seed");
  app.add_option("--steps", options.steps, "optimiser steps")->check(CLI::Range(1, 10000000));
  app.add_option("--batch", options.batch, "crops per step")->check(CLI::Range(1, 4096));
  app.add_option("--lr", options.learning_rate, "peak learning rate (AdamW)")->check(CLI::Range(1e-6, 1.0));
  app.add_option("--threads", options.threads, "LibTorch intra-op threads")->check(CLI::Range(1, 256));
  app.add_option("--eval-per-class", options.eval_per_class, "held-out crops per class")->check(CLI::Range(1, 100000));
  app.add_option("--export", options.export_path, "write the trained weights as a .dlmodel file here");
  app.add_option("--samples", options.samples, "write 96 training crops (PNG and labels.tsv) here and exit");
  CLI11_PARSE(app, argc, argv);
  for (int i = 0; i < argc; ++i) options.command += (i ? " " : "") + std::string(argv[i]);
  try {
    if (!options.samples.empty()) {
      write_samples(options);
      return 0;
    }
    return train_classifier(options);
  } catch (const std::exception& e) {
    std::cerr << "drawlens-train-symbols: " << e.what() << "\n";
    return 1;
  }
}
