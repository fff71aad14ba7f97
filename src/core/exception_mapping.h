// The one mapping from a C++ exception to a Status and a message, used wherever foreign code may
// throw: the C boundary's guard and every pipeline worker. Nothing that throws (OpenCV, poppler,
// libtiff, std::bad_alloc, and LibTorch's c10::Error, a std::exception) then escapes a thread.
#pragma once

#include <string>

#include "core/status.h"

namespace drawlens {

// The exception being handled (call only inside a catch block) as an Error whose message starts
// with `where` (a function, or a stage and page: "layout of page 3"). bad_alloc becomes
// out_of_memory; everything else is internal, with the exception's own text.
Error error_from_current_exception(const std::string& where) noexcept;

}  // namespace drawlens
