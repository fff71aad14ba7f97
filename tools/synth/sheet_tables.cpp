// Revision table and parts list on the sheet. The parts list sits on the title block with its
// header at the bottom and items counting upwards (ISO 7573, ASME Y14.34); the revision table
// goes above it (ISO) or in the top right corner of the frame (ASME Y14.35).
#include "sheet_tables.h"

#include <array>

#include "ruled_table.h"

namespace drawlens::synth {
namespace {

constexpr double kViewClearance = 14.0;  // mm kept between a table and a view, for its dimensions

struct Headings {
  std::array<const char*, 4> revision;
  std::array<const char*, 5> parts;
  std::array<const char*, 6> changes;  // the first is the initial release
};

const Headings& headings(const DrawingPlan& plan) {
  static const Headings kEnglish{{"REV", "DESCRIPTION", "DATE", "APPROVED"},
                                 {"ITEM", "QTY", "PART NUMBER", "DESCRIPTION", "MATERIAL"},
                                 {"INITIAL RELEASE", "HOLE DIAMETER CHANGED", "TOLERANCE UPDATED", "CHAMFER ADDED",
                                  "MATERIAL CHANGED", "NOTE 3 ADDED"}};
  static const Headings kGerman{{"Index", "Änderung", "Datum", "Name"},
                                {"Pos.", "Menge", "Sachnummer", "Benennung", "Werkstoff"},
                                {"Erstausgabe", "Bohrungsdurchmesser geändert", "Toleranz angepasst", "Fase ergänzt",
                                 "Werkstoff geändert", "Hinweis 3 ergänzt"}};
  static const Headings kKorean{
      {"개정", "내용", "일자", "승인"},
      {"품번", "수량", "부품 번호", "품명", "재질"},
      {"최초 발행", "구멍 지름 변경", "공차 수정", "모따기 추가", "재질 변경", "주기 3 추가"}};
  if (plan.style == SheetStyle::asme || plan.language == Language::english) return kEnglish;
  return plan.language == Language::german ? kGerman : kKorean;
}

// The revision before `revision`: "C" → "B", "02" → "01"; empty before the first.
std::string previous_revision(const std::string& revision) {
  if (revision.empty()) return "";
  std::string out = revision;
  char& last = out.back();
  if (last == 'A' || (last == '0' && (out.size() == 1 || out[0] == '0'))) return "";
  if (last == '0') {
    out[0] = static_cast<char>(out[0] - 1);
    last = '9';
  } else {
    last = static_cast<char>(last - 1);
  }
  return out;
}

bool keeps_clear(const Rect& table, const Rect& frame, const std::vector<Rect>& taken) {
  if (!frame.contains(table)) return false;
  for (const Rect& t : taken) {
    if (t.intersects(table)) return false;
  }
  return true;
}

TableContents parts_table(const std::vector<PartsListItem>& items, const DrawingPlan& plan, double width) {
  const Headings& h = headings(plan);
  TableContents table;
  const double fixed = 12.0 + 12.0 + 38.0 + 32.0;
  table.column_widths = {12.0, 12.0, 38.0, std::max(30.0, width - fixed), 32.0};
  for (std::size_t i = items.size(); i-- > 0;) {
    const PartsListItem& item = items[i];
    table.rows.push_back(
        {std::to_string(i + 1), std::to_string(item.quantity), item.part_number, item.description, item.material});
  }
  table.rows.push_back({h.parts.begin(), h.parts.end()});
  return table;
}

// Revision rows, oldest first, ending at the title block's revision: REV, description, date, approver.
std::vector<std::vector<std::string>> revision_rows(RandomSource& random, const DrawingPlan& plan,
                                                    const TitleValues& values) {
  const Headings& h = headings(plan);
  std::vector<std::string> revisions{values.revision};
  const int wanted = random.uniform_int(1, 4);
  while (static_cast<int>(revisions.size()) < wanted) {
    const std::string earlier = previous_revision(revisions.front());
    if (earlier.empty()) break;
    revisions.insert(revisions.begin(), earlier);
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < revisions.size(); ++i) {
    // The oldest row is the initial release only when it is the first revision there is.
    const bool first = i == 0 && previous_revision(revisions[i]).empty();
    const std::string change = first ? h.changes[0] : h.changes[1 + random.index(h.changes.size() - 1)];
    rows.push_back({revisions[i], change, invent_date(random, plan), invent_name(random, plan)});
  }
  return rows;
}

}  // namespace

SheetTables draw_sheet_tables(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random,
                              const Part& part, const TitleValues& values, const ViewArrangement& views,
                              const Rect& frame, const Rect& title_block, const Rect& notes) {
  SheetTables out;
  std::vector<Rect> taken{notes.expanded(1.0)};
  for (const Rect& view : {views.main_box, views.plan_box, views.side_box, views.extra_box}) {
    if (view.width() > 0.0) taken.push_back(view.expanded(kViewClearance));
  }
  double stack_top = title_block.top;  // tables stack upwards from the title block
  const std::vector<PartsListItem> items = list_parts(part, values, plan, views);
  if (items.size() > 1 && random.chance(0.55)) {
    const TableContents table = parts_table(items, plan, title_block.width());
    const Point top_left{frame.right - table_width(table), stack_top - table_height(table)};
    const Rect box{top_left.x, top_left.y, frame.right, stack_top};
    if (keeps_clear(box, frame, taken)) {
      out.boxes.push_back(draw_ruled_table(scene, fonts, plan, top_left, table));
      out.ballooned = items;
      stack_top = box.top;
      taken.push_back(box);
    }
  }
  if (!random.chance(0.5)) return out;
  const Headings& h = headings(plan);
  TableContents table;
  table.column_widths = {14.0, 76.0, 26.0, 28.0};
  table.rows.push_back({h.revision.begin(), h.revision.end()});
  for (auto& row : revision_rows(random, plan, values)) table.rows.push_back(std::move(row));
  const double width = table_width(table), height = table_height(table);
  // ASME Y14.35 puts the revision block in the top right corner; ISO sheets above the title block.
  const std::array<Point, 2> corners{Point{frame.right - width, frame.top},
                                     Point{frame.right - width, stack_top - height}};
  const bool asme_first = plan.style == SheetStyle::asme || random.chance(0.3);
  for (int k = 0; k < 2; ++k) {
    const Point top_left = corners[static_cast<std::size_t>(asme_first ? k : 1 - k)];
    const Rect box{top_left.x, top_left.y, top_left.x + width, top_left.y + height};
    if (!keeps_clear(box, frame, taken)) continue;
    out.boxes.push_back(draw_ruled_table(scene, fonts, plan, top_left, table));
    break;
  }
  return out;
}

}  // namespace drawlens::synth
