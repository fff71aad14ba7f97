// The report sections beyond the per-protocol tables: detection AP, segmentation, vectorization and linework links, as
// Markdown and as JSON, and the number formats both reports share.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include <nlohmann/json.hpp>

#include "detection_ap.h"
#include "linework_links.h"
#include "segmentation.h"
#include "vectorization.h"

namespace drawlens::eval {

std::string figure(double value);                                  // four decimals
std::string figure(const std::optional<double>& value);            // four decimals, "—" when undefined
nlohmann::json optional_json(const std::optional<double>& value);  // null when undefined

// Per class: truth, predicted, AP@0.5, AP@0.75, AP@0.5:0.95; then the two means.
void write_detection(std::ostream& out, const DetectionRecords& records);
// Per label: truth and predicted pixels, IoU, F1; the accuracies and mean IoU; the confusion matrix.
void write_segmentation(std::ostream& out, const SegmentationCounts& counts);
// Coverage of the truth's linework, pieces per truth primitive, over- and under-segmentation.
void write_vectorization(std::ostream& out, const VectorizationCounts& counts);
// Dimensions scored, linked, with their lines right, with a truth feature and with it right.
void write_links(std::ostream& out, const LinkCounts& counts);

nlohmann::json detection_json(const DetectionRecords& records);
nlohmann::json segmentation_json(const SegmentationCounts& counts);
nlohmann::json links_json(const LinkCounts& counts);
nlohmann::json vectorization_json(const VectorizationCounts& counts);

}  // namespace drawlens::eval
