// Tables of ISO 286-1:2010 (standard tolerances, fundamental deviations, Δ values) used by
// iso286.cpp. All values are in micrometres, exactly as the standard prints them.
#pragma once

#include <cstddef>
#include <limits>
#include <string_view>

namespace drawlens::parse::iso286_tables {

// A cell the standard leaves blank: the combination is not defined.
inline constexpr double kBlank = std::numeric_limits<double>::quiet_NaN();

// One cell of a column indexed by nominal size: `value_um` applies over the previous step's
// `up_to_mm` (over 0 for the first step) up to and including this step's. Sizes above the last
// step are blank.
struct Step {
  double up_to_mm;
  double value_um;
};

struct Column {
  const Step* steps;
  std::size_t count;
};

// Which limit a shaft's fundamental deviation fixes: es (a..h) or ei (j..zc).
enum class Bound { upper, lower };

// Shaft letters whose fundamental deviation does not depend on the tolerance grade.
struct LetterDeviation {
  std::string_view letters;
  Bound bound;
  Column column;
};
extern const LetterDeviation kShaftDeviations[];
extern const std::size_t kShaftDeviationCount;

// Fundamental deviation ei of shaft k for IT4 to IT7 (zero for all other grades). Hole K up to
// IT8 uses its negation plus Δ.
extern const Column kShaftKGrades4To7;
inline constexpr int kFirstKGrade = 4;
inline constexpr int kLastKGrade = 7;

// ISO 286-1 Table 1 rows: standard tolerance values IT01, IT0, IT1 ... IT18 (index = grade + 1).
// IT12..IT18 are printed in mm in the standard and are given here in µm.
inline constexpr std::size_t kGradeCount = 20;
struct StandardToleranceRow {
  double up_to_mm;
  double it_um[kGradeCount];
};
inline constexpr std::size_t kStandardToleranceRowCount = 21;
extern const StandardToleranceRow kStandardTolerances[kStandardToleranceRowCount];

// ISO 286-1 footnote to Table 1: IT14 to IT18 are not used for nominal sizes up to 1 mm.
inline constexpr double kCoarseGradesOverMm = 1.0;
inline constexpr int kFirstCoarseGrade = 14;

// Grade-dependent deviations, rows up to 500 mm (blank above): shaft j ei for IT5/IT6, IT7,
// IT8 and hole J ES for IT6, IT7, IT8.
struct GradeTripleRow {
  double up_to_mm;
  double value_um[3];
};
inline constexpr std::size_t kGradeTripleRowCount = 13;
inline constexpr int kFirstShaftJGrade = 5;
inline constexpr int kFirstHoleJGrade = 6;
inline constexpr int kLastJGrade = 8;
extern const GradeTripleRow kShaftJ[kGradeTripleRowCount];
extern const GradeTripleRow kHoleJ[kGradeTripleRowCount];

// Δ = ITn − IT(n−1) for n = 3..8, added to ES of K, M, N up to IT8 and P..ZC up to IT7 over 3 up to
// 500 mm. Up to 3 mm and over 500 mm the standard prints plain values without Δ.
struct DeltaRow {
  double up_to_mm;
  double delta_um[6];
};
inline constexpr int kFirstDeltaGrade = 3;
inline constexpr int kLastDeltaGrade = 8;
inline constexpr int kLastDeltaGradePToZc = 7;
inline constexpr double kDeltaOverMm = 3.0;
inline constexpr double kDeltaUpToMm = 500.0;
extern const DeltaRow kDelta[kGradeTripleRowCount];

// ISO 286-1 Tables 2 and 4 footnote: for js7..js11 / JS7..JS11 an odd IT (µm) is rounded down to
// the even number below, so that ±IT/2 is a whole µm.
inline constexpr int kFirstRoundedJsGrade = 7;
inline constexpr int kLastRoundedJsGrade = 11;

// ISO 286-1 Table 4 footnote: M6 over 250 up to 315 mm has ES = −9 µm instead of −11 µm.
inline constexpr double kM6SpecialOverMm = 250.0;
inline constexpr double kM6SpecialUpToMm = 315.0;
inline constexpr double kM6SpecialUpperUm = -9.0;

// ISO 286-1 Table 5 footnote: N above IT8 is not used up to 1 mm; over 3 up to 500 mm its ES is 0.
inline constexpr double kNAboveIt8UnusedUpToMm = 1.0;
inline constexpr double kNAboveIt8ZeroOverMm = 3.0;
inline constexpr double kNAboveIt8ZeroUpToMm = 500.0;

}  // namespace drawlens::parse::iso286_tables
