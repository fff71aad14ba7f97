// The C boundary's safety net: every exported function runs its body inside guard(), which turns
// any C++ exception into a status and this thread's error message, so nothing throws across.
#pragma once

#include <cstdlib>
#include <cstring>
#include <string>

#include "capi/struct_sizes.h"
#include "core/exception_mapping.h"
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
  } catch (...) {
    const Error error = error_from_current_exception(function);
    return fail(static_cast<drawlens_status>(error.status),
                error.message.empty() ? std::string(function) + ": out of memory" : error.message);
  }
}

// NULL checks with a message naming the function and the argument.
inline bool is_null(const void* p, const char* function, const char* argument, drawlens_status& status) {
  if (p != nullptr) return false;
  status = fail(DRAWLENS_INVALID_ARGUMENT, std::string(function) + ": " + argument + " is NULL");
  return true;
}

// Output structs: non-NULL, and the caller's struct_size at least the struct's first published
// size (drawlens.h, "Structs that grow"); write them with write_out_struct.
template <typename Struct>
bool bad_out_struct(const Struct* out, const char* function, drawlens_status& status) {
  if (is_null(out, function, "out", status)) return true;
  if (out->struct_size >= FirstPublished<Struct>::size) return false;
  status =
      fail(DRAWLENS_ABI_MISMATCH, std::string(function) + ": out->struct_size is " + std::to_string(out->struct_size) +
                                      ", expected at least " + std::to_string(FirstPublished<Struct>::size) +
                                      " (set it to sizeof the struct)");
  return true;
}

// An input struct the caller handed in, read over `effective` (the defaults); ABI_MISMATCH names
// the function, the argument and the struct when its size cannot be read.
template <typename Struct>
drawlens_status read_in(const Struct* caller, const char* function, const char* argument, Struct& effective) {
  if (caller == nullptr) return DRAWLENS_OK;
  const std::string problem = in_struct_size_problem(caller);
  if (!problem.empty()) {
    return fail(DRAWLENS_ABI_MISMATCH, std::string(function) + ": " + argument + ": " + problem);
  }
  read_in_struct(caller, effective);
  return DRAWLENS_OK;
}

// An index past the end of a list: INVALID_ARGUMENT naming the function, the list and its count.
inline drawlens_status out_of_range(const char* function, const char* what, std::size_t index, std::size_t count) {
  return fail(DRAWLENS_INVALID_ARGUMENT, std::string(function) + ": " + what + " index " + std::to_string(index) +
                                             " is out of range (count " + std::to_string(count) + ")");
}

// Copies bytes into memory the caller owns and frees with drawlens_free; OUT_OF_MEMORY on failure.
template <typename Byte>
drawlens_status owned_copy(const void* data, std::size_t size, const char* function, Byte** out) {
  auto* memory = static_cast<Byte*>(std::malloc(size == 0 ? 1 : size));
  if (memory == nullptr) return fail(DRAWLENS_OUT_OF_MEMORY, std::string(function) + ": out of memory");
  std::memcpy(memory, data, size);
  *out = memory;
  return DRAWLENS_OK;
}

}  // namespace drawlens::capi
