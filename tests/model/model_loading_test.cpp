// load_model on real files: a good one, a missing one, a directory in its place, an empty, a
// corrupt and an over-size one (sparse, refused from its size alone).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/model_container.h"
#include "model/sample_models.h"
#include "model/scratch_directory.h"

namespace {

using drawlens::Status;
namespace model = drawlens::model;
namespace samples = drawlens::model::samples;
namespace fs = std::filesystem;

void write_file(const fs::path& path, const std::vector<std::uint8_t>& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

std::vector<std::uint8_t> recognizer_bytes() {
  const samples::SampleModel m = samples::recognizer();
  return model::write_model_file(m.header, m.payload).value();
}

void expect_model_error(const drawlens::Result<model::ModelFile>& r, const std::vector<std::string>& words) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, Status::model) << r.error().message;
  for (const std::string& w : words) EXPECT_NE(r.error().message.find(w), std::string::npos) << r.error().message;
}

const model::ModelExpectation kRecognizer = samples::expectation_for(samples::recognizer().header);

TEST(ModelLoading, LoadsNameDotDlmodelFromTheDirectory) {
  const drawlens_test::ScratchDirectory dir("load");
  write_file(dir.path() / "recognizer.dlmodel", recognizer_bytes());
  auto r = model::load_model(dir.path().string(), kRecognizer);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r.value().payload, samples::recognizer().payload);
  EXPECT_EQ(r.value().header.training.seed, 7u);
}

TEST(ModelLoading, MissingFileNamesTheFullPath) {
  const drawlens_test::ScratchDirectory dir("missing");
  expect_model_error(model::load_model(dir.path().string(), kRecognizer),
                     {"model 'recognizer'", (dir.path() / "recognizer.dlmodel").string(), "No such file"});
}

TEST(ModelLoading, DirectoryWhereTheFileShouldBeIsRefused) {
  const drawlens_test::ScratchDirectory dir("directory");
  fs::create_directory(dir.path() / "recognizer.dlmodel");
  expect_model_error(model::load_model(dir.path().string(), kRecognizer),
                     {(dir.path() / "recognizer.dlmodel").string(), "is a directory, not a file"});
}

TEST(ModelLoading, EmptyFileIsRefused) {
  const drawlens_test::ScratchDirectory dir("empty");
  write_file(dir.path() / "recognizer.dlmodel", {});
  expect_model_error(model::load_model(dir.path().string(), kRecognizer),
                     {(dir.path() / "recognizer.dlmodel").string(), "is empty (0 bytes)"});
}

TEST(ModelLoading, CorruptFileNamesThePathAndTheProblem) {
  const drawlens_test::ScratchDirectory dir("corrupt");
  std::vector<std::uint8_t> bytes = recognizer_bytes();
  bytes[bytes.size() / 2] ^= 0x10;
  write_file(dir.path() / "recognizer.dlmodel", bytes);
  expect_model_error(model::load_model(dir.path().string(), kRecognizer),
                     {(dir.path() / "recognizer.dlmodel").string(), "checksum mismatch"});
}

TEST(ModelLoading, OversizeFileIsRefusedFromItsSizeBeforeReading) {
  const drawlens_test::ScratchDirectory dir("oversize");
  const fs::path path = dir.path() / "recognizer.dlmodel";
  write_file(path, recognizer_bytes());
  fs::resize_file(path, model::kMaxFileBytes + 1);  // sparse: no disk space, no reading
  expect_model_error(model::load_model(dir.path().string(), kRecognizer),
                     {path.string(), std::to_string(model::kMaxFileBytes + 1) + " bytes, over the limit"});
}

TEST(ModelLoading, NameThatIsNotAFileNameIsAnInvalidArgument) {
  model::ModelExpectation e = kRecognizer;
  e.name = "../recognizer";
  auto r = model::load_model("/tmp", e);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().status, Status::invalid_argument);
}

}  // namespace
