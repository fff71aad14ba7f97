# Finds the libraries the drawlens library links. Each module names the ones it uses
# (src/<m>/CMakeLists.txt): PUBLIC when its public header includes them, PRIVATE otherwise.
find_package(Threads REQUIRED)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs)
find_package(TIFF REQUIRED)
find_package(PNG REQUIRED)   # decoded directly, not through OpenCV, to keep libpng's messages off stderr
find_package(JPEG REQUIRED)  # likewise for libjpeg (libjpeg-turbo: JCS_EXT_BGR, jpeg_mem_src)
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)  # crc32 for the .dlmodel checksum
find_package(PkgConfig REQUIRED)
# LibTorch: Debian's libtorch-dev here, PyTorch's own on a GPU machine (Torch_DIR). Its headers cost
# 10-17 s per file: only the model modules' private files and their training programs include them.
find_package(Torch REQUIRED)
# Torch's imported targets are visible only in this directory and below; a project that adds drawlens
# as a subdirectory (tests/fuzz) links module targets that name them, so they are made global.
get_property(_drawlens_imported DIRECTORY PROPERTY IMPORTED_TARGETS)
foreach(_target IN LISTS _drawlens_imported)
  if(_target MATCHES "^(torch|torch_cpu|torch_library|c10|caffe2::)")
    set_target_properties(${_target} PROPERTIES IMPORTED_GLOBAL TRUE)
  endif()
endforeach()
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# XGBoost: Debian's CMake config fails unless the xgboost CLI package is installed too
# (shared/design/BUILD-NOTES.md); the header and the library are all the tolerance module needs.
find_path(XGBOOST_INCLUDE_DIR xgboost/c_api.h REQUIRED)
find_library(XGBOOST_LIBRARY xgboost REQUIRED)
# XGBoost's OpenMP runtime (GCC's libgomp, whatever compiler builds drawlens): the tolerance module
# sets its thread count around a model load (src/tolerance/xgboost_booster.cpp).
find_library(XGBOOST_OPENMP_LIBRARY NAMES gomp libgomp.so.1 REQUIRED)
if(NOT TARGET drawlens::xgboost)
  add_library(drawlens::xgboost UNKNOWN IMPORTED GLOBAL)
  set_target_properties(drawlens::xgboost PROPERTIES IMPORTED_LOCATION ${XGBOOST_LIBRARY}
    INTERFACE_INCLUDE_DIRECTORIES ${XGBOOST_INCLUDE_DIR} INTERFACE_LINK_LIBRARIES ${XGBOOST_OPENMP_LIBRARY})
endif()
