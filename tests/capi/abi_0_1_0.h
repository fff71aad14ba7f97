// The C ABI's structs exactly as drawlens 0.1.0 published them, for tests that act as a host
// built against 0.1.0. Never edit a layout here: they are what old hosts have compiled in.
#pragma once

#include <stddef.h>

#include "drawlens/drawlens.h"

namespace drawlens_abi_0_1_0 {

struct options {
  size_t struct_size;
  const char* device;
  int pdf_dpi;
  int assumed_dpi;
  int first_page;
  int last_page;
  int threads;
  double max_megapixels;
  int max_pages;
  unsigned long long max_file_bytes;
  unsigned int stages;
  int keep_page_images;
};

struct run_options {
  size_t struct_size;
  double timeout_ms;
  int (*cancel)(void* user_data);
  void* user_data;
};

struct page {
  size_t struct_size;
  int index;
  int width, height;
  double dpi;
  drawlens_dpi_source dpi_source;
  size_t word_count;
  int has_border;
  drawlens_box border;
  size_t table_count;
  int title_block_table;
};

struct word {
  size_t struct_size;
  const char* text;
  drawlens_box box;
  int rotation;
};

struct table {
  size_t struct_size;
  drawlens_table_kind kind;
  drawlens_box box;
  int rows, cols;
  size_t cell_count;
};

struct cell {
  size_t struct_size;
  drawlens_box box;
  int row, col, row_span, col_span;
  const char* text;
};

struct image {
  size_t struct_size;
  const unsigned char* pixels;
  int width, height;
  size_t stride;
};

struct dimension {
  size_t struct_size;
  const char* text;
  const char* normalized;
  drawlens_size_type size_type;
  int count;
  double nominal;
  drawlens_unit unit;
  drawlens_tolerance_kind tolerance_kind;
  int has_deviations;
  double upper_deviation, lower_deviation;
  double upper_limit, lower_limit;
  const char* hole_class;
  const char* shaft_class;
  const char* it_grade;
  unsigned int flags;
  const char* thread;
  double depth;
  double confidence;
  drawlens_box box;
  int angle;
};

struct gdt_frame {
  size_t struct_size;
  const char* text;
  const char* normalized;
  drawlens_characteristic characteristic;
  size_t segment_count;
  double tolerance;
  int zone_diameter;
  const char* datums;
  double confidence;
  drawlens_box box;
};

struct title_field {
  size_t struct_size;
  const char* key;
  const char* label;
  const char* value;
  drawlens_box box;
  double confidence;
};

struct gpu_probe_options {
  size_t struct_size;
  int measure;
  double safety_margin;
  double energy_seconds;
};

struct gpu_summary {
  size_t struct_size;
  int built_with_cuda;
  int cuda_runtime_version;
  int cuda_driver_version;
  const char* driver_version;
  int nvml_loaded;
  const char* nvml_status;
  size_t device_count;
  size_t usable_device_count;
  const char* reason;
  int libtorch_cuda;
  size_t component_count;
  const char* verdict;
};

struct gpu_device {
  size_t struct_size;
  int index;
  int cuda_ordinal;
  const char* name;
  const char* pci_bus_id;
  int compute_major, compute_minor;
  int multiprocessors;
  long long memory_total_bytes, memory_used_bytes, memory_free_bytes;
  int temperature_c;
  double power_watts, power_limit_watts;
  int utilization_gpu_percent, utilization_memory_percent;
  int clock_sm_mhz, clock_memory_mhz;
  int ecc_enabled;
  int mig_enabled;
};

struct gpu_component {
  size_t struct_size;
  const char* name;
  const char* version;
  int linked;
  const char* note;
};

struct gpu_plan {
  size_t struct_size;
  int measured;
  const char* status;
  int cuda_ordinal;
  long long free_bytes;
  double safety_margin;
  long long budget_bytes;
  long long need_bytes;
  size_t stage_count;
  int all_fit;
  int energy_pages;
  double seconds_per_page;
  double joules_per_page;
  double mean_power_watts;
};

struct gpu_stage {
  size_t struct_size;
  const char* name;
  const char* description;
  long long peak_bytes;
  int fits;
};

// Sizes measured by compiling the 0.1.0 header with gcc 12 on x86-64 Linux.
#if defined(__x86_64__) && defined(__LP64__)
static_assert(sizeof(options) == 72, "0.1.0 layout of drawlens_options");
static_assert(sizeof(run_options) == 32, "0.1.0 layout of drawlens_run_options");
static_assert(sizeof(gpu_probe_options) == 32, "0.1.0 layout of drawlens_gpu_probe_options");
static_assert(sizeof(page) == 88, "0.1.0 layout of drawlens_page");
static_assert(sizeof(word) == 40, "0.1.0 layout of drawlens_word");
static_assert(sizeof(table) == 48, "0.1.0 layout of drawlens_table");
static_assert(sizeof(cell) == 48, "0.1.0 layout of drawlens_cell");
static_assert(sizeof(image) == 32, "0.1.0 layout of drawlens_image");
static_assert(sizeof(dimension) == 168, "0.1.0 layout of drawlens_dimension");
static_assert(sizeof(gdt_frame) == 88, "0.1.0 layout of drawlens_gdt_frame");
static_assert(sizeof(title_field) == 56, "0.1.0 layout of drawlens_title_field");
static_assert(sizeof(gpu_summary) == 96, "0.1.0 layout of drawlens_gpu_summary");
static_assert(sizeof(gpu_device) == 120, "0.1.0 layout of drawlens_gpu_device");
static_assert(sizeof(gpu_component) == 40, "0.1.0 layout of drawlens_gpu_component");
static_assert(sizeof(gpu_plan) == 104, "0.1.0 layout of drawlens_gpu_plan");
static_assert(sizeof(gpu_stage) == 40, "0.1.0 layout of drawlens_gpu_stage");
#endif

}  // namespace drawlens_abi_0_1_0
