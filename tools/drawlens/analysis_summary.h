// The text summary `drawlens analyze` prints per file: for each page its layout in one or two
// lines, then what it found — dimensions with their tolerances, GD&T frames, title-block fields.
#pragma once

#include <ostream>
#include <string>

#include "drawlens/drawlens.hpp"

namespace drawlens::cli {

// verbose: every dimension, frame and table cell; otherwise the toleranced dimensions and the
// frames up to a few each, with a count of the rest.
void print_analysis_summary(std::ostream& out, const std::string& file, const Result& result, bool verbose);

}  // namespace drawlens::cli
