// The models-directory search: a requested directory alone, $DRAWLENS_MODELS alone, the built-in
// places in order, and a message that names every place looked and why each failed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>

#include "model/model.h"
#include "model/models_directory_search.h"
#include "model/scratch_directory.h"

namespace {

using drawlens::Status;
namespace model = drawlens::model;

// Sets or unsets DRAWLENS_MODELS for one test and restores what was there.
class ModelsVariable {
 public:
  explicit ModelsVariable(const char* value) {
    if (const char* old = std::getenv("DRAWLENS_MODELS")) saved_ = old;
    if (value) {
      ::setenv("DRAWLENS_MODELS", value, 1);
    } else {
      ::unsetenv("DRAWLENS_MODELS");
    }
  }
  ~ModelsVariable() {
    if (saved_) {
      ::setenv("DRAWLENS_MODELS", saved_->c_str(), 1);
    } else {
      ::unsetenv("DRAWLENS_MODELS");
    }
  }
  ModelsVariable(const ModelsVariable&) = delete;
  ModelsVariable& operator=(const ModelsVariable&) = delete;

 private:
  std::optional<std::string> saved_;
};

void expect_words(const drawlens::Result<std::string>& r, const std::vector<std::string>& words) {
  ASSERT_FALSE(r.ok()) << r.value();
  EXPECT_EQ(r.error().status, Status::model) << r.error().message;
  for (const std::string& w : words) EXPECT_NE(r.error().message.find(w), std::string::npos) << r.error().message;
}

TEST(ModelsDirectory, RequestedDirectoryIsUsedWhenItExists) {
  const drawlens_test::ScratchDirectory dir("requested");
  const ModelsVariable variable("/no/such/variable/models");
  auto r = model::find_models_directory(dir.path().string());
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), dir.path().string());
}

TEST(ModelsDirectory, MissingRequestedDirectoryIsTheOnlyPlaceLooked) {
  const drawlens_test::ScratchDirectory dir("present");  // exists, but only the requested one counts
  const ModelsVariable variable(dir.path().c_str());
  expect_words(model::find_models_directory("/no/such/requested/models"),
               {"Looked in 1 place", "the requested models directory: '/no/such/requested/models' does not exist"});
}

TEST(ModelsDirectory, RequestedFileIsNotADirectory) {
  const drawlens_test::ScratchDirectory dir("file");
  const std::string file = (dir.path() / "models").string();
  std::ofstream(file) << "not a directory";
  expect_words(model::find_models_directory(file), {"'" + file + "' is not a directory"});
}

TEST(ModelsDirectory, VariableIsUsedWhenSet) {
  const drawlens_test::ScratchDirectory dir("variable");
  const ModelsVariable variable(dir.path().c_str());
  auto r = model::find_models_directory("");
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), dir.path().string());
}

TEST(ModelsDirectory, VariableSetToAMissingPathIsRefusedNotSkipped) {
  const ModelsVariable variable("/no/such/variable/models");
  expect_words(model::find_models_directory(""),
               {"Looked in 1 place", "$DRAWLENS_MODELS: '/no/such/variable/models' does not exist", "DRAWLENS_MODELS"});
}

TEST(ModelsDirectory, WithoutTheVariableTheBuiltInPlacesAreSearchedInOrder) {
  const ModelsVariable variable(nullptr);
  const auto places = model::models_search_locations("");
  ASSERT_EQ(places.size(), 4u);
  EXPECT_EQ(places[0].origin, "$DRAWLENS_MODELS");
  EXPECT_EQ(places[0].why_absent, "is not set");
  EXPECT_EQ(places[1].origin, "beside the loaded libdrawlens");
  EXPECT_EQ(std::filesystem::path(places[1].path).filename(), "models");
  EXPECT_EQ(places[2].origin, "the install data directory");
  EXPECT_EQ(places[3].origin, "the source tree");
  EXPECT_TRUE(std::filesystem::is_regular_file(std::filesystem::path(places[3].path) / "README.md")) << places[3].path;
  // The source tree's models/ exists, so the search always ends somewhere.
  auto found = model::find_models_directory("");
  ASSERT_TRUE(found.ok()) << found.error().message;
  EXPECT_TRUE(std::filesystem::is_directory(found.value()));
}

TEST(ModelsDirectory, EmptyVariableCountsAsUnset) {
  const ModelsVariable variable("");
  const auto places = model::models_search_locations("");
  ASSERT_EQ(places.size(), 4u);
  EXPECT_EQ(places[0].why_absent, "is set but empty");
}

TEST(ModelsDirectory, MessageNamesEveryPlaceLookedAndWhyEachFailed) {
  const drawlens_test::ScratchDirectory dir("reasons");
  const std::string file = (dir.path() / "plain-file").string();
  std::ofstream(file) << "x";
  const std::vector<model::ModelsLocation> places = {
      {"$DRAWLENS_MODELS", "", "is not set"},
      {"beside the loaded libdrawlens", "/opt/drawlens/share/drawlens/models", ""},
      {"the install data directory", file, ""},
      {"the source tree", (dir.path() / "gone").string(), ""}};
  expect_words(model::first_models_directory(places),
               {"no models directory found", "Looked in 4 places", "$DRAWLENS_MODELS: is not set",
                "beside the loaded libdrawlens: '/opt/drawlens/share/drawlens/models' does not exist",
                "the install data directory: '" + file + "' is not a directory",
                "the source tree: '" + (dir.path() / "gone").string() + "' does not exist"});
}

TEST(ModelsDirectory, FirstExistingPlaceWins) {
  const drawlens_test::ScratchDirectory first("first");
  const drawlens_test::ScratchDirectory second("second");
  auto r = model::first_models_directory({{"$DRAWLENS_MODELS", "", "is not set"},
                                          {"a", "/no/such/place", ""},
                                          {"b", first.path().string(), ""},
                                          {"c", second.path().string(), ""}});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value(), first.path().string());
}

}  // namespace
