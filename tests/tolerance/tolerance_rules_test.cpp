// The tolerance module's deterministic parts: features from parsed annotations, ISO 286 fits,
// Cp/Cpk/yield against hand-computed cases, stack-ups against analytic results, every GD&T
// validation rule with a passing and a failing frame, and the measurements CSV's errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "tolerance/skin_training.h"
#include "tolerance/tolerance.h"

namespace {

namespace parse = drawlens::parse;
using namespace drawlens::tolerance;
using drawlens::Status;

parse::Dimension dimension(const char* text) {
  auto parsed = parse::parse_dimension(text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.value();
}

double normal_cdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

// ---- features ------------------------------------------------------------------------------

TEST(Features, DimensionWithDeviationsBecomesASizeFeature) {
  auto feature = feature_from_dimension(dimension("Ø25 +0.2/-0.1"), "D1");
  ASSERT_TRUE(feature.ok()) << feature.error().message;
  EXPECT_EQ(feature.value().feature_class, FeatureClass::diameter_size);
  EXPECT_DOUBLE_EQ(feature.value().size_mm, 25.0);
  EXPECT_NEAR(feature.value().zone_mm(), 0.3, 1e-12);
  EXPECT_EQ(feature.value().id, "D1");
}

TEST(Features, ToleranceClassGivesIso286Limits) {
  auto feature = feature_from_dimension(dimension("Ø20 H7"), "D2");
  ASSERT_TRUE(feature.ok());
  EXPECT_NEAR(feature.value().deviations_mm.upper, 0.021, 1e-9);
  EXPECT_NEAR(feature.value().deviations_mm.lower, 0.0, 1e-9);
}

TEST(Features, HoleShaftPairCarriesTheFitClearances) {
  // ISO 286-2: Ø20 H7 = +0.021/0, g6 = -0.007/-0.020: clearance +0.007 ... +0.041.
  auto feature = feature_from_dimension(dimension("Ø20 H7/g6"), "D3");
  ASSERT_TRUE(feature.ok()) << feature.error().message;
  ASSERT_TRUE(feature.value().fit.has_value());
  EXPECT_NEAR(feature.value().fit->min_clearance, 0.007, 1e-9);
  EXPECT_NEAR(feature.value().fit->max_clearance, 0.041, 1e-9);
  EXPECT_EQ(feature.value().fit->kind, parse::FitKind::clearance);
  auto press = feature_from_dimension(dimension("Ø50 H7/p6"), "D4");
  ASSERT_TRUE(press.ok());
  // H7 = +0.025/0, p6 = +0.042/+0.026: interference 0.001 ... 0.042.
  EXPECT_NEAR(press.value().fit->max_clearance, -0.001, 1e-9);
  EXPECT_NEAR(press.value().fit->min_clearance, -0.042, 1e-9);
  EXPECT_EQ(press.value().fit->kind, parse::FitKind::interference);
}

TEST(Features, InchValuesAreConvertedToMillimetres) {
  parse::DimensionContext inch;
  inch.default_unit = parse::Unit::inch;
  auto parsed = parse::parse_dimension("1.000 ±.005", inch);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  auto feature = feature_from_dimension(parsed.value(), "D5");
  ASSERT_TRUE(feature.ok());
  EXPECT_NEAR(feature.value().size_mm, 25.4, 1e-9);
  EXPECT_NEAR(feature.value().zone_mm(), 0.254, 1e-9);
}

TEST(Features, GeneralToleranceGivesTheZoneAndItsClass) {
  parse::DimensionContext context;
  context.general_tolerance = parse::parse_general_tolerance("ISO 2768-m").value();
  auto parsed = parse::parse_dimension("25", context);
  ASSERT_TRUE(parsed.ok()) << parsed.error().message;
  auto feature = feature_from_dimension(parsed.value(), "D6");
  ASSERT_TRUE(feature.ok()) << feature.error().message;
  EXPECT_TRUE(feature.value().general);
  EXPECT_NE(feature.value().general_class.find("2768"), std::string::npos) << feature.value().general_class;
  EXPECT_NEAR(feature.value().zone_mm(), 0.4, 1e-12);  // ISO 2768-1 m, over 6 up to 30 mm: ±0.2
}

TEST(Features, DimensionsWithoutASizeZoneAreRefusedWithTheReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"45°±1°", "angular"}, {"M8x1.25-6g", "thread"}, {"25", "no tolerance"}, {"25 MAX", "one-sided"}};
  for (const auto& [text, reason] : cases) {
    auto feature = feature_from_dimension(dimension(text), "D");
    ASSERT_FALSE(feature.ok()) << text;
    EXPECT_EQ(feature.error().status, Status::invalid_argument);
    EXPECT_NE(feature.error().message.find(reason), std::string::npos) << feature.error().message;
  }
}

