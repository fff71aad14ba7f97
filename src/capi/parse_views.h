// C structs for the parse stage's values. The strings they point to live in a ViewStrings owned by
// whoever keeps the views (a result handle, or this thread for drawlens_parse_*).
#pragma once

#include <deque>
#include <string>

#include "drawlens/drawlens.h"
#include "parse/parse.h"

namespace drawlens::capi {

class ViewStrings {
 public:
  const char* keep(std::string text) { return strings_.emplace_back(std::move(text)).c_str(); }
  void clear() { strings_.clear(); }

 private:
  std::deque<std::string> strings_;  // a deque never moves its elements
};

// Views of parsed values; source is DRAWLENS_SOURCE_CALLER until the caller says otherwise.
drawlens_dimension dimension_view(const parse::Dimension& dimension, ViewStrings& strings);
drawlens_gdt_frame gdt_frame_view(const parse::GdtFrame& frame, const std::string& text, ViewStrings& strings);

}  // namespace drawlens::capi
