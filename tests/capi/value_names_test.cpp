// drawlens_size_type_name, _unit_name, _tolerance_kind_name, _flag_name and _characteristic_name
// give the JSON's names (checked against drawlens_parse_json on the same texts) and "unknown" for
// values that are not enumerators.
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "drawlens/drawlens.hpp"

namespace {

using nlohmann::json;

TEST(ValueNames, DimensionNamesAreTheJsonNames) {
  for (const char* text : {"4x Ø6.6 +0.1/-0.05 THRU", "90° ±1°", "R5", "M8x1.25-6g", "Ø25 H7/g6", "[40]", "SØ10",
                           "1 x 45°", "(12.5)", "25.1/25.0", "□12 MAX"}) {
    SCOPED_TRACE(text);
    const drawlens::Dimension d = drawlens::parse_dimension(text);
    const json j = json::parse(drawlens::parse_json(text, DRAWLENS_PARSE_DIMENSION));
    EXPECT_EQ(drawlens_size_type_name(d.size_type), j["size_type"]);
    EXPECT_EQ(drawlens_unit_name(d.unit), j["unit"]);
    EXPECT_EQ(drawlens_tolerance_kind_name(d.tolerance_kind), j["tolerance"]["kind"]);
    json flags = json::array();
    for (unsigned bit = 1; bit <= DRAWLENS_FLAG_NOT_TO_SCALE; bit <<= 1) {
      if (d.flags & bit) flags.push_back(drawlens_flag_name(bit));
    }
    EXPECT_EQ(flags, j.value("flags", json::array()));
  }
}

TEST(ValueNames, CharacteristicNamesAreTheJsonNames) {
  for (const char* text : {"⌖|Ø0.2Ⓜ|A|B", "⏥|0.05", "⊥|0.1|A", "↗|0.02|A-B", "⌭|0.01", "⌓|0.3|A|B|C"}) {
    SCOPED_TRACE(text);
    const drawlens::GdtFrame f = drawlens::parse_gdt(text);
    const json j = json::parse(drawlens::parse_json(text, DRAWLENS_PARSE_GDT));
    EXPECT_EQ(drawlens_characteristic_name(f.characteristic), j["characteristic"]);
  }
}

TEST(ValueNames, EveryEnumeratorHasAName) {
  for (int v = DRAWLENS_SIZE_LINEAR; v <= DRAWLENS_SIZE_DEPTH; ++v)
    EXPECT_STRNE(drawlens_size_type_name(static_cast<drawlens_size_type>(v)), "unknown") << v;
  for (int v = DRAWLENS_TOLERANCE_NONE; v <= DRAWLENS_TOLERANCE_MIN; ++v)
    EXPECT_STRNE(drawlens_tolerance_kind_name(static_cast<drawlens_tolerance_kind>(v)), "unknown") << v;
  for (int v = DRAWLENS_GDT_STRAIGHTNESS; v <= DRAWLENS_GDT_TOTAL_RUNOUT; ++v)
    EXPECT_STRNE(drawlens_characteristic_name(static_cast<drawlens_characteristic>(v)), "unknown") << v;
  for (unsigned bit = DRAWLENS_FLAG_BASIC; bit <= DRAWLENS_FLAG_NOT_TO_SCALE; bit <<= 1)
    EXPECT_STRNE(drawlens_flag_name(bit), "unknown") << bit;
  EXPECT_STREQ(drawlens_unit_name(DRAWLENS_UNIT_INCH), "inch");
  EXPECT_STREQ(drawlens_characteristic_name(DRAWLENS_GDT_TOTAL_RUNOUT), "total_runout");
  EXPECT_STREQ(drawlens_flag_name(DRAWLENS_FLAG_THRU), "thru");
}

// Only values inside each C++ enum's value range: a C caller can pass any int, but C++ cannot make one.
TEST(ValueNames, ValuesThatAreNoEnumeratorAreUnknown) {
  EXPECT_STREQ(drawlens_size_type_name(static_cast<drawlens_size_type>(12)), "unknown");
  EXPECT_STREQ(drawlens_unit_name(DRAWLENS_UNIT_MAX_ENUM), "unknown");
  EXPECT_STREQ(drawlens_characteristic_name(static_cast<drawlens_characteristic>(14)), "unknown");
  EXPECT_STREQ(drawlens_flag_name(0), "unknown");
  EXPECT_STREQ(drawlens_flag_name(DRAWLENS_FLAG_BASIC | DRAWLENS_FLAG_THRU), "unknown");
  EXPECT_STREQ(drawlens_flag_name(DRAWLENS_FLAG_NOT_TO_SCALE << 1), "unknown");
}

}  // namespace