TEST(Features, FrameWithoutASizeAssumesOneAndSaysSo) {
  auto frame = parse::parse_gdt(std::string_view("⏥|0.05"));
  ASSERT_TRUE(frame.ok());
  auto assumed = feature_from_frame(frame.value(), "F1", 0);
  ASSERT_TRUE(assumed.ok());
  EXPECT_EQ(assumed.value().feature_class, FeatureClass::flatness);
  EXPECT_TRUE(assumed.value().size_assumed);
  EXPECT_DOUBLE_EQ(assumed.value().size_mm, kAssumedFeatureSizeMm);
  EXPECT_DOUBLE_EQ(assumed.value().zone_mm(), 0.05);
  auto given = feature_from_frame(frame.value(), "F1", 120);
  ASSERT_TRUE(given.ok());
  EXPECT_FALSE(given.value().size_assumed);
  EXPECT_DOUBLE_EQ(given.value().size_mm, 120);
}

TEST(Catalog, NamesAndSynonymsParseAndUnknownNamesListTheAccepted) {
  EXPECT_EQ(parse_process("Sheet metal").value(), Process::sheet_metal);
  EXPECT_EQ(parse_process("wire-EDM").value(), Process::edm);
  EXPECT_EQ(parse_material("aluminum").value(), Material::aluminium);
  EXPECT_EQ(name(Process::additive), "additive");
  auto unknown = parse_process("knitting");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.error().message.find("turning, milling"), std::string::npos);
  for (int p = 0; p < kProcessCount; ++p) {
    const ProcessGrades grades = process_grades(static_cast<Process>(p));
    EXPECT_LT(grades.best, grades.economic) << name(static_cast<Process>(p));
  }
}

// ---- conformance ---------------------------------------------------------------------------

Feature size_feature(double size, double upper, double lower) {
  Feature f;
  f.id = "S";
  f.size_mm = size;
  f.deviations_mm = {upper, lower};
  return f;
}

TEST(Conformance, SizeCpCpkAndYieldMatchHandComputation) {
  // Zone ±0.05 (0.1 mm); process mean +0.01 mm, sigma 0.1/9 mm: on the model's scale 0.1 and 1/9.
  const Feature f = size_feature(30, 0.05, -0.05);
  const Distribution d = distribution_from_model(f, 0.1, 1.0 / 9.0);
  EXPECT_NEAR(d.mean_mm, 0.01, 1e-12);
  EXPECT_NEAR(d.sigma_mm, 0.1 / 9.0, 1e-12);
  EXPECT_NEAR(d.q95_mm, 0.01 + 1.6448536 * 0.1 / 9.0, 1e-7);
  const Conformance c = conformance_of(f, d);
  ASSERT_TRUE(c.cp.has_value());
  EXPECT_NEAR(*c.cp, 1.5, 1e-9);                     // 0.1 / (6 * 0.1/9)
  EXPECT_NEAR(c.cpk, 0.04 / (3 * 0.1 / 9.0), 1e-9);  // (USL - mean) / 3 sigma = 1.2
  EXPECT_NEAR(c.yield, normal_cdf(3.6) - normal_cdf(-5.4), 1e-12);
  EXPECT_EQ(c.rating, Rating::marginal);
}

