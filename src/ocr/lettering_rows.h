// The rows of a crop that hold its lettering. A detector's box, or a text layer's, often holds
// paper and linework above and below the characters as well (a SolidWorks dimension's box reaches
// down over its dimension line, a limit pair's box over its extension lines), so the lettering
// fills as little as half the crop's height and the recognizer, which scales every crop to one
// height, sees it at half size. The recognizer reads such a crop a second time cut to these rows.
#pragma once

#include <opencv2/core/mat.hpp>

namespace drawlens::ocr {

// gray: CV_8UC1, dark text on light paper. The band of rows that holds ink once lines running
// across the whole crop (rows inked over 60 % of the width, columns over 80 % of the height) are
// left out, widened by the margin of core/upright_crop.h and kept inside the crop. The whole crop
// when that band is not clearly smaller (under 90 % of its height) or the crop has no contrast.
cv::Rect lettering_rows(const cv::Mat& gray);

}  // namespace drawlens::ocr
