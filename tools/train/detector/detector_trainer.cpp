// The detector's training loop (detector_trainer.h).
#include "detector_trainer.h"

#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <mutex>
#include <sstream>
#include <thread>

#include "detect/detector_model.h"
#include "detect/detector_network.h"
#include "detector_evaluation.h"
#include "model/model.h"
#include "model/torch_weights.h"

namespace drawlens::train {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr std::int64_t kWarmupSteps = 300;
constexpr double kEmaDecay = 0.999;
constexpr double kWeightDecay = 1e-4;
constexpr std::uint64_t kHeldOutSeedOffset = 0x5eed0ff5e7ull;  // the held-out series: never trained on

// Batches for consecutive steps, made ahead on their own thread; at most `depth` wait.
class BatchQueue {
 public:
  BatchQueue(const SampleOptions& samples, int drawings_per_step, std::int64_t first_step, std::size_t depth)
      : worker_([=, this] { produce(samples, drawings_per_step, first_step, depth); }) {}
  ~BatchQueue() {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    changed_.notify_all();
    worker_.join();
  }
  Batch next() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return !ready_.empty() || failure_; });
    if (failure_) std::rethrow_exception(failure_);
    Batch batch = std::move(ready_.front());
    ready_.pop_front();
    changed_.notify_all();
    return batch;
  }

 private:
  void produce(const SampleOptions& samples, int drawings_per_step, std::int64_t step, std::size_t depth) {
    try {
      for (;; ++step) {
        Batch batch = make_batch(samples, step * drawings_per_step, drawings_per_step);
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return ready_.size() < depth || stop_; });
        if (stop_) return;
        ready_.push_back(std::move(batch));
        changed_.notify_all();
      }
    } catch (...) {
      std::lock_guard lock(mutex_);
      failure_ = std::current_exception();
      changed_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<Batch> ready_;
  bool stop_ = false;
  std::exception_ptr failure_;
  std::thread worker_;
};

struct Losses {
  torch::Tensor total, bce, dice, direction, short_side;
};

Losses losses(const torch::Tensor& output, const Batch& batch) {
  const auto logits = output.slice(1, 0, detect::kCategoryCount);
  const auto direction = output.slice(1, detect::kCosineChannel, detect::kSineChannel + 1);
  const auto short_side = output.slice(1, detect::kShortSideChannel, detect::kShortSideChannel + 1);
  Losses l;
  l.bce = torch::binary_cross_entropy_with_logits(logits, batch.kernels);
  const auto probability = torch::sigmoid(logits);
  const auto shared = (probability * batch.kernels).sum({0, 2, 3});
  const auto total = probability.sum({0, 2, 3}) + batch.kernels.sum({0, 2, 3});
  l.dice = (1 - (2 * shared + 1) / (total + 1)).mean();
  const auto cells = batch.geometry_weight.sum() + 1;
  l.direction = (torch::abs(direction - batch.geometry.slice(1, 0, 2)) * batch.geometry_weight).sum() / (2 * cells);
  l.short_side = (torch::abs(short_side - batch.geometry.slice(1, 2, 3)) * batch.geometry_weight).sum() / cells;
  l.total = l.bce + l.dice + 0.5 * l.direction + 0.5 * l.short_side;
  return l;
}

double learning_rate(const TrainerOptions& o, std::int64_t step) {
  if (step < kWarmupSteps) return o.learning_rate * static_cast<double>(step + 1) / kWarmupSteps;
  const double progress = std::min(1.0, static_cast<double>(step - kWarmupSteps) /
                                            static_cast<double>(std::max<std::int64_t>(1, o.steps - kWarmupSteps)));
  return o.learning_rate * (0.02 + 0.98 * 0.5 * (1 + std::cos(CV_PI * progress)));
}

void update_ema(detect::DetectorNetwork& ema, detect::DetectorNetwork& model, std::int64_t step) {
  torch::NoGradGuard no_grad;
  const double decay = std::min(kEmaDecay, (1.0 + static_cast<double>(step)) / (10.0 + static_cast<double>(step)));
  auto target = ema->parameters();
  auto source = model->parameters();
  for (std::size_t i = 0; i < target.size(); ++i) target[i].mul_(decay).add_(source[i], 1 - decay);
  auto target_buffers = ema->buffers();
  auto source_buffers = model->buffers();
  for (std::size_t i = 0; i < target_buffers.size(); ++i) target_buffers[i].copy_(source_buffers[i]);
}

