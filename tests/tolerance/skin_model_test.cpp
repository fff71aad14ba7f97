// The skin model as trained and as committed: a small training on the simulation that must learn
// (calibrated intervals, better than a constant), the committed models/skinmodel.dlmodel judged on
// cases whose answer is known from practice, and model-file errors.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "tolerance/skin_training.h"
#include "tolerance/tolerance.h"

namespace {

namespace model = drawlens::model;
namespace parse = drawlens::parse;
using namespace drawlens::tolerance;
using drawlens::Status;

Feature size_feature(const char* id, double size, double upper, double lower,
                     FeatureClass c = FeatureClass::diameter_size) {
  Feature f;
  f.id = id;
  f.text = id;
  f.feature_class = c;
  f.size_mm = size;
  f.deviations_mm = {upper, lower};
  return f;
}

const SkinModel& committed() {
  static const SkinModel model = [] {
    auto loaded = SkinModel::load(DRAWLENS_SOURCE_MODELS_DIR);
    if (!loaded) throw std::runtime_error(loaded.error().message);
    return std::move(loaded).value();
  }();
  return model;
}

TEST(SkinTraining, ASmallTrainingLearnsAndItsIntervalsAreCalibrated) {
  TrainingOptions options;
  options.rounds = 40;
  options.max_depth = 4;
  options.learning_rate = 0.2;
  const auto train = simulate_samples(11, 6000);
  const auto calibration = simulate_samples(12, 3000);
  const auto test = simulate_samples(13, 4000);
  auto trained = train_skin_model(train, calibration, options, model::TrainingRecord{"test", 11, 6000});
  ASSERT_TRUE(trained.ok()) << trained.error().message;
  auto file = model::read_model_file(trained.value().file.data(), trained.value().file.size(), skin_model_expectation(),
                                     "trained");
  ASSERT_TRUE(file.ok()) << file.error().message;
  auto skin = SkinModel::from_model_file(file.value(), "trained");
  ASSERT_TRUE(skin.ok()) << skin.error().message;
  auto predictions = predict_samples(skin.value(), test);
  ASSERT_TRUE(predictions.ok());
  for (const Figures& f : evaluate(test, predictions.value())) {
    if (f.group == "all") {
      EXPECT_NEAR(f.coverage90, 0.90, 0.03);
    } else if (f.group == "geometric") {
      EXPECT_GT(f.r2, 0.4);  // the committed model reaches 0.73
    } else if (f.group == "sizes") {
      EXPECT_GT(f.spread_r2, 0.1);
    }
  }
}

TEST(SkinTraining, TheSimulationIsReproducibleFromItsSeed) {
  const auto a = simulate_samples(5, 50), b = simulate_samples(5, 50), c = simulate_samples(6, 50);
  for (std::size_t i = 0; i < a.size(); ++i) EXPECT_EQ(a[i].measured_mm, b[i].measured_mm);
  EXPECT_NE(a[0].measured_mm, c[0].measured_mm);
}

TEST(CommittedSkinModel, GrindingHoldsWhatMillingCannot) {
  // Ø20 h6 (IT6, 13 µm): finer than milling's best grade (IT7), within grinding's range (IT4.5-6).
  const std::vector<Feature> fine = {size_feature("D1", 20, 0, -0.013)};
  auto milled = committed().analyze(fine, Process::milling, Material::steel);
  auto ground = committed().analyze(fine, Process::grinding, Material::steel);
  ASSERT_TRUE(milled.ok() && ground.ok());
  EXPECT_LT(milled.value()[0].conformance.cpk, 1.0);
  EXPECT_GT(ground.value()[0].conformance.cpk, milled.value()[0].conformance.cpk);
  EXPECT_GT(ground.value()[0].conformance.yield, milled.value()[0].conformance.yield);
  const auto& capable = milled.value()[0].capable_processes;
  EXPECT_NE(std::find(capable.begin(), capable.end(), Process::grinding), capable.end());
  EXPECT_EQ(std::find(capable.begin(), capable.end(), Process::casting), capable.end());
  EXPECT_TRUE(milled.value()[0].cost_driver);
  EXPECT_GE(ground.value()[0].conformance.cpk, 1.33) << ground.value()[0].reason;
  EXPECT_EQ(milled.value()[0].it_grade, parse::ItGrade::it6);
  EXPECT_NE(milled.value()[0].reason.find("milling in steel"), std::string::npos) << milled.value()[0].reason;
}

TEST(CommittedSkinModel, LooserTolerancesAreMoreCapable) {
  double previous_yield = 0, previous_cpk = -1e9;
  for (double zone : {0.01, 0.03, 0.1, 0.3, 1.0}) {
    auto a = committed().analyze({size_feature("D", 40, zone / 2, -zone / 2, FeatureClass::linear_size)},
                                 Process::milling, Material::aluminium);
    ASSERT_TRUE(a.ok());
    EXPECT_GE(a.value()[0].conformance.yield, previous_yield - 1e-3) << zone;
    EXPECT_GT(a.value()[0].conformance.cpk, previous_cpk) << zone;
    previous_yield = a.value()[0].conformance.yield;
    previous_cpk = a.value()[0].conformance.cpk;
  }
  EXPECT_GT(previous_yield, 0.999);
}

TEST(CommittedSkinModel, GeometricPredictionsAreOrderedAndPositive) {
  Feature flat = size_feature("F", 100, 0.05, 0, FeatureClass::flatness);
  auto d = committed().predict({flat}, Process::milling, Material::steel);
  ASSERT_TRUE(d.ok());
  const Distribution& p = d.value()[0];
  EXPECT_GT(p.q05_mm, 0);
  EXPECT_LT(p.q05_mm, p.q50_mm);
  EXPECT_LT(p.q50_mm, p.q95_mm);
  EXPECT_GT(p.sigma_mm, 0);
}

TEST(CommittedSkinModel, CostDriversAreTheTightestFeatures) {
  const std::vector<Feature> features = {size_feature("loose", 50, 0.5, -0.5), size_feature("tight", 50, 0.008, -0.008),
                                         size_feature("medium", 50, 0.1, -0.1)};
  auto a = committed().analyze(features, Process::milling, Material::steel);
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a.value()[1].cost_driver);
  EXPECT_FALSE(a.value()[0].cost_driver);
  EXPECT_GT(a.value()[1].tightness, a.value()[2].tightness);
  EXPECT_GT(a.value()[2].tightness, a.value()[0].tightness);
}

