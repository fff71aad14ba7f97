// The surface texture grammar's parameter names, as a prefilter for the annotation reader
// (private to the parse stage).
#pragma once

#include <string_view>

namespace drawlens::parse {

// The text starts with a parameter name as printed ("Ra", "Rz", "Rmax", ... in their own case),
// followed by a space, '=' or the value: "Ra 1.6", "Rz=6.3", "Ra3.2"; the grade only with its
// number attached ("N7", not "N 7").
bool starts_with_surface_parameter(std::string_view text);

}  // namespace drawlens::parse
