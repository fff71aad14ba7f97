# DRAWLENS_CUDA=AUTO|ON|OFF: enables the CUDA language when a compiler is found (or demanded).
# Sets DRAWLENS_WITH_CUDA.
set(DRAWLENS_WITH_CUDA OFF)
if(NOT DRAWLENS_CUDA STREQUAL "OFF")
  # Debian-style machines put the toolkit in /usr/local/cuda without adding it to PATH.
  find_program(_drawlens_nvcc nvcc HINTS /usr/local/cuda/bin)
  if(_drawlens_nvcc AND NOT DEFINED ENV{CUDACXX} AND NOT DEFINED CMAKE_CUDA_COMPILER)
    set(ENV{CUDACXX} ${_drawlens_nvcc})
  endif()
  include(CheckLanguage)
  check_language(CUDA)
  if(CMAKE_CUDA_COMPILER)
    # "native" fails on machines without a GPU; name the architectures (Turing .. Hopper).
    if(NOT DEFINED CMAKE_CUDA_ARCHITECTURES)
      set(CMAKE_CUDA_ARCHITECTURES 75 80 86 89 90)
    endif()
    enable_language(CUDA)
    set(CMAKE_CUDA_STANDARD 17)
    find_package(CUDAToolkit REQUIRED)
    set(DRAWLENS_WITH_CUDA ON)
  elseif(DRAWLENS_CUDA STREQUAL "ON")
    message(FATAL_ERROR "DRAWLENS_CUDA=ON but no CUDA compiler was found (set CUDACXX or CMAKE_CUDA_COMPILER)")
  endif()
endif()
