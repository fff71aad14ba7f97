// A whole page through the network: resampling to the network's resolution, tiling with batches,
// stitching the maps, decoding and overlap suppression (detector_network.h).
#include <algorithm>
#include <cmath>
#include <cstring>

#include <opencv2/imgproc.hpp>

#include "detect/detector_network.h"
#include "detect/kernel_decoding.h"
#include "prepare/prepare.h"

namespace drawlens::detect {
namespace {

constexpr int kTileOverlap = 128;    // network pixels shared by neighbouring tiles
constexpr double kOverlapIou = 0.5;  // suppression across categories

int round_up(int value, int multiple) {
  return (value + multiple - 1) / multiple * multiple;
}

struct Tile {
  int x = 0, y = 0;  // top-left in network pixels
};

std::vector<int> tile_starts(int length, int tile) {
  std::vector<int> starts;
  if (length <= tile) return {0};
  const int step = tile - kTileOverlap;
  for (int s = 0;; s += step) {
    if (s + tile >= length) {
      starts.push_back(length - tile);
      break;
    }
    starts.push_back(s);
  }
  return starts;
}

// Runs one batch of equally sized inputs; returns [N, C, h, w] float32 on the CPU.
torch::Tensor run_batch(DetectorNetwork& network, const std::vector<cv::Mat>& inputs, const torch::Device& device,
                        torch::ScalarType dtype) {
  const int rows = inputs.front().rows, cols = inputs.front().cols;
  auto batch = torch::empty({static_cast<long>(inputs.size()), 1, rows, cols}, torch::kFloat32);
  for (std::size_t i = 0; i < inputs.size(); ++i)
    std::memcpy(batch[static_cast<long>(i)].data_ptr<float>(), inputs[i].ptr<float>(),
                sizeof(float) * static_cast<std::size_t>(rows) * static_cast<std::size_t>(cols));
  auto output = network->forward(batch.to(device, dtype));
  return output.to(torch::kCPU, torch::kFloat32).contiguous();
}

}  // namespace

cv::Mat network_input(const cv::Mat& gray, int paper) {
  const double level = paper > 0 ? paper : 255;
  cv::Mat out;
  // 1 - gray / paper, clamped to 0..1.
  gray.convertTo(out, CV_32F, -1.0 / level, 1.0);
  cv::max(out, 0.0, out);
  cv::min(out, 1.0, out);
  return out;
}

std::vector<Detection> detect_page(DetectorNetwork& network, const cv::Mat& gray, double dpi, double network_dpi,
                                   const DetectorOptions& options, const torch::Device& device,
                                   torch::ScalarType dtype) {
  const double scale = network_dpi / dpi;
  const int width = std::max(1, static_cast<int>(std::lround(gray.cols * scale)));
  const int height = std::max(1, static_cast<int>(std::lround(gray.rows * scale)));
  cv::Mat resized;
  cv::resize(gray, resized, cv::Size(width, height), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  if (width < kOutputStride || height < kOutputStride) return {};  // smaller than one output cell
  const cv::Mat input = network_input(resized, prepare::paper_level(gray));

  const int tile = std::max(kInputMultiple * 8, options.max_tile / kInputMultiple * kInputMultiple);
  const bool tiled = width > tile || height > tile;
  const int tile_width = tiled ? std::min(tile, round_up(width, kInputMultiple)) : round_up(width, kInputMultiple);
  const int tile_height = tiled ? std::min(tile, round_up(height, kInputMultiple)) : round_up(height, kInputMultiple);
  // The padded page: paper (0) beyond the image.
  cv::Mat padded(std::max(height, tile_height), std::max(width, tile_width), CV_32F, cv::Scalar(0));
  input.copyTo(padded(cv::Rect(0, 0, width, height)));

  std::vector<Tile> tiles;
  for (int y : tile_starts(padded.rows, tile_height))
    for (int x : tile_starts(padded.cols, tile_width)) tiles.push_back({x, y});

  const int s = kOutputStride;
  cv::Mat maps[kOutputChannels];
  for (auto& m : maps) m = cv::Mat(padded.rows / s, padded.cols / s, CV_32F, cv::Scalar(0));

  torch::NoGradGuard no_grad;
  const std::size_t batch_size = static_cast<std::size_t>(std::max(1, options.batch));
  for (std::size_t first = 0; first < tiles.size(); first += batch_size) {
    const std::size_t last = std::min(tiles.size(), first + batch_size);
    std::vector<cv::Mat> inputs;
    for (std::size_t t = first; t < last; ++t)
      inputs.push_back(padded(cv::Rect(tiles[t].x, tiles[t].y, tile_width, tile_height)).clone());
    const torch::Tensor output = run_batch(network, inputs, device, dtype);
    for (std::size_t t = first; t < last; ++t) {
      // Each tile keeps its cells away from its seams: half the overlap on a side with a neighbour.
      const Tile& at = tiles[t];
      const int keep_left = at.x == 0 ? 0 : kTileOverlap / 2;
      const int keep_top = at.y == 0 ? 0 : kTileOverlap / 2;
      const int keep_right = at.x + tile_width >= padded.cols ? tile_width : tile_width - kTileOverlap / 2;
      const int keep_bottom = at.y + tile_height >= padded.rows ? tile_height : tile_height - kTileOverlap / 2;
      const cv::Rect kept(keep_left / s, keep_top / s, (keep_right - keep_left) / s, (keep_bottom - keep_top) / s);
      const auto tile_maps = output[static_cast<long>(t - first)];
      for (int c = 0; c < kOutputChannels; ++c) {
        const auto channel = tile_maps[c];
        cv::Mat view(static_cast<int>(channel.size(0)), static_cast<int>(channel.size(1)), CV_32F,
                     channel.data_ptr<float>());
        view(kept).copyTo(maps[c](kept + cv::Point(at.x / s, at.y / s)));
      }
    }
  }

  OutputMaps decoded_maps;
  decoded_maps.stride = s;
  const cv::Rect page(0, 0, width / s, height / s);
  for (int c = 0; c < kCategoryCount; ++c) {
    cv::Mat probability;
    cv::exp(-maps[c](page), probability);
    probability = 1.0 / (1.0 + probability);
    decoded_maps.probability[static_cast<std::size_t>(c)] = probability;
  }
  decoded_maps.cosine = maps[kCosineChannel](page);
  decoded_maps.sine = maps[kSineChannel](page);
  decoded_maps.short_side = maps[kShortSideChannel](page);
  auto detections = decode_kernels(decoded_maps, options.score_threshold, options.min_score);
  const double to_page_x = static_cast<double>(gray.cols) / width, to_page_y = static_cast<double>(gray.rows) / height;
  for (auto& d : detections) {
    d.box.centre_x *= to_page_x;
    d.box.centre_y *= to_page_y;
    d.box.width *= (to_page_x + to_page_y) / 2;
    d.box.height *= (to_page_x + to_page_y) / 2;
  }
  return suppress_overlaps(std::move(detections), kOverlapIou);
}

}  // namespace drawlens::detect
