// The C ABI as a host sees it (linked against libdrawlens.so): NULL at every entry point, option
// checks, struct sizes, results from file, memory and pixels, JSON, overlay and page images.
#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <thread>

#include "drawlens/drawlens.h"
#include "support/fixtures.h"

namespace {

using drawlens::testing::Bytes;

struct PipelineDeleter {
  void operator()(drawlens_pipeline* p) const { drawlens_pipeline_free(p); }
};
struct ResultDeleter {
  void operator()(drawlens_result* r) const { drawlens_result_free(r); }
};
using PipelinePtr = std::unique_ptr<drawlens_pipeline, PipelineDeleter>;
using ResultPtr = std::unique_ptr<drawlens_result, ResultDeleter>;

PipelinePtr make_pipeline(int keep_images = 0) {
  drawlens_options o;
  drawlens_options_default(&o);
  o.keep_page_images = keep_images;
  drawlens_pipeline* p = nullptr;
  EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_OK) << drawlens_last_error();
  return PipelinePtr(p);
}

ResultPtr analyze(const drawlens_pipeline* p, const Bytes& bytes) {
  drawlens_result* r = nullptr;
  EXPECT_EQ(drawlens_analyze_memory(p, bytes.data(), bytes.size(), &r), DRAWLENS_OK) << drawlens_last_error();
  return ResultPtr(r);
}

bool mentions(const char* needle) {
  return std::strstr(drawlens_last_error(), needle) != nullptr;
}

TEST(CApi, VersionMatchesMacros) {
  EXPECT_STREQ(drawlens_version(), DRAWLENS_VERSION_STRING);
  EXPECT_NE(std::strstr(drawlens_build_info(), "\"opencv\""), nullptr);
  EXPECT_NE(std::strstr(drawlens_build_info(), "\"cuda\""), nullptr);
}

TEST(CApi, StatusNamesAreStatic) {
  EXPECT_STREQ(drawlens_status_name(DRAWLENS_OK), "DRAWLENS_OK");
  EXPECT_STREQ(drawlens_status_name(DRAWLENS_ENCRYPTED), "DRAWLENS_ENCRYPTED");
  EXPECT_STREQ(drawlens_status_name(static_cast<drawlens_status>(1234)), "DRAWLENS_UNKNOWN_STATUS");
}

TEST(CApi, FreeFunctionsAcceptNull) {
  drawlens_pipeline_free(nullptr);
  drawlens_result_free(nullptr);
  drawlens_free(nullptr);
  (drawlens_options_default)(nullptr);
  drawlens_options_default_sized(nullptr, sizeof(drawlens_options));
  EXPECT_STREQ(drawlens_pipeline_device(nullptr), "");
}

TEST(CApi, NullArgumentsAtEveryEntryPoint) {
  auto p = make_pipeline();
  const Bytes png = drawlens::testing::encode(drawlens::testing::make_drawing_page(600, 400), ".png");
  auto r = analyze(p.get(), png);
  drawlens_pipeline* pipeline_out = nullptr;
  drawlens_result* result_out = nullptr;
  size_t count = 0;
  const char* text = nullptr;
  unsigned char* png_out = nullptr;
  drawlens_page page{};
  page.struct_size = sizeof page;
  drawlens_word word{};
  word.struct_size = sizeof word;
  drawlens_table table{};
  table.struct_size = sizeof table;
  drawlens_cell cell{};
  cell.struct_size = sizeof cell;
  drawlens_image image{};
  image.struct_size = sizeof image;
  const unsigned char pixel = 255;

  const drawlens_status statuses[] = {
      drawlens_pipeline_create(nullptr, nullptr),
      drawlens_analyze_file(nullptr, "x.png", &result_out),
      drawlens_analyze_file(p.get(), nullptr, &result_out),
      drawlens_analyze_file(p.get(), "x.png", nullptr),
      drawlens_analyze_memory(nullptr, png.data(), png.size(), &result_out),
      drawlens_analyze_memory(p.get(), nullptr, 10, &result_out),
      drawlens_analyze_memory(p.get(), png.data(), png.size(), nullptr),
      drawlens_analyze_pixels(nullptr, &pixel, 1, 1, DRAWLENS_PIXELS_GRAY8, 1, 0, &result_out),
      drawlens_analyze_pixels(p.get(), nullptr, 1, 1, DRAWLENS_PIXELS_GRAY8, 1, 0, &result_out),
      drawlens_analyze_pixels(p.get(), &pixel, 1, 1, DRAWLENS_PIXELS_GRAY8, 1, 0, nullptr),
      drawlens_result_page_count(nullptr, &count),
      drawlens_result_page_count(r.get(), nullptr),
      drawlens_result_page(nullptr, 0, &page),
      drawlens_result_page(r.get(), 0, nullptr),
      drawlens_result_word(nullptr, 0, 0, &word),
      drawlens_result_word(r.get(), 0, 0, nullptr),
      drawlens_result_table(nullptr, 0, 0, &table),
      drawlens_result_table(r.get(), 0, 0, nullptr),
      drawlens_result_cell(nullptr, 0, 0, 0, &cell),
      drawlens_result_cell(r.get(), 0, 0, 0, nullptr),
      drawlens_result_json(nullptr, &text),
      drawlens_result_json(r.get(), nullptr),
      drawlens_result_page_image(nullptr, 0, &image),
      drawlens_result_page_image(r.get(), 0, nullptr),
      drawlens_result_overlay_png(nullptr, 0, &png_out, &count),
      drawlens_result_overlay_png(r.get(), 0, nullptr, &count),
      drawlens_result_overlay_png(r.get(), 0, &png_out, nullptr),
  };
  for (std::size_t i = 0; i < std::size(statuses); ++i) {
    EXPECT_EQ(statuses[i], DRAWLENS_INVALID_ARGUMENT) << "call #" << i;
  }
  EXPECT_EQ(pipeline_out, nullptr);
  EXPECT_EQ(result_out, nullptr);
  EXPECT_TRUE(mentions("NULL"));
}

