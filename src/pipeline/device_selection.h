// Checks a device request ("auto", "cpu", "cuda", "cuda:N") against what this build and machine have.
#pragma once

#include <string>

#include "core/status.h"

namespace drawlens {

// Returns the resolved device ("cpu" or "cuda:N"), or an invalid_argument / gpu error.
Result<std::string> select_device(const std::string& request);

}  // namespace drawlens