void copy_weights(detect::DetectorNetwork& to, detect::DetectorNetwork& from) {
  torch::NoGradGuard no_grad;
  auto t = to->parameters();
  auto f = from->parameters();
  for (std::size_t i = 0; i < t.size(); ++i) t[i].copy_(f[i]);
  auto tb = to->buffers();
  auto fb = from->buffers();
  for (std::size_t i = 0; i < tb.size(); ++i) tb[i].copy_(fb[i]);
}

// The network of a detector model file, built with the file's widths and holding its weights, after
// checking that the file detects the same categories at the resolution this run trains at.
detect::DetectorNetwork network_from_file(const std::string& path, double network_dpi) {
  auto file = model::load_model_file(path, detect::model_expectation());
  if (!file) throw std::runtime_error(file.error().message);
  const auto& hyper = file.value().header.hyperparameters;
  if (hyper.value(detect::kCategoriesKey, nlohmann::json()) != detect::category_names_json())
    throw std::runtime_error(path + ": detects other categories than this drawlens");
  if (hyper.value(detect::kNetworkDpiKey, 0.0) != network_dpi)
    throw std::runtime_error(path + ": was trained at another network dpi than this run's");
  detect::DetectorNetwork network(
      detect::NetworkWidths::from_json(hyper.value(detect::kWidthsKey, nlohmann::json::object())));
  auto archive = model::torch_archive(file.value().payload);
  if (const auto problem = model::load_checked_weights(*network, archive); !problem.empty())
    throw std::runtime_error(path + ": " + problem);
  return network;
}

// Refuses --widths that differ from those a resumed or fine-tuned run must keep.
void check_widths(const TrainerOptions& o, const detect::NetworkWidths& kept, const std::string& whose) {
  if (o.widths && o.widths->to_json() != kept.to_json())
    throw std::runtime_error("--widths " + o.widths->to_json().dump() + " differ from " + whose + "'s " +
                             kept.to_json().dump());
}

nlohmann::json read_state(const fs::path& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
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

void export_model(detect::DetectorNetwork& ema, const TrainerOptions& o, const nlohmann::json& state) {
  ema->to(torch::kCPU);
  std::ostringstream stream;
  torch::save(ema, stream);
  const std::string bytes = stream.str();
  model::ModelHeader header;
  header.name = detect::kModelName;
  header.version = detect::kModelVersion;
  header.architecture = detect::kArchitecture;
  header.input_shape = {1, 1, -1, -1};
  header.payload_format = model::PayloadFormat::torch;
  header.hyperparameters = {{detect::kWidthsKey, ema->widths().to_json()},
                            {detect::kNetworkDpiKey, o.samples.network_dpi},
                            {detect::kCategoriesKey, detect::category_names_json()},
                            {"crop", o.samples.crop},
                            {"crops_per_drawing", o.samples.crops_per_drawing},
                            {"drawings_per_step", o.drawings_per_step},
                            {"learning_rate", o.learning_rate},
                            {"steps", state.at("step")},
                            {"schedule_steps", o.steps}};
  header.training.command = state.at("commands").dump();
  header.training.seed = o.seed;
  header.training.data_size = state.at("crops_seen").get<std::uint64_t>();
  auto file = model::write_model_file(header, std::vector<std::uint8_t>(bytes.begin(), bytes.end()));
  if (!file) throw std::runtime_error(file.error().message);
  write_text(o.export_path, std::string(file.value().begin(), file.value().end()));
  std::cout << "exported " << o.export_path << " (" << file.value().size() << " bytes)\n";
}

}  // namespace

