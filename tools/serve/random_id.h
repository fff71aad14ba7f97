// Unguessable ids (32 hex digits) for kept results and jobs, so one client cannot walk another's.
#pragma once

#include <string>

namespace drawlens::serve {

std::string random_id();

}  // namespace drawlens::serve
