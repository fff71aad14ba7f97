// Library statuses mapped to HTTP answers with a JSON body (http_error.h).
#include "http_error.h"

#include <nlohmann/json.hpp>

namespace drawlens::serve {

HttpError bad_request(const std::string& code, const std::string& message) {
  return {400, code, "caller", message};
}

HttpError from_library_error(const drawlens::Error& error) {
  int status = 500;
  switch (error.category()) {
    case DRAWLENS_CATEGORY_CALLER: status = 400; break;
    case DRAWLENS_CATEGORY_INPUT: status = error.status() == DRAWLENS_UNSUPPORTED_FORMAT ? 415 : 422; break;
    case DRAWLENS_CATEGORY_LIMIT: status = 413; break;
    case DRAWLENS_CATEGORY_RESOURCE: status = 503; break;
    case DRAWLENS_CATEGORY_CANCELLED: status = 504; break;
    default:  // the installation (model, GPU, IO on the server's side) or drawlens itself
      status = 500;
  }
  return {status, error.status_name(), error.category_name(), error.what()};
}

std::string error_body(const HttpError& error) {
  const nlohmann::json body = {
      {"status", "error"},
      {"detail", error.message},
      {"error", {{"code", error.code}, {"category", error.category}, {"message", error.message}}}};
  return body.dump();
}

}  // namespace drawlens::serve
