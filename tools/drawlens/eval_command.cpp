// `drawlens eval --truth T --pred P`: scores predicted result JSON against truth (see docs/eval.md).
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "eval.h"

namespace drawlens::cli {
namespace {

struct EvalArguments {
  std::string truth;
  std::string prediction;
  std::string format = "md";
  std::string protocol = "both";
};

}  // namespace

std::function<int()> add_eval_command(CLI::App& app) {
  auto* command = app.add_subcommand("eval", "Score predicted result JSON against truth result JSON");
  auto args = std::make_shared<EvalArguments>();
  command->add_option("--truth", args->truth, "Truth result JSON file, or a directory of them")->required();
  command->add_option("--pred", args->prediction, "Predicted result JSON file, or a directory paired by file name")
      ->required();
  command->add_option("--format", args->format, "Report format: md (default) or json")
      ->check(CLI::IsMember({"md", "json"}));
  command->add_option("--protocol", args->protocol, "Matching protocol: strict, edocr or both (default)")
      ->check(CLI::IsMember({"strict", "edocr", "both"}));
  return [args] {
    const std::map<std::string, std::vector<eval::Protocol>> protocols = {
        {"strict", {eval::Protocol::strict}},
        {"edocr", {eval::Protocol::edocr}},
        {"both", {eval::Protocol::strict, eval::Protocol::edocr}}};
    const eval::Report report = eval::evaluate_paths(args->truth, args->prediction);
    const std::vector<eval::Protocol>& shown = protocols.at(args->protocol);
    if (args->format == "json") {
      std::cout << eval::json_report(report, shown).dump(2) << "\n";
    } else {
      std::cout << eval::markdown_report(report, shown);
    }
    return 0;
  };
}

}  // namespace drawlens::cli
