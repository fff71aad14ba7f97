// The tolerance analysis from C++: a drawing's toleranced features under a process and material,
// the cost drivers with their reasons, and a stack-up of two of its own features.
//   example_cpp_tolerance drawing.pdf [process] [material]
#include <cstdio>
#include <exception>

#include "drawlens/drawlens.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DRAWING [process] [material]\n", argv[0]);
    return 2;
  }
  try {
    drawlens::Options options;
    options.process(argc > 2 ? argv[2] : "milling").material(argc > 3 ? argv[3] : "aluminium");
    const drawlens::Pipeline pipeline(options);
    const drawlens::Result result = pipeline.analyze(drawlens::Document::file(argv[1]));
    for (const drawlens::Page& page : result.pages()) {
      std::printf("page %d: %zu toleranced features\n", page.index + 1, page.tolerances.size());
      for (const drawlens::ToleranceAnalysis& a : page.tolerances) {
        std::printf("  %-8s zone %.4f mm  Cpk %5.2f  yield %5.1f %%  %s\n", a.id.c_str(), a.zone_mm, a.cpk,
                    100.0 * a.yield, drawlens_rating_name(a.rating));
        if (a.cost_driver) std::printf("           cost driver: %s\n", a.reason.c_str());
      }
    }
    // A stack-up of two sizes, one added and one subtracted: 50 ±0.1 - 20 ±0.05.
    const std::vector<drawlens::Feature> chain = {{"A", DRAWLENS_FEATURE_LINEAR_SIZE, 50, 0.1, -0.1},
                                                  {"B", DRAWLENS_FEATURE_LINEAR_SIZE, 20, 0.05, -0.05}};
    const drawlens_stack_up_result s = drawlens::stack_up(chain, {{"A", 1}, {"B", -1}});
    std::printf("stack-up A - B: nominal %.3f, worst case %+.3f/%+.3f, RSS %+.4f/%+.4f, Monte Carlo sigma %.4f\n",
                s.nominal_mm, s.worst_case_upper_mm, s.worst_case_lower_mm, s.rss_upper_mm, s.rss_lower_mm,
                s.monte_carlo_sigma_mm);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "%s\n", e.what());
    return 1;
  }
}
