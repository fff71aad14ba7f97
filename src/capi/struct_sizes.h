// Structs that grow: the size each C ABI struct had when it was first published, and the reading
// and writing of caller structs of any size from that one up (drawlens.h, "Structs that grow").
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <string>

#include "drawlens/drawlens.h"

namespace drawlens::capi {

// No definition: a struct that crosses the ABI without an entry below does not compile.
template <typename Struct>
struct FirstPublished;

constexpr std::size_t round_up(std::size_t size, std::size_t alignment) {
  return (size + alignment - 1) / alignment * alignment;
}

// The first published size is the struct up to its last field of that version, padded as the
// compiler pads the whole struct. tests/capi/abi_0_1_0.h holds the 0.1.0 layouts themselves, and
// struct_sizes_test checks this table against them.
#define DRAWLENS_FIRST_PUBLISHED(Struct, last_field)                                          \
  template <>                                                                                 \
  struct FirstPublished<Struct> {                                                             \
    static constexpr std::size_t size =                                                       \
        round_up(offsetof(Struct, last_field) + sizeof(Struct::last_field), alignof(Struct)); \
    static constexpr const char* name = #Struct;                                              \
  }

// drawlens 0.1.0
DRAWLENS_FIRST_PUBLISHED(drawlens_options, keep_page_images);
DRAWLENS_FIRST_PUBLISHED(drawlens_run_options, user_data);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_probe_options, energy_seconds);
DRAWLENS_FIRST_PUBLISHED(drawlens_page, title_block_table);
DRAWLENS_FIRST_PUBLISHED(drawlens_word, rotation);
DRAWLENS_FIRST_PUBLISHED(drawlens_table, cell_count);
DRAWLENS_FIRST_PUBLISHED(drawlens_cell, text);
DRAWLENS_FIRST_PUBLISHED(drawlens_image, stride);
DRAWLENS_FIRST_PUBLISHED(drawlens_dimension, angle);
DRAWLENS_FIRST_PUBLISHED(drawlens_gdt_frame, box);
DRAWLENS_FIRST_PUBLISHED(drawlens_title_field, confidence);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_summary, verdict);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_device, mig_enabled);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_component, note);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_plan, mean_power_watts);
DRAWLENS_FIRST_PUBLISHED(drawlens_gpu_stage, fits);
// Added after 0.1.0
DRAWLENS_FIRST_PUBLISHED(drawlens_surface_finish, source);
DRAWLENS_FIRST_PUBLISHED(drawlens_note, source);
DRAWLENS_FIRST_PUBLISHED(drawlens_general_tolerance, source);
DRAWLENS_FIRST_PUBLISHED(drawlens_detector_options, cuda_device);
DRAWLENS_FIRST_PUBLISHED(drawlens_detection, score);
DRAWLENS_FIRST_PUBLISHED(drawlens_segment, confidence);
DRAWLENS_FIRST_PUBLISHED(drawlens_edgnet_options, cuda_device);
DRAWLENS_FIRST_PUBLISHED(drawlens_feature, lower_mm);
DRAWLENS_FIRST_PUBLISHED(drawlens_tolerance_analysis, gdt_frame_index);
DRAWLENS_FIRST_PUBLISHED(drawlens_stack_link, direction);
DRAWLENS_FIRST_PUBLISHED(drawlens_datum_feature, source);
DRAWLENS_FIRST_PUBLISHED(drawlens_stack_up_options, uniform);
DRAWLENS_FIRST_PUBLISHED(drawlens_stack_up_result, samples);
DRAWLENS_FIRST_PUBLISHED(drawlens_ocr_options, tesseract_below);
DRAWLENS_FIRST_PUBLISHED(drawlens_reading_info, word_count);
DRAWLENS_FIRST_PUBLISHED(drawlens_read_character, alternative_probabilities);
DRAWLENS_FIRST_PUBLISHED(drawlens_read_word, height);

#undef DRAWLENS_FIRST_PUBLISHED

// A struct of this version with every byte zero, padding included, and struct_size set.
template <typename Struct>
Struct zeroed_struct() {
  Struct value;
  std::memset(&value, 0, sizeof value);
  value.struct_size = sizeof value;
  return value;
}

// Why a caller's struct_size cannot be read, or "" when it can. The tail past this version's
// struct must be zero when the caller's struct is larger: nonzero means a field set by a newer
// host that this library would silently ignore.
template <typename Struct>
std::string in_struct_size_problem(const Struct* caller) {
  using First = FirstPublished<Struct>;
  const std::size_t size = caller->struct_size;
  if (size < First::size) {
    return std::string(First::name) + ".struct_size is " + std::to_string(size) + ", below its first published size " +
           std::to_string(First::size) + " (set it with the *_default helper or to sizeof the struct)";
  }
  const auto* bytes = reinterpret_cast<const unsigned char*>(caller);
  for (std::size_t i = sizeof(Struct); i < size; ++i) {
    if (bytes[i] != 0) {
      return std::string(First::name) + ".struct_size is " + std::to_string(size) + " and byte " + std::to_string(i) +
             " is set, but this drawlens " DRAWLENS_VERSION_STRING " knows " + std::to_string(sizeof(Struct)) +
             " bytes: the caller set a field this library does not have";
    }
  }
  return {};
}

// Copies the caller's bytes over `out` (which holds the defaults), up to the smaller of the two
// sizes, so fields the caller's header lacked keep their defaults. Call after
// in_struct_size_problem() returned "".
template <typename Struct>
void read_in_struct(const Struct* caller, Struct& out) {
  std::memcpy(&out, caller, std::min<std::size_t>(caller->struct_size, sizeof(Struct)));
  out.struct_size = sizeof(Struct);
}

// Fills an input struct with `defaults` up to `size` bytes, struct_size = size. Sizes outside
// [first published, this version] leave it untouched: no valid struct has them.
template <typename Struct>
void write_defaults(const Struct& defaults, Struct* out, std::size_t size) {
  if (out == nullptr || size < FirstPublished<Struct>::size || size > sizeof(Struct)) return;
  std::memcpy(out, &defaults, size);
  out->struct_size = size;
}

// Writes a view into the caller's output struct up to its struct_size: an older caller gets the
// fields it knows. Bytes of a newer caller's struct past this version are left alone rather than
// zeroed, so that a garbage struct_size can never make the library write past the caller's
// struct (hosts zero their structs first; the facade does). The caller's struct_size is kept.
// Check it first with bad_out_struct (guard.h).
template <typename Struct>
void write_out_struct(const Struct& view, Struct* out) {
  const std::size_t size = out->struct_size;
  std::memcpy(out, &view, std::min<std::size_t>(size, sizeof(Struct)));
  out->struct_size = size;
}

}  // namespace drawlens::capi
