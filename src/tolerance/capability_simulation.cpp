// The process-capability simulation the skin model is trained on (docs/tolerance.md,
// "Simulation"): for a random process, material, feature and drawn tolerance, the grade a shop
// achieves (it works to the tolerance, but not finer than the process's best grade), then one
// produced part: a size deviation with aim bias and tool wear, or a geometric value measured on a
// simulated non-ideal surface (a skin model: form modes, waviness, a random field and roughness).
#include <algorithm>
#include <array>
#include <cmath>
#include <random>

#include "tolerance/model_inputs.h"
#include "tolerance/skin_training.h"

namespace drawlens::tolerance {
namespace {

using Random = std::mt19937_64;
constexpr double kPi = 3.14159265358979323846;
constexpr double kSizeShare = 0.4;
constexpr double kAimGrades = 0.5;  // how much finer than drawn a shop works
constexpr double kCoarsestDrawnGrade = 17.0;
// The skin's amplitude as a share of the achieved grade's IT: where the shop works to the tolerance,
// a geometric value's median is then about a fifth of its zone and Cpk about 1.33, as a size's is.
constexpr double kSkinAmplitude = 0.17;
constexpr double kTwoPi = 2.0 * kPi;

// Grades a material adds to a process's (machinability and thermal stability against free-cutting
// steel; docs/tolerance.md). Indexed by Material.
constexpr std::array<double, kMaterialCount> kMaterialGradeOffset = {0.0, 0.4, 0.2, 0.6, -0.3, 0.0, 1.2};

// Grades a geometric characteristic adds to the size grade of the same process (form is held more
// easily than location from a fixture; runout adds the set-up's eccentricity). Indexed by FeatureClass.
constexpr std::array<double, kFeatureClassCount> kClassGradeOffset = {
    0.0,   // linear_size
    0.0,   // diameter_size
    -0.5,  // straightness
    -0.3,  // flatness
    -0.8,  // circularity
    -0.3,  // cylindricity
    0.3,   // line_profile
    0.5,   // surface_profile
    0.2,   // perpendicularity
    0.4,   // angularity
    0.0,   // parallelism
    0.6,   // position
    0.2,   // concentricity
    0.3,   // symmetry
    -0.2,  // circular_runout
    0.2,   // total_runout
};

// Sizes a process makes, mm (log-uniform between).
struct SizeRange {
  double low, high;
};
SizeRange size_range(Process process) {
  switch (process) {
    case Process::casting:
    case Process::forging:
    case Process::sheet_metal: return {5.0, 1000.0};
    case Process::additive: return {2.0, 300.0};
    case Process::drilling:
    case Process::reaming: return {1.0, 60.0};
    default: return {1.0, 500.0};
  }
}

double normal(Random& random, double sigma = 1.0) {
  return std::normal_distribution<double>(0.0, sigma)(random);
}
double uniform(Random& random, double low, double high) {
  return std::uniform_real_distribution<double>(low, high)(random);
}

// A field on a grid of points (u, v) in [-1, 1]^2, or a profile (v = 0), or a cylinder (u = angle,
// v = height): the skin. Amplitudes are relative; the caller scales.
constexpr int kGrid = 12;
constexpr int kAngles = 36;

double range_of(const std::vector<double>& values) {
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return *high - *low;
}

// Removes the least-squares mean, and when `plane` the linear terms in u and v (the grid is
// symmetric, so the terms are orthogonal and each is fitted on its own).
void remove_reference(std::vector<double>& z, const std::vector<double>& u, const std::vector<double>& v, bool plane) {
  double mean = 0, zu = 0, uu = 0, zv = 0, vv = 0;
  for (std::size_t i = 0; i < z.size(); ++i) {
    mean += z[i];
    zu += z[i] * u[i];
    uu += u[i] * u[i];
    zv += z[i] * v[i];
    vv += v[i] * v[i];
  }
  mean /= static_cast<double>(z.size());
  for (std::size_t i = 0; i < z.size(); ++i) {
    z[i] -= mean;
    if (plane) z[i] -= (uu > 0 ? zu / uu * u[i] : 0.0) + (vv > 0 ? zv / vv * v[i] : 0.0);
  }
}

// A flat surface or a line: bowl and saddle (clamping, heat), waviness along the feed, a random
// field of low modes decaying as 1/k, and roughness.
std::vector<double> flat_skin(Random& random, bool line, std::vector<double>& u, std::vector<double>& v) {
  const int rows = line ? 1 : kGrid;
  u.clear();
  v.clear();
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < kGrid; ++c) {
      u.push_back(-1.0 + 2.0 * c / (kGrid - 1));
      v.push_back(line ? 0.0 : -1.0 + 2.0 * r / (kGrid - 1));
    }
  }
  const double bowl = normal(random, 0.5), saddle = line ? 0.0 : normal(random, 0.3);
  const double wave_amplitude = std::abs(normal(random, 0.25)), wave_frequency = uniform(random, 2.0, 6.0);
  const double wave_phase = uniform(random, 0.0, kTwoPi);
  std::array<double, 8> modes{}, phases{};
  for (std::size_t k = 0; k < modes.size(); ++k) {
    modes[k] = normal(random, 0.4 / static_cast<double>(k + 1));
    phases[k] = uniform(random, 0.0, kTwoPi);
  }
  std::vector<double> z(u.size());
  for (std::size_t i = 0; i < z.size(); ++i) {
    double value = bowl * (u[i] * u[i] + v[i] * v[i]) + saddle * u[i] * v[i];
    value += wave_amplitude * std::sin(wave_frequency * kPi * u[i] + wave_phase);
    for (std::size_t k = 0; k < modes.size(); ++k) {
      const double frequency = static_cast<double>(k + 1) * kPi / 2.0;
      value += modes[k] * std::cos(frequency * (u[i] + 0.7 * v[i]) + phases[k]);
    }
    z[i] = value + normal(random, 0.05);
  }
  return z;
}

