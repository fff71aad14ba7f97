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

drawlens_dimension dimension_view(const parse::Dimension& dimension, ViewStrings& strings);
drawlens_gdt_frame gdt_frame_view(const parse::GdtFrame& frame, const std::string& text, ViewStrings& strings);

// Copies a view into the caller's struct, keeping the caller's struct_size.
template <typename Struct>
void copy_view(const Struct& view, Struct* out) {
  const std::size_t struct_size = out->struct_size;
  *out = view;
  out->struct_size = struct_size;
}

}  // namespace drawlens::capi
