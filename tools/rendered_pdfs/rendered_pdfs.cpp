// Rendering vector PDFs, clean and scanned, for the checks of real drawings.
#include "rendered_pdfs.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include "degradation.h"

namespace drawlens::tools {

namespace fs = std::filesystem;

std::vector<fs::path> vector_pdfs(const std::string& folder) {
  std::vector<fs::path> pdfs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == ".pdf") pdfs.push_back(entry.path());
  }
  std::sort(pdfs.begin(), pdfs.end());
  return pdfs;
}

void for_each_rendering(const std::vector<fs::path>& pdfs, const std::vector<int>& resolutions, bool scans,
                        PipelineOptions options, const std::function<void(const Rendering&)>& visit) {
  options.keep_page_images = true;
  for (const auto& pdf : pdfs) {
    for (int dpi : resolutions) {
      options.load.pdf_dpi = dpi;
      auto pipeline = Pipeline::create(options);
      auto analysis = pipeline ? pipeline.value().analyze_file(pdf.string()) : Result<Analysis>(pipeline.error());
      if (!analysis) {
        std::cerr << pdf.filename().string() << ": " << analysis.error().message << "\n";
        continue;
      }
      for (const auto& page : analysis.value().pages) {
        if (!page.annotations || page.image.empty()) continue;
        for (const bool scan : {false, true}) {
          if (scan && !scans) continue;
          Rendering r;
          r.drawing = pdf.filename().string() + (page.index ? " p" + std::to_string(page.index + 1) : "");
          r.stem = pdf.stem().string() + "_p" + std::to_string(page.index + 1) + "_" + std::to_string(dpi) +
                   (scan ? "_scan" : "_clean");
          r.dpi = dpi;
          r.scan = scan;
          r.page = &page;
          r.image = page.image;
          r.image_dpi = page.dpi;
          r.to_image = [](cv::Point2d p) { return p; };
          if (scan) {
            synth::RandomSource random(static_cast<std::uint64_t>(dpi), static_cast<std::uint64_t>(page.index));
            const auto worn = synth::degrade_page(page.image, cv::Mat(), page.dpi, synth::Degradation::scan, random);
            r.image = worn.image;
            r.image_dpi = worn.dpi;
            r.to_image = [transform = worn.transform](cv::Point2d p) {
              const auto q = transform.apply({p.x, p.y});
              return cv::Point2d(q.x, q.y);
            };
          }
          visit(r);
        }
      }
    }
  }
}

}  // namespace drawlens::tools