int train_detector(const TrainerOptions& o) {
  const fs::path directory(o.directory);
  fs::create_directories(directory);
  torch::set_num_threads(o.threads);
  torch::manual_seed(o.seed);
  const torch::Device device(o.device == "cuda" ? torch::kCUDA : torch::kCPU);
  if (device.is_cuda() && !torch::cuda::is_available()) throw std::runtime_error("--device cuda: no CUDA device");

  nlohmann::json state = {{"step", 0}, {"crops_seen", 0}, {"seconds", 0.0}, {"commands", nlohmann::json::array()}};
  const bool resuming = fs::exists(directory / "state.json");
  detect::DetectorNetwork model{nullptr};
  if (resuming) {
    state = read_state(directory / "state.json");
    // Checkpoints written before widths were recorded hold the default network.
    model = detect::DetectorNetwork(detect::NetworkWidths::from_json(state.value("widths", nlohmann::json::object())));
    check_widths(o, model->widths(), "the checkpoint");
  } else if (!o.init_path.empty()) {
    model = network_from_file(o.init_path, o.samples.network_dpi);
    check_widths(o, model->widths(), o.init_path);
    state["initialised_from"] = o.init_path;
    std::cout << "starting from the weights of " << o.init_path << "\n";
  } else {
    model = detect::DetectorNetwork(o.widths.value_or(detect::NetworkWidths{}));
  }
  detect::DetectorNetwork ema(model->widths());
  copy_weights(ema, model);
  model->to(device);
  ema->to(device);
  torch::optim::AdamW optimizer(model->parameters(),
                                torch::optim::AdamWOptions(o.learning_rate).weight_decay(kWeightDecay));
  if (resuming) {
    torch::load(model, (directory / "model.pt").string(), device);
    torch::load(ema, (directory / "ema.pt").string(), device);
    torch::load(optimizer, (directory / "optimizer.pt").string());
    std::cout << "resumed at step " << state["step"] << " (" << state["crops_seen"] << " crops seen)\n";
  }
  state["widths"] = model->widths().to_json();
  state["commands"].push_back(o.command);

  auto checkpoint = [&] {
    torch::save(model, (directory / "model.pt").string());
    torch::save(ema, (directory / "ema.pt").string());
    torch::save(optimizer, (directory / "optimizer.pt").string());
    write_text(directory / "state.json", state.dump(2));
  };
  auto evaluate = [&](std::int64_t step) {
    EvaluationOptions eo;
    eo.seed = o.seed + kHeldOutSeedOffset;
    eo.drawings = o.eval_drawings;
    eo.network_dpi = o.samples.network_dpi;
    auto report = evaluate_detector(ema, eo, device);
    report["step"] = step;
    std::ofstream(directory / "evaluations.jsonl", std::ios::app) << report.dump() << "\n";
    std::cout << "eval step " << step << ": mAP@0.5 " << report["map_50"] << ", mAP@0.5:0.95 " << report["map_50_95"]
              << ", dimension recall " << report["categories"]["dimension"].value("recall_50", 0.0) << "\n";
    if (!o.export_path.empty()) {
      export_model(ema, o, state);
      ema->to(device);
    }
  };

  const auto start = Clock::now();
  const double seconds_before = state["seconds"].get<double>();
  std::int64_t step = state["step"].get<std::int64_t>();
  BatchQueue queue(o.samples, o.drawings_per_step, step, 3);
  model->train();
  double window_loss[5] = {0, 0, 0, 0, 0};
  int window = 0;
  auto window_start = Clock::now();
  while (step < o.steps) {
    Batch batch = queue.next();
    if (device.is_cuda())
      batch = {batch.inputs.to(device), batch.kernels.to(device), batch.geometry.to(device),
               batch.geometry_weight.to(device)};
    for (auto& group : optimizer.param_groups())
      static_cast<torch::optim::AdamWOptions&>(group.options()).lr(learning_rate(o, step));
    optimizer.zero_grad();
    const auto l = losses(model->forward(batch.inputs), batch);
    l.total.backward();
    optimizer.step();
    update_ema(ema, model, step);
    ++step;
    state["step"] = step;
    state["crops_seen"] = state["crops_seen"].get<std::int64_t>() + batch.inputs.size(0);
    window_loss[0] += l.total.item<double>();
    window_loss[1] += l.bce.item<double>();
    window_loss[2] += l.dice.item<double>();
    window_loss[3] += l.direction.item<double>();
    window_loss[4] += l.short_side.item<double>();
    ++window;
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    state["seconds"] = seconds_before + elapsed;
    if (step % 25 == 0) {
      const double window_seconds = std::chrono::duration<double>(Clock::now() - window_start).count();
      std::cout << "step " << step << " loss " << std::setprecision(4) << window_loss[0] / window << " (bce "
                << window_loss[1] / window << ", dice " << window_loss[2] / window << ", direction "
                << window_loss[3] / window << ", short side " << window_loss[4] / window << ") lr "
                << learning_rate(o, step) << ", " << window * batch.inputs.size(0) / window_seconds << " crops/s"
                << std::endl;
      std::fill(std::begin(window_loss), std::end(window_loss), 0.0);
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

}  // namespace drawlens::train
