// Hostile input never makes the library print: corrupt, truncated and bit-flipped files of every
// format are loaded while the process's stdout and stderr point at temporary files, which must stay
// empty, and the status and message must be what a user should see.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <random>

#include <opencv2/imgproc.hpp>

#include "load/load.h"
#include "pipeline/pipeline.h"
#include "support/fixtures.h"

namespace drawlens {
namespace {

using testing::Bytes;

// Points one file descriptor (1 or 2) at a temporary file until text() or destruction restores it.
class DescriptorCapture {
 public:
  explicit DescriptorCapture(int fd) : fd_(fd), file_(std::tmpfile()) {
    flush_streams();
    saved_ = ::dup(fd_);
    if (file_ != nullptr && saved_ >= 0) ::dup2(::fileno(file_), fd_);
  }
  ~DescriptorCapture() {
    restore();
    if (file_ != nullptr) std::fclose(file_);
  }
  DescriptorCapture(const DescriptorCapture&) = delete;
  DescriptorCapture& operator=(const DescriptorCapture&) = delete;

  bool active() const { return file_ != nullptr && saved_ >= 0; }

  // Everything written to the descriptor since construction; restores it first.
  std::string text() {
    restore();
    std::string out;
    if (file_ == nullptr) return out;
    std::rewind(file_);
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file_)) > 0;) out.append(buffer, n);
    return out;
  }

 private:
  static void flush_streams() {
    std::cout.flush();
    std::cerr.flush();
    std::fflush(stdout);
    std::fflush(stderr);
  }
  void restore() {
    if (saved_ < 0) return;
    flush_streams();
    ::dup2(saved_, fd_);
    ::close(saved_);
    saved_ = -1;
  }

  int fd_;
  std::FILE* file_;
  int saved_ = -1;
};

struct Printed {
  std::string stdout_text;
  std::string stderr_text;
};

// Loads bytes from memory as "fixture" and returns what the load printed beside the result.
Result<Document> load_silently(const Bytes& bytes, Printed& printed) {
  DescriptorCapture out(1), err(2);
  EXPECT_TRUE(out.active() && err.active()) << "could not redirect stdout/stderr";
  auto doc = load::load_memory(bytes.data(), bytes.size(), {}, "fixture");
  printed.stderr_text = err.text();
  printed.stdout_text = out.text();
  return doc;
}

struct Damaged {
  std::string how;
  Bytes bytes;
};

// The end of a file is left whole so that formats with an end marker reach their decoder.
constexpr std::size_t kKeptHead = 64;
constexpr std::size_t kKeptTail = 32;

Damaged flipped(const Bytes& good, std::uint32_t seed, std::size_t flips) {
  Damaged d{"bit-flipped (seed " + std::to_string(seed) + ", " + std::to_string(flips) + " bytes)", good};
  std::mt19937 random(seed);
  const std::size_t span = good.size() - kKeptHead - kKeptTail;
  for (std::size_t i = 0; i < flips; ++i)
    d.bytes[kKeptHead + random() % span] ^= static_cast<std::uint8_t>(1 + random() % 255);
  return d;
}

// Damage inside the first 64 bytes, where the headers that decoders trust lie.
Damaged header_flipped(const Bytes& good, std::uint32_t seed) {
  Damaged d{"header bit-flipped (seed " + std::to_string(seed) + ")", good};
  std::mt19937 random(seed);
  for (int i = 0; i < 2; ++i) d.bytes[8 + random() % (kKeptHead - 8)] ^= static_cast<std::uint8_t>(1 + random() % 255);
  return d;
}

Damaged overwritten(const Bytes& good, const std::string& how, bool zeros) {
  Damaged d{how, good};
  std::mt19937 random(7);
  for (std::size_t i = good.size() / 3; i < 2 * good.size() / 3; ++i)
    d.bytes[i] = zeros ? 0 : static_cast<std::uint8_t>(random());
  return d;
}

std::vector<Damaged> damaged_versions(const Bytes& good) {
  std::vector<Damaged> out;
  out.push_back({"truncated to half", Bytes(good.begin(), good.begin() + static_cast<long>(good.size() / 2))});
  out.push_back({"truncated to 40 bytes", Bytes(good.begin(), good.begin() + 40)});
  out.push_back(overwritten(good, "middle third random", false));
  out.push_back(overwritten(good, "middle third zeroed", true));
  for (std::uint32_t seed = 1; seed <= 12; ++seed)
    out.push_back(flipped(good, seed, seed <= 6 ? 1 : 1 + good.size() / 200));
  for (std::uint32_t seed = 1; seed <= 24; ++seed) out.push_back(header_flipped(good, seed));
  return out;
}

