# Runs cmake/CheckModuleIncludes.cmake on tests/module_check/fixture and passes only when the check
# fails and names each violation there, and nothing else.
#   cmake -DCHECK_SCRIPT=<CheckModuleIncludes.cmake> -P expect_violations.cmake
set(fixture ${CMAKE_CURRENT_LIST_DIR}/fixture)
execute_process(COMMAND ${CMAKE_COMMAND} -DMANIFEST=${fixture}/modules.cmake -P ${CHECK_SCRIPT}
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
message(STATUS "the check said:\n${output}")
if(result EQUAL 0)
  message(FATAL_ERROR "the module check accepted a tree that includes a private header and an undeclared module")
endif()
foreach(expected
    "beta/beta.cpp includes alpha/alpha_detail.h, a private header of alpha"
    "gamma/gamma.cpp includes beta/beta.h, but gamma does not declare beta"
    "2 violation")
  string(FIND "${output}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the module check did not report: ${expected}")
  endif()
endforeach()
foreach(unexpected "delta/" "alpha/alpha.cpp" "drawlens/drawlens.h")
  string(FIND "${output}" "${unexpected}" at)
  if(NOT at EQUAL -1)
    message(FATAL_ERROR "the module check reported an allowed include (${unexpected})")
  endif()
endforeach()
