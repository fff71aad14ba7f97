// Reading the drawing and form fields of a request (upload.h).
#include "upload.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>

namespace drawlens::serve {

std::variant<Upload, HttpError> read_upload(const httplib::Request& request) {
  if (request.is_multipart_form_data()) {
    if (!request.has_file("file")) {
      return bad_request("NO_FILE",
                         "the multipart form has no field 'file' (send the drawing as -F \"file=@part.pdf\")");
    }
    const httplib::MultipartFormData part = request.get_file_value("file");
    if (part.content.empty()) return bad_request("EMPTY_FILE", "the field 'file' is empty");
    return Upload{part.filename, part.content};
  }
  if (request.body.empty()) {
    return bad_request("NO_FILE",
                       "no drawing: send it as multipart field 'file' (-F \"file=@part.pdf\") or as the body");
  }
  return Upload{"", request.body};
}

std::optional<std::string> form_field(const httplib::Request& request, const std::string& name) {
  if (request.is_multipart_form_data() && request.has_file(name)) return request.get_file_value(name).content;
  if (request.has_param(name)) return request.get_param_value(name);
  return std::nullopt;
}

std::variant<double, HttpError> number_field(const httplib::Request& request, const std::string& name, double fallback,
                                             double low, double high) {
  const auto text = form_field(request, name);
  if (!text) return fallback;
  char* end = nullptr;
  const double value = std::strtod(text->c_str(), &end);
  if (text->empty() || end != text->c_str() + text->size() || !std::isfinite(value)) {
    return bad_request("BAD_FIELD", "field '" + name + "' is not a number: '" + *text + "'");
  }
  if (value < low || value > high) {
    return bad_request("BAD_FIELD", "field '" + name + "' = " + *text + " is outside [" + std::to_string(low) + ", " +
                                        std::to_string(high) + "]");
  }
  return value;
}

std::variant<bool, HttpError> bool_field(const httplib::Request& request, const std::string& name, bool fallback) {
  auto text = form_field(request, name);
  if (!text) return fallback;
  std::transform(text->begin(), text->end(), text->begin(), [](unsigned char c) { return std::tolower(c); });
  if (*text == "true" || *text == "1" || *text == "yes") return true;
  if (*text == "false" || *text == "0" || *text == "no") return false;
  return bad_request("BAD_FIELD", "field '" + name + "' must be true or false, not '" + *text + "'");
}

}  // namespace drawlens::serve
