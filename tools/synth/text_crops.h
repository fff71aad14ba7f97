// Text crops for a recogniser: each text object cut out of the delivered page along its oriented
// box, turned upright, with a small margin; and their labels.tsv.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "annotation_objects.h"
#include "synth.h"

namespace drawlens::synth {

// One crop for every object with a text, in the objects' order, named 0000.png, 0001.png, ...
std::vector<TextCrop> text_crops(const std::vector<AnnotationObject>& objects, const cv::Mat& page, double dpi);

// "file<TAB>text<TAB>kind" lines after a header; in the text, '\' is written "\\", a tab "\t" and a
// line break "\n", so every crop is one line.
std::string crop_labels_tsv(const std::vector<TextCrop>& crops);

}  // namespace drawlens::synth
