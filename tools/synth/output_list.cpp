// parse_output_list: the names of the files a drawing gives, as `drawlens synth --outputs` takes them.
#include <stdexcept>
#include <string>

#include "synth.h"

namespace drawlens::synth {
namespace {

struct OutputName {
  const char* name;
  bool OutputSet::*flag;
};

constexpr OutputName kOutputNames[] = {{"png", &OutputSet::png},     {"json", &OutputSet::json},
                                       {"pdf", &OutputSet::pdf},     {"mask", &OutputSet::mask},
                                       {"boxes", &OutputSet::boxes}, {"crops", &OutputSet::crops}};

std::string allowed_names() {
  std::string out;
  for (const OutputName& entry : kOutputNames) out += (out.empty() ? "" : ", ") + std::string(entry.name);
  return out;
}

}  // namespace

OutputSet parse_output_list(std::string_view list) {
  OutputSet chosen{false, false, false, false, false, false};
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = list.find(',', start);
    const std::string_view name = list.substr(start, comma == std::string_view::npos ? comma : comma - start);
    const OutputName* match = nullptr;
    for (const OutputName& entry : kOutputNames) {
      if (name == entry.name) match = &entry;
    }
    if (match == nullptr) {
      throw std::invalid_argument("unknown output '" + std::string(name) + "' in '" + std::string(list) +
                                  "' (allowed: " + allowed_names() + ")");
    }
    if (chosen.*(match->flag)) throw std::invalid_argument("output '" + std::string(name) + "' is named twice");
    chosen.*(match->flag) = true;
    if (comma == std::string_view::npos) return chosen;
    start = comma + 1;
  }
}

}  // namespace drawlens::synth
