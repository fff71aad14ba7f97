// parse_gdt and parse_datum_feature on feature control frames as CAD text layers, OCR and the NIST
// ground-truth tables spell them: every characteristic and modifier, composite and stacked frames,
// AutoCAD symbol-font letters, and malformed frames that must be refused with a useful message.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "parse/parse.h"

namespace {

using drawlens::Status;
using drawlens::parse::FrameType;
using drawlens::parse::GdtFrame;
using drawlens::parse::GdtSegment;
using drawlens::parse::parse_datum_feature;
using drawlens::parse::parse_gdt;
using drawlens::parse::ZoneShape;

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

// One segment in a compact form the tables below can state: "[Ø0.2 mmc h=12 A B(mmc)]".
std::string describe(const GdtSegment& segment) {
  std::string out = "[";
  if (segment.characteristic) out += std::string(name(*segment.characteristic)) + " ";
  if (segment.zone_shape == ZoneShape::diameter) out += "Ø";
  if (segment.zone_shape == ZoneShape::spherical_diameter) out += "SØ";
  out += number(segment.tolerance);
  if (segment.per_unit) out += "/" + number(segment.per_unit->length);
  for (const auto& modifier : segment.modifiers) out += " " + modifier;
  if (segment.projected_height) out += " h=" + number(*segment.projected_height);
  if (segment.unequal_offset) out += " u=" + number(*segment.unequal_offset);
  for (const auto& datum : segment.datums) {
    out += " " + datum.label;
    for (std::size_t k = 0; k < datum.modifiers.size(); ++k) out += (k == 0 ? "(" : ",") + datum.modifiers[k];
    if (!datum.modifiers.empty()) out += ")";
  }
  return out + "]";
}

std::string describe(const GdtFrame& frame) {
  const char* type = frame.frame_type == FrameType::single      ? "single"
                     : frame.frame_type == FrameType::composite ? "composite"
                                                                : "stacked";
  std::string out = std::string(name(frame.characteristic)) + " " + type + ":";
  for (const auto& segment : frame.segments) out += " " + describe(segment);
  return out;
}

struct ValidFrame {
  std::string text;
  std::string expected;    // describe() of the result
  std::string normalized;  // "" when equal to text
};

void PrintTo(const ValidFrame& frame, std::ostream* os) {
  *os << frame.text;
}

class ValidFrameTest : public testing::TestWithParam<ValidFrame> {};

TEST_P(ValidFrameTest, ParsesToTheStructureAndNormalisedText) {
  const ValidFrame& c = GetParam();
  auto frame = parse_gdt(std::string_view(c.text));
  ASSERT_TRUE(frame.ok()) << frame.error().message;
  EXPECT_EQ(describe(frame.value()), c.expected);
  EXPECT_EQ(frame.value().normalized, c.normalized.empty() ? c.text : c.normalized);
}

// The normalised text is canonical: it parses to the same frame, without repairs.
TEST_P(ValidFrameTest, NormalisedTextParsesToTheSameFrame) {
  auto frame = parse_gdt(std::string_view(GetParam().text));
  ASSERT_TRUE(frame.ok()) << frame.error().message;
  auto again = parse_gdt(std::string_view(frame.value().normalized));
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(describe(again.value()), describe(frame.value()));
  EXPECT_EQ(again.value().normalized, frame.value().normalized);
  EXPECT_EQ(again.value().confidence_penalty, 0.0);
}

INSTANTIATE_TEST_SUITE_P(EveryCharacteristic, ValidFrameTest,
                         testing::Values(ValidFrame{"⏤|0.02", "straightness single: [0.02]", ""},
                                         ValidFrame{"⏥|0.05", "flatness single: [0.05]", ""},
                                         ValidFrame{"○|0.01", "circularity single: [0.01]", ""},
                                         ValidFrame{"⌭|0.03", "cylindricity single: [0.03]", ""},
                                         ValidFrame{"⌒|0.1|A", "line_profile single: [0.1 A]", ""},
                                         ValidFrame{"⌓|0.2|A|B|C", "surface_profile single: [0.2 A B C]", ""},
                                         ValidFrame{"⟂|0.05|A", "perpendicularity single: [0.05 A]", ""},
                                         ValidFrame{"∠|0.1|A", "angularity single: [0.1 A]", ""},
                                         ValidFrame{"⫽|0.02|A", "parallelism single: [0.02 A]", ""},
                                         ValidFrame{"⌖|Ø0.1|A|B|C", "position single: [Ø0.1 A B C]", ""},
                                         ValidFrame{"◎|Ø0.02|A", "concentricity single: [Ø0.02 A]", ""},
                                         ValidFrame{"⌯|0.1|A", "symmetry single: [0.1 A]", ""},
                                         ValidFrame{"↗|0.05|A-B", "circular_runout single: [0.05 A-B]", ""},
                                         ValidFrame{"⌰|0.05|A", "total_runout single: [0.05 A]", ""}));

INSTANTIATE_TEST_SUITE_P(
    GlyphVariantsAndNames, ValidFrameTest,
    testing::Values(ValidFrame{"⊥|0.05|A", "perpendicularity single: [0.05 A]", "⟂|0.05|A"},
                    ValidFrame{"∥|0.1|A", "parallelism single: [0.1 A]", "⫽|0.1|A"},
                    ValidFrame{"//|0.1|A", "parallelism single: [0.1 A]", "⫽|0.1|A"},
                    ValidFrame{"⊕|⌀0.2|A", "position single: [Ø0.2 A]", "⌖|Ø0.2|A"},
                    ValidFrame{"≡|0.1|A", "symmetry single: [0.1 A]", "⌯|0.1|A"},
                    ValidFrame{"◯|0.01", "circularity single: [0.01]", "○|0.01"},
                    ValidFrame{"↗↗|0.05|A", "total_runout single: [0.05 A]", "⌰|0.05|A"},
                    ValidFrame{"▱|0.05", "flatness single: [0.05]", "⏥|0.05"},
                    ValidFrame{"⊚|ø0.02|A", "concentricity single: [Ø0.02 A]", "◎|Ø0.02|A"},
                    ValidFrame{"Position .015|E|A|B", "position single: [0.015 E A B]", "⌖|0.015|E|A|B"},
                    ValidFrame{"Profile Surface .02|A|B|C", "surface_profile single: [0.02 A B C]", "⌓|0.02|A|B|C"},
                    ValidFrame{"FLATNESS|0.05", "flatness single: [0.05]", "⏥|0.05"},
                    ValidFrame{"Perpendicularity 0.1|A", "perpendicularity single: [0.1 A]", "⟂|0.1|A"},
                    ValidFrame{"Total Runout 0.05|A", "total_runout single: [0.05 A]", "⌰|0.05|A"},
                    ValidFrame{"Profile of a Line 0.1|A", "line_profile single: [0.1 A]", "⌒|0.1|A"},
                    ValidFrame{"TRUE POSITION Ø0.1|A|B", "position single: [Ø0.1 A B]", "⌖|Ø0.1|A|B"},
                    ValidFrame{"Roundness|0.01", "circularity single: [0.01]", "○|0.01"}));

INSTANTIATE_TEST_SUITE_P(
    ToleranceModifiers, ValidFrameTest,
    testing::Values(ValidFrame{"⌖|⌀0.20Ⓜ|A|BⓂ", "position single: [Ø0.2 mmc A B(mmc)]", "⌖|Ø0.20Ⓜ|A|BⓂ"},
                    ValidFrame{"⌖|Ø0.2Ⓛ|A", "position single: [Ø0.2 lmc A]", ""},
                    ValidFrame{"⌖|Ø0.2Ⓢ|A", "position single: [Ø0.2 rfs A]", ""},
                    ValidFrame{"⌖|Ø0.2ⓂⓅ12|A|B", "position single: [Ø0.2 mmc projected h=12 A B]", ""},
                    ValidFrame{"⌖|Ø0.2Ⓟ|A", "position single: [Ø0.2 projected A]", ""},
                    ValidFrame{"⏥|0.1Ⓕ", "flatness single: [0.1 free_state]", ""},
                    ValidFrame{"⫽|0.05Ⓣ|A", "parallelism single: [0.05 tangent_plane A]", ""},
                    ValidFrame{"⌓|0.2Ⓤ0.1|A", "surface_profile single: [0.2 unequal_bilateral u=0.1 A]", ""},
                    ValidFrame{"⌓|0.2 UZ-0.1|A", "surface_profile single: [0.2 unequal_bilateral u=-0.1 A]", ""},
                    ValidFrame{"⌭|0.01Ⓔ", "cylindricity single: [0.01 envelope]", ""},
                    ValidFrame{"⏤|0.02Ⓘ", "straightness single: [0.02 independency]", ""},
                    ValidFrame{"⌓|0.1▽|A", "surface_profile single: [0.1 dynamic_profile A]", ""},
                    ValidFrame{"⏥|0.05 CZ", "flatness single: [0.05 common_zone]", ""},
                    ValidFrame{"○|0.01 ACS", "circularity single: [0.01 any_cross_section]", ""},
                    ValidFrame{"⏤|0.02 ALS", "straightness single: [0.02 any_longitudinal_section]", ""},
                    ValidFrame{"⌖|Ø0.2 ST|A", "position single: [Ø0.2 statistical A]", ""},
                    ValidFrame{"⏥|0.1 CF", "flatness single: [0.1 continuous_feature]", ""},
                    ValidFrame{"⏥|0.1 UF", "flatness single: [0.1 united_feature]", ""},
                    ValidFrame{"⌖|Ø0.2 <ST>|A", "position single: [Ø0.2 statistical A]", "⌖|Ø0.2 ST|A"},
                    ValidFrame{"⌖|Ø0.2(M)|A", "position single: [Ø0.2 mmc A]", "⌖|Ø0.2Ⓜ|A"},
                    ValidFrame{"⌖|Ø0.2(L)|A", "position single: [Ø0.2 lmc A]", "⌖|Ø0.2Ⓛ|A"},
                    ValidFrame{"⌖|Ø0.2 M|A|B", "position single: [Ø0.2 mmc A B]", "⌖|Ø0.2Ⓜ|A|B"},
                    ValidFrame{"⌖|Ø0.2 L|A", "position single: [Ø0.2 lmc A]", "⌖|Ø0.2Ⓛ|A"},
                    ValidFrame{"⌖|Ø0.2 MMC|A", "position single: [Ø0.2 mmc A]", "⌖|Ø0.2Ⓜ|A"},
                    ValidFrame{"⌖|Ø0.2|A|B|SEP REQT", "position single: [Ø0.2 separate_requirement A B]", ""},
                    ValidFrame{"⌓|0.3 SIM REQT|A", "surface_profile single: [0.3 simultaneous_requirement A]",
                               "⌓|0.3|A|SIM REQT"},
                    ValidFrame{"⌖|SØ0.3|A", "position single: [SØ0.3 A]", ""},
                    ValidFrame{"⌖|0Ⓜ|A", "position single: [0 mmc A]", ""},
                    ValidFrame{"⏤|0.01/100", "straightness single: [0.01/100]", ""},
                    ValidFrame{"⏥|0.05/25x25", "flatness single: [0.05/25]", "⏥|0.05/25×25"},
                    ValidFrame{"⏥|0,05/25×25", "flatness single: [0.05/25]", "⏥|0.05/25×25"}));

INSTANTIATE_TEST_SUITE_P(
    DatumReferences, ValidFrameTest,
    testing::Values(
        ValidFrame{"⌖|Ø0.2|AⓂ|BⓁ|CⓈ", "position single: [Ø0.2 A(mmc) B(lmc) C(rmb)]", ""},
        ValidFrame{"⌖|Ø0.2|A▷|BⒻ|CⓅ", "position single: [Ø0.2 A(translation) B(free_state) C(projected)]", ""},
        ValidFrame{"⌖|Ø0.2|A[CF]|B[DV]|C[PT]",
                   "position single: [Ø0.2 A(contacting_feature) B(distance_variable) C(situation_point)]", ""},
        ValidFrame{"⌖|Ø0.2|A[SL]|B[PL]|C[ACS]",
                   "position single: [Ø0.2 A(situation_line) B(situation_plane) C(any_cross_section)]", ""},
        ValidFrame{"⌖|Ø0.2|A[ALS]|B LD|C MD",
                   "position single: [Ø0.2 A(any_longitudinal_section) B(minor_diameter) C(major_diameter)]", ""},
        ValidFrame{"◎|Ø0.02|A PD", "concentricity single: [Ø0.02 A(pitch_diameter)]", ""},
        ValidFrame{"⌖|Ø0.2|AA|BB", "position single: [Ø0.2 AA BB]", ""},
        ValidFrame{"↗|0.05|A-B-C", "circular_runout single: [0.05 A-B-C]", ""},
        ValidFrame{"⌖|Ø0.2|A–B|CⓂ", "position single: [Ø0.2 A-B C(mmc)]", "⌖|Ø0.2|A-B|CⓂ"},
        ValidFrame{"⌖|0.2|X|Y", "position single: [0.2 X Y]", ""},
        ValidFrame{"⌖|0.2|B(M)|C M", "position single: [0.2 B(mmc) C(mmc)]", "⌖|0.2|BⓂ|CⓂ"},
        ValidFrame{"⌖ ⌀0.20Ⓜ A BⓂ C", "position single: [Ø0.2 mmc A B(mmc) C]", "⌖|Ø0.20Ⓜ|A|BⓂ|C"},
        // Without compartments a bare M after the value is datum M, not Ⓜ.
        ValidFrame{"⌖ Ø0.2 M A", "position single: [Ø0.2 M A]", "⌖|Ø0.2|M|A"}));

INSTANTIATE_TEST_SUITE_P(
    CompositeAndStacked, ValidFrameTest,
    testing::Values(
        ValidFrame{"⌖|Ø0.5Ⓜ|A|B|C\n|Ø0.1Ⓜ|A", "position composite: [Ø0.5 mmc A B C] [Ø0.1 mmc A]", ""},
        ValidFrame{"⌖|Ø0.5|A|B|C\n⌖|Ø0.1|A", "position composite: [Ø0.5 A B C] [Ø0.1 A]", "⌖|Ø0.5|A|B|C\n|Ø0.1|A"},
        ValidFrame{"⌓|0.8|A|B|C\n|0.2", "surface_profile composite: [0.8 A B C] [0.2]", ""},
        ValidFrame{"⏥|0.1\n|0.05/100", "flatness composite: [0.1] [0.05/100]", ""},
        ValidFrame{"⌖|Ø0.5|A|B|C\n⟂|Ø0.1|A", "position stacked: [position Ø0.5 A B C] [perpendicularity Ø0.1 A]", ""},
        ValidFrame{"⏥|0.1\n⫽|0.2|A", "flatness stacked: [flatness 0.1] [parallelism 0.2 A]", ""},
        ValidFrame{"⌖|Ø0.4|A|B\n⌖|Ø0.1|A\n⟂|Ø0.05|A",
                   "position stacked: [position Ø0.4 A B] [position Ø0.1 A] [perpendicularity Ø0.05 A]",
                   "⌖|Ø0.4|A|B\n⌖|Ø0.1|A\n⟂|Ø0.05|A"}));

INSTANTIATE_TEST_SUITE_P(
    AutocadFontLetters, ValidFrameTest,
    testing::Values(ValidFrame{"j|n0.20m|A|Bm", "position single: [Ø0.2 mmc A B(mmc)]", "⌖|Ø0.20Ⓜ|A|BⓂ"},
                    ValidFrame{"a|0.1|A", "angularity single: [0.1 A]", "∠|0.1|A"},
                    ValidFrame{"b|0.1|A", "perpendicularity single: [0.1 A]", "⟂|0.1|A"},
                    ValidFrame{"c|0.05", "flatness single: [0.05]", "⏥|0.05"},
                    ValidFrame{"d|0.2|A", "surface_profile single: [0.2 A]", "⌓|0.2|A"},
                    ValidFrame{"e|0.01", "circularity single: [0.01]", "○|0.01"},
                    ValidFrame{"f|0.1|A", "parallelism single: [0.1 A]", "⫽|0.1|A"},
                    ValidFrame{"g|0.03", "cylindricity single: [0.03]", "⌭|0.03"},
                    ValidFrame{"h|0.05|A", "circular_runout single: [0.05 A]", "↗|0.05|A"},
                    ValidFrame{"i|0.1|A", "symmetry single: [0.1 A]", "⌯|0.1|A"},
                    ValidFrame{"k|0.1|A", "line_profile single: [0.1 A]", "⌒|0.1|A"},
                    ValidFrame{"r|n0.02|A", "concentricity single: [Ø0.02 A]", "◎|Ø0.02|A"},
                    ValidFrame{"t|0.05|A", "total_runout single: [0.05 A]", "⌰|0.05|A"},
                    ValidFrame{"u|0.02", "straightness single: [0.02]", "⏤|0.02"},
                    ValidFrame{"j|n0.2lp12|A|Bs", "position single: [Ø0.2 lmc projected h=12 A B(rmb)]",
                               "⌖|Ø0.2ⓁⓅ12|A|BⓈ"}));

TEST(GdtCells, CellsAreCompartmentsAndALineBreakCellStartsARow) {
  auto single = parse_gdt(std::vector<std::string>{"⌖", "⌀0.20Ⓜ", "A", "BⓂ"});
  ASSERT_TRUE(single.ok()) << single.error().message;
  EXPECT_EQ(describe(single.value()), "position single: [Ø0.2 mmc A B(mmc)]");
  EXPECT_EQ(single.value().normalized, "⌖|Ø0.20Ⓜ|A|BⓂ");

  auto composite = parse_gdt(std::vector<std::string>{"⌖", "Ø0.5Ⓜ", "A", "B", "C", "\n", "", "Ø0.1Ⓜ", "A"});
  ASSERT_TRUE(composite.ok()) << composite.error().message;
  EXPECT_EQ(describe(composite.value()), "position composite: [Ø0.5 mmc A B C] [Ø0.1 mmc A]");
}

TEST(GdtCells, CellsAndPipeTextGiveTheSameFrame) {
  auto from_cells = parse_gdt(std::vector<std::string>{"⟂", "Ø0.05", "A", "\n", "⌖", "Ø0.1", "A", "B"});
  auto from_text = parse_gdt(std::string_view("⟂|Ø0.05|A\n⌖|Ø0.1|A|B"));
  ASSERT_TRUE(from_cells.ok() && from_text.ok());
  EXPECT_EQ(describe(from_cells.value()), describe(from_text.value()));
  EXPECT_EQ(from_cells.value().normalized, from_text.value().normalized);
}

struct PenaltyCase {
  std::string text;
  double penalty;
};

class GdtPenaltyTest : public testing::TestWithParam<PenaltyCase> {};

TEST_P(GdtPenaltyTest, RepairsAddUp) {
  auto frame = parse_gdt(std::string_view(GetParam().text));
  ASSERT_TRUE(frame.ok()) << frame.error().message;
  EXPECT_NEAR(frame.value().confidence_penalty, GetParam().penalty, 1e-9);
}

INSTANTIATE_TEST_SUITE_P(Repairs, GdtPenaltyTest,
                         testing::Values(PenaltyCase{"⌖|Ø0.2Ⓜ|A|B", 0.0}, PenaltyCase{"Position .015|E|A|B", 0.0},
                                         PenaltyCase{"j|n0.20m|A|Bm", 0.4}, PenaltyCase{"⌖|Ø0.2(M)|A", 0.05},
                                         PenaltyCase{"⌖|Ø0.2 M|A", 0.1}, PenaltyCase{"-|0.02", 0.15},
                                         PenaltyCase{"⌖|φ0.2|A", 0.05}, PenaltyCase{"⌖|Ø0.2|A MMB", 0.05}));

struct MalformedFrame {
  std::string text;
  std::string message_part;  // the error message names the problem and where it is
};

void PrintTo(const MalformedFrame& frame, std::ostream* os) {
  *os << frame.text;
}

class MalformedFrameTest : public testing::TestWithParam<MalformedFrame> {};

TEST_P(MalformedFrameTest, IsAParseErrorNamingTheProblem) {
  auto frame = parse_gdt(std::string_view(GetParam().text));
  ASSERT_FALSE(frame.ok()) << frame.value().normalized;
  EXPECT_EQ(frame.error().status, Status::parse);
  EXPECT_NE(frame.error().message.find(GetParam().message_part), std::string::npos) << frame.error().message;
}

INSTANTIATE_TEST_SUITE_P(
    Refused, MalformedFrameTest,
    testing::Values(
        MalformedFrame{"", "empty"}, MalformedFrame{" | \n |", "empty"},
        MalformedFrame{"|0.1|A", "compartment 2: no geometric characteristic"},
        MalformedFrame{"0.1|A", "compartment 1: no geometric characteristic"},
        MalformedFrame{"⌖", "no tolerance value"},
        MalformedFrame{"⌖|A|B", "compartment 2: no tolerance value (found 'A')"},
        MalformedFrame{"⌖|Ø|A", "no tolerance value"},
        MalformedFrame{"⏥|0.05|A", "compartment 3: flatness is a form tolerance and takes no datum"},
        MalformedFrame{"○|0.01|A", "circularity is a form tolerance"},
        MalformedFrame{"⌭|0.01|A|B", "cylindricity is a form tolerance"},
        MalformedFrame{"u|0.01|A", "straightness is a form tolerance"},
        MalformedFrame{"⌖|0.2|A|B|C|D", "compartment 6: more than 3 datum references"},
        MalformedFrame{"⌖|0.2|a", "compartment 3: 'a' where a datum letter belongs"},
        MalformedFrame{"⌖|0.2|ABCD", "'ABCD' is not a datum label"},
        MalformedFrame{"⌖|0.2|O", "I, O and Q are not used"}, MalformedFrame{"⌖|0.2|A|I", "compartment 4: datum 'I'"},
        MalformedFrame{"⌖|0.2|1", "'1' where a datum letter belongs"},
        MalformedFrame{"⌖|0.2|A|Ⓜ", "compartment 4: 'Ⓜ' where a datum letter belongs"},
        MalformedFrame{"⌖|0.2|A-", "'-' where a datum letter belongs"},
        MalformedFrame{"⌘|0.1", "unknown characteristic symbol '⌘' (U+2318)"},
        MalformedFrame{"☺|0.1", "compartment 1: unexpected character U+263A"},
        MalformedFrame{"FOO|0.1", "unknown characteristic 'FOO'"},
        MalformedFrame{"m|0.1", "'m' is a modifier, not a characteristic"},
        MalformedFrame{"⌖|-0.2|A", "negative tolerance '-0.2'"}, MalformedFrame{"⌖|0|A", "zero tolerance needs Ⓜ or Ⓛ"},
        MalformedFrame{"⌖|0.2ⓂⓂ|A", "modifier Ⓜ given twice"}, MalformedFrame{"⌖|0.2ⓂⓁ|A", "Ⓜ and Ⓛ together"},
        MalformedFrame{"⌖|0.2|A|A", "datum A referenced twice"}, MalformedFrame{"⌖|0.2|BⓂⓂ", "modifier Ⓜ given twice"},
        MalformedFrame{"⟂|0.1", "perpendicularity needs a datum reference"},
        MalformedFrame{"↗|0.1", "circular_runout needs a datum reference"},
        MalformedFrame{"⌓|0.2Ⓤ|A", "'Ⓤ' needs the offset of the zone"},
        MalformedFrame{"⌓|0.2 UZ|A", "'UZ' needs the offset"},
        MalformedFrame{"⏥|0.05/25x50", "per-unit area must be square"},
        MalformedFrame{"⏤|0.01/", "'/' without the unit length"},
        MalformedFrame{"⏤|0.01/0", "per-unit length must be positive"},
        MalformedFrame{"⌖|Ø0.2Ⓟ0|A", "projected height must be positive"},
        MalformedFrame{"⌖|Ø0.5|A\n⟂|0.1|A\n|0.05|A", "row 3: a stacked frame needs a characteristic symbol"},
        MalformedFrame{"⌖|Ø0.5|A\n⟂|0.1", "perpendicularity needs a datum reference on row 2"},
        MalformedFrame{"⌖|0.2|A\n|-0.1", "row 2 compartment 2: negative tolerance"}));

TEST(GdtCells, MalformedCellsNameTheCompartment) {
  auto frame = parse_gdt(std::vector<std::string>{"⌖", "0.2", "A", "b"});
  ASSERT_FALSE(frame.ok());
  EXPECT_NE(frame.error().message.find("compartment 4"), std::string::npos) << frame.error().message;
}

struct DatumFeatureCase {
  std::string text;
  std::string label;  // "" when refused
};

class DatumFeatureTest : public testing::TestWithParam<DatumFeatureCase> {};

TEST_P(DatumFeatureTest, ReadsTheLetterOrRefuses) {
  auto label = parse_datum_feature(GetParam().text);
  if (GetParam().label.empty()) {
    ASSERT_FALSE(label.ok()) << label.value();
    EXPECT_EQ(label.error().status, Status::parse);
  } else {
    ASSERT_TRUE(label.ok()) << label.error().message;
    EXPECT_EQ(label.value(), GetParam().label);
  }
}

INSTANTIATE_TEST_SUITE_P(Symbols, DatumFeatureTest,
                         testing::Values(DatumFeatureCase{"A", "A"}, DatumFeatureCase{"[B]", "B"},
                                         DatumFeatureCase{"-C-", "C"}, DatumFeatureCase{"(D)", "D"},
                                         DatumFeatureCase{"A1", "A1"}, DatumFeatureCase{"B 2", "B2"},
                                         DatumFeatureCase{"AA", "AA"}, DatumFeatureCase{"X", "X"},
                                         DatumFeatureCase{"", ""}, DatumFeatureCase{"a", ""},
                                         DatumFeatureCase{"A-B", ""}, DatumFeatureCase{"ABCD", ""},
                                         DatumFeatureCase{"1", ""}, DatumFeatureCase{"A1.5", ""},
                                         DatumFeatureCase{"Q", ""}, DatumFeatureCase{"A B", ""}));

}  // namespace
