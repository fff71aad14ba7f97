# Compiler settings shared by every target: ccache, warnings, sanitizers.

find_program(DRAWLENS_CCACHE ccache)
if(DRAWLENS_CCACHE)
  foreach(lang C CXX CUDA)
    set(CMAKE_${lang}_COMPILER_LAUNCHER ${DRAWLENS_CCACHE})
  endforeach()
endif()

add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-Wall> $<$<COMPILE_LANGUAGE:C,CXX>:-Wextra>)
if(DRAWLENS_WERROR)
  add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:-Werror>)
endif()

if(DRAWLENS_SANITIZE)
  set(_sanitize -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  foreach(flag IN LISTS _sanitize)
    add_compile_options($<$<COMPILE_LANGUAGE:C,CXX>:${flag}>)
  endforeach()
  add_link_options(${_sanitize})
endif()
