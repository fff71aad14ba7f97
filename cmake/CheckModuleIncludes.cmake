# Holds every file of every drawlens module to its declarations (cmake/DrawlensModules.cmake): a file
# of module A may include a header of module B only when B is one of A's DEPENDS (core always is) and
# the header is one of B's PUBLIC_HEADER, or A lists it in ALLOW_PRIVATE_INCLUDES.
#
# As a script:  cmake -DMANIFEST=<modules.cmake> [-DSTAMP=<file>] -P CheckModuleIncludes.cmake
#   fails, naming each violation, or touches STAMP. src/CMakeLists.txt runs it before any module
#   compiles; tests/module_check runs it on a fixture that breaks both rules.
# Included: drawlens_check_module_includes(<manifest> <violations-var>) for configure time.
cmake_policy(VERSION 3.22)  # IN_LIST, also when run with -P

function(drawlens_check_module_includes manifest out_var)
  include(${manifest})
  set(violations "")
  foreach(m IN LISTS DRAWLENS_MODULES)
    file(GLOB_RECURSE files LIST_DIRECTORIES false
      "${${m}_DIR}/*.h" "${${m}_DIR}/*.hpp" "${${m}_DIR}/*.cpp" "${${m}_DIR}/*.cu" "${${m}_DIR}/*.cuh")
    list(SORT files)
    foreach(file IN LISTS files)
      file(STRINGS ${file} includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"/]+/[^\"]+\"")
      foreach(line IN LISTS includes)
        string(REGEX MATCH "\"(([^\"/]+)/[^\"]+)\"" _ "${line}")
        set(header ${CMAKE_MATCH_1})
        set(owner ${CMAKE_MATCH_2})
        if(owner STREQUAL m OR NOT owner IN_LIST DRAWLENS_MODULES)
          continue()  # its own header, or not a module's (drawlens/drawlens.h, a library's)
        endif()
        file(RELATIVE_PATH name ${${m}_DIR} ${file})
        if(NOT owner IN_LIST ${m}_DEPENDS)
          list(JOIN ${m}_DEPENDS ", " declared)
          list(APPEND violations "${m}/${name} includes ${header}, but ${m} does not declare ${owner} in its \
DEPENDS (${declared})")
        elseif(NOT header IN_LIST ${owner}_PUBLIC_HEADERS AND NOT header IN_LIST ${m}_ALLOW_PRIVATE_INCLUDES)
          list(JOIN ${owner}_PUBLIC_HEADERS ", " public)
          if(NOT public)
            set(public "none")
          endif()
          list(APPEND violations "${m}/${name} includes ${header}, a private header of ${owner} (its public \
headers: ${public})")
        endif()
      endforeach()
    endforeach()
  endforeach()
  set(${out_var} "${violations}" PARENT_SCOPE)
endfunction()

function(drawlens_report_module_violations violations)
  list(LENGTH violations count)
  list(JOIN violations "\n  " text)
  message(FATAL_ERROR "drawlens module layering: ${count} violation(s):\n  ${text}\n"
                      "Include the other module's public header, or declare the dependency in its "
                      "drawlens_add_module (docs/design.md, \"Modules\").")
endfunction()

if(CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
  if(NOT MANIFEST)
    message(FATAL_ERROR "usage: cmake -DMANIFEST=<modules.cmake> [-DSTAMP=<file>] -P ${CMAKE_CURRENT_LIST_FILE}")
  endif()
  drawlens_check_module_includes(${MANIFEST} violations)
  if(violations)
    drawlens_report_module_violations("${violations}")
  endif()
  if(STAMP)
    file(TOUCH ${STAMP})
  endif()
endif()
