// Processes and materials: their names, the spellings users type, and the published ISO 286 grades
// each process holds (docs/tolerance.md, "Process capability", gives the sources).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <utility>

#include "tolerance/tolerance.h"

namespace drawlens::tolerance {
namespace {

constexpr std::array<std::string_view, kProcessCount> kProcessNames = {"turning", "milling",     "grinding", "drilling",
                                                                       "reaming", "boring",      "edm",      "casting",
                                                                       "forging", "sheet_metal", "additive"};
constexpr std::array<std::string_view, kMaterialCount> kMaterialNames = {"steel", "stainless", "aluminium", "titanium",
                                                                         "brass", "cast_iron", "plastic"};

// ANSI B4.1 "relation of machining processes to tolerance grades" and the process capability maps
// of Swift & Booker (Process Selection, 3rd ed., ch. 2), read as: `best` the finest grade of the
// range, `economic` the grade normal production holds. Indexed by Process.
constexpr std::array<ProcessGrades, kProcessCount> kGrades = {{
    {6.0, 9.0},    // turning: B4.1 IT7-13; CNC finish turning reaches IT6
    {7.0, 10.0},   // milling: B4.1 IT10-13; CNC finish milling reaches IT7
    {4.5, 6.0},    // grinding: cylindrical and surface grinding IT5-7 (IT4-5 with care)
    {9.0, 11.0},   // drilling: B4.1 IT10-13; drilling with a bush IT9
    {6.0, 8.0},    // reaming: B4.1 IT6-10
    {6.0, 8.5},    // boring: B4.1 IT7-13 for boring; fine (diamond) boring IT5-7
    {5.0, 7.0},    // edm: wire EDM ±5 µm on 20 mm (IT6); sinking IT7-9
    {11.0, 14.0},  // casting: ISO 8062-3 DCTG 8-12 (investment to sand), about IT11-16
    {12.0, 15.0},  // forging: EN 10243-1 grades F/E, about IT13-16
    {10.0, 12.0},  // sheet_metal: laser cutting, punching and bending, ISO 2768-m, about IT11-13
    {10.0, 13.0},  // additive: L-PBF ±0.1 mm on 50 mm (IT12), material extrusion ±0.2 mm
}};

std::string canonical_spelling(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '-' || c == ' ') c = '_';
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

template <typename Enum, std::size_t N>
Result<Enum> parse_name(std::string_view text, const std::array<std::string_view, N>& names,
                        std::initializer_list<std::pair<std::string_view, Enum>> synonyms, const char* what) {
  const std::string key = canonical_spelling(text);
  for (std::size_t i = 0; i < N; ++i) {
    if (key == names[i]) return static_cast<Enum>(i);
  }
  for (const auto& [synonym, value] : synonyms) {
    if (key == synonym) return value;
  }
  std::string accepted;
  for (std::string_view name : names) accepted += (accepted.empty() ? "" : ", ") + std::string(name);
  return make_error(Status::invalid_argument,
                    "unknown " + std::string(what) + " '" + std::string(text) + "'; accepted: " + accepted);
}

}  // namespace

std::string_view name(Process process) {
  return kProcessNames.at(static_cast<std::size_t>(process));
}
std::string_view name(Material material) {
  return kMaterialNames.at(static_cast<std::size_t>(material));
}

Result<Process> parse_process(std::string_view text) {
  return parse_name<Process>(text, kProcessNames,
                             {{"wire_edm", Process::edm},
                              {"sinker_edm", Process::edm},
                              {"sheetmetal", Process::sheet_metal},
                              {"laser_cutting", Process::sheet_metal},
                              {"3d_printing", Process::additive},
                              {"am", Process::additive},
                              {"die_casting", Process::casting},
                              {"sand_casting", Process::casting},
                              {"investment_casting", Process::casting}},
                             "process");
}

Result<Material> parse_material(std::string_view text) {
  return parse_name<Material>(text, kMaterialNames,
                              {{"aluminum", Material::aluminium},
                               {"stainless_steel", Material::stainless},
                               {"carbon_steel", Material::steel},
                               {"castiron", Material::cast_iron},
                               {"cast", Material::cast_iron},
                               {"ti", Material::titanium},
                               {"polymer", Material::plastic}},
                              "material");
}

ProcessGrades process_grades(Process process) {
  return kGrades.at(static_cast<std::size_t>(process));
}

}  // namespace drawlens::tolerance
