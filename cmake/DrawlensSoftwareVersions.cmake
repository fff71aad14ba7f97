# Versions of the libraries the GPU assessment reports (`drawlens gpu`) but libdrawlens does not
# link yet: Tesseract, XGBoost, LibTorch and cuDNN, read from their pkg-config, version headers and
# CMake version files without adding a link dependency. Sets DRAWLENS_FOUND_VERSION_DEFINITIONS
# (compile definitions for src/gpu/software_inventory.cpp); a library not found reports "".

# Reads "#define <macro>_<MAJOR|MINOR|PATCH> n" lines from a header into "major.minor.patch".
function(_drawlens_header_version header major minor patch out)
  set(${out} "" PARENT_SCOPE)
  if(NOT header OR NOT EXISTS "${header}")
    return()
  endif()
  file(STRINGS "${header}" _lines REGEX "#define (${major}|${minor}|${patch}) ")
  set(_parts "")
  foreach(_macro ${major} ${minor} ${patch})
    string(REGEX MATCH "#define ${_macro} +([0-9]+)" _ "${_lines}")
    list(APPEND _parts "${CMAKE_MATCH_1}")
  endforeach()
  list(JOIN _parts "." _version)
  set(${out} "${_version}" PARENT_SCOPE)
endfunction()

find_package(PkgConfig QUIET)
set(_drawlens_tesseract_version "")
if(PKG_CONFIG_FOUND)
  pkg_check_modules(DRAWLENS_TESSERACT QUIET tesseract)
  if(DRAWLENS_TESSERACT_FOUND)
    set(_drawlens_tesseract_version "${DRAWLENS_TESSERACT_VERSION}")
  endif()
endif()

find_file(DRAWLENS_XGBOOST_VERSION_HEADER xgboost/version_config.h)
_drawlens_header_version("${DRAWLENS_XGBOOST_VERSION_HEADER}" XGBOOST_VER_MAJOR XGBOOST_VER_MINOR XGBOOST_VER_PATCH
  _drawlens_xgboost_version)

# Debian's libtorch-dev and PyTorch's wheel (torch.utils.cmake_prefix_path) both ship this file.
find_file(DRAWLENS_TORCH_VERSION_FILE TorchConfigVersion.cmake
  HINTS ${Torch_DIR}
  PATHS ${CMAKE_PREFIX_PATH} /usr/lib/${CMAKE_LIBRARY_ARCHITECTURE}/cmake /usr/local/lib/cmake
  PATH_SUFFIXES Torch)
set(_drawlens_torch_version "")
set(_drawlens_torch_root "")
if(DRAWLENS_TORCH_VERSION_FILE)
  file(STRINGS "${DRAWLENS_TORCH_VERSION_FILE}" _line REGEX "set\\(PACKAGE_VERSION \"")
  string(REGEX MATCH "\"([^\"]+)\"" _ "${_line}")
  set(_drawlens_torch_version "${CMAKE_MATCH_1}")
  # <root>/share/cmake/Torch/TorchConfigVersion.cmake in a wheel, whose cuDNN sits in ../nvidia.
  get_filename_component(_drawlens_torch_root "${DRAWLENS_TORCH_VERSION_FILE}/../../../.." ABSOLUTE)
endif()

find_file(DRAWLENS_CUDNN_VERSION_HEADER cudnn_version.h
  HINTS ${CUDAToolkit_INCLUDE_DIRS} "${_drawlens_torch_root}/../nvidia/cudnn/include" /usr/local/cuda/include)
_drawlens_header_version("${DRAWLENS_CUDNN_VERSION_HEADER}" CUDNN_MAJOR CUDNN_MINOR CUDNN_PATCHLEVEL
  _drawlens_cudnn_version)

set(_drawlens_cuda_toolkit_version "")
if(DRAWLENS_WITH_CUDA)
  set(_drawlens_cuda_toolkit_version "${CUDAToolkit_VERSION}")
endif()

set(DRAWLENS_FOUND_VERSION_DEFINITIONS
  "DRAWLENS_FOUND_TESSERACT=\"${_drawlens_tesseract_version}\""
  "DRAWLENS_FOUND_XGBOOST=\"${_drawlens_xgboost_version}\""
  "DRAWLENS_FOUND_LIBTORCH=\"${_drawlens_torch_version}\""
  "DRAWLENS_FOUND_CUDNN=\"${_drawlens_cudnn_version}\""
  "DRAWLENS_CUDA_TOOLKIT=\"${_drawlens_cuda_toolkit_version}\"")
message(STATUS "drawlens gpu assessment: tesseract '${_drawlens_tesseract_version}', "
               "xgboost '${_drawlens_xgboost_version}', libtorch '${_drawlens_torch_version}', "
               "cudnn '${_drawlens_cudnn_version}', cuda toolkit '${_drawlens_cuda_toolkit_version}'")
