// Shop-floor notes in the drawing's language; each numbered line is one note of the truth.
#include "notes_block.h"

#include <array>
#include <string>
#include <vector>

#include "lettering.h"

namespace drawlens::synth {
namespace {

struct NoteSet {
  const char* heading;
  std::array<const char*, 6> lines;
};

const NoteSet& note_set(Language language) {
  static const NoteSet kEnglish{
      "NOTES:",
      {"BREAK ALL SHARP EDGES 0.3 MAX.", "REMOVE ALL BURRS.", "DO NOT SCALE DRAWING.", "FINISH: BLACK OXIDE.",
       "MATERIAL CERTIFICATE EN 10204 3.1 REQUIRED.", "ALL DIMENSIONS APPLY AFTER COATING."}};
  static const NoteSet kGerman{
      "Hinweise:",
      {"Alle Kanten gebrochen 0,3 x 45°.", "Entgraten.", "Oberfläche: verzinkt.", "Nicht bemaßte Radien R0,5.",
       "Werkstoffzeugnis EN 10204 3.1.", "Maße gelten nach der Beschichtung."}};
  static const NoteSet kKorean{"주기:",
                               {"지시 없는 모따기는 C0.5", "버 제거할 것", "표면처리: 흑착색", "도시되지 않은 R은 R0.5",
                                "재료 성적서 첨부", "도금 후 치수 적용"}};
  return language == Language::german ? kGerman : language == Language::korean ? kKorean : kEnglish;
}

}  // namespace

Rect draw_notes(Scene& scene, const FontBook& fonts, const DrawingPlan& plan, RandomSource& random, const Rect& area) {
  const NoteSet& set = note_set(plan.language);
  LetteringStyle style = plan.lettering;
  style.cap_height = std::min(plan.lettering.cap_height, 3.0);
  if (plan.language == Language::korean) style.face = Typeface::nanum_gothic;
  const double line = style.cap_height * 1.9;
  Point pen{area.left + 2.0, area.top + 2.0 + style.cap_height};
  Rect used = Rect::around({area.left, area.top});
  Lettering heading(fonts, style);
  heading.text(set.heading);
  used = used.united(scene.texts[scene.add(heading.finish(pen))].sheet_bounds());
  const int count = random.uniform_int(2, 5);
  for (int i = 0; i < count; ++i) {
    pen.y += line;
    if (pen.y > area.bottom - 1.0) break;
    const std::string text = std::to_string(i + 1) + ". " + set.lines[static_cast<std::size_t>(i)];
    Lettering note(fonts, style);
    note.text(text);
    if (note.ink().right > area.width() - 4.0) break;
    const std::size_t item = scene.add(note.finish(pen));
    scene.notes.push_back({text, item});
    used = used.united(scene.texts[item].sheet_bounds());
  }
  return used;
}

}  // namespace drawlens::synth
