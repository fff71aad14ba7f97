// The annotation objects of a truth document (dimensions, frames, datums, finishes, notes, title
// labels and values, tables) with their oriented boxes in pixels: what detector labels and text
// crops are cut from, so both agree with the truth JSON by construction.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "geometry.h"

namespace drawlens::synth {

struct AnnotationObject {
  std::string kind;  // dimension, gdt_frame, datum_feature, surface_finish, note, title_label, title_field, table
  Quad quad;         // pixels; the truth polygon's order: bottom-left, bottom-right, top-right, top-left
  std::string text;  // as drawn ("" for a table)
};

// Every object of the document's first page. A title field gives two objects (its printed label,
// when it has one, and its value); the general tolerance is the value of its title field and is
// not counted again.
std::vector<AnnotationObject> annotation_objects(const nlohmann::json& truth);

// DOTA-like lines "x1 y1 x2 y2 x3 y3 x4 y4 kind 0", one per object, corners as in AnnotationObject.
std::string detector_boxes(const std::vector<AnnotationObject>& objects);

}  // namespace drawlens::synth
