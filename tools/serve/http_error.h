// Errors as HTTP answers: a status code and a JSON body naming the problem, in one shape for every
// route ({"status": "error", "detail": ..., "error": {"code", "category", "message"}}; "detail" is
// what the old FastAPI services' clients read).
#pragma once

#include <string>

#include "drawlens/drawlens.hpp"

namespace drawlens::serve {

struct HttpError {
  int status = 500;
  std::string code;  // a drawlens status name, or the server's own (e.g. "NO_FILE", "QUEUE_FULL")
  std::string category;
  std::string message;
};

HttpError bad_request(const std::string& code, const std::string& message);
// The HTTP status a library failure deserves, by its category: the caller's 400, the input's 422
// (415 for a format drawlens does not read), a limit 413, memory 503, the deadline 504, the
// installation's or drawlens's own 500.
HttpError from_library_error(const drawlens::Error& error);

std::string error_body(const HttpError& error);

}  // namespace drawlens::serve
