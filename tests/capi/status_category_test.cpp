// Status categories: every status has exactly the category drawlens.h lists, a value that is no
// status is INTERNAL, and real failures arrive in the category a host would test for.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "drawlens/drawlens.hpp"

namespace {

struct Case {
  drawlens_status status;
  drawlens_category category;
};

const std::vector<Case> kCases = {
    {DRAWLENS_OK, DRAWLENS_CATEGORY_OK},
    {DRAWLENS_INVALID_ARGUMENT, DRAWLENS_CATEGORY_CALLER},
    {DRAWLENS_ABI_MISMATCH, DRAWLENS_CATEGORY_CALLER},
    {DRAWLENS_DECODE, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_UNSUPPORTED_FORMAT, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_PARSE, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_EMPTY_INPUT, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_TRUNCATED, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_ENCRYPTED, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_NO_PAGES, DRAWLENS_CATEGORY_INPUT},
    {DRAWLENS_LIMIT_EXCEEDED, DRAWLENS_CATEGORY_LIMIT},
    {DRAWLENS_IO, DRAWLENS_CATEGORY_ENVIRONMENT},
    {DRAWLENS_MODEL, DRAWLENS_CATEGORY_ENVIRONMENT},
    {DRAWLENS_GPU, DRAWLENS_CATEGORY_ENVIRONMENT},
    {DRAWLENS_OUT_OF_MEMORY, DRAWLENS_CATEGORY_RESOURCE},
    {DRAWLENS_CANCELLED, DRAWLENS_CATEGORY_CANCELLED},
    {DRAWLENS_INTERNAL, DRAWLENS_CATEGORY_INTERNAL},
};

TEST(StatusCategory, EveryStatusHasItsCategory) {
  for (const Case& c : kCases) {
    EXPECT_EQ(drawlens_status_category(c.status), c.category) << drawlens_status_name(c.status);
  }
}

TEST(StatusCategory, EveryNamedStatusIsListed) {
  // A status added later must be given a category here and in drawlens.h.
  std::size_t named = 0;
  for (int value = 0; value <= 200; ++value) {
    const auto status = static_cast<drawlens_status>(value);
    if (std::string(drawlens_status_name(status)) == "DRAWLENS_UNKNOWN_STATUS") {
      EXPECT_EQ(drawlens_status_category(status), DRAWLENS_CATEGORY_INTERNAL) << value;
      continue;
    }
    ++named;
  }
  EXPECT_EQ(named, kCases.size());
}

TEST(StatusCategory, NamesAreStatic) {
  EXPECT_STREQ(drawlens_category_name(DRAWLENS_CATEGORY_OK), "ok");
  EXPECT_STREQ(drawlens_category_name(DRAWLENS_CATEGORY_INPUT), "input");
  EXPECT_STREQ(drawlens_category_name(DRAWLENS_CATEGORY_ENVIRONMENT), "environment");
  EXPECT_STREQ(drawlens_category_name(static_cast<drawlens_category>(42)), "unknown");
  EXPECT_EQ(drawlens_status_category(static_cast<drawlens_status>(-1)), DRAWLENS_CATEGORY_INTERNAL);
}

TEST(StatusCategory, RealFailuresArriveInTheirCategory) {
  const drawlens::Pipeline pipeline;
  try {
    pipeline.analyze(drawlens::Document::file("/no/such/drawing.pdf"));
    FAIL() << "a missing file was analysed";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.category(), DRAWLENS_CATEGORY_ENVIRONMENT);
    EXPECT_STREQ(e.category_name(), "environment");
  }
  const std::string garbage = "not a drawing at all";
  try {
    pipeline.analyze(drawlens::Document::memory(garbage.data(), garbage.size()));
    FAIL() << "garbage was analysed";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.category(), DRAWLENS_CATEGORY_INPUT) << e.status_name();
  }
  try {
    drawlens::Pipeline(drawlens::Options().pdf_dpi(1));
    FAIL() << "pdf_dpi 1 was accepted";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.category(), DRAWLENS_CATEGORY_CALLER);
  }
  try {
    drawlens::parse_dimension("25 1");
    FAIL() << "ambiguous text was parsed";
  } catch (const drawlens::Error& e) {
    EXPECT_EQ(e.category(), DRAWLENS_CATEGORY_INPUT);
  }
}

}  // namespace
