// The first-published-size table against the 0.1.0 layouts themselves, and the reading of input
// structs of every size the rule allows.
#include <cstring>
#include <string>

#include <gtest/gtest.h>

#include "capi/abi_0_1_0.h"
#include "capi/struct_sizes.h"

namespace {

namespace old = drawlens_abi_0_1_0;
using drawlens::capi::FirstPublished;

static_assert(FirstPublished<drawlens_options>::size == sizeof(old::options));
static_assert(FirstPublished<drawlens_run_options>::size == sizeof(old::run_options));
static_assert(FirstPublished<drawlens_gpu_probe_options>::size == sizeof(old::gpu_probe_options));
static_assert(FirstPublished<drawlens_page>::size == sizeof(old::page));
static_assert(FirstPublished<drawlens_word>::size == sizeof(old::word));
static_assert(FirstPublished<drawlens_table>::size == sizeof(old::table));
static_assert(FirstPublished<drawlens_cell>::size == sizeof(old::cell));
static_assert(FirstPublished<drawlens_image>::size == sizeof(old::image));
static_assert(FirstPublished<drawlens_dimension>::size == sizeof(old::dimension));
static_assert(FirstPublished<drawlens_gdt_frame>::size == sizeof(old::gdt_frame));
static_assert(FirstPublished<drawlens_title_field>::size == sizeof(old::title_field));
static_assert(FirstPublished<drawlens_gpu_summary>::size == sizeof(old::gpu_summary));
static_assert(FirstPublished<drawlens_gpu_device>::size == sizeof(old::gpu_device));
static_assert(FirstPublished<drawlens_gpu_component>::size == sizeof(old::gpu_component));
static_assert(FirstPublished<drawlens_gpu_plan>::size == sizeof(old::gpu_plan));
static_assert(FirstPublished<drawlens_gpu_stage>::size == sizeof(old::gpu_stage));
// Structs added after 0.1.0 are first published at their present size.
static_assert(FirstPublished<drawlens_surface_finish>::size == sizeof(drawlens_surface_finish));
static_assert(FirstPublished<drawlens_note>::size == sizeof(drawlens_note));
static_assert(FirstPublished<drawlens_general_tolerance>::size == sizeof(drawlens_general_tolerance));
static_assert(FirstPublished<drawlens_datum_feature>::size == sizeof(drawlens_datum_feature));
// The fields appended so far really are past the 0.1.0 end (or in its tail padding).
static_assert(offsetof(drawlens_options, model_directory) >= sizeof(old::options));
static_assert(offsetof(drawlens_gdt_frame, source) >= sizeof(old::gdt_frame));
static_assert(offsetof(drawlens_title_field, source) >= sizeof(old::title_field));

drawlens_options defaults() {
  auto options = drawlens::capi::zeroed_struct<drawlens_options>();
  options.pdf_dpi = 300;
  options.model_directory = "/models";
  return options;
}

TEST(StructSizes, An010StructKeepsTheDefaultsOfLaterFields) {
  old::options caller{};
  caller.struct_size = sizeof caller;
  caller.pdf_dpi = 150;
  const auto* as_current = reinterpret_cast<const drawlens_options*>(&caller);
  EXPECT_EQ(drawlens::capi::in_struct_size_problem(as_current), "");
  drawlens_options effective = defaults();
  drawlens::capi::read_in_struct(as_current, effective);
  EXPECT_EQ(effective.pdf_dpi, 150);
  EXPECT_STREQ(effective.model_directory, "/models");
  EXPECT_EQ(effective.struct_size, sizeof(drawlens_options));
}

TEST(StructSizes, SizesOutsideTheRuleAreNamed) {
  struct Newer {
    drawlens_options options;
    unsigned char tail[16];
  } newer{};
  newer.options.struct_size = 16;
  EXPECT_NE(drawlens::capi::in_struct_size_problem(&newer.options).find("below its first published size 72"),
            std::string::npos);
  newer.options.struct_size = sizeof newer;
  EXPECT_EQ(drawlens::capi::in_struct_size_problem(&newer.options), "");
  newer.tail[15] = 1;
  const std::string problem = drawlens::capi::in_struct_size_problem(&newer.options);
  EXPECT_NE(problem.find("drawlens_options"), std::string::npos) << problem;
  EXPECT_NE(problem.find("byte " + std::to_string(sizeof(drawlens_options) + 15)), std::string::npos) << problem;
}

TEST(StructSizes, OutputStopsAtTheCallersSize) {
  struct Fenced {
    old::title_field field;
    unsigned char fence[8];
  } fenced;
  std::memset(&fenced, 0xA5, sizeof fenced);
  fenced.field.struct_size = sizeof fenced.field;
  auto view = drawlens::capi::zeroed_struct<drawlens_title_field>();
  view.confidence = 0.5;
  view.source = DRAWLENS_SOURCE_TESSERACT;
  drawlens::capi::write_out_struct(view, reinterpret_cast<drawlens_title_field*>(&fenced.field));
  EXPECT_EQ(fenced.field.struct_size, sizeof(old::title_field));
  EXPECT_DOUBLE_EQ(fenced.field.confidence, 0.5);
  for (unsigned char byte : fenced.fence) EXPECT_EQ(byte, 0xA5);
}

}  // namespace