TEST(CApi, BadOptionValuesAreInvalidArgumentNamingTheField) {
  struct Case {
    void (*change)(drawlens_options&);
    const char* field;
  };
  const Case cases[] = {
      {[](drawlens_options& o) { o.pdf_dpi = 0; }, "pdf_dpi"},
      {[](drawlens_options& o) { o.pdf_dpi = 100000; }, "pdf_dpi"},
      {[](drawlens_options& o) { o.assumed_dpi = -1; }, "assumed_dpi"},
      {[](drawlens_options& o) { o.first_page = 0; }, "first_page"},
      {[](drawlens_options& o) { o.last_page = -2; }, "last_page"},
      {[](drawlens_options& o) { o.threads = -1; }, "threads"},
      {[](drawlens_options& o) { o.max_megapixels = 0; }, "max_megapixels"},
      {[](drawlens_options& o) { o.max_pages = 0; }, "max_pages"},
      {[](drawlens_options& o) { o.max_file_bytes = 0; }, "max_file_bytes"},
      {[](drawlens_options& o) { o.stages = 0x80; }, "stages"},
      {[](drawlens_options& o) { o.keep_page_images = 7; }, "keep_page_images"},
      {[](drawlens_options& o) { o.device = "tpu"; }, "device"},
      {[](drawlens_options& o) { o.model_directory = "/no/such/models"; }, "model_directory"},
  };
  for (const Case& c : cases) {
    drawlens_options o;
    drawlens_options_default(&o);
    c.change(o);
    drawlens_pipeline* p = nullptr;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_INVALID_ARGUMENT) << c.field;
    EXPECT_TRUE(mentions(c.field)) << drawlens_last_error();
    EXPECT_EQ(p, nullptr);
  }
}

TEST(CApi, ModelDirectoryMustBeAnExistingDirectory) {
  const std::string file = std::string(DRAWLENS_TEST_DATA_DIR) + "/../../examples/data/sample_drawing.pdf";
  for (const std::string& path : {std::string("/no/such/models"), file}) {
    drawlens_options o;
    drawlens_options_default(&o);
    o.model_directory = path.c_str();
    drawlens_pipeline* p = nullptr;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_INVALID_ARGUMENT) << path;
    EXPECT_TRUE(mentions(path.c_str())) << drawlens_last_error();
    EXPECT_EQ(p, nullptr);
  }
  // An existing directory without the models: MODEL naming the file each model stage looked for.
  {
    drawlens_options o;
    drawlens_options_default(&o);
    o.model_directory = DRAWLENS_TEST_DATA_DIR;
    drawlens_pipeline* p = nullptr;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_MODEL);
    EXPECT_TRUE(mentions(".dlmodel")) << drawlens_last_error();
    EXPECT_EQ(p, nullptr);
    o.stages = DRAWLENS_STAGE_DETECT;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_MODEL);
    EXPECT_TRUE(mentions("detector.dlmodel")) << drawlens_last_error();
    o.stages = DRAWLENS_STAGE_TOLERANCE;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_MODEL);
    EXPECT_TRUE(mentions("skinmodel.dlmodel")) << drawlens_last_error();
    EXPECT_EQ(p, nullptr);
    o.stages = DRAWLENS_STAGE_LAYOUT | DRAWLENS_STAGE_ANNOTATE;  // no stage needs a model
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_OK) << drawlens_last_error();
    drawlens_pipeline_free(p);
  }
  // NULL and "" leave the search to $DRAWLENS_MODELS and the built-in places; a directory is kept.
  for (const char* path : {static_cast<const char*>(nullptr), "", DRAWLENS_SOURCE_MODELS_DIR}) {
    drawlens_options o;
    drawlens_options_default(&o);
    o.model_directory = path;
    drawlens_pipeline* p = nullptr;
    EXPECT_EQ(drawlens_pipeline_create(&o, &p), DRAWLENS_OK) << drawlens_last_error();
    drawlens_pipeline_free(p);
  }
}