// A round surface: lobing harmonics 2..15 (decaying as 1/k, with a process's favourite lobe count
// stronger), per section; over the height, taper and barrel; roughness.
std::vector<double> round_skin(Random& random, int sections, std::vector<double>& angle, std::vector<double>& height) {
  angle.clear();
  height.clear();
  std::array<double, 16> a{}, b{};
  for (int k = 2; k < 16; ++k) {
    a[k] = normal(random, 0.5 / k);
    b[k] = normal(random, 0.5 / k);
  }
  const int lobe = 2 + static_cast<int>(uniform(random, 0.0, 4.0));
  a[lobe] += normal(random, 0.4);
  const double taper = normal(random, 0.4), barrel = normal(random, 0.3);
  std::vector<double> r;
  for (int s = 0; s < sections; ++s) {
    const double h = sections == 1 ? 0.0 : -1.0 + 2.0 * s / (sections - 1);
    for (int t = 0; t < kAngles; ++t) {
      const double theta = kTwoPi * t / kAngles;
      double value = taper * h + barrel * (h * h - 1.0 / 3.0);
      for (int k = 2; k < 16; ++k) value += a[k] * std::cos(k * theta) + b[k] * std::sin(k * theta);
      angle.push_back(theta);
      height.push_back(h);
      r.push_back(value + normal(random, 0.05));
    }
  }
  return r;
}

// The measured geometric value of one part, relative to the amplitude scale `a` (mm).
double geometric_value(Random& random, FeatureClass feature_class, double a) {
  std::vector<double> u, v;
  switch (feature_class) {
    case FeatureClass::straightness:
    case FeatureClass::flatness: {
      auto z = flat_skin(random, feature_class == FeatureClass::straightness, u, v);
      remove_reference(z, u, v, true);
      return a * range_of(z);
    }
    case FeatureClass::perpendicularity:
    case FeatureClass::angularity:
    case FeatureClass::parallelism: {
      // Form plus the tilt of the whole face against the datum (fixturing, machine squareness).
      auto z = flat_skin(random, false, u, v);
      remove_reference(z, u, v, true);
      const double tilt_u = normal(random, 0.6), tilt_v = normal(random, 0.6);
      for (std::size_t i = 0; i < z.size(); ++i) z[i] += tilt_u * u[i] + tilt_v * v[i];
      return a * range_of(z);
    }
    case FeatureClass::line_profile:
    case FeatureClass::surface_profile: {
      // Form plus the offset of the whole surface from its true profile; the zone is ±t/2.
      auto z = flat_skin(random, feature_class == FeatureClass::line_profile, u, v);
      remove_reference(z, u, v, true);
      const double offset = normal(random, 0.5);
      double largest = 0;
      for (double value : z) largest = std::max(largest, std::abs(value + offset));
      return a * 2.0 * largest;
    }
    case FeatureClass::circularity:
    case FeatureClass::cylindricity: {
      const int sections = feature_class == FeatureClass::circularity ? 1 : 5;
      auto r = round_skin(random, sections, u, v);
      // Least-squares cylinder: harmonics 0 and 1 are its radius and axis; the sampled ring is
      // uniform, so removing each section's mean leaves only higher harmonics, taper and barrel.
      if (sections == 1) {
        remove_reference(r, u, v, false);
      } else {
        double mean = 0;
        for (double value : r) mean += value;
        mean /= static_cast<double>(r.size());
        for (double& value : r) value -= mean;
      }
      return a * range_of(r);
    }
    case FeatureClass::circular_runout:
    case FeatureClass::total_runout: {
      // The indicator reads roundness (and over the length taper and barrel) plus the eccentricity
      // of the feature's axis to the datum axis, twice.
      const int sections = feature_class == FeatureClass::circular_runout ? 1 : 5;
      auto r = round_skin(random, sections, u, v);
      const double ex = normal(random, 0.5), ey = normal(random, 0.5);
      for (std::size_t i = 0; i < r.size(); ++i) r[i] += ex * std::cos(u[i]) + ey * std::sin(u[i]);
      return a * range_of(r);
    }
    case FeatureClass::position:
    case FeatureClass::concentricity: {
      // A diametral zone: twice the radial offset of the axis or centre from its true position.
      const double dx = normal(random, 0.45) + normal(random, 0.1), dy = normal(random, 0.45);
      return a * 2.0 * std::hypot(dx, dy);
    }
    case FeatureClass::symmetry: return a * 2.0 * std::abs(normal(random, 0.5));
    case FeatureClass::linear_size:
    case FeatureClass::diameter_size: break;
  }
  return 0.0;
}

