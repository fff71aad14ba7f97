// The tolerance stage (SkinModel): what each toleranced feature of a drawing asks of manufacturing.
// Per feature: the zone, its ISO 286 grade, the deviation a process and material are predicted to
// give (an XGBoost model trained on a skin-model simulation, models/skinmodel.dlmodel), yield,
// Cp/Cpk and a manufacturability rating with its reason; fits, stack-ups and GD&T frame checks.
// docs/tolerance.md holds the method, every assumption and its source.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "model/model.h"
#include "parse/parse.h"

namespace drawlens::tolerance {

// ---------------------------------------------------------------------------------------------
// Processes and materials (process_catalog.cpp)
// ---------------------------------------------------------------------------------------------

enum class Process {
  turning,
  milling,
  grinding,
  drilling,
  reaming,
  boring,
  edm,
  casting,
  forging,
  sheet_metal,
  additive
};
inline constexpr int kProcessCount = 11;
enum class Material { steel, stainless, aluminium, titanium, brass, cast_iron, plastic };
inline constexpr int kMaterialCount = 7;

std::string_view name(Process process);    // "turning", ..., "sheet_metal", "additive"
std::string_view name(Material material);  // "steel", ..., "cast_iron", "plastic"
// Accepts the names above, case-insensitively, with '-' or ' ' for '_' ("sheet metal") and common
// synonyms ("aluminum", "wire_edm", "3d_printing"); INVALID_ARGUMENT listing the accepted names.
Result<Process> parse_process(std::string_view text);
Result<Material> parse_material(std::string_view text);

// The published economic and best ISO 286 grades of a process for size (docs/tolerance.md cites
// each): `economic` is held in normal production, `best` with care, at a higher cost.
struct ProcessGrades {
  double best = 0;
  double economic = 0;
};
ProcessGrades process_grades(Process process);

// ---------------------------------------------------------------------------------------------
// Features (features.cpp)
// ---------------------------------------------------------------------------------------------

// What is toleranced: a size, or a GD&T characteristic. The order is the model's input order.
enum class FeatureClass {
  linear_size,
  diameter_size,
  straightness,
  flatness,
  circularity,
  cylindricity,
  line_profile,
  surface_profile,
  perpendicularity,
  angularity,
  parallelism,
  position,
  concentricity,
  symmetry,
  circular_runout,
  total_runout,
};
inline constexpr int kFeatureClassCount = 16;
std::string_view name(FeatureClass feature_class);  // "linear_size", "diameter_size", "flatness", ...
Result<FeatureClass> parse_feature_class(std::string_view text);
bool is_size(FeatureClass feature_class);
FeatureClass feature_class_of(parse::Characteristic characteristic);

// One toleranced feature, in millimetres. A size feature's limits are nominal + lower .. nominal +
// upper; a geometric one's zone is 0 .. upper (lower = 0).
struct Feature {
  std::string id;  // the caller's name for it ("D3", "F1"); stack-ups refer to features by it
  FeatureClass feature_class = FeatureClass::linear_size;
  std::string text;           // the annotation as normalised by the parser
  double size_mm = 0;         // the feature's size: its nominal, or for a frame the size it controls
  bool size_assumed = false;  // a frame's size was not given and was assumed (see features.cpp)
  parse::Deviations deviations_mm;
  bool general = false;           // toleranced by a general tolerance (ISO 2768), not on the annotation
  std::string general_class;      // then the class that applies, e.g. "ISO 2768-m"
  std::optional<parse::Fit> fit;  // a hole/shaft fit ("Ø20 H7/g6"): its clearance range
  double zone_mm() const { return deviations_mm.upper - deviations_mm.lower; }
};

// A dimension as a feature. INVALID_ARGUMENT naming the reason for dimensions that have no
// toleranced size: no tolerance (and no general tolerance in the context), angles, threads, basic
// and reference dimensions, and sizes that are not positive. Inch values are converted to mm.
Result<Feature> feature_from_dimension(const parse::Dimension& dimension, std::string id);

// A frame's first segment as a feature. size_mm: the size of the feature it controls; <= 0 means
// unknown, and then kAssumedFeatureSizeMm is used and the feature says so.
inline constexpr double kAssumedFeatureSizeMm = 50.0;
Result<Feature> feature_from_frame(const parse::GdtFrame& frame, std::string id, double size_mm);

// ---------------------------------------------------------------------------------------------
// Conformance of a predicted distribution (conformance.cpp)
// ---------------------------------------------------------------------------------------------

// The predicted distribution of what a feature measures, in mm: a size's deviation from its
// nominal, a geometric feature's measured value (>= 0). Sizes are normal, geometric values
// log-normal; `model_mean`, `model_sigma` are the model's parameters (see docs/tolerance.md).
struct Distribution {
  double model_mean = 0;
  double model_sigma = 0;
  double mean_mm = 0;
  double sigma_mm = 0;
  double q05_mm = 0, q50_mm = 0, q95_mm = 0;
};

enum class Rating { easy, capable, marginal, difficult, infeasible };
std::string_view name(Rating rating);  // "easy", "capable", "marginal", "difficult", "infeasible"

struct Conformance {
  double yield = 0;          // probability that a part conforms, 0..1
  std::optional<double> cp;  // two-sided sizes only
  double cpk = 0;            // ISO 22514-2: normal for sizes, the percentile method for geometric values
  Rating rating = Rating::easy;
};

// Rating thresholds on Cpk: >= 1.67 easy, >= 1.33 capable, >= 1.0 marginal, >= 0.5 difficult.
inline constexpr double kCapableCpk = 1.33;
Conformance conformance_of(const Feature& feature, const Distribution& distribution);

// The distribution in mm from the model's parameters on its scale (model_inputs.h).
Distribution distribution_from_model(const Feature& feature, double model_mean, double model_sigma);

// ---------------------------------------------------------------------------------------------
// The model (skin_model.cpp)
// ---------------------------------------------------------------------------------------------

struct Analysis {
  Feature feature;
  std::optional<parse::ItGrade> it_grade;  // the grade whose IT fits the zone at the feature's size
  Process process = Process::milling;
  Material material = Material::steel;
  Distribution predicted;
  Conformance conformance;
  std::string reason;                      // why the rating, in one sentence
  std::vector<Process> capable_processes;  // when not capable: processes that would be (Cpk >= 1.33)
  double tightness = 0;                    // 6 sigma / zone: how much of the zone the process uses
  bool cost_driver = false;                // among the tightest features relative to the process
};

inline constexpr const char* kSkinModelName = "skinmodel";
inline constexpr const char* kSkinModelArchitecture = "xgboost-gaussian";
inline constexpr int kSkinModelVersion = 1;
model::ModelExpectation skin_model_expectation();

// An XGBoost booster with two outputs per feature: the mean and the log standard deviation of the
// feature's deviation on the model's scale. Thread-safe for concurrent analyses once loaded.
class SkinModel {
 public:
  // MODEL when the file is missing or damaged, or XGBoost cannot load its payload.
  static Result<SkinModel> load(const std::string& models_directory);
  // A .dlmodel file by its path (a retrained model); IO or MODEL naming the path.
  static Result<SkinModel> load_file(const std::string& path);
  static Result<SkinModel> from_model_file(const model::ModelFile& file, const std::string& label);
  SkinModel(SkinModel&&) noexcept;
  SkinModel& operator=(SkinModel&&) noexcept;
  ~SkinModel();

