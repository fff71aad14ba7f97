// The overlay: every class in its own colour (detected regions included), a legend naming them,
// dimensions and frames labelled with their parsed value.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>

#include "output/output.h"

namespace drawlens::output {
namespace {

template <typename Value>
annotate::Placed<Value> placed(Value value, Box box) {
  return {std::move(value), "", box, 0, 1.0};
}

PageAnalysis page_with_every_class() {
  PageAnalysis page;
  page.width = 1600;
  page.height = 1200;
  page.image = cv::Mat(page.height, page.width, CV_8UC1, cv::Scalar(255));
  page.words = {{"42", Box{900, 900, 40, 20}, 0}};
  page.layout.emplace();
  page.layout->border = Box{20, 20, 1560, 1160};
  layout::Table table;
  table.box = Box{1200, 100, 300, 100};
  table.cells = {{Box{1200, 100, 150, 100}, 0, 0, 1, 1, ""}};
  page.layout->tables = {table};
  layout::Table title;
  title.box = Box{1100, 1000, 450, 150};
  page.layout->title_block = title;
  auto& found = page.annotations.emplace();
  found.dimensions = {placed(parse::parse_dimension("\u00D86.6 +0.4/-0.1").value(), Box{400, 400, 120, 30})};
  found.gdt_frames = {placed(parse::parse_gdt("\u2316|\u00D80.2|A").value(), Box{400, 700, 200, 40})};
  found.surface_finishes = {placed(parse::parse_surface_texture("Ra 1.6").value(), Box{700, 400, 80, 30})};
  found.notes = {placed(std::string("DEBURR ALL EDGES"), Box{100, 1000, 300, 30})};
  found.datum_features = {placed(std::string("A"), Box{700, 700, 30, 30})};
  annotate::TitleField field;
  field.key = parse::TitleKey::material;
  field.value = "PLA";
  field.box = Box{1120, 1020, 100, 40};
  found.title_fields = {field};
  page.detections = {{detect::Category::dimension, {600, 600, 120, 30, 30}, 0.9},
                     {detect::Category::note, {300, 300, 200, 24, 0}, 0.8}};
  return page;
}

int pixels_of(const cv::Mat& image, const cv::Scalar& colour) {
  cv::Mat mask;
  cv::inRange(image, colour, colour, mask);
  return cv::countNonZero(mask);
}

cv::Mat outside_legend(const cv::Mat& image) {
  cv::Mat copy = image.clone();
  copy(overlay_legend_rect(image.size())).setTo(cv::Scalar(255, 255, 255));
  return copy;
}

TEST(Overlay, EachClassHasItsOwnColour) {
  for (std::size_t a = 0; a < kOverlayClassCount; ++a) {
    for (std::size_t b = a + 1; b < kOverlayClassCount; ++b) {
      EXPECT_NE(overlay_colour(static_cast<OverlayClass>(a)), overlay_colour(static_cast<OverlayClass>(b)))
          << name(static_cast<OverlayClass>(a)) << " and " << name(static_cast<OverlayClass>(b));
    }
  }
}

TEST(Overlay, DrawsEveryClassInItsColour) {
  const cv::Mat overlay = outside_legend(render_overlay(page_with_every_class()));
  ASSERT_EQ(overlay.type(), CV_8UC3);
  for (std::size_t i = 0; i < kOverlayClassCount; ++i) {
    const auto cls = static_cast<OverlayClass>(i);
    EXPECT_GT(pixels_of(overlay, overlay_colour(cls)), 0) << name(cls);
  }
}

TEST(Overlay, LegendShowsEveryColourOnAnEmptyPage) {
  PageAnalysis page;
  page.image = cv::Mat(1200, 1600, CV_8UC1, cv::Scalar(255));
  const cv::Mat overlay = render_overlay(page);
  const cv::Rect legend = overlay_legend_rect(overlay.size());
  ASSERT_FALSE(legend.empty());
  ASSERT_TRUE((cv::Rect(0, 0, overlay.cols, overlay.rows) & legend) == legend);
  for (std::size_t i = 0; i < kOverlayClassCount; ++i) {
    const auto cls = static_cast<OverlayClass>(i);
    EXPECT_GT(pixels_of(overlay(legend), overlay_colour(cls)), 0) << name(cls);
    EXPECT_EQ(pixels_of(outside_legend(overlay), overlay_colour(cls)), 0) << name(cls);
  }
}

TEST(Overlay, DimensionsAndFramesCarryALabelAboveTheirBox) {
  const PageAnalysis page = page_with_every_class();
  const cv::Mat overlay = render_overlay(page);
  for (const auto& [box, cls] : {std::pair{page.annotations->dimensions[0].box, OverlayClass::dimension},
                                 std::pair{page.annotations->gdt_frames[0].box, OverlayClass::gdt_frame}}) {
    const cv::Rect above(box.x, box.y - 60, box.width, 55);
    const cv::Mat tag = overlay(above);
    EXPECT_GT(pixels_of(tag, overlay_colour(cls)), 500) << name(cls) << ": no filled tag";
    EXPECT_GT(pixels_of(tag, cv::Scalar(255, 255, 255)), 0) << name(cls) << ": no label text";
  }
  // The surface finish is outlined only.
  const Box finish = page.annotations->surface_finishes[0].box;
  EXPECT_EQ(pixels_of(overlay(cv::Rect(finish.x, finish.y - 30, finish.width, 25)),
                      overlay_colour(OverlayClass::surface_finish)),
            0);
}

TEST(Overlay, NoImageNoOverlay) {
  EXPECT_TRUE(render_overlay(PageAnalysis{}).empty());
}

}  // namespace
}  // namespace drawlens::output
