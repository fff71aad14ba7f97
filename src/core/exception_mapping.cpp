// error_from_current_exception: rethrows the active exception to learn its type.
#include "core/exception_mapping.h"

#include <exception>
#include <new>

#include <opencv2/core.hpp>

namespace drawlens {
namespace {

Error classify(const std::string& where) {
  try {
    throw;
  } catch (const std::bad_alloc&) {
    return make_error(Status::out_of_memory, where + ": out of memory");
  } catch (const cv::Exception& e) {
    return make_error(Status::internal, where + ": OpenCV error: " + e.what());
  } catch (const std::exception& e) {
    return make_error(Status::internal, where + ": internal error: " + e.what());
  } catch (...) {
    return make_error(Status::internal, where + ": internal error: unknown exception");
  }
}

}  // namespace

Error error_from_current_exception(const std::string& where) noexcept {
  try {
    return classify(where);
  } catch (...) {
    // Building the message itself ran out of memory: a static message cannot.
    return Error{Status::out_of_memory, {}};
  }
}

}  // namespace drawlens
