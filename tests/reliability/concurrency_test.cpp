// One pipeline shared by 16 threads running a stream of mixed analyses (good PNG, JPEG, TIFF and
// PDF pages, corrupt, truncated, empty, foreign and bomb inputs): every good input gives the same
// result as when analysed alone, every bad one the same status. Run under ThreadSanitizer too
// (scripts/test.sh); DRAWLENS_STRESS_ANALYSES sets the number of analyses (default 2000).
#include <atomic>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <opencv2/core/utility.hpp>

#include "drawlens/drawlens.h"
#include "hostile_inputs.h"
#include "support/fixtures.h"

namespace {

using drawlens::testing::Bytes;

#if defined(__SANITIZE_THREAD__)
// OpenCV's own parallel loops run on TBB, which is not instrumented: ThreadSanitizer cannot see its
// synchronisation and reports every Mat handed between its workers. Under TSan OpenCV runs its
// loops serially, so what is checked is drawlens's threading: host threads and page workers.
class SerialOpenCv : public ::testing::Environment {
 public:
  void SetUp() override { cv::setNumThreads(0); }
};
const auto* const kSerialOpenCv = ::testing::AddGlobalTestEnvironment(new SerialOpenCv);
#endif

struct Input {
  std::string name;
  Bytes bytes;
};

std::vector<Input> mixed_inputs() {
  namespace t = drawlens::testing;
  const cv::Mat page = t::make_drawing_page(1200, 850);
  Bytes corrupt = t::encode(page, ".png");
  for (std::size_t i = 100; i < 400 && i < corrupt.size(); ++i) corrupt[i] ^= 0x5A;
  Bytes truncated_pdf = t::make_pdf(1, 842, 595, {{"Ø12 H7", 200, 300}});
  truncated_pdf.resize(truncated_pdf.size() / 2);
  return {
      {"png", t::encode(page, ".png")},
      {"jpeg", t::encode(page, ".jpg")},
      {"tiff", t::make_multipage_tiff({page, t::make_drawing_page(900, 640)})},
      {"pdf", t::make_pdf(2, 842, 595, {{"Ø25 H7", 100, 100}, {"60 ±0.1", 300, 200}, {"SCALE 1:2", 600, 500}})},
      {"corrupt png", corrupt},
      {"truncated pdf", truncated_pdf},
      {"png bomb", drawlens::hostile::png_bomb(50000, 50000)},
      {"empty", {}},
      {"foreign", Bytes{'h', 'e', 'l', 'l', 'o', ' ', 'w', 'o', 'r', 'l', 'd'}},
  };
}

// The outcome of one analysis: the status, and for a success the result JSON without timings.
struct Outcome {
  drawlens_status status = DRAWLENS_OK;
  std::string json;
  bool operator==(const Outcome& other) const { return status == other.status && json == other.json; }
};

Outcome analyze(const drawlens_pipeline* pipeline, const Bytes& bytes) {
  static const std::uint8_t kNoData = 0;  // non-NULL pointer for the empty input
  Outcome outcome;
  drawlens_result* result = nullptr;
  outcome.status = drawlens_analyze_memory(pipeline, bytes.empty() ? &kNoData : bytes.data(), bytes.size(), &result);
  if (outcome.status == DRAWLENS_OK) {
    const char* json = nullptr;
    drawlens_result_json(result, &json);
    auto parsed = nlohmann::json::parse(json);
    parsed.erase("timings_ms");
    outcome.json = parsed.dump();
  }
  drawlens_result_free(result);
  return outcome;
}

int analyses_to_run() {
  const char* configured = std::getenv("DRAWLENS_STRESS_ANALYSES");
  return configured != nullptr ? std::max(1, std::atoi(configured)) : 2000;
}

TEST(Concurrency, SixteenThreadsShareOnePipeline) {
  drawlens_options options;
  drawlens_options_default(&options);
  options.pdf_dpi = 100;
  drawlens_pipeline* pipeline = nullptr;
  ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline), DRAWLENS_OK);

  const std::vector<Input> inputs = mixed_inputs();
  std::vector<Outcome> expected;
  for (const Input& input : inputs) expected.push_back(analyze(pipeline, input.bytes));
  std::size_t good = 0;
  for (const Outcome& outcome : expected) good += outcome.status == DRAWLENS_OK;
  ASSERT_EQ(good, 4u) << "png, jpeg, tiff and pdf must analyse";
  EXPECT_EQ(expected[4].status, DRAWLENS_DECODE);
  EXPECT_EQ(expected[5].status, DRAWLENS_TRUNCATED);
  EXPECT_EQ(expected[6].status, DRAWLENS_LIMIT_EXCEEDED);
  EXPECT_EQ(expected[7].status, DRAWLENS_EMPTY_INPUT);
  EXPECT_EQ(expected[8].status, DRAWLENS_UNSUPPORTED_FORMAT);

  const int total = analyses_to_run();
  constexpr int kThreads = 16;
  std::atomic<int> next{0};
  std::atomic<int> mismatches{0};
  std::vector<std::string> first_mismatch(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = next++; i < total; i = next++) {
        const std::size_t which = static_cast<std::size_t>(i * 7 + t) % inputs.size();
        const Outcome outcome = analyze(pipeline, inputs[which].bytes);
        if (outcome == expected[which]) continue;
        if (mismatches++ == 0) {
          first_mismatch[t] = inputs[which].name + ": status " + drawlens_status_name(outcome.status) + " (" +
                              drawlens_last_error() + ")";
        }
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  std::string where;
  for (const std::string& m : first_mismatch) where += m;
  EXPECT_EQ(mismatches.load(), 0) << "first mismatch: " << where;
  drawlens_pipeline_free(pipeline);
}

}  // namespace
