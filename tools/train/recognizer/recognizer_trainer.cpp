// The recognizer's training loop (recognizer_trainer.h).
#include "recognizer_trainer.h"

#include <atomic>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

#include <mutex>
#include <opencv2/imgcodecs.hpp>
#include <sstream>
#include <thread>

#include "model/torch_weights.h"
#include "ocr/alphabet.h"
#include "ocr/recognizer_model.h"
#include "ocr/recognizer_network.h"
#include "recognizer_evaluation.h"

namespace drawlens::train {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kWarmupSteps = 200;
constexpr double kEmaDecay = 0.999;
constexpr double kWeightDecay = 1e-4;
constexpr int kMinPool = 300;  // crops before training starts
constexpr int kSortGroup = 4;  // batches drawn together and split by width

// Generated-drawing crops, filled by a thread that generates drawings in order from `first`.
class CropPool {
 public:
  CropPool(std::uint64_t seed, int first, std::size_t capacity)
      : capacity_(capacity), worker_([=, this] { fill(seed, first); }) {}
  ~CropPool() {
    stop_ = true;
    worker_.join();
  }
  int drawings() const { return drawings_; }
  std::size_t size() {
    std::lock_guard lock(mutex_);
    return crops_.size();
  }
  LabelledCrop sample(std::mt19937_64& random) {
    std::lock_guard lock(mutex_);
    if (failure_) std::rethrow_exception(failure_);
    return crops_[std::uniform_int_distribution<std::size_t>(0, crops_.size() - 1)(random)];
  }

