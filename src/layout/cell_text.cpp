// Attaches text-layer words to the table cells that contain them.
#include <algorithm>

#include "layout/layout.h"

namespace drawlens::layout {
namespace {

void fill_table(Table& table, const std::vector<const Word*>& words) {
  for (Cell& cell : table.cells) {
    std::vector<const Word*> inside;
    for (const Word* w : words) {
      const int cx = w->box.x + w->box.width / 2, cy = w->box.y + w->box.height / 2;
      if (cx >= cell.box.x && cx < cell.box.right() && cy >= cell.box.y && cy < cell.box.bottom()) inside.push_back(w);
    }
    // Words whose vertical centres are within half the smaller height of a line's first word share
    // it; a label over a value in larger type stays two lines.
    std::sort(inside.begin(), inside.end(),
              [](const Word* a, const Word* b) { return a->box.y + a->box.height / 2 < b->box.y + b->box.height / 2; });
    std::vector<std::vector<const Word*>> lines;
    for (const Word* w : inside) {
      const int cy = w->box.y + w->box.height / 2;
      if (!lines.empty()) {
        const Word* first = lines.back().front();
        if (cy - (first->box.y + first->box.height / 2) <= std::min(first->box.height, w->box.height) / 2) {
          lines.back().push_back(w);
          continue;
        }
      }
      lines.push_back({w});
    }
    for (auto& line : lines) {
      std::sort(line.begin(), line.end(), [](const Word* a, const Word* b) { return a->box.x < b->box.x; });
    }
    std::string text;
    for (const auto& line : lines) {
      if (!text.empty()) text += '\n';
      for (std::size_t i = 0; i < line.size(); ++i) text += (i == 0 ? "" : " ") + line[i]->text;
    }
    cell.text = std::move(text);
  }
}

}  // namespace

void fill_cell_text(Layout& layout, const std::vector<Word>& words) {
  std::vector<const Word*> pointers;
  pointers.reserve(words.size());
  for (const Word& w : words) pointers.push_back(&w);
  if (layout.title_block) fill_table(*layout.title_block, pointers);
  for (Table& table : layout.tables) fill_table(table, pointers);
}

}  // namespace drawlens::layout
