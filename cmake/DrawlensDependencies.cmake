# Finds the libraries the drawlens library links, and bundles them in the drawlens_deps target.
find_package(Threads REQUIRED)
find_package(OpenCV 4 REQUIRED COMPONENTS core imgproc imgcodecs)
find_package(TIFF REQUIRED)
find_package(PNG REQUIRED)   # decoded directly, not through OpenCV, to keep libpng's messages off stderr
find_package(JPEG REQUIRED)  # likewise for libjpeg (libjpeg-turbo: JCS_EXT_BGR, jpeg_mem_src)
find_package(nlohmann_json 3 REQUIRED)
find_package(ZLIB REQUIRED)  # crc32 for the .dlmodel checksum
find_package(PkgConfig REQUIRED)
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)

add_library(drawlens_deps INTERFACE)
target_link_libraries(drawlens_deps INTERFACE
  ${OpenCV_LIBS} TIFF::TIFF PNG::PNG JPEG::JPEG nlohmann_json::nlohmann_json PkgConfig::POPPLER_CPP ZLIB::ZLIB
  Threads::Threads
  ${CMAKE_DL_LIBS})  # dlopen: NVML is loaded at run time, never linked
if(DRAWLENS_WITH_CUDA)
  # The static runtime keeps libdrawlens free of a libcudart.so dependency; the driver is loaded
  # at run time, so the library also runs on machines without one.
  target_link_libraries(drawlens_deps INTERFACE CUDA::cudart_static)
endif()