TEST(CApi, UnknownStructSizesAreAbiMismatch) {
  // Below the first published size; above this version's with a field set in the extra bytes.
  struct Newer {
    drawlens_options o;
    unsigned char field_from_the_future[8];
  } newer{};
  drawlens_options_default(&newer.o);
  newer.o.struct_size = 8;
  drawlens_pipeline* p = nullptr;
  EXPECT_EQ(drawlens_pipeline_create(&newer.o, &p), DRAWLENS_ABI_MISMATCH);
  EXPECT_TRUE(mentions("drawlens_options.struct_size is 8"));
  newer.o.struct_size = sizeof newer;
  newer.field_from_the_future[3] = 1;
  EXPECT_EQ(drawlens_pipeline_create(&newer.o, &p), DRAWLENS_ABI_MISMATCH);
  EXPECT_TRUE(mentions("does not have"));
  EXPECT_EQ(p, nullptr);

  auto pipeline = make_pipeline();
  auto r = analyze(pipeline.get(), drawlens::testing::encode(drawlens::testing::make_drawing_page(300, 200), ".png"));
  drawlens_page page{};
  page.struct_size = 4;
  EXPECT_EQ(drawlens_result_page(r.get(), 0, &page), DRAWLENS_ABI_MISMATCH);
  EXPECT_TRUE(mentions("struct_size"));
}

TEST(CApi, NullOptionsMeanDefaults) {
  drawlens_pipeline* p = nullptr;
  ASSERT_EQ(drawlens_pipeline_create(nullptr, &p), DRAWLENS_OK);
  EXPECT_STREQ(drawlens_pipeline_device(p), "cpu");
  drawlens_pipeline_free(p);
}

TEST(CApi, CudaDemandedWithoutDeviceIsGpuError) {
  drawlens_options o;
  drawlens_options_default(&o);
  o.device = "cuda:7";
  drawlens_pipeline* p = nullptr;
  const drawlens_status s = drawlens_pipeline_create(&o, &p);
  EXPECT_EQ(s, DRAWLENS_GPU);
  EXPECT_TRUE(mentions("cuda:7"));
}

TEST(CApi, AnalyzesPixelsWithLayout) {
  auto p = make_pipeline(1);
  const cv::Mat page = drawlens::testing::make_drawing_page(2480, 1754);
  drawlens_result* raw = nullptr;
  ASSERT_EQ(
      drawlens_analyze_pixels(p.get(), page.data, page.cols, page.rows, DRAWLENS_PIXELS_GRAY8, page.step[0], 150, &raw),
      DRAWLENS_OK)
      << drawlens_last_error();
  ResultPtr r(raw);
  size_t pages = 0;
  ASSERT_EQ(drawlens_result_page_count(r.get(), &pages), DRAWLENS_OK);
  ASSERT_EQ(pages, 1u);
  drawlens_page info{};
  info.struct_size = sizeof info;
  ASSERT_EQ(drawlens_result_page(r.get(), 0, &info), DRAWLENS_OK);
  EXPECT_EQ(info.width, 2480);
  EXPECT_EQ(info.dpi, 150);
  EXPECT_EQ(info.dpi_source, DRAWLENS_DPI_CALLER);
  EXPECT_EQ(info.has_border, 1);
  ASSERT_EQ(info.title_block_table, 0);
  drawlens_table table{};
  table.struct_size = sizeof table;
  ASSERT_EQ(drawlens_result_table(r.get(), 0, 0, &table), DRAWLENS_OK);
  EXPECT_EQ(table.kind, DRAWLENS_TABLE_TITLE_BLOCK);
  EXPECT_EQ(table.cell_count, 12u);
  drawlens_cell cell{};
  cell.struct_size = sizeof cell;
  EXPECT_EQ(drawlens_result_cell(r.get(), 0, 0, table.cell_count, &cell), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("out of range"));

  drawlens_image image{};
  image.struct_size = sizeof image;
  ASSERT_EQ(drawlens_result_page_image(r.get(), 0, &image), DRAWLENS_OK);
  EXPECT_EQ(image.width, 2480);
  EXPECT_EQ(std::memcmp(image.pixels, page.data, 2480), 0);
  unsigned char* png = nullptr;
  size_t size = 0;
  ASSERT_EQ(drawlens_result_overlay_png(r.get(), 0, &png, &size), DRAWLENS_OK);
  ASSERT_GT(size, 8u);
  EXPECT_EQ(std::memcmp(png, "\x89PNG", 4), 0);
  drawlens_free(png);
}

