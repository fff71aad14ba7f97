// Quarter turns of the page and of boxes on it (quarter_turn.h).
#include "read/quarter_turn.h"

namespace drawlens::read {

cv::Mat turned_upright(const cv::Mat& image, int turn) {
  if (turn == 0) return image;
  cv::Mat out;
  cv::rotate(image, out,
             turn == 90    ? cv::ROTATE_90_CLOCKWISE
             : turn == 180 ? cv::ROTATE_180
                           : cv::ROTATE_90_COUNTERCLOCKWISE);
  return out;
}

Box box_turned_upright(const Box& b, int turn, const cv::Size& page) {
  if (turn == 90) return {page.height - b.bottom(), b.x, b.height, b.width};
  if (turn == 180) return {page.width - b.right(), page.height - b.bottom(), b.width, b.height};
  if (turn == 270) return {b.y, page.width - b.right(), b.height, b.width};
  return b;
}

Box box_from_upright(const Box& b, int turn, const cv::Size& page) {
  if (turn == 0 || turn == 180) return box_turned_upright(b, turn, page);
  const cv::Size upright(page.height, page.width);
  return box_turned_upright(b, 360 - turn, upright);
}

}  // namespace drawlens::read
