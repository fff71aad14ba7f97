// LabelMe annotations (eDOCr2's ground-truth format) as drawlens truth: one result-schema document
// whose page carries a dimension per labelled text and a note per `other_info` box (docs/eval.md).
#pragma once

#include <cstddef>
#include <filesystem>

#include <nlohmann/json.hpp>

namespace drawlens::labelme {

// The label eDOCr2 gives text that is not a dimension.
inline constexpr const char* kOtherInfo = "other_info";

struct Truth {
  nlohmann::json document;     // the result-schema truth
  std::size_t dimensions = 0;  // labelled dimensions
  std::size_t parsed = 0;      // of those, labels the dimension grammar read (values filled in)
  std::size_t notes = 0;       // other_info boxes
};

// Reads a LabelMe file. Throws std::runtime_error naming the file when it is missing, not JSON, or
// lacks a "shapes" array.
nlohmann::json read_annotation(const std::filesystem::path& path);

// `loaded` is drawlens's result for the annotated image with no stages run (source and one page:
// index, size, dpi, words); the truth is that document with the page's annotations replaced by the
// shapes'. Throws std::runtime_error naming the shape (by position and label) on a missing label,
// an unsupported shape type, bad points or a shape outside the page, and on an imageWidth/imageHeight
// that differs from the page's size.
Truth truth_from_annotation(const nlohmann::json& annotation, const nlohmann::json& loaded);

}  // namespace drawlens::labelme