TEST(Conformance, GeometricValuesUseThePercentileMethod) {
  Feature f;
  f.feature_class = FeatureClass::flatness;
  f.size_mm = 50;
  f.deviations_mm = {0.02, 0};
  const double mu = std::log(0.3), sigma = 0.4;
  const Distribution d = distribution_from_model(f, mu, sigma);
  EXPECT_NEAR(d.q50_mm, 0.006, 1e-12);
  const Conformance c = conformance_of(f, d);
  EXPECT_FALSE(c.cp.has_value());
  EXPECT_NEAR(c.yield, normal_cdf(-mu / sigma), 1e-12);
  EXPECT_NEAR(c.cpk, (1 - 0.3) / (0.3 * std::exp(3 * sigma) - 0.3), 1e-9);  // ISO 22514-2 percentiles: 1.006
  EXPECT_EQ(c.rating, Rating::marginal);
}

// ---- stack-ups ------------------------------------------------------------------------------

std::vector<Feature> chain_features() {
  std::vector<Feature> f = {size_feature(50, 0.1, -0.1), size_feature(20, 0.2, -0.2), size_feature(10, 0.05, -0.05)};
  f[0].id = "A";
  f[1].id = "B";
  f[2].id = "C";
  return f;
}

TEST(StackUp, WorstCaseRssAndMonteCarloAgreeWithAnalyticResults) {
  const auto features = chain_features();
  auto result = stack_up(features, {{"A", 1}, {"B", -1}, {"C", -1}});
  ASSERT_TRUE(result.ok()) << result.error().message;
  const StackUp& s = result.value();
  EXPECT_DOUBLE_EQ(s.nominal, 20.0);
  EXPECT_NEAR(s.worst_case.upper, 0.35, 1e-12);
  EXPECT_NEAR(s.worst_case.lower, -0.35, 1e-12);
  const double rss = std::sqrt(0.01 + 0.04 + 0.0025);
  EXPECT_NEAR(s.rss.upper, rss, 1e-12);
  EXPECT_NEAR(s.rss.lower, -rss, 1e-12);
  EXPECT_EQ(s.samples, 1'000'000u);
  EXPECT_NEAR(s.monte_carlo_mean, 20.0, 3e-4);
  EXPECT_NEAR(s.monte_carlo_sigma, rss / 3.0, 0.005 * rss / 3.0);
  EXPECT_NEAR(s.q50, 20.0, 3e-4);
  EXPECT_NEAR(s.q95 - 20.0, 1.6448536 * rss / 3.0, 0.01 * rss);
  EXPECT_NEAR(s.q99865 - 20.0, rss, 0.03 * rss);
  EXPECT_NEAR(20.0 - s.q00135, rss, 0.03 * rss);
}

TEST(StackUp, UniformLinksHaveTheUniformVariance) {
  StackUpOptions options;
  options.distribution = LinkDistribution::uniform;
  options.samples = 400'000;
  auto result = stack_up(chain_features(), {{"A", 1}, {"B", 1}}, options);
  ASSERT_TRUE(result.ok());
  const double sigma = std::sqrt((0.04 + 0.16) / 12.0);
  EXPECT_NEAR(result.value().monte_carlo_sigma, sigma, 0.01 * sigma);
  EXPECT_NEAR(result.value().nominal, 70.0, 1e-12);
}

TEST(StackUp, SameSeedSameResultOtherSeedOtherSamples) {
  StackUpOptions options;
  options.samples = 10'000;
  auto a = stack_up(chain_features(), {{"A", 1}, {"C", 1}}, options);
  auto b = stack_up(chain_features(), {{"A", 1}, {"C", 1}}, options);
  options.seed = 2;
  auto c = stack_up(chain_features(), {{"A", 1}, {"C", 1}}, options);
  EXPECT_EQ(a.value().q95, b.value().q95);
  EXPECT_NE(a.value().q95, c.value().q95);
}