Sample one_sample(Random& random) {
  Sample sample;
  sample.process = static_cast<Process>(std::uniform_int_distribution<int>(0, kProcessCount - 1)(random));
  sample.material = static_cast<Material>(std::uniform_int_distribution<int>(0, kMaterialCount - 1)(random));
  Feature& feature = sample.feature;
  // Sizes are most of a drawing's tolerances: 40 % of the samples, the characteristics share the rest.
  const bool size = uniform(random, 0.0, 1.0) < kSizeShare;
  feature.feature_class =
      static_cast<FeatureClass>(size ? std::uniform_int_distribution<int>(0, 1)(random)
                                     : std::uniform_int_distribution<int>(2, kFeatureClassCount - 1)(random));
  const SizeRange range = size_range(sample.process);
  feature.size_mm = std::exp(uniform(random, std::log(range.low), std::log(range.high)));

  // The tolerance a designer drew: from well below the process's best grade up to IT17 (general
  // tolerances of large parts), so that the model sees incapable and easy features alike and never
  // extrapolates in the grade.
  const ProcessGrades grades = process_grades(sample.process);
  const double drawn_grade = uniform(random, grades.best - 2.5, kCoarsestDrawnGrade);
  const double zone = grade_width_mm(feature.size_mm, drawn_grade);

  // The shop works to the tolerance, half a grade finer than drawn (Cp 1.67 before the lot's
  // scatter), within what the process can do; the material, the characteristic and the lot's
  // machine and operator shift it.
  const double offsets = kMaterialGradeOffset[static_cast<std::size_t>(sample.material)] +
                         kClassGradeOffset[static_cast<std::size_t>(feature.feature_class)];
  const double achieved =
      std::clamp(drawn_grade - kAimGrades, grades.best, grades.economic) + offsets + normal(random, 0.35);
  const double scale = grade_width_mm(feature.size_mm, achieved);

  if (is_size(feature.feature_class)) {
    // Drawn as ± half the zone about a basic deviation that is often one-sided (h/H-like).
    const double shift = std::uniform_int_distribution<int>(-1, 1)(random) * 0.5 * zone;
    feature.deviations_mm = {0.5 * zone + shift, -0.5 * zone + shift};
    const double sigma = scale / 8.0;
    const double bias = normal(random, 0.3 * sigma);
    const double wear = uniform(random, 0.0, 1.5 * sigma) * (uniform(random, 0.0, 1.0) < 0.5 ? -1.0 : 1.0);
    const double centre = shift;
    sample.measured_mm = centre + bias + (uniform(random, 0.0, 1.0) - 0.5) * wear + normal(random, sigma);
  } else {
    feature.deviations_mm = {zone, 0.0};
    sample.measured_mm = geometric_value(random, feature.feature_class, kSkinAmplitude * scale);
  }
  return sample;
}

}  // namespace

std::vector<Sample> simulate_samples(std::uint64_t seed, std::size_t count) {
  Random random(seed);
  std::vector<Sample> samples;
  samples.reserve(count);
  for (std::size_t i = 0; i < count; ++i) samples.push_back(one_sample(random));
  return samples;
}

}  // namespace drawlens::tolerance