TEST(CApi, ImagesNeedKeepPageImages) {
  auto p = make_pipeline(0);
  auto r = analyze(p.get(), drawlens::testing::encode(drawlens::testing::make_drawing_page(300, 200), ".png"));
  unsigned char* png = nullptr;
  size_t size = 0;
  EXPECT_EQ(drawlens_result_overlay_png(r.get(), 0, &png, &size), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_TRUE(mentions("keep_page_images"));
  EXPECT_EQ(png, nullptr);
}

TEST(CApi, PdfWordsThroughAccessorsAndJson) {
  auto p = make_pipeline();
  const Bytes pdf = drawlens::testing::make_pdf(2, 595, 842, {{"Ø25", 100, 200}, {"H7", 140, 200}});
  auto r = analyze(p.get(), pdf);
  drawlens_page info{};
  info.struct_size = sizeof info;
  ASSERT_EQ(drawlens_result_page(r.get(), 1, &info), DRAWLENS_OK);
  EXPECT_EQ(info.index, 1);
  ASSERT_EQ(info.word_count, 2u);
  drawlens_word word{};
  word.struct_size = sizeof word;
  ASSERT_EQ(drawlens_result_word(r.get(), 1, 0, &word), DRAWLENS_OK);
  EXPECT_STREQ(word.text, "Ø25");
  EXPECT_EQ(drawlens_result_word(r.get(), 1, 2, &word), DRAWLENS_INVALID_ARGUMENT);
  EXPECT_EQ(drawlens_result_page(r.get(), 2, &info), DRAWLENS_INVALID_ARGUMENT);
  const char* json = nullptr;
  ASSERT_EQ(drawlens_result_json(r.get(), &json), DRAWLENS_OK);
  EXPECT_NE(std::strstr(json, "\"schema_version\":\"1.0.0\""), nullptr);
  EXPECT_NE(std::strstr(json, "Ø25"), nullptr);
}

TEST(CApi, BadInputGivesDistinctStatusesAndMessages) {
  auto p = make_pipeline();
  drawlens_result* r = nullptr;
  const unsigned char junk[] = "definitely not a drawing";
  EXPECT_EQ(drawlens_analyze_memory(p.get(), junk, sizeof junk, &r), DRAWLENS_UNSUPPORTED_FORMAT);
  EXPECT_EQ(drawlens_analyze_memory(p.get(), junk, 0, &r), DRAWLENS_EMPTY_INPUT);
  EXPECT_EQ(drawlens_analyze_file(p.get(), "/no/such/file.pdf", &r), DRAWLENS_IO);
  EXPECT_TRUE(mentions("/no/such/file.pdf"));
  const Bytes enc = drawlens::testing::read_file(drawlens::testing::data_path("encrypted.pdf"));
  EXPECT_EQ(drawlens_analyze_memory(p.get(), enc.data(), enc.size(), &r), DRAWLENS_ENCRYPTED);
  const Bytes zero = drawlens::testing::read_file(drawlens::testing::data_path("zero_pages.pdf"));
  EXPECT_EQ(drawlens_analyze_memory(p.get(), zero.data(), zero.size(), &r), DRAWLENS_NO_PAGES);
  Bytes jpg = drawlens::testing::encode(drawlens::testing::make_drawing_page(300, 200), ".jpg");
  jpg.resize(jpg.size() / 2);
  EXPECT_EQ(drawlens_analyze_memory(p.get(), jpg.data(), jpg.size(), &r), DRAWLENS_TRUNCATED);
  EXPECT_EQ(r, nullptr);
}

TEST(CApi, LastErrorIsPerThread) {
  auto p = make_pipeline();
  drawlens_result* r = nullptr;
  ASSERT_EQ(drawlens_analyze_file(p.get(), "/no/such/main-thread.png", &r), DRAWLENS_IO);
  std::string other;
  std::thread([&] {
    drawlens_result* r2 = nullptr;
    drawlens_analyze_file(p.get(), "/no/such/other-thread.png", &r2);
    other = drawlens_last_error();
  }).join();
  EXPECT_TRUE(mentions("main-thread"));
  EXPECT_NE(other.find("other-thread"), std::string::npos);
}

}  // namespace