TEST(StackUp, BadChainsAreRefusedWithTheReason) {
  auto features = chain_features();
  Feature flat;
  flat.id = "F";
  flat.feature_class = FeatureClass::flatness;
  flat.size_mm = 10;
  flat.deviations_mm = {0.01, 0};
  features.push_back(flat);
  EXPECT_EQ(stack_up(features, {}).error().status, Status::invalid_argument);
  EXPECT_NE(stack_up(features, {{"Z", 1}}).error().message.find("'Z' names no feature"), std::string::npos);
  EXPECT_NE(stack_up(features, {{"F", 1}}).error().message.find("not a size"), std::string::npos);
  EXPECT_NE(stack_up(features, {{"A", 2}}).error().message.find("+1 or -1"), std::string::npos);
  StackUpOptions none;
  none.samples = 0;
  EXPECT_EQ(stack_up(features, {{"A", 1}}, none).error().status, Status::invalid_argument);
  StackUpOptions huge;
  huge.samples = 1'000'000'000'000ull;
  EXPECT_EQ(stack_up(features, {{"A", 1}}, huge).error().status, Status::limit_exceeded);
}

// ---- GD&T validation ------------------------------------------------------------------------

parse::GdtFrame frame(const char* text) {
  auto parsed = parse::parse_gdt(std::string_view(text));
  EXPECT_TRUE(parsed.ok()) << text << ": " << (parsed.ok() ? "" : parsed.error().message);
  return parsed.value();
}

bool has_rule(const std::vector<Finding>& findings, const char* rule, Severity severity) {
  return std::any_of(findings.begin(), findings.end(),
                     [&](const Finding& f) { return f.rule == rule && f.severity == severity; });
}

bool has_error(const std::vector<Finding>& findings) {
  return std::any_of(findings.begin(), findings.end(), [](const Finding& f) { return f.severity == Severity::error; });
}

parse::GdtSegment segment(double tolerance, std::vector<const char*> datums) {
  parse::GdtSegment s;
  s.tolerance = tolerance;
  for (const char* d : datums) s.datums.push_back(parse::DatumReference{d, {}});
  return s;
}

parse::GdtFrame built(parse::Characteristic c, std::vector<parse::GdtSegment> segments,
                      parse::FrameType type = parse::FrameType::single) {
  parse::GdtFrame f;
  f.characteristic = c;
  f.frame_type = type;
  f.segments = std::move(segments);
  f.normalized = "built";
  return f;
}

using C = parse::Characteristic;

TEST(GdtValidation, ConsistentFramesHaveNoFindings) {
  for (const char* text :
       {"⏥|0.05", "⌖|Ø0.2Ⓜ|A|B|C", "⟂|Ø0.05|A", "↗|0.02|A-B", "⌓|0.1|A|B", "⌭|0.01", "⌖|Ø0.5Ⓜ|A|B|C\n|Ø0.1Ⓜ|A"}) {
    EXPECT_TRUE(validate_frame(frame(text)).empty()) << text;
  }
}

TEST(GdtValidation, FormToleranceTakesNoDatum) {
  EXPECT_TRUE(has_rule(validate_frame(built(C::flatness, {segment(0.05, {"A"})})), "datum_forbidden", Severity::error));
  EXPECT_FALSE(has_error(validate_frame(built(C::flatness, {segment(0.05, {})}))));
}

TEST(GdtValidation, OrientationRunoutAndPositionNeedDatums) {
  EXPECT_TRUE(
      has_rule(validate_frame(built(C::perpendicularity, {segment(0.05, {})})), "datum_required", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::total_runout, {segment(0.05, {})})), "datum_required", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.2, {})})), "datum_required", Severity::warning));
  EXPECT_TRUE(validate_frame(built(C::perpendicularity, {segment(0.05, {"A"})})).empty());
}

TEST(GdtValidation, MaterialModifiersOnlyWhereAFeatureOfSizeIsControlled) {
  EXPECT_TRUE(has_rule(validate_frame(frame("⏥|0.05Ⓜ")), "material_modifier_not_allowed", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(frame("↗|0.05Ⓜ|A")), "material_modifier_not_allowed", Severity::error));
  EXPECT_FALSE(has_error(validate_frame(frame("⌖|Ø0.05Ⓜ|A"))));
  EXPECT_TRUE(has_rule(validate_frame(frame("↗|0.05|AⓂ")), "datum_modifier_not_allowed", Severity::error));
  EXPECT_TRUE(validate_frame(frame("↗|0.05|A")).empty());
}

