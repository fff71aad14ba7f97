// The old eDOCr2 service's answer (POST /api/v1/ocr), built from drawlens's native result:
// {status, data: {dimensions, gdt, text, tables, possible_text, surface_finishes}, processing_time,
// file_id, model_used, warnings}. docs/serve.md and docs/migration.md give every field.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "route_answers.h"

namespace drawlens::serve {

// What the client asked for, as eDOCr2's form fields extract_dimensions, extract_gdt, extract_text.
struct OcrRequest {
  bool dimensions = true;  // data.dimensions and data.surface_finishes
  bool gdt = true;         // data.gdt
  bool text = true;        // data.text (title fields and notes), data.tables, data.possible_text
};

// `warnings` carries the analysis's diagnostics ("stage: message") plus `extra_warnings`.
nlohmann::json ocr_answer(const nlohmann::json& result, const AnalysisFacts& facts, const OcrRequest& wanted,
                          const std::vector<std::string>& extra_warnings);

// eDOCr2's tolerance string for a native tolerance object: "±0.1", "+0.1/-0.05", "25.02/24.98",
// "H7/g6", "MAX", "MIN", the general class; null when the dimension carries none.
nlohmann::json tolerance_text(const nlohmann::json& tolerance);

}  // namespace drawlens::serve
