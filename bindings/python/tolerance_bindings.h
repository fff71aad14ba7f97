// The tolerance analysis in the Python module: SkinModel, ToleranceAnalysis, Feature, stack_up,
// iso286_fit and validate_gdt (tolerance_bindings.cpp).
#pragma once

#include <string>

#include <pybind11/pybind11.h>

#include "drawlens/drawlens.h"

namespace drawlens::python {

void register_tolerance(pybind11::module_& m);

// The C enum value a Python name gives ("turning", "aluminium"); ValueError listing the names.
drawlens_process process_named(const std::string& name);
drawlens_material material_named(const std::string& name);

}  // namespace drawlens::python