TEST(GdtValidation, ZoneShapeMustSuitTheCharacteristic) {
  auto round_flatness = built(C::flatness, {segment(0.05, {})});
  round_flatness.segments[0].zone_shape = parse::ZoneShape::diameter;
  EXPECT_TRUE(has_rule(validate_frame(round_flatness), "zone_shape", Severity::error));
  auto sphere = built(C::perpendicularity, {segment(0.05, {"A"})});
  sphere.segments[0].zone_shape = parse::ZoneShape::spherical_diameter;
  EXPECT_TRUE(has_rule(validate_frame(sphere), "zone_shape", Severity::error));
  EXPECT_TRUE(validate_frame(frame("⌖|SØ0.2|A|B")).empty());
}

TEST(GdtValidation, ProjectedZoneOnlyForPositionAndOrientation) {
  auto projected_runout = built(C::circular_runout, {segment(0.05, {"A"})});
  projected_runout.segments[0].modifiers = {"projected"};
  EXPECT_TRUE(has_rule(validate_frame(projected_runout), "projected_zone", Severity::error));
  EXPECT_TRUE(validate_frame(frame("⌖|Ø0.2Ⓟ12|A|B")).empty());
}

TEST(GdtValidation, TangentPlaneOnlyForOrientation) {
  auto tangent_position = built(C::position, {segment(0.05, {"A"})});
  tangent_position.segments[0].modifiers = {"tangent_plane"};
  EXPECT_TRUE(has_rule(validate_frame(tangent_position), "tangent_plane", Severity::warning));
  auto tangent_parallel = built(C::parallelism, {segment(0.05, {"A"})});
  tangent_parallel.segments[0].modifiers = {"tangent_plane"};
  EXPECT_TRUE(validate_frame(tangent_parallel).empty());
}

TEST(GdtValidation, UnequalZoneOnlyForProfilesAndWithinTheTolerance) {
  EXPECT_TRUE(validate_frame(frame("⌓|0.2Ⓤ0.05|A")).empty());
  auto too_far = built(C::surface_profile, {segment(0.2, {"A"})});
  too_far.segments[0].unequal_offset = 0.3;
  EXPECT_TRUE(has_rule(validate_frame(too_far), "unequal_profile", Severity::error));
  auto on_position = built(C::position, {segment(0.2, {"A"})});
  on_position.segments[0].unequal_offset = 0.05;
  EXPECT_TRUE(has_rule(validate_frame(on_position), "unequal_profile", Severity::error));
}

TEST(GdtValidation, PerUnitToleranceWithinTheTotal) {
  auto per_unit = built(C::straightness, {segment(0.05, {})});
  per_unit.segments[0].per_unit = parse::PerUnit{0.01, 25};
  EXPECT_TRUE(validate_frame(per_unit).empty());
  per_unit.segments[0].per_unit = parse::PerUnit{0.1, 25};
  EXPECT_TRUE(has_rule(validate_frame(per_unit), "per_unit", Severity::error));
}

TEST(GdtValidation, DatumLettersCountAndDuplicates) {
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.2, {"A", "B", "C", "D"})})), "datum_count",
                       Severity::error));
  EXPECT_TRUE(
      has_rule(validate_frame(built(C::position, {segment(0.2, {"A", "A"})})), "datum_duplicate", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.2, {"a"})})), "datum_letter", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.2, {"O"})})), "datum_letter", Severity::warning));
  EXPECT_TRUE(validate_frame(built(C::position, {segment(0.2, {"A-B", "C"})})).empty());
}

TEST(GdtValidation, CompositeFramesRules) {
  using T = parse::FrameType;
  EXPECT_TRUE(
      validate_frame(built(C::position, {segment(0.5, {"A", "B"}), segment(0.1, {"A"})}, T::composite)).empty());
  EXPECT_TRUE(
      has_rule(validate_frame(built(C::perpendicularity, {segment(0.5, {"A"}), segment(0.1, {"A"})}, T::composite)),
               "composite_characteristic", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.1, {"A"}), segment(0.5, {"A"})}, T::composite)),
                       "composite_tolerance_order", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(built(C::position, {segment(0.1, {"A"}), segment(0.1, {"A"})}, T::composite)),
                       "composite_tolerance_order", Severity::warning));
  EXPECT_TRUE(
      has_rule(validate_frame(built(C::position, {segment(0.5, {"A", "B"}), segment(0.1, {"B"})}, T::composite)),
               "composite_datums", Severity::error));
  // A stacked frame's rows are frames of their own: a lower perpendicularity row needs its datum.
  auto stacked = built(C::position, {segment(0.5, {"A"}), segment(0.1, {})}, T::stacked);
  stacked.segments[1].characteristic = C::perpendicularity;
  EXPECT_TRUE(has_rule(validate_frame(stacked), "datum_required", Severity::error));
}

