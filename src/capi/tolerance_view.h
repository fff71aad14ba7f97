// The C view of one tolerance analysis, shared by result accessors and standalone reports. Its
// strings live in the ViewStrings of whoever keeps the views.
#pragma once

#include <string>

#include "capi/parse_views.h"
#include "drawlens/drawlens.h"
#include "tolerance/tolerance.h"

namespace drawlens::capi {

// dimension_index / gdt_frame_index: where in a result's page it came from, -1 when not from one.
drawlens_tolerance_analysis tolerance_view(const tolerance::Analysis& analysis, const std::string& id,
                                           int dimension_index, int gdt_frame_index, ViewStrings& strings);

}  // namespace drawlens::capi
