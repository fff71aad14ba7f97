// The committed seed corpus of model_file_fuzzer (tests/fuzz/corpus/model_file) is exactly what
// the writer makes of the sample models: each as a whole file and as its header text alone.
// DRAWLENS_WRITE_MODEL_SEEDS=1 rewrites the corpus first, for after a format change.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "model/model.h"
#include "model/model_header_json.h"
#include "model/sample_models.h"

namespace {

namespace model = drawlens::model;
namespace samples = drawlens::model::samples;
namespace fs = std::filesystem;
using Bytes = std::vector<std::uint8_t>;

Bytes file_bytes(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_bytes(const fs::path& path, const Bytes& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

TEST(ModelFuzzSeeds, CommittedSeedsAreTheWritersOutput) {
  const fs::path dir = DRAWLENS_MODEL_SEED_DIR;
  const char* rewrite = std::getenv("DRAWLENS_WRITE_MODEL_SEEDS");
  const bool rewriting = rewrite != nullptr && std::string(rewrite) == "1";
  if (rewriting) fs::create_directories(dir);
  for (const samples::SampleModel& m : samples::all()) {
    const std::string header = model::header_json_text(m.header, m.payload.size());
    const std::vector<std::pair<std::string, Bytes>> seeds = {
        {m.header.name + ".dlmodel", model::write_model_file(m.header, m.payload).value()},
        {m.header.name + ".header.json", Bytes(header.begin(), header.end())}};
    for (const auto& [file_name, expected] : seeds) {
      if (rewriting) write_bytes(dir / file_name, expected);
      EXPECT_EQ(file_bytes(dir / file_name), expected)
          << (dir / file_name) << " differs from the writer's output; rerun with DRAWLENS_WRITE_MODEL_SEEDS=1";
    }
  }
}

}  // namespace