Bytes encoded_drawing(const std::string& ext) {
  if (ext == ".pdf") return testing::make_pdf(1, 300, 200, {{"Ø12 H7", 40, 60}});
  cv::Mat color;
  cv::cvtColor(testing::make_drawing_page(320, 240), color, cv::COLOR_GRAY2BGR);
  cv::rectangle(color, cv::Rect(30, 30, 60, 40), cv::Scalar(40, 90, 200), cv::FILLED);
  return testing::encode(color, ext);
}

class EachDamagedFormat : public ::testing::TestWithParam<const char*> {};

TEST_P(EachDamagedFormat, PrintsNothingAndExplainsItself) {
  const Bytes good = encoded_drawing(GetParam());
  for (const Damaged& damaged : damaged_versions(good)) {
    SCOPED_TRACE(std::string(GetParam()) + " " + damaged.how);
    Printed printed;
    auto doc = load_silently(damaged.bytes, printed);
    EXPECT_EQ(printed.stderr_text, "");
    EXPECT_EQ(printed.stdout_text, "");
    if (doc.ok()) {
      // Damage that the decoder worked around: the page is there, any warning names the input.
      ASSERT_FALSE(doc.value().pages.empty());
      for (const std::string& warning : doc.value().pages[0].load_warnings) {
        EXPECT_EQ(warning.rfind("'fixture' (", 0), 0u) << warning;
        EXPECT_NE(warning.find("the image may be damaged"), std::string::npos) << warning;
      }
      continue;
    }
    const Status s = doc.error().status;
    EXPECT_TRUE(s == Status::decode || s == Status::truncated || s == Status::unsupported_format ||
                s == Status::no_pages || s == Status::limit_exceeded)
        << static_cast<int>(s) << ": " << doc.error().message;
    EXPECT_NE(doc.error().message.find("'fixture'"), std::string::npos) << doc.error().message;
    if (damaged.how.rfind("truncated to half", 0) == 0) {
      EXPECT_EQ(s, Status::truncated) << doc.error().message;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Formats, EachDamagedFormat,
                         ::testing::Values(".png", ".jpg", ".tiff", ".bmp", ".webp", ".pdf"),
                         [](const auto& info) { return std::string(info.param + 1); });

Bytes real_file_with_damage(const std::string& name, std::size_t from, std::size_t flips, std::uint32_t seed) {
  Bytes bytes = testing::read_file(testing::data_path("real/" + name));
  std::mt19937 random(seed);
  for (std::size_t i = 0; i < flips; ++i)
    bytes[from + random() % (bytes.size() - from - 2)] ^= static_cast<std::uint8_t>(1 + random() % 255);
  return bytes;
}

void put_le32(Bytes& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// A 4 x 2 8-bit BMP with a gray palette whose pixels are run-length coded (RLE8).
Bytes rle8_bmp(const Bytes& codes) {
  Bytes bmp(14 + 40 + 256 * 4, 0);
  bmp[0] = 'B';
  bmp[1] = 'M';
  put_le32(bmp, 10, static_cast<std::uint32_t>(bmp.size()));  // pixel data offset
  put_le32(bmp, 14, 40);
  put_le32(bmp, 18, 4);
  put_le32(bmp, 22, 2);
  bmp[26] = 1;  // planes
  bmp[28] = 8;  // bits per pixel
  bmp[30] = 1;  // BI_RLE8
  for (int i = 0; i < 256; ++i) bmp[54 + 4 * i] = bmp[55 + 4 * i] = bmp[56 + 4 * i] = static_cast<std::uint8_t>(i);
  bmp.insert(bmp.end(), codes.begin(), codes.end());
  put_le32(bmp, 2, static_cast<std::uint32_t>(bmp.size()));
  return bmp;
}

// Bottom row: a run of 4 pixels of 200, end of line; top row: a run of one 10, then 3 literal pixels
// 90, 250, 30 (padded to 16 bits); end of bitmap.
const Bytes kRle8Codes = {4, 200, 0, 0, 1, 10, 0, 3, 90, 250, 30, 0, 0, 1};

TEST(SilentDecoding, RunLengthBmpLoads) {
  Printed printed;
  auto doc = load_silently(rle8_bmp(kRle8Codes), printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const cv::Mat& gray = doc.value().pages[0].gray;
  ASSERT_EQ(gray.size(), cv::Size(4, 2));
  EXPECT_EQ(gray.at<std::uint8_t>(1, 0), 200);
  EXPECT_EQ(gray.at<std::uint8_t>(1, 3), 200);
  EXPECT_EQ(gray.at<std::uint8_t>(0, 0), 10);
  EXPECT_EQ(gray.at<std::uint8_t>(0, 1), 90);
  EXPECT_EQ(gray.at<std::uint8_t>(0, 3), 30);
}

TEST(SilentDecoding, RunLengthBmpWithoutItsEndIsTruncated) {
  // Without the end-of-bitmap code OpenCV reads past the end and prints what it caught.
  const Bytes cut(kRle8Codes.begin(), kRle8Codes.end() - 2);
  Printed printed;
  auto doc = load_silently(rle8_bmp(cut), printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::truncated);
  EXPECT_EQ(doc.error().message, "'fixture' (bmp) is truncated: its run-length data runs past the end of the file");
}

TEST(SilentDecoding, BmpWithUnknownCompressionIsUnsupported) {
  Bytes bmp = rle8_bmp(kRle8Codes);
  bmp[30] = 4;  // BI_JPEG: OpenCV asserts on it
  Printed printed;
  auto doc = load_silently(bmp, printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::unsupported_format);
  EXPECT_EQ(doc.error().message, "'fixture' (bmp): BMP compression type 4 is not supported");
}

TEST(SilentDecoding, UncompressedBmpWithRowsPastTheEndIsTruncated) {
  Bytes bmp = testing::encode(testing::make_drawing_page(64, 48), ".bmp");
  put_le32(bmp, 10, static_cast<std::uint32_t>(bmp.size() - 100));  // pixel data starts too late
  Printed printed;
  auto doc = load_silently(bmp, printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::truncated);
  EXPECT_EQ(doc.error().message, "'fixture' (bmp) is truncated: its pixel data runs past the end of the file");
}

TEST(SilentDecoding, CaptureSeesEveryWayOfPrinting) {
  // The capture itself: C stdio, C++ streams and raw writes all reach it.
  DescriptorCapture err(2);
  std::fprintf(stderr, "a");
  std::cerr << "b";
  ASSERT_EQ(::write(2, "c", 1), 1);
  EXPECT_EQ(err.text(), "abc");
}

TEST(SilentDecoding, PngWithBadFilterByteGivesLibpngsReason) {
  Bytes png = testing::read_file(testing::data_path("real/edocr2_example_dwg.png"));
  png[5000] ^= 0x55;  // inside the first IDAT chunk
  Printed printed;
  auto doc = load_silently(png, printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().status, Status::decode);
  EXPECT_EQ(doc.error().message, "'fixture' (png) could not be decoded: bad adaptive filter value");
}

TEST(SilentDecoding, CorruptButDecodableJpegGivesItsPageAndAWarning) {
  const Bytes jpeg = real_file_with_damage("edocr2_Gripper.jpg", 600, 200, 1);
  Printed printed;
  auto doc = load_silently(jpeg, printed);
  EXPECT_EQ(printed.stderr_text, "");
  ASSERT_TRUE(doc.ok()) << doc.error().message;
  const Page& page = doc.value().pages.at(0);
  EXPECT_EQ(page.gray.cols, 2250);
  EXPECT_EQ(page.gray.rows, 3250);
  ASSERT_EQ(page.load_warnings.size(), 1u);
  EXPECT_EQ(page.load_warnings[0].rfind("'fixture' (jpeg): corrupt JPEG data: ", 0), 0u) << page.load_warnings[0];
  EXPECT_NE(page.load_warnings[0].find("; the image may be damaged"), std::string::npos);
}

TEST(SilentDecoding, UndamagedFilesHaveNoLoadWarnings) {
  for (const char* ext : {".png", ".jpg"}) {
    const Bytes bytes = encoded_drawing(ext);
    auto doc = load::load_memory(bytes.data(), bytes.size(), {}, "fixture");
    ASSERT_TRUE(doc.ok()) << doc.error().message;
    EXPECT_TRUE(doc.value().pages[0].load_warnings.empty()) << ext;
  }
}

TEST(SilentDecoding, JpegWarningReachesTheAnalysisAsALoadDiagnostic) {
  const Bytes jpeg = real_file_with_damage("edocr2_Gripper.jpg", 600, 200, 1);
  PipelineOptions options;
  options.stages = StageSet();  // loading only
  auto pipeline = Pipeline::create(options);
  ASSERT_TRUE(pipeline.ok()) << pipeline.error().message;
  DescriptorCapture err(2);
  auto analysis = pipeline.value().analyze_memory(jpeg.data(), jpeg.size());
  EXPECT_EQ(err.text(), "");
  ASSERT_TRUE(analysis.ok()) << analysis.error().message;
  int load_warnings = 0;
  for (const Diagnostic& d : analysis.value().diagnostics) {
    if (d.stage != "load" || d.message.find("corrupt JPEG data") == std::string::npos) continue;
    ++load_warnings;
    EXPECT_EQ(d.severity, "warning");
    EXPECT_EQ(d.page, 0);
    EXPECT_EQ(d.message.rfind("memory input (jpeg): corrupt JPEG data: ", 0), 0u) << d.message;
  }
  EXPECT_EQ(load_warnings, 1);
}

}  // namespace
}  // namespace drawlens
