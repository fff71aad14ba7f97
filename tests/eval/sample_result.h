// Hand-made result JSON for the evaluation tests. sample_result(): four dimensions (one located by polygon
// only), two GD&T frames, three title fields and a 2x2 title block on one page, 30 dimension
// characters in all.
#pragma once

#include <nlohmann/json.hpp>

namespace drawlens::eval::testing {

// Dimension texts: "Ø25 H7" (6 code points), "180 ±0,05" (9), "M12x1.75-6" (10, box 130 px wide),
// "4x R5" (5, polygon only).
nlohmann::json sample_result();

// A result segment: a straight line of the class from (x0, y0) to (x1, y1), confidence 1.
nlohmann::json line_segment(const char* line_class, double x0, double y0, double x1, double y1);

}  // namespace drawlens::eval::testing
