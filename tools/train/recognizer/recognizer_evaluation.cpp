// Held-out evaluation of the recognizer (recognizer_evaluation.h).
#include "recognizer_evaluation.h"

#include <algorithm>
#include <map>
#include <numeric>

#include "ocr/alphabet.h"
#include "ocr/ctc_decoding.h"

namespace drawlens::train {
namespace {

constexpr std::uint64_t kHeldOutSeedOffset = 0x0c0ffee5eedull;  // never a training series
constexpr int kBatch = 64;

struct Tally {
  std::size_t crops = 0, exact = 0, errors = 0, characters = 0;
  void add(const std::string& truth, const std::string& read) {
    ++crops;
    exact += truth == read;
    errors += edit_distance(truth, read);
    characters += ocr::utf8_characters(truth).size();
  }
  nlohmann::json json() const {
    return {{"crops", crops},
            {"exact", crops ? static_cast<double>(exact) / static_cast<double>(crops) : 0.0},
            {"cer", characters ? static_cast<double>(errors) / static_cast<double>(characters) : 0.0}};
  }
};

}  // namespace

std::vector<EvaluationSet> evaluation_sets(std::uint64_t seed, int drawings, int rendered) {
  std::vector<EvaluationSet> sets(3);
  sets[0].name = "drawings";
  for (int i = 0; i < drawings; ++i) {
    auto crops = drawing_crops(seed + kHeldOutSeedOffset, i);
    sets[0].crops.insert(sets[0].crops.end(), crops.begin(), crops.end());
  }
  std::mt19937_64 random(seed + kHeldOutSeedOffset);
  sets[1].name = "training_typefaces";
  sets[2].name = "held_out_typefaces";
  for (int i = 0; i < rendered; ++i) {
    for (int s = 1; s <= 2; ++s) {
      const auto& faces = s == 1 ? training_typefaces() : held_out_typefaces();
      LabelledCrop crop = rendered_crop(random, faces[static_cast<std::size_t>(i) % faces.size()]);
      degrade(crop.gray, random);
      sets[static_cast<std::size_t>(s)].crops.push_back(std::move(crop));
    }
  }
  return sets;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  const auto x = ocr::utf8_characters(a), y = ocr::utf8_characters(b);
  std::vector<std::size_t> row(y.size() + 1);
  std::iota(row.begin(), row.end(), 0);
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[y.size()];
}

nlohmann::json evaluate_recognizer(ocr::RecognizerNetwork& network, const std::vector<EvaluationSet>& sets,
                                   const torch::Device& device) {
  torch::NoGradGuard no_grad;
  network->eval();
  nlohmann::json report = {{"sets", nlohmann::json::object()}};
  for (const EvaluationSet& set : sets) {
    Tally all;
    std::map<std::string, Tally> kinds;
    for (std::size_t first = 0; first < set.crops.size(); first += kBatch) {
      const std::size_t last = std::min(set.crops.size(), first + kBatch);
      std::vector<cv::Mat> inputs;
      for (std::size_t k = first; k < last; ++k) inputs.push_back(ocr::network_input(set.crops[k].gray));
      std::vector<int> columns;
      const auto batch = ocr::batch_inputs(inputs, columns).to(device);
      const auto log_probabilities =
          ocr::joint_log_probabilities(network->forward(batch), network->characters()).to(torch::kCPU).contiguous();
      for (std::size_t k = first; k < last; ++k) {
        const auto row = log_probabilities[static_cast<std::int64_t>(k - first)];
        const ocr::ColumnDistributions d{row.data_ptr<float>(), columns[k - first], static_cast<int>(row.size(1))};
        const std::string read = ocr::text_of(ocr::greedy_tokens(d));
        all.add(set.crops[k].text, read);
        kinds[set.crops[k].kind].add(set.crops[k].text, read);
      }
    }
    nlohmann::json entry = all.json();
    for (const auto& [kind, tally] : kinds) entry["kinds"][kind] = tally.json();
    report["sets"][set.name] = entry;
  }
  network->train();
  return report;
}

}  // namespace drawlens::train
