// The exception guard every exported function runs in: a throwing internal path becomes a status
// and a message, never an exception across the C boundary.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "capi/guard.h"

namespace {

using drawlens::capi::guard;

TEST(ExceptionGuard, StdExceptionBecomesInternalWithMessage) {
  const drawlens_status s = guard("drawlens_test_call", []() -> drawlens_status { throw std::runtime_error("boom"); });
  EXPECT_EQ(s, DRAWLENS_INTERNAL);
  EXPECT_NE(std::string(drawlens_last_error()).find("drawlens_test_call"), std::string::npos);
  EXPECT_NE(std::string(drawlens_last_error()).find("boom"), std::string::npos);
}

TEST(ExceptionGuard, BadAllocBecomesOutOfMemory) {
  EXPECT_EQ(guard("f", []() -> drawlens_status { throw std::bad_alloc(); }), DRAWLENS_OUT_OF_MEMORY);
}

TEST(ExceptionGuard, OpenCvErrorBecomesInternal) {
  const drawlens_status s = guard("f", []() -> drawlens_status {
    cv::Mat a(2, 2, CV_8UC1), b(3, 3, CV_8UC1), c;
    cv::add(a, b, c);  // size mismatch throws cv::Exception
    return DRAWLENS_OK;
  });
  EXPECT_EQ(s, DRAWLENS_INTERNAL);
  EXPECT_NE(std::string(drawlens_last_error()).find("OpenCV"), std::string::npos);
}

TEST(ExceptionGuard, UnknownThrownValueBecomesInternal) {
  EXPECT_EQ(guard("f", []() -> drawlens_status { throw 42; }), DRAWLENS_INTERNAL);
}

TEST(ExceptionGuard, SuccessClearsThePreviousError) {
  guard("f", []() -> drawlens_status { throw 1; });
  EXPECT_EQ(guard("f", [] { return DRAWLENS_OK; }), DRAWLENS_OK);
  EXPECT_STREQ(drawlens_last_error(), "");
}

}  // namespace
