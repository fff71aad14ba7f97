// The crossing graph of horizontal and vertical ruling pieces, used to keep only the rulings that
// can bound a cell.
#pragma once

#include <vector>

#include <opencv2/core/mat.hpp>

namespace drawlens::layout::detail {

// Connected pieces of a one-direction ruling mask (8-connected), as cv::connectedComponents
// numbers them: label 0 is the background.
struct RulingPieces {
  cv::Mat mask;                 // the labelled mask, CV_8U 0/255
  cv::Mat labels;               // CV_32S
  std::vector<cv::Rect> boxes;  // bounding box per label
  int count = 0;
};

RulingPieces label_pieces(const cv::Mat& mask);

// Mask of the pieces that meet at least two perpendicular pieces that do the same (the 2-core of
// the crossing graph). Only those can close a region; text strokes, leaders and lines that merely
// cross a ruling are dropped.
cv::Mat closing_rulings(const RulingPieces& horizontal, const RulingPieces& vertical);

}  // namespace drawlens::layout::detail
