// `drawlens gpu [--json]`: the GPU assessment, measured on this machine, as text or JSON. The
// memory plan and energy figures come from running the GPU stages once; prices turn them into cost.
#include <iostream>
#include <memory>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "gpu_report_text.h"

namespace drawlens::cli {
namespace {

struct GpuArgs {
  bool json = false;
  bool measure = true;
  double safety_margin = 0.2;
  double energy_seconds = 3;
  Prices prices;
};

nlohmann::ordered_json or_null(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

// The library's JSON with the cost section, which depends on the prices given here.
std::string json_with_cost(const GpuProbe& probe, const Prices& prices) {
  nlohmann::ordered_json report = nlohmann::ordered_json::parse(probe.json());
  const ThousandDrawings cost = cost_of_thousand(probe.plan(), prices);
  report["cost_per_1000_drawings"] = {{"kwh", or_null(cost.kwh)},
                                      {"gpu_hours", or_null(cost.gpu_hours)},
                                      {"price_per_kwh", or_null(prices.per_kwh)},
                                      {"energy_cost", or_null(cost.energy_cost)},
                                      {"cloud_price_per_gpu_hour", or_null(prices.per_gpu_hour)},
                                      {"cloud_cost", or_null(cost.cloud_cost)}};
  return report.dump(2);
}

int run(const GpuArgs& args) {
  GpuProbeOptions options;
  options.measure = args.measure;
  options.safety_margin = args.safety_margin;
  options.energy_seconds = args.energy_seconds;
  const GpuProbe probe(options);
  if (args.json) {
    std::cout << json_with_cost(probe, args.prices) << "\n";
  } else {
    print_gpu_report(std::cout, probe, args.prices);
  }
  return 0;
}

}  // namespace

std::function<int()> add_gpu_command(CLI::App& app) {
  auto args = std::make_shared<GpuArgs>();
  CLI::App* cmd = app.add_subcommand("gpu", "Assess this machine's GPU for drawlens: hardware, software, memory, cost");
  cmd->add_flag("--json", args->json, "Print the assessment as JSON");
  cmd->add_flag("!--no-measure", args->measure, "Skip running the GPU stages (no memory plan, no energy)");
  cmd->add_option("--margin", args->safety_margin, "Share of free VRAM the memory plan keeps free")
      ->check(CLI::Range(0.0, 0.95));
  cmd->add_option("--energy-seconds", args->energy_seconds, "Length of the energy measurement run")
      ->check(CLI::Range(0.1, 60.0));
  cmd->add_option("--kwh-price", args->prices.per_kwh, "Electricity price per kWh, for the energy cost")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--cloud-price", args->prices.per_gpu_hour, "Cloud GPU price per hour, for the comparison")
      ->check(CLI::PositiveNumber);
  return [cmd, args] { return cmd->parsed() ? run(*args) : 0; };
}

}  // namespace drawlens::cli
