// Structs that grow (drawlens.h): a host compiled against the 0.1.0 header (abi_0_1_0.h) still
// creates a pipeline, analyses the bundled sample and reads its results, and the library never
// writes past the caller's struct_size; a newer host's extra bytes are refused unless zero.
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "capi/abi_0_1_0.h"
#include "drawlens/drawlens.hpp"
#include "support/fixtures.h"

namespace {

namespace old = drawlens_abi_0_1_0;

// A struct followed by bytes the library must never touch.
template <typename Struct>
struct Fenced {
  Struct value;
  unsigned char fence[32];

  Fenced() {
    std::memset(this, 0, sizeof *this);
    std::memset(fence, 0xA5, sizeof fence);
    value.struct_size = sizeof value;
  }
  bool fence_intact() const {
    for (unsigned char byte : fence) {
      if (byte != 0xA5) return false;
    }
    return true;
  }
  // The pointer a 0.1.0 host passes: its own struct, under the name the library knows.
  template <typename Current>
  Current* as() {
    return reinterpret_cast<Current*>(&value);
  }
};

// A struct as a newer host sends it: this library's struct followed by a field it does not know,
// with this library's defaults, zero bytes past them, and struct_size claiming the whole.
template <typename Struct, typename Extra>
struct FromNewerHost {
  Struct known;
  Extra field_from_the_future;

