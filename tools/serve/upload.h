// What a request hands in: the drawing (multipart field `file`, or the raw body) and form fields
// (multipart fields or query parameters), checked with errors that name the field.
#pragma once

#include <optional>
#include <string>
#include <variant>

#include <httplib.h>

#include "http_error.h"

namespace drawlens::serve {

struct Upload {
  std::string filename;
  std::string bytes;  // borrowed view would dangle past the handler; the copy is one memcpy
};

// The drawing, or a 400 naming what is missing or empty.
std::variant<Upload, HttpError> read_upload(const httplib::Request& request);

// A form field as text; nullopt when absent.
std::optional<std::string> form_field(const httplib::Request& request, const std::string& name);
// A number field within [low, high], `fallback` when absent; a 400 naming the field otherwise.
std::variant<double, HttpError> number_field(const httplib::Request& request, const std::string& name, double fallback,
                                             double low, double high);
// "true"/"false"/"1"/"0"/"yes"/"no" (any case), `fallback` when absent.
std::variant<bool, HttpError> bool_field(const httplib::Request& request, const std::string& name, bool fallback);

}  // namespace drawlens::serve
