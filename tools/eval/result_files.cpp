// Reading result-JSON files and pairing truth with prediction: two files, or two directories whose
// *.json files are paired by name.
#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "eval.h"

namespace drawlens::eval {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> json_file_names(const fs::path& directory) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(directory)) {
    if (entry.is_regular_file() && entry.path().extension() == ".json")
      names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

FileScores score_file(const fs::path& truth_file, const fs::path& prediction_file, bool prediction_missing) {
  FileScores scores;
  scores.name = truth_file.filename().string();
  scores.prediction_missing = prediction_missing;
  const nlohmann::json truth = read_result_file(truth_file);
  const nlohmann::json prediction =
      prediction_missing ? nlohmann::json{{"pages", nlohmann::json::array()}} : read_result_file(prediction_file);
  try {
    for (Protocol protocol : kProtocols) scores.counts[protocol] = evaluate_document(truth, prediction, protocol);
    scores.detection = evaluate_detection(truth, prediction);
    scores.segmentation = evaluate_segmentation(truth, prediction);
    scores.links = evaluate_links(truth, prediction);
    scores.vectorization = evaluate_vectorization(truth, prediction);
  } catch (const std::runtime_error& e) {
    throw std::runtime_error(truth_file.string() + ": " + e.what());
  }
  return scores;
}

}  // namespace

nlohmann::json read_result_file(const fs::path& path) {
  std::error_code error;
  if (!fs::is_regular_file(path, error)) throw std::runtime_error(path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  if (!in || !(text << in.rdbuf())) throw std::runtime_error(path.string() + ": cannot be read");
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text.str());
  } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for a number like 1e999
    throw std::runtime_error(path.string() + ": not JSON (" + e.what() + ")");
  }
  if (!document.is_object() || !document.contains("pages") || !document["pages"].is_array()) {
    throw std::runtime_error(path.string() + ": not a drawlens result (no \"pages\" array)");
  }
  return document;
}

Report evaluate_paths(const fs::path& truth, const fs::path& prediction) {
  std::error_code error;
  for (const fs::path& path : {truth, prediction}) {
    if (!fs::exists(path, error)) throw std::runtime_error(path.string() + ": no such file or directory");
  }
  Report report;
  report.truth_path = truth.string();
  report.prediction_path = prediction.string();
  const bool truth_is_directory = fs::is_directory(truth, error);
  if (truth_is_directory != fs::is_directory(prediction, error)) {
    throw std::runtime_error("truth and prediction must both be files or both be directories: " + truth.string() +
                             ", " + prediction.string());
  }
  if (!truth_is_directory) {
    report.files.push_back(score_file(truth, prediction, false));
  } else {
    const std::vector<std::string> truth_names = json_file_names(truth);
    if (truth_names.empty()) throw std::runtime_error(truth.string() + ": no .json files");
    for (const std::string& name : truth_names) {
      const bool missing = !fs::is_regular_file(prediction / name, error);
      report.files.push_back(score_file(truth / name, prediction / name, missing));
    }
    for (const std::string& name : json_file_names(prediction)) {
      if (!std::binary_search(truth_names.begin(), truth_names.end(), name))
        report.unpaired_predictions.push_back(name);
    }
  }
  for (const FileScores& file : report.files) {
    report.totals += file.counts;
    report.detection += file.detection;
    report.segmentation += file.segmentation;
    report.links += file.links;
    report.vectorization += file.vectorization;
  }
  return report;
}

}  // namespace drawlens::eval
