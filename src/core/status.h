// Errors as values inside the library: a Status (mirroring the C ABI's drawlens_status) and a
// message naming the problem, carried by Result<T>.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace drawlens {

// Values equal the C ABI's drawlens_status and never change.
enum class Status {
  ok = 0,
  invalid_argument = 1,
  io = 2,
  decode = 3,
  unsupported_format = 4,
  limit_exceeded = 5,
  model = 6,
  gpu = 7,
  out_of_memory = 8,
  cancelled = 9,
  parse = 10,
  abi_mismatch = 11,
  empty_input = 12,
  truncated = 13,
  encrypted = 14,
  no_pages = 15,
  internal = 99,
};

struct Error {
  Status status = Status::internal;
  std::string message;
};

inline Error make_error(Status status, std::string message) {
  return Error{status, std::move(message)};
}

template <typename T>
class Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT: implicit by design, like expected
  Result(Error error) : state_(std::move(error)) {}  // NOLINT

  bool ok() const { return std::holds_alternative<T>(state_); }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<T>(state_); }
  const T& value() const& { return std::get<T>(state_); }
  T&& value() && { return std::get<T>(std::move(state_)); }
  const Error& error() const { return std::get<Error>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace drawlens
