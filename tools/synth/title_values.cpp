// Invented but realistic title-block values: EN 10027 / AISI material names, dates in the
// conventions of each language, names, companies, drawing numbers.
#include <array>
#include <cstdio>

#include "title_block.h"

namespace drawlens::synth {

std::string invent_date(RandomSource& random, const DrawingPlan& plan) {
  const int year = random.uniform_int(2012, 2025);
  const int month = random.uniform_int(1, 12);
  int day = random.uniform_int(1, 28);
  char buffer[16];
  if (plan.style == SheetStyle::asme) {
    // A slashed date is read month first only when the day cannot be a month (the parser, rightly,
    // refuses 05/11/2016 as ambiguous).
    day = 13 + day % 16;
    std::snprintf(buffer, sizeof buffer, "%02d/%02d/%04d", month, day, year);
  } else if (plan.language == Language::german && random.chance(0.7)) {
    std::snprintf(buffer, sizeof buffer, "%02d.%02d.%04d", day, month, year);
  } else {
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  }
  return buffer;
}

std::string invent_name(RandomSource& random, const DrawingPlan& plan) {
  static constexpr std::array<const char*, 8> kLatin{"J. Smith",  "M. Müller", "K. Schmidt", "A. Novak",
                                                     "L. Garcia", "T. Weber",  "R. Brown",   "S. Fischer"};
  static constexpr std::array<const char*, 6> kKorean{"김민준", "이서연", "박지훈", "최유진", "정하늘", "강도윤"};
  if (plan.language == Language::korean && random.chance(0.7)) return random.pick(kKorean);
  return random.pick(kLatin);
}

TitleValues invent_title_values(RandomSource& random, const DrawingPlan& plan, const std::string& part_name,
                                const std::string& scale) {
  TitleValues v;
  v.title = part_name;
  char number[32];
  std::snprintf(number, sizeof number, plan.style == SheetStyle::asme ? "%05d-%03d" : "DL-%04d-%02d",
                random.uniform_int(1000, 99999) % (plan.style == SheetStyle::asme ? 100000 : 10000),
                random.uniform_int(1, 99));
  v.drawing_number = number;
  static constexpr std::array<const char*, 8> kIsoMaterials{"S235JR", "C45E",        "42CrMo4", "EN AW-6082 T6",
                                                            "1.4301", "X5CrNi18-10", "16MnCr5", "AlMg3"};
  static constexpr std::array<const char*, 5> kAsmeMaterials{"AISI 1045", "6061-T6 ALUMINUM", "304 STAINLESS",
                                                             "AISI 4140", "17-4 PH"};
  v.material = plan.style == SheetStyle::asme ? random.pick(kAsmeMaterials) : random.pick(kIsoMaterials);
  char mass[24];
  const double kilograms = random.uniform_real(0.05, 6.0);
  if (plan.style == SheetStyle::asme && random.chance(0.5)) {
    std::snprintf(mass, sizeof mass, "%.2f lb", kilograms * 2.20462);
  } else if (kilograms < 1.0 && random.chance(0.5)) {
    std::snprintf(mass, sizeof mass, "%d g", static_cast<int>(kilograms * 1000));
  } else {
    std::snprintf(mass, sizeof mass, "%.2f kg", kilograms);
  }
  v.mass = mass;
  if (plan.decimal_comma) {
    for (char& c : v.mass) {
      if (c == '.') c = ',';
    }
  }
  v.scale = scale;
  v.date = invent_date(random, plan);
  static constexpr std::array<const char*, 6> kRevisions{"A", "B", "C", "01", "02", "D"};
  v.revision = random.pick(kRevisions);
  v.drawn_by = invent_name(random, plan);
  v.checked_by = invent_name(random, plan);
  v.approved_by = invent_name(random, plan);
  static constexpr std::array<const char*, 6> kCompanies{"Nordwerk GmbH",        "Acme Precision Inc.",
                                                         "Hanul Machinery Co.",  "Brandt & Sohn KG",
                                                         "Ridgeway Tooling LLC", "Vireo Mechanik AG"};
  v.company = random.pick(kCompanies);
  v.sheet = plan.style == SheetStyle::asme ? "1 OF 1" : plan.language == Language::german ? "1 von 1" : "1/1";
  v.units = plan.style == SheetStyle::asme ? "MILLIMETERS" : "mm";
  return v;
}

}  // namespace drawlens::synth