TEST(GdtValidation, FormToleranceMustRefineTheSizeTolerance) {
  EXPECT_TRUE(validate_frame(frame("⏥|0.05"), 0.1).empty());
  EXPECT_TRUE(has_rule(validate_frame(frame("⏥|0.2"), 0.1), "form_within_size", Severity::error));
  EXPECT_TRUE(has_rule(validate_frame(frame("⏥|0.1"), 0.1), "form_within_size", Severity::warning));
}

TEST(GdtValidation, WithdrawnCharacteristicsAreFlagged) {
  EXPECT_TRUE(has_rule(validate_frame(frame("◎|Ø0.05|A")), "withdrawn_characteristic", Severity::warning));
}

TEST(GdtValidation, TolerancesMustBePositive) {
  EXPECT_TRUE(has_rule(validate_frame(built(C::flatness, {segment(0, {})})), "tolerance_positive", Severity::error));
}

// ---- measurements CSV ------------------------------------------------------------------------

TEST(MeasurementsCsv, ReadsColumnsInAnyOrder) {
  auto samples = read_measurements_csv(
      "# a comment\nmeasured_mm,process,material,feature,size_mm,lower_mm,upper_mm\n"
      "0.012,turning,steel,diameter_size,20,-0.021,0\n\n0.004, milling , aluminum ,flatness,80,0,0.02\n");
  ASSERT_TRUE(samples.ok()) << samples.error().message;
  ASSERT_EQ(samples.value().size(), 2u);
  EXPECT_EQ(samples.value()[0].process, Process::turning);
  EXPECT_DOUBLE_EQ(samples.value()[0].feature.deviations_mm.lower, -0.021);
  EXPECT_EQ(samples.value()[1].material, Material::aluminium);
  EXPECT_EQ(samples.value()[1].feature.feature_class, FeatureClass::flatness);
}

TEST(MeasurementsCsv, ErrorsNameTheLineAndColumn) {
  const std::string header = "process,material,feature,size_mm,lower_mm,upper_mm,measured_mm\n";
  const std::pair<std::string, std::string> cases[] = {
      {"", "the file is empty"},
      {header, "no measurement"},
      {"process,material,feature,size_mm,lower_mm,upper_mm\n", "line 1, column 'measured_mm': missing"},
      {header + "turning,steel,diameter_size,20,-0.02,0,abc\n", "line 2, column 'measured_mm': 'abc' is not a number"},
      {header + "turning,steel,diameter_size,20,-0.02,0,\n", "line 2, column 'measured_mm': empty cell"},
      {header + "turning,steel,diameter_size,20,-0.02,0,0.01\nknitting,steel,flatness,20,0,0.1,0.01\n",
       "line 3, column 'process': unknown process 'knitting'"},
      {header + "turning,wood,flatness,20,0,0.1,0.01\n", "line 2, column 'material'"},
      {header + "turning,steel,roundish,20,0,0.1,0.01\n", "line 2, column 'feature'"},
      {header + "turning,steel,linear_size,20,0.1,0.1,0.01\n", "line 2, column 'upper_mm': upper_mm must exceed"},
      {header + "turning,steel,linear_size,-5,0,0.1,0.01\n", "line 2, column 'size_mm'"},
      {header + "turning,steel,flatness,20,-0.1,0.1,0.01\n", "line 2, column 'lower_mm'"},
  };
  for (const auto& [text, expected] : cases) {
    auto samples = read_measurements_csv(text);
    ASSERT_FALSE(samples.ok()) << text;
    EXPECT_EQ(samples.error().status, Status::invalid_argument);
    EXPECT_NE(samples.error().message.find(expected), std::string::npos) << samples.error().message;
  }
}

}  // namespace
