// `drawlens synth`: writes synthetic drawings with exact ground truth (see docs/synth.md).
#include <iostream>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "progress_bar.h"
#include "synth.h"

namespace drawlens::cli {
namespace {

// A choice among names; CLI11 refuses other values naming the allowed ones.
template <typename Value>
struct Choice {
  std::map<std::string, Value> values;
  std::string given;
  CLI::Option* add(CLI::App* command, const std::string& flag, const std::string& help) {
    std::vector<std::string> names;
    for (const auto& entry : values) names.push_back(entry.first);
    return command->add_option(flag, given, help)->check(CLI::IsMember(names, CLI::ignore_case));
  }
  Value value(Value fallback) const {
    for (const auto& [name, v] : values) {
      if (CLI::detail::to_lower(given) == name) return v;
    }
    return fallback;
  }
};

struct SynthArguments {
  synth::DrawingOptions options;
  int count = 1;
  std::string directory;
  std::string outputs = "png,json";
  bool pdf = false;
  Choice<synth::SheetStyle> style{{{"iso", synth::SheetStyle::iso}, {"asme", synth::SheetStyle::asme}}, "iso"};
  Choice<synth::Degradation> degradation{
      {{"none", synth::Degradation::none}, {"scan", synth::Degradation::scan}, {"heavy", synth::Degradation::heavy}},
      "none"};
  Choice<synth::SheetSize> sheet{
      {{"mixed", synth::SheetSize::mixed}, {"a4", synth::SheetSize::a4}, {"a3", synth::SheetSize::a3}}, "mixed"};
};

}  // namespace

std::function<int()> add_synth_command(CLI::App& app) {
  auto* command = app.add_subcommand("synth", "Generate synthetic drawings (PNG, optional PDF) with truth JSON");
  auto args = std::make_shared<SynthArguments>();
  command->add_option("--count", args->count, "Number of drawings")->required()->check(CLI::Range(1, 1000000));
  command->add_option("--seed", args->options.seed, "Seed of the series; drawing i depends only on seed and i")
      ->required();
  command->add_option("--out", args->directory, "Output directory (created if missing)")->required();
  command->add_option("--dpi", args->options.dpi, "Raster resolution (default 200)")
      ->check(CLI::Range(synth::kMinDpi, synth::kMaxDpi));
  command
      ->add_option("--outputs", args->outputs,
                   "Files per drawing, comma-separated: png, json, pdf, mask, boxes, crops (default png,json)")
      ->check([](const std::string& list) {
        try {
          synth::parse_output_list(list);
          return std::string();
        } catch (const std::invalid_argument& error) {
          return std::string(error.what());
        }
      });
  command->add_flag("--pdf", args->pdf, "Also write a vector PDF of each drawing (as pdf in --outputs)");
  args->style.add(command, "--style", "Sheet conventions: iso (default) or asme");
  args->degradation.add(command, "--degrade", "Scan degradation: none (default), scan or heavy");
  args->sheet.add(command, "--sheet", "Sheet size: mixed (default), a4 or a3");
  return [args] {
    args->options.style = args->style.value(synth::SheetStyle::iso);
    args->options.degradation = args->degradation.value(synth::Degradation::none);
    args->options.sheet = args->sheet.value(synth::SheetSize::mixed);
    args->options.outputs = synth::parse_output_list(args->outputs);
    args->options.outputs.pdf = args->options.outputs.pdf || args->pdf;
    ProgressBar progress(static_cast<std::size_t>(args->count));
    synth::write_drawings(args->options, args->count, args->directory,
                          [&](int index) { progress.step(synth::drawing_stem(index)); });
    std::cout << "wrote " << args->count << " drawing(s) to " << args->directory << "\n";
    return 0;
  };
}

}  // namespace drawlens::cli
