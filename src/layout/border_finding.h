// The drawing frame: the innermost rectangle of long rulings near the sheet edges.
#pragma once

#include <optional>

#include <opencv2/core/types.hpp>

#include "layout/ruling_lines.h"

namespace drawlens::layout::detail {

// page: working-resolution page size. corner_tolerance: how far (working px) a frame line end may
// lie from the corner and still end there; also the longest break bridged within one frame line.
// max_overshoot: how far a frame line may run on past a corner. The rectangle runs through the
// centres of the frame lines.
std::optional<cv::Rect> find_border(const Rulings& rulings, cv::Size page, int corner_tolerance, int max_overshoot);

}  // namespace drawlens::layout::detail
