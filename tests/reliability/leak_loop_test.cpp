// Create, analyse, read and free a thousand times (DRAWLENS_LEAK_CYCLES sets another count; the
// sanitizer pass of scripts/test.sh runs 200, enough for one leak per cycle to show): under
// LeakSanitizer any handle, result or view that is not released fails the run at exit. Every tenth cycle
// runs the detect stage too (its model loaded by create, a forward pass on the raster page, its
// detections read); the others leave it out, which keeps the loop quick under the sanitizers.
#include <cstdlib>

#include <gtest/gtest.h>

#include "drawlens/drawlens.h"
#include "support/fixtures.h"

namespace {

int cycles() {
  const char* configured = std::getenv("DRAWLENS_LEAK_CYCLES");
  const int count = configured != nullptr ? std::atoi(configured) : 0;
  return count > 0 ? count : 1000;
}

TEST(LeakLoop, CreateAnalyseFreeCycles) {
  namespace t = drawlens::testing;
  const t::Bytes png = t::encode(t::make_drawing_page(400, 300), ".png");
  const t::Bytes pdf = t::make_pdf(1, 300, 200, {{"Ø25 H7", 20, 40}, {"2x R5", 100, 120}});
  drawlens_options options;
  drawlens_options_default(&options);
  options.pdf_dpi = 72;
  for (int i = 0, n = cycles(); i < n; ++i) {
    options.stages = i % 10 == 0 ? DRAWLENS_STAGE_ALL : DRAWLENS_STAGE_LAYOUT | DRAWLENS_STAGE_ANNOTATE;
    drawlens_pipeline* pipeline = nullptr;
    ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline), DRAWLENS_OK);
    const t::Bytes& input = i % 2 == 0 ? png : pdf;
    drawlens_result* result = nullptr;
    ASSERT_EQ(drawlens_analyze_memory(pipeline, input.data(), input.size(), &result), DRAWLENS_OK)
        << drawlens_last_error();
    const char* json = nullptr;
    ASSERT_EQ(drawlens_result_json(result, &json), DRAWLENS_OK);
    size_t dimensions = 0;
    ASSERT_EQ(drawlens_result_dimension_count(result, 0, &dimensions), DRAWLENS_OK);
    if (i % 2 == 1) {
      ASSERT_EQ(dimensions, 2u);
    }
    size_t detections = 0;
    ASSERT_EQ(drawlens_result_detection_count(result, 0, &detections), DRAWLENS_OK);
    if (detections > 0) {
      drawlens_detection first{};
      first.struct_size = sizeof first;
      ASSERT_EQ(drawlens_result_detection(result, 0, 0, &first), DRAWLENS_OK);
    }
    drawlens_result_free(result);
    drawlens_pipeline_free(pipeline);
    // Error paths allocate messages and partial results too.
    ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline), DRAWLENS_OK);
    EXPECT_EQ(drawlens_analyze_memory(pipeline, "junk", 4, &result), DRAWLENS_UNSUPPORTED_FORMAT);
    drawlens_pipeline_free(pipeline);
  }
}

}  // namespace