 private:
  void fill(std::uint64_t seed, int index) {
    std::mt19937_64 random(seed ^ 0x9001);
    try {
      // Filled once: a full pool gives enough variety with degradation, and the core goes to training.
      for (; !stop_ && size() < capacity_; ++index) {
        auto crops = drawing_crops(seed, index);
        std::lock_guard lock(mutex_);
        for (auto& crop : crops) {
          if (crops_.size() < capacity_) {
            crops_.push_back(std::move(crop));
          } else {
            crops_[std::uniform_int_distribution<std::size_t>(0, capacity_ - 1)(random)] = std::move(crop);
          }
        }
        drawings_ = index + 1;
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
    }
  }

  std::size_t capacity_;
  std::mutex mutex_;
  std::vector<LabelledCrop> crops_;
  std::atomic<bool> stop_ = false;
  std::atomic<int> drawings_ = 0;
  std::exception_ptr failure_;
  std::thread worker_;
};

struct Batch {
  torch::Tensor inputs, targets;
  std::vector<std::int64_t> input_lengths, target_lengths;
};

Batch make_batch(const std::vector<LabelledCrop>& crops) {
  std::vector<cv::Mat> inputs;
  for (const auto& crop : crops) inputs.push_back(ocr::network_input(crop.gray));
  std::vector<int> columns;
  Batch batch;
  batch.inputs = ocr::batch_inputs(inputs, columns);
  std::vector<std::int64_t> targets;
  for (std::size_t i = 0; i < crops.size(); ++i) {
    const auto tokens = ocr::tokens_of(crops[i].text).value_or(std::vector<ocr::Token>{});
    for (const auto& t : tokens) targets.push_back(1 + t.character * ocr::kTrackCount + static_cast<int>(t.track));
    batch.target_lengths.push_back(static_cast<std::int64_t>(tokens.size()));
    batch.input_lengths.push_back(static_cast<std::int64_t>(batch.inputs.size(3) / ocr::kWidthStride));
  }
  batch.targets = torch::tensor(targets, torch::kLong);
  return batch;
}

double learning_rate(const TrainerOptions& o, std::int64_t step) {
  if (step < kWarmupSteps) return o.learning_rate * static_cast<double>(step + 1) / kWarmupSteps;
  const double progress = std::min(1.0, static_cast<double>(step - kWarmupSteps) /
                                            static_cast<double>(std::max<std::int64_t>(1, o.steps - kWarmupSteps)));
  return o.learning_rate * (0.02 + 0.98 * 0.5 * (1 + std::cos(M_PI * progress)));
}

void blend(ocr::RecognizerNetwork& to, ocr::RecognizerNetwork& from, double keep) {
  torch::NoGradGuard no_grad;
  auto t = to->parameters();
  auto f = from->parameters();
  for (std::size_t i = 0; i < t.size(); ++i) t[i].mul_(keep).add_(f[i], 1 - keep);
  auto tb = to->buffers();
  auto fb = from->buffers();
  for (std::size_t i = 0; i < tb.size(); ++i) tb[i].copy_(fb[i]);
}

void write_text(const fs::path& path, const std::string& text) {
  const fs::path temporary = path.string() + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  fs::rename(temporary, path);
}

void export_model(ocr::RecognizerNetwork& ema, const TrainerOptions& o, const nlohmann::json& state,
                  const torch::Device& device) {
  ema->to(torch::kCPU);
  std::ostringstream stream;
  torch::save(ema, stream);
  ema->to(device);
  const std::string bytes = stream.str();
  model::ModelHeader header;
  header.name = ocr::kModelName;
  header.version = ocr::kModelVersion;
  header.architecture = ocr::kArchitecture;
  header.input_shape = {-1, 1, ocr::kInputHeight, -1};
  header.payload_format = model::PayloadFormat::torch;
  header.hyperparameters = {{ocr::kWidthsKey, ema->widths().to_json()},
                            {ocr::kAlphabetKey, ocr::alphabet_json()},
                            {"batch", o.batch},
                            {"rendered_share", o.rendered_share},
                            {"learning_rate", o.learning_rate},
                            {"steps", state.at("step")},
                            {"schedule_steps", o.steps},
                            {"drawings", state.at("drawings")},
                            {"training_typefaces", training_typefaces()},
                            {"held_out_typefaces", held_out_typefaces()}};
  header.training.command = state.at("commands").dump();
  header.training.seed = o.seed;
  header.training.data_size = state.at("crops_seen").get<std::uint64_t>();
  auto file = model::write_model_file(header, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  if (!file) throw std::runtime_error(file.error().message);
  write_text(o.export_path, std::string(file.value().begin(), file.value().end()));
  std::cout << "exported " << o.export_path << " (" << file.value().size() << " bytes)\n";
}

// Loads the weights of a recognizer model file into `network` (built with the default widths).
void load_weights(ocr::RecognizerNetwork& network, const std::string& path) {
  auto file = model::load_model_file(path, ocr::model_expectation());
  if (!file) throw std::runtime_error(file.error().message);
  if (file.value().header.hyperparameters.value(ocr::kAlphabetKey, nlohmann::json()) != ocr::alphabet_json())
    throw std::runtime_error(path + ": reads another alphabet than this drawlens");
  auto archive = model::torch_archive(file.value().payload);
  if (const auto problem = model::load_checked_weights(*network, archive); !problem.empty())
    throw std::runtime_error(path + ": " + problem);
}

// One training crop: rendered in a training typeface, or from the pool; degraded as training does.
LabelledCrop training_crop(std::mt19937_64& random, bool rendered, CropPool* pool) {
  const auto& faces = training_typefaces();
  LabelledCrop crop = rendered ? rendered_crop(random, faces[random() % faces.size()]) : pool->sample(random);
  if (rendered || random() % 2 == 0) degrade(crop.gray, random);
  return crop;
}

}  // namespace

void write_training_samples(const TrainerOptions& o, const std::string& directory, int count) {
  fs::create_directories(directory);
  CropPool pool(o.seed, 0, static_cast<std::size_t>(kMinPool));
  while (pool.size() < kMinPool) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  std::mt19937_64 random(o.seed);
  std::string labels = "file\ttext\tkind\n";
  for (int i = 0; i < count; ++i) {
    const LabelledCrop crop = training_crop(random, i % 2 == 1, &pool);
    char name[16];
    std::snprintf(name, sizeof name, "%03d.png", i);
    cv::imwrite((fs::path(directory) / name).string(), crop.gray);
    std::string text = crop.text;
    for (std::size_t p = text.find('\n'); p != std::string::npos; p = text.find('\n', p)) text.replace(p, 1, "\\n");
    labels += std::string(name) + "\t" + text + "\t" + crop.kind + "\n";
  }
  write_text(fs::path(directory) / "labels.tsv", labels);
}

int train_recognizer(const TrainerOptions& o) {
  const fs::path directory(o.directory);
  fs::create_directories(directory);
  torch::set_num_threads(o.threads);
  torch::manual_seed(o.seed);
  const torch::Device device(o.device == "cuda" ? torch::kCUDA : torch::kCPU);
  if (device.is_cuda() && !torch::cuda::is_available()) throw std::runtime_error("--device cuda: no CUDA device");
  const int characters = static_cast<int>(ocr::alphabet().size());
  ocr::RecognizerNetwork model(ocr::NetworkWidths{}, characters), ema(ocr::NetworkWidths{}, characters);
  blend(ema, model, 0.0);
  model->to(device);
  ema->to(device);
  torch::optim::AdamW optimizer(model->parameters(),
                                torch::optim::AdamWOptions(o.learning_rate).weight_decay(kWeightDecay));

  nlohmann::json state = {
      {"step", 0}, {"crops_seen", 0}, {"drawings", 0}, {"seconds", 0.0}, {"commands", nlohmann::json::array()}};
  if (fs::exists(directory / "state.json")) {
    std::ifstream in(directory / "state.json");
    state = nlohmann::json::parse(in);
    torch::load(model, (directory / "model.pt").string(), device);
    torch::load(ema, (directory / "ema.pt").string(), device);
    torch::load(optimizer, (directory / "optimizer.pt").string());
    std::cout << "resumed at step " << state["step"] << " (" << state["crops_seen"] << " crops seen)\n";
  } else if (!o.init_path.empty()) {
    load_weights(model, o.init_path);
    model->to(device);
    blend(ema, model, 0.0);
    state["initialised_from"] = o.init_path;
    std::cout << "starting from the weights of " << o.init_path << "\n";
  }
  state["commands"].push_back(o.command);
  std::cout << "preparing held-out sets\n";
  const auto sets = evaluation_sets(o.seed, o.eval_drawings, o.eval_rendered);
  CropPool pool(o.seed, state["drawings"].get<int>(), static_cast<std::size_t>(o.pool_crops));
  while (pool.size() < kMinPool) std::this_thread::sleep_for(std::chrono::milliseconds(100));

  auto checkpoint = [&] {
    state["drawings"] = pool.drawings();
    torch::save(model, (directory / "model.pt").string());
    torch::save(ema, (directory / "ema.pt").string());
    torch::save(optimizer, (directory / "optimizer.pt").string());
    write_text(directory / "state.json", state.dump(2));
  };
  auto evaluate = [&](std::int64_t step) {
    auto report = evaluate_recognizer(ema, sets, device);
    report["step"] = step;
    std::ofstream(directory / "evaluations.jsonl", std::ios::app) << report.dump() << "\n";
    std::cout << "eval step " << step;
    for (const auto& [name, entry] : report["sets"].items())
      std::cout << " | " << name << " exact " << entry["exact"] << " cer " << entry["cer"];
    std::cout << std::endl;
    if (!o.export_path.empty()) export_model(ema, o, state, device);
  };

  std::int64_t step = state["step"].get<std::int64_t>();
  std::mt19937_64 random(o.seed * 7919 + static_cast<std::uint64_t>(step));
  const auto start = Clock::now();
  const double seconds_before = state["seconds"].get<double>();
  std::vector<Batch> ready;
  model->train();
  double window_loss = 0;
  int window = 0;
  auto window_start = Clock::now();
  while (step < o.steps) {
    if (ready.empty()) {
      std::vector<LabelledCrop> group;
      for (int i = 0; i < o.batch * kSortGroup; ++i) {
        const bool rendered = std::uniform_real_distribution<double>(0, 1)(random) < o.rendered_share;
        group.push_back(training_crop(random, rendered, &pool));
      }
      std::sort(group.begin(), group.end(), [](const auto& a, const auto& b) {
        return a.gray.cols * ocr::kInputHeight / std::max(1, a.gray.rows) <
               b.gray.cols * ocr::kInputHeight / std::max(1, b.gray.rows);
      });
      for (int k = kSortGroup - 1; k >= 0; --k)
        ready.push_back(
            make_batch(std::vector<LabelledCrop>(group.begin() + k * o.batch, group.begin() + (k + 1) * o.batch)));
      std::shuffle(ready.begin(), ready.end(), random);
    }
    Batch batch = std::move(ready.back());
    ready.pop_back();
    for (auto& g : optimizer.param_groups())
      static_cast<torch::optim::AdamWOptions&>(g.options()).lr(learning_rate(o, step));
    optimizer.zero_grad();
    const auto logits = model->forward(batch.inputs.to(device));
    const auto log_probabilities = ocr::joint_log_probabilities(logits, characters).transpose(0, 1);  // [T, N, C]
    const auto loss = torch::ctc_loss(log_probabilities, batch.targets.to(device), batch.input_lengths,
                                      batch.target_lengths, 0, at::Reduction::Mean, true);
    loss.backward();
    torch::nn::utils::clip_grad_norm_(model->parameters(), 5.0);
    optimizer.step();
    blend(ema, model, std::min(kEmaDecay, (1.0 + static_cast<double>(step)) / (10.0 + static_cast<double>(step))));
    ++step;
    state["step"] = step;
    state["crops_seen"] = state["crops_seen"].get<std::int64_t>() + batch.inputs.size(0);
    window_loss += loss.item<double>();
    ++window;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    state["seconds"] = seconds_before + elapsed;
    if (step % 50 == 0) {
      const double seconds = std::chrono::duration<double>(Clock::now() - window_start).count();
      std::cout << "step " << step << " loss " << std::setprecision(4) << window_loss / window << " lr "
                << learning_rate(o, step) << ", " << window * o.batch / seconds << " crops/s, pool " << pool.size()
                << " crops from " << pool.drawings() << " drawings" << std::endl;
      window_loss = 0;
      window = 0;
      window_start = Clock::now();
    }
    const bool out_of_time = o.max_minutes > 0 && elapsed > o.max_minutes * 60;
    if (step % o.eval_every == 0 || step == o.steps || out_of_time) {
      checkpoint();
      evaluate(step);
    }
    if (out_of_time) {
      std::cout << "stopped after " << o.max_minutes << " minutes at step " << step << "; run again to resume\n";
      return 0;
    }
  }
  return 0;
}

nlohmann::json evaluate_model_file(const TrainerOptions& o, const std::string& path) {
  torch::set_num_threads(o.threads);
  ocr::RecognizerNetwork network(ocr::NetworkWidths{}, static_cast<int>(ocr::alphabet().size()));
  load_weights(network, path);
  const auto sets = evaluation_sets(o.seed, o.eval_drawings, o.eval_rendered);
  auto report = evaluate_recognizer(network, sets, torch::Device(torch::kCPU));
  report["model"] = path;
  return report;
}

}  // namespace drawlens::train