  // The predicted distribution of each feature under one process and material.
  Result<std::vector<Distribution>> predict(const std::vector<Feature>& features, Process process,
                                            Material material) const;
  // Everything above per feature; cost drivers are marked across the list.
  Result<std::vector<Analysis>> analyze(const std::vector<Feature>& features, Process process, Material material) const;
  const model::ModelHeader& header() const;
  const model::ModelFile& model_file() const;
  // The model as .dlmodel bytes, to save it.
  Result<std::vector<std::uint8_t>> file_bytes() const;

 private:
  struct State;
  struct Query {
    const Feature* feature;
    Process process;
  };
  explicit SkinModel(std::unique_ptr<State> state);
  // One prediction call for features under processes of their own.
  Result<std::vector<Distribution>> predict_queries(const std::vector<Query>& queries, Material material) const;
  std::unique_ptr<State> state_;
};

// ---------------------------------------------------------------------------------------------
// Stack-ups (stack_up.cpp)
// ---------------------------------------------------------------------------------------------

struct StackLink {
  std::string feature_id;
  int direction = 1;  // +1 adds the dimension to the closing dimension, -1 subtracts it
};

enum class LinkDistribution { normal, uniform };

struct StackUpOptions {
  std::uint64_t samples = 1'000'000;
  std::uint64_t seed = 1;
  LinkDistribution distribution = LinkDistribution::normal;  // normal: the zone is ±3 sigma
};

struct StackUp {
  double nominal = 0;  // closing dimension's nominal, mm
  parse::Deviations worst_case;
  parse::Deviations rss;  // about the mean deviation, ±sqrt(sum of squared half-zones)
  double monte_carlo_mean = 0, monte_carlo_sigma = 0;
  double q00135 = 0, q05 = 0, q50 = 0, q95 = 0, q99865 = 0;  // closing dimension quantiles, mm
  std::uint64_t samples = 0;
};

// Stacks size features by id. INVALID_ARGUMENT for an empty chain, an unknown or geometric feature,
// a direction other than ±1, or zero samples (more than 5e7 is LIMIT_EXCEEDED: 400 MB of samples).
Result<StackUp> stack_up(const std::vector<Feature>& features, const std::vector<StackLink>& chain,
                         const StackUpOptions& options = {});

// ---------------------------------------------------------------------------------------------
// GD&T frame validation (gdt_validation.cpp)
// ---------------------------------------------------------------------------------------------

enum class Severity { error, warning };

struct Finding {
  std::string rule;  // a stable identifier, e.g. "datum_required"
  Severity severity = Severity::error;
  std::string message;
};

// Checks a frame for internal consistency (ISO 1101 / ASME Y14.5; the rules are listed in
// docs/tolerance.md): datum references required or forbidden by the characteristic, modifiers
// allowed for it, zone shape, datum letters, order and duplicates, composite frame rules, and, when
// size_zone_mm > 0 (the size tolerance of the feature it controls), a form tolerance within it.
// No finding of severity error: the frame is consistent.
std::vector<Finding> validate_frame(const parse::GdtFrame& frame, double size_zone_mm = 0);

}  // namespace drawlens::tolerance