  explicit FromNewerHost(void (*default_sized)(Struct*, std::size_t)) {
    std::memset(this, 0, sizeof *this);
    default_sized(&known, sizeof known);
    known.struct_size = sizeof *this;
  }
};

// `call(&out)` must refuse with ABI_MISMATCH, name the struct and leave out NULL.
template <typename Handle, typename Call>
void expect_abi_mismatch(Call call, const std::string& struct_name) {
  Handle* refused = nullptr;
  EXPECT_EQ(call(&refused), DRAWLENS_ABI_MISMATCH);
  EXPECT_NE(std::string(drawlens_last_error()).find(struct_name), std::string::npos) << drawlens_last_error();
  EXPECT_EQ(refused, nullptr);
}

std::string sample_path() {
  return std::string(DRAWLENS_TEST_DATA_DIR) + "/../../examples/data/sample_drawing.pdf";
}

struct ResultPtr {
  drawlens_result* p = nullptr;
  ~ResultPtr() { drawlens_result_free(p); }
};

struct PipelinePtr {
  drawlens_pipeline* p = nullptr;
  ~PipelinePtr() { drawlens_pipeline_free(p); }
};

// The sample as a host built against the current header reads it.
void analyse_current(ResultPtr& result) {
  drawlens_options options;
  drawlens_options_default(&options);
  options.pdf_dpi = 150;
  PipelinePtr pipeline;
  ASSERT_EQ(drawlens_pipeline_create(&options, &pipeline.p), DRAWLENS_OK) << drawlens_last_error();
  ASSERT_EQ(drawlens_analyze_file(pipeline.p, sample_path().c_str(), &result.p), DRAWLENS_OK) << drawlens_last_error();
}

TEST(StructGrowth, OldDefaultFunctionsFillOnlyThe010Fields) {
  Fenced<old::options> options;
  (drawlens_options_default)(options.as<drawlens_options>());
  EXPECT_EQ(options.value.struct_size, sizeof(old::options));
  EXPECT_EQ(options.value.pdf_dpi, 300);
  EXPECT_STREQ(options.value.device, "auto");
  EXPECT_TRUE(options.fence_intact());

  Fenced<old::run_options> run;
  (drawlens_run_options_default)(run.as<drawlens_run_options>());
  EXPECT_EQ(run.value.struct_size, sizeof(old::run_options));
  EXPECT_TRUE(run.fence_intact());

  Fenced<old::gpu_probe_options> probe;
  (drawlens_gpu_probe_options_default)(probe.as<drawlens_gpu_probe_options>());
  EXPECT_EQ(probe.value.struct_size, sizeof(old::gpu_probe_options));
  EXPECT_DOUBLE_EQ(probe.value.energy_seconds, 3);
  EXPECT_TRUE(probe.fence_intact());
}

TEST(StructGrowth, SizedDefaultsWriteExactlyTheGivenSize) {
  Fenced<drawlens_options> options;
  std::memset(&options.value, 0xA5, sizeof options.value);
  drawlens_options_default_sized(&options.value, sizeof(old::options));
  EXPECT_EQ(options.value.struct_size, sizeof(old::options));
  const auto* bytes = reinterpret_cast<const unsigned char*>(&options.value);
  for (std::size_t i = sizeof(old::options); i < sizeof(drawlens_options); ++i) EXPECT_EQ(bytes[i], 0xA5) << i;
  // Sizes no version ever had leave the struct alone.
  std::memset(&options.value, 0xA5, sizeof options.value);
  drawlens_options_default_sized(&options.value, 4);
  drawlens_options_default_sized(&options.value, sizeof(drawlens_options) + 8);
  EXPECT_EQ(bytes[0], 0xA5);
  EXPECT_TRUE(options.fence_intact());
  // The macro passes the caller's sizeof and fills the appended field's default.
  drawlens_options current;
  drawlens_options_default(&current);
  EXPECT_EQ(current.struct_size, sizeof current);
  EXPECT_EQ(current.model_directory, nullptr);
}

TEST(StructGrowth, A010HostCreatesAnalysesAndReadsResults) {
  Fenced<old::options> options;
  (drawlens_options_default)(options.as<drawlens_options>());
  options.value.pdf_dpi = 150;
  PipelinePtr pipeline;
  ASSERT_EQ(drawlens_pipeline_create(options.as<drawlens_options>(), &pipeline.p), DRAWLENS_OK)
      << drawlens_last_error();
  Fenced<old::run_options> run;
  (drawlens_run_options_default)(run.as<drawlens_run_options>());
  run.value.timeout_ms = 600000;
  ResultPtr result;
  ASSERT_EQ(drawlens_analyze_file_v2(pipeline.p, sample_path().c_str(), run.as<drawlens_run_options>(), &result.p),
            DRAWLENS_OK)
      << drawlens_last_error();
  ResultPtr current;
  analyse_current(current);

  Fenced<old::page> page;
  ASSERT_EQ(drawlens_result_page(result.p, 0, page.as<drawlens_page>()), DRAWLENS_OK) << drawlens_last_error();
  EXPECT_TRUE(page.fence_intact());
  EXPECT_DOUBLE_EQ(page.value.dpi, 150);
  EXPECT_GT(page.value.word_count, 0u);
  EXPECT_EQ(page.value.title_block_table, 0);

  Fenced<old::word> word;
  ASSERT_EQ(drawlens_result_word(result.p, 0, 0, word.as<drawlens_word>()), DRAWLENS_OK);
  EXPECT_TRUE(word.fence_intact());
  Fenced<old::table> table;
  ASSERT_EQ(drawlens_result_table(result.p, 0, 0, table.as<drawlens_table>()), DRAWLENS_OK);
  EXPECT_TRUE(table.fence_intact());
  EXPECT_EQ(table.value.kind, DRAWLENS_TABLE_TITLE_BLOCK);
  Fenced<old::cell> cell;
  ASSERT_EQ(drawlens_result_cell(result.p, 0, 0, 0, cell.as<drawlens_cell>()), DRAWLENS_OK);
  EXPECT_TRUE(cell.fence_intact());

  std::size_t dimensions = 0;
  ASSERT_EQ(drawlens_result_dimension_count(result.p, 0, &dimensions), DRAWLENS_OK);
  ASSERT_GT(dimensions, 0u);
  for (std::size_t i = 0; i < dimensions; ++i) {
    Fenced<old::dimension> d;
    ASSERT_EQ(drawlens_result_dimension(result.p, 0, i, d.as<drawlens_dimension>()), DRAWLENS_OK);
    EXPECT_TRUE(d.fence_intact());
    drawlens_dimension now{};
    now.struct_size = sizeof now;
    ASSERT_EQ(drawlens_result_dimension(current.p, 0, i, &now), DRAWLENS_OK);
    EXPECT_STREQ(d.value.normalized, now.normalized);
    EXPECT_DOUBLE_EQ(d.value.nominal, now.nominal);
    EXPECT_EQ(now.source, DRAWLENS_SOURCE_TEXT_LAYER);
  }

  std::size_t fields = 0;
  ASSERT_EQ(drawlens_result_title_field_count(result.p, 0, &fields), DRAWLENS_OK);
  ASSERT_GT(fields, 0u);
  for (std::size_t i = 0; i < fields; ++i) {
    Fenced<old::title_field> field;  // 0.1.0's is 8 bytes shorter: source is past its end
    ASSERT_EQ(drawlens_result_title_field(result.p, 0, i, field.as<drawlens_title_field>()), DRAWLENS_OK);
    EXPECT_TRUE(field.fence_intact());
    EXPECT_NE(std::string(field.value.value), "");
  }

  // drawlens_gdt_frame grew by 8 bytes: an old host's frame is filled, the fence stays.
  Fenced<old::gdt_frame> frame;
  ASSERT_EQ(drawlens_parse_gdt("⌖|Ø0.2|A|B", frame.as<drawlens_gdt_frame>()), DRAWLENS_OK) << drawlens_last_error();
  EXPECT_TRUE(frame.fence_intact());
  EXPECT_EQ(frame.value.characteristic, DRAWLENS_GDT_POSITION);
  EXPECT_STREQ(frame.value.datums, "A|B");
}

TEST(StructGrowth, A010HostProbesTheGpu) {
  Fenced<old::gpu_probe_options> options;
  (drawlens_gpu_probe_options_default)(options.as<drawlens_gpu_probe_options>());
  drawlens_gpu_probe* probe = nullptr;
  ASSERT_EQ(drawlens_gpu_probe_create(options.as<drawlens_gpu_probe_options>(), &probe), DRAWLENS_OK)
      << drawlens_last_error();
  Fenced<old::gpu_summary> summary;
  EXPECT_EQ(drawlens_gpu_probe_summary(probe, summary.as<drawlens_gpu_summary>()), DRAWLENS_OK);
  EXPECT_TRUE(summary.fence_intact());
  EXPECT_NE(summary.value.verdict, nullptr);
  Fenced<old::gpu_plan> plan;
  EXPECT_EQ(drawlens_gpu_probe_plan(probe, plan.as<drawlens_gpu_plan>()), DRAWLENS_OK);
  EXPECT_TRUE(plan.fence_intact());
  drawlens_gpu_probe_free(probe);
}

TEST(StructGrowth, ANewerHostsExtraBytesMustBeZero) {
  FromNewerHost<drawlens_options, double> newer(drawlens_options_default_sized);
  PipelinePtr pipeline;
  ASSERT_EQ(drawlens_pipeline_create(&newer.known, &pipeline.p), DRAWLENS_OK) << drawlens_last_error();
  newer.field_from_the_future = 1.0;
  expect_abi_mismatch<drawlens_pipeline>(
      [&](drawlens_pipeline** out) { return drawlens_pipeline_create(&newer.known, out); }, "drawlens_options");

  FromNewerHost<drawlens_run_options, int> run(drawlens_run_options_default_sized);
  const drawlens::testing::Bytes png =
      drawlens::testing::encode(drawlens::testing::make_drawing_page(300, 200), ".png");
  ResultPtr result;
  EXPECT_EQ(drawlens_analyze_memory_v2(pipeline.p, png.data(), png.size(), &run.known, &result.p), DRAWLENS_OK);
  run.field_from_the_future = 7;
  expect_abi_mismatch<drawlens_result>(
      [&](drawlens_result** out) {
        return drawlens_analyze_memory_v2(pipeline.p, png.data(), png.size(), &run.known, out);
      },
      "drawlens_run_options");

  // An output struct larger than the library's: the library writes its fields, leaves the rest.
  Fenced<drawlens_page> page;
  page.value.struct_size = sizeof page;
  ASSERT_EQ(drawlens_result_page(result.p, 0, &page.value), DRAWLENS_OK);
  EXPECT_EQ(page.value.struct_size, sizeof page);
  EXPECT_TRUE(page.fence_intact());
  EXPECT_EQ(page.value.width, 300);
}

TEST(StructGrowth, ModelDirectoryIsAnAppendedOption) {
  drawlens_options options;
  drawlens_options_default(&options);
  options.model_directory = DRAWLENS_SOURCE_MODELS_DIR;  // the detect stage loads its model from here
  PipelinePtr pipeline;
  EXPECT_EQ(drawlens_pipeline_create(&options, &pipeline.p), DRAWLENS_OK) << drawlens_last_error();
  EXPECT_EQ(drawlens::Options().raw().model_directory, nullptr);
  const drawlens::Options facade = drawlens::Options().model_directory(DRAWLENS_SOURCE_MODELS_DIR);
  EXPECT_STREQ(facade.raw().model_directory, DRAWLENS_SOURCE_MODELS_DIR);
  const drawlens::Pipeline from_facade(facade);
}

}  // namespace
