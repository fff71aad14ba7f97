// Training and held-out graphs for EdgNet: generated drawings (random resolution, sheet style,
// scan degradation and quarter turn) vectorized, turned into graphs and labelled from the
// generator's class mask; cached as files so a resumed or repeated run does not make them again.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "segment/segment.h"

namespace drawlens::train {

struct GraphSample {
  segment::Graph graph;
  std::vector<std::int64_t> labels;  // class per node, -1 where the mask labels none
};

// Drawings first .. first+count-1 of the series `seed`, made on `threads` threads (or read from
// cache_directory/<seed>-<index>.graph when an earlier run made them). `progress` is told each one.
std::vector<GraphSample> graph_samples(std::uint64_t seed, int first, int count, const std::string& cache_directory,
                                       int threads);

// A single drawing's sample (what graph_samples makes per index).
GraphSample make_graph_sample(std::uint64_t seed, int index);

}  // namespace drawlens::train
