// The vector PDFs of a folder as the checks of real drawings see them (drawlens-detector-check,
// drawlens-ocr-check): each page rendered by the pipeline (poppler) at several resolutions, clean and
// once more through the generator's scan degradation, with what the pipeline read from its text
// layer at that resolution and the map from the rendered page's pixels to the scored image's.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "pipeline/pipeline.h"

namespace drawlens::tools {

struct Rendering {
  std::string drawing;                 // the file's name, with " pN" from its second page on
  std::string stem;                    // for files written about it: "<stem>_p<N>_<dpi>_<clean|scan>"
  int dpi = 0;                         // the rendering's
  bool scan = false;                   // degraded as a scan
  const PageAnalysis* page = nullptr;  // the text layer's reading of the clean rendering
  cv::Mat image;                       // the image scored (CV_8UC1)
  double image_dpi = 0;
  std::function<cv::Point2d(cv::Point2d)> to_image;  // clean page pixels to `image` pixels
};

// The *.pdf / *.PDF files of a folder, sorted.
std::vector<std::filesystem::path> vector_pdfs(const std::string& folder);

// Calls visit for every page of every pdf at every resolution, clean and (when `scans`) degraded.
// `options` says which stages read the text layer (and where the models are); its resolution and
// page-image settings are set here. A file that fails is named on stderr and skipped.
void for_each_rendering(const std::vector<std::filesystem::path>& pdfs, const std::vector<int>& resolutions, bool scans,
                        PipelineOptions options, const std::function<void(const Rendering&)>& visit);

}  // namespace drawlens::tools
