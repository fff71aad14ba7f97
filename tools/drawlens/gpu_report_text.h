// The GPU assessment as `drawlens gpu` prints it: hardware, software, memory plan, energy and
// cost, verdict; and the cost of 1,000 drawings from the measured energy and time per page.
#pragma once

#include <optional>
#include <ostream>

#include "drawlens/drawlens.hpp"

namespace drawlens::cli {

struct Prices {
  std::optional<double> per_kwh;       // electricity, currency per kWh
  std::optional<double> per_gpu_hour;  // a cloud GPU instance, currency per hour
};

// Per 1,000 drawings through the measured GPU stages; each figure needs its measurement.
struct ThousandDrawings {
  std::optional<double> kwh, gpu_hours;
  std::optional<double> energy_cost, cloud_cost;  // also need the price
};

ThousandDrawings cost_of_thousand(const GpuPlan& plan, const Prices& prices);

void print_gpu_report(std::ostream& out, const GpuProbe& probe, const Prices& prices);

}  // namespace drawlens::cli
