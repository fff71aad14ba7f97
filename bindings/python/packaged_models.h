// The models an installed Python package carries (drawlens/models, set by drawlens/__init__.py): the
// directory the module's classes use when the caller names none and $DRAWLENS_MODELS is unset, so a
// pip-installed drawlens finds the models that match its library.
#pragma once

#include <cstdlib>
#include <string>

namespace drawlens::python {

inline std::string& packaged_models_directory() {
  static std::string directory;  // "" in a build tree: the library's own search applies
  return directory;
}

// The models directory to hand the library for a caller's request ("" lets the library search).
inline std::string models_directory_for(const std::string& requested) {
  if (!requested.empty()) return requested;
  const char* variable = std::getenv("DRAWLENS_MODELS");
  if (variable != nullptr && variable[0] != '\0') return "";
  return packaged_models_directory();
}

}  // namespace drawlens::python