TEST(CommittedSkinModel, BadFeaturesAreRefused) {
  auto empty_zone = committed().predict({size_feature("Z", 10, 0.1, 0.1)}, Process::milling, Material::steel);
  ASSERT_FALSE(empty_zone.ok());
  EXPECT_EQ(empty_zone.error().status, Status::invalid_argument);
  EXPECT_NE(empty_zone.error().message.find("'Z'"), std::string::npos);
  auto none = committed().analyze({}, Process::milling, Material::steel);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none.value().empty());
}

TEST(SkinModelFile, MissingDamagedAndMismatchedFilesAreModelErrors) {
  const auto directory = std::filesystem::temp_directory_path() / "drawlens_skin_model_test";
  std::filesystem::create_directories(directory);
  std::filesystem::remove(directory / "skinmodel.dlmodel");
  auto missing = SkinModel::load(directory.string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().status, Status::model);
  EXPECT_NE(missing.error().message.find("skinmodel.dlmodel"), std::string::npos);

  model::ModelHeader header;
  header.name = kSkinModelName;
  header.architecture = kSkinModelArchitecture;
  header.input_shape = {-1, 37};
  header.payload_format = model::PayloadFormat::xgboost_ubj;
  // A well-formed header (a capability table of the right length) over a payload XGBoost refuses.
  header.hyperparameters = {{"sigma_scale", 1.0},
                            {"capability_grades", nlohmann::json(std::vector<double>(7 * 11 * 16 * 6, 8.0))}};
  const std::vector<std::uint8_t> garbage = {'n', 'o', 't', ' ', 'a', ' ', 'b', 'o', 'o', 's', 't', 'e', 'r'};
  auto bytes = model::write_model_file(header, garbage);
  ASSERT_TRUE(bytes.ok());
  auto file = model::read_model_file(bytes.value().data(), bytes.value().size(), skin_model_expectation(), "garbage");
  ASSERT_TRUE(file.ok()) << file.error().message;
  auto damaged = SkinModel::from_model_file(file.value(), "garbage");
  ASSERT_FALSE(damaged.ok());
  EXPECT_EQ(damaged.error().status, Status::model);
  EXPECT_NE(damaged.error().message.find("'garbage'"), std::string::npos);

  file.value().header.hyperparameters = nlohmann::json::object();
  auto unscaled = SkinModel::from_model_file(file.value(), "unscaled");
  ASSERT_FALSE(unscaled.ok());
  EXPECT_NE(unscaled.error().message.find("sigma_scale"), std::string::npos);
  file.value().header.hyperparameters = {{"sigma_scale", 1.0}, {"capability_grades", {1, 2, 3}}};
  auto short_table = SkinModel::from_model_file(file.value(), "short");
  ASSERT_FALSE(short_table.ok());
  EXPECT_EQ(short_table.error().status, Status::model);
  EXPECT_NE(short_table.error().message.find("capability_grades"), std::string::npos);

  header.input_shape = {-1, 12};
  auto other_inputs = model::write_model_file(header, garbage);
  auto mismatch = model::read_model_file(other_inputs.value().data(), other_inputs.value().size(),
                                         skin_model_expectation(), "other");
  ASSERT_FALSE(mismatch.ok());
  EXPECT_EQ(mismatch.error().status, Status::model);
  std::filesystem::remove_all(directory);
}

}  // namespace
