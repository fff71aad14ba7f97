// drawlens_size_type_name, _unit_name, _tolerance_kind_name, _flag_name, _characteristic_name:
// the JSON's names of the C enums of dimensions and frames (the parse module's tables; the enum
// values are pinned equal in enum_pins.cpp).
#include "capi/enum_bits.h"
#include "drawlens/drawlens.h"
#include "parse/parse.h"

namespace {

using drawlens::capi::bits_of;
using drawlens::capi::in_range;
namespace parse = drawlens::parse;

constexpr const char* kUnknown = "unknown";

// The name of value when it is one of the first count enumerators of Internal, else "unknown".
// parse's names are string literals, so data() is NUL-terminated and static.
template <typename Internal, typename CEnum>
const char* name_in_range(const CEnum& value, long long count) {
  if (!in_range(value, count)) return kUnknown;
  return parse::name(static_cast<Internal>(bits_of(value))).data();
}

}  // namespace

DRAWLENS_API const char* drawlens_size_type_name(drawlens_size_type size_type) {
  return name_in_range<parse::SizeType>(size_type, DRAWLENS_SIZE_DEPTH + 1);
}

DRAWLENS_API const char* drawlens_unit_name(drawlens_unit unit) {
  return name_in_range<parse::Unit>(unit, DRAWLENS_UNIT_DEG + 1);
}

DRAWLENS_API const char* drawlens_tolerance_kind_name(drawlens_tolerance_kind kind) {
  return name_in_range<parse::ToleranceKind>(kind, DRAWLENS_TOLERANCE_MIN + 1);
}

DRAWLENS_API const char* drawlens_characteristic_name(drawlens_characteristic characteristic) {
  return name_in_range<parse::Characteristic>(characteristic, DRAWLENS_GDT_TOTAL_RUNOUT + 1);
}

DRAWLENS_API const char* drawlens_flag_name(unsigned int flag) {
  // One bit of DRAWLENS_FLAG_BASIC .. DRAWLENS_FLAG_NOT_TO_SCALE.
  if (flag == 0 || (flag & (flag - 1)) != 0 || flag > DRAWLENS_FLAG_NOT_TO_SCALE) return kUnknown;
  return parse::name(static_cast<parse::DimensionFlag>(flag)).data();
}
