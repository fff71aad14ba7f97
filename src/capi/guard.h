// The C boundary's safety net: every exported function runs its body inside guard(), which turns
// any C++ exception into a status and this thread's error message, so nothing throws across.
#pragma once

#include <new>
#include <string>

#include <opencv2/core.hpp>

#include "core/status.h"
#include "drawlens/drawlens.h"

namespace drawlens::capi {

void set_last_error(const std::string& message);
void clear_last_error();

inline drawlens_status fail(drawlens_status status, const std::string& message) {
  set_last_error(message);
  return status;
}

inline drawlens_status fail(const Error& error) {
  return fail(static_cast<drawlens_status>(error.status), error.message);
}

template <typename Body>
drawlens_status guard(const char* function, Body&& body) noexcept {
  try {
    clear_last_error();
    return body();
  } catch (const std::bad_alloc&) {
    return fail(DRAWLENS_OUT_OF_MEMORY, std::string(function) + ": out of memory");
  } catch (const cv::Exception& e) {
    return fail(DRAWLENS_INTERNAL, std::string(function) + ": OpenCV error: " + e.what());
  } catch (const std::exception& e) {
    return fail(DRAWLENS_INTERNAL, std::string(function) + ": internal error: " + e.what());
  } catch (...) {
    return fail(DRAWLENS_INTERNAL, std::string(function) + ": internal error: unknown exception");
  }
}

// NULL checks with a message naming the function and the argument.
inline bool is_null(const void* p, const char* function, const char* argument, drawlens_status& status) {
  if (p != nullptr) return false;
  status = fail(DRAWLENS_INVALID_ARGUMENT, std::string(function) + ": " + argument + " is NULL");
  return true;
}

// Output structs: non-NULL, and the caller's struct_size must cover this version's struct.
template <typename Struct>
bool bad_out_struct(const Struct* out, const char* function, drawlens_status& status) {
  if (is_null(out, function, "out", status)) return true;
  if (out->struct_size >= sizeof(Struct)) return false;
  status = fail(DRAWLENS_ABI_MISMATCH, std::string(function) + ": out->struct_size is " +
                                           std::to_string(out->struct_size) + ", expected at least " +
                                           std::to_string(sizeof(Struct)) + " (set it to sizeof the struct)");
  return true;
}

}  // namespace drawlens::capi
