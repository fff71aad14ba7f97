// The smallest C++ host: analyse a drawing and print what its layout holds. Usage: minimal FILE
#include <drawlens/drawlens.hpp>
#include <iostream>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: " << argv[0] << " FILE\n";
    return 2;
  }
  try {
    drawlens::Pipeline pipeline(drawlens::Options().pdf_dpi(200));
    const drawlens::Result result = pipeline.analyze(drawlens::Document::file(argv[1]));
    for (const drawlens::Page& page : result.pages()) {
      std::cout << "page " << page.index + 1 << ": " << page.width << "x" << page.height << ", border "
                << (page.border ? "found" : "none") << ", title block "
                << (page.title_block ? std::to_string(page.title_block->cells.size()) + " cells" : "none") << ", "
                << page.tables.size() << " other tables\n";
    }
  } catch (const drawlens::Error& e) {
    std::cerr << "drawlens: " << e.status_name() << ": " << e.what() << "\n";
    return 1;
  }
  return 0;
}
