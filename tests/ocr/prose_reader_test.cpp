// Tesseract through ProseReader: prose read word by word with confidences and boxes, bad
// languages and crops refused with a status, a blank crop read as nothing.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "ocr/ocr.h"

namespace drawlens::ocr {
namespace {

cv::Mat lettered(const std::string& text) {
  cv::Mat crop(70, 40 + 26 * static_cast<int>(text.size()), CV_8UC1, cv::Scalar(255));
  cv::putText(crop, text, {20, 48}, cv::FONT_HERSHEY_DUPLEX, 1.2, cv::Scalar(0), 2, cv::LINE_AA);
  return crop;
}

TEST(ProseReader, ReadsPrintedWordsWithConfidencesAndBoxes) {
  auto reader = ProseReader::create("eng");
  ASSERT_TRUE(reader.ok()) << reader.error().message;
  auto reading = reader.value().read(lettered("BREAK ALL EDGES"), 300);
  ASSERT_TRUE(reading.ok()) << reading.error().message;
  EXPECT_EQ(reading.value().text, "BREAK ALL EDGES");
  EXPECT_EQ(reading.value().source, ReadingSource::tesseract);
  ASSERT_EQ(reading.value().words.size(), 3u);
  EXPECT_GT(reading.value().words[0].confidence, 0.5);
  EXPECT_LT(reading.value().words[0].box.x, reading.value().words[1].box.x);
}

TEST(ProseReader, ABlankCropReadsAsNothing) {
  auto reader = ProseReader::create("eng");
  ASSERT_TRUE(reader.ok());
  for (const cv::Mat& crop : {cv::Mat(60, 300, CV_8UC1, cv::Scalar(255)), cv::Mat(1, 1, CV_8UC1, cv::Scalar(0))}) {
    auto reading = reader.value().read(crop);
    ASSERT_TRUE(reading.ok());
    EXPECT_EQ(reading.value().text, "");
  }
}

TEST(ProseReader, BadLanguagesAndCropsAreRefused) {
  auto missing = ProseReader::create("xyz");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().status, Status::model);
  EXPECT_NE(missing.error().message.find("xyz"), std::string::npos);
  EXPECT_EQ(ProseReader::create("eng; rm").error().status, Status::invalid_argument);
  auto reader = ProseReader::create("eng");
  ASSERT_TRUE(reader.ok());
  EXPECT_EQ(reader.value().read(cv::Mat()).error().status, Status::invalid_argument);
  EXPECT_EQ(reader.value().read(cv::Mat(10, 10, CV_8UC3)).error().status, Status::invalid_argument);
  EXPECT_EQ(reader.value().read(lettered("A"), 0).error().status, Status::invalid_argument);
}

}  // namespace
}  // namespace drawlens::ocr
