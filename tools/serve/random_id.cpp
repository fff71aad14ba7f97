// Random ids from a per-thread generator seeded by the system's entropy (random_id.h).
#include "random_id.h"

#include <cstdio>
#include <random>

namespace drawlens::serve {

std::string random_id() {
  thread_local std::mt19937_64 generator{std::random_device{}()};
  char text[33];
  std::snprintf(text, sizeof text, "%016llx%016llx", static_cast<unsigned long long>(generator()),
                static_cast<unsigned long long>(generator()));
  return text;
}

}  // namespace drawlens::serve
