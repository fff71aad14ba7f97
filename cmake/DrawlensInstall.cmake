# Installs the library, its header, a CMake package (find_package(drawlens CONFIG) giving
# drawlens::drawlens) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

install(TARGETS drawlens EXPORT drawlensTargets
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(FILES include/drawlens/drawlens.h include/drawlens/drawlens.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/drawlens)
install(FILES docs/schema/result.schema.json DESTINATION ${CMAKE_INSTALL_DATADIR}/drawlens/schema)
# Model files and their cards; find_models_directory looks here, beside the installed library.
install(DIRECTORY models/ DESTINATION ${CMAKE_INSTALL_DATADIR}/drawlens/models)

set(_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/drawlens)
install(EXPORT drawlensTargets NAMESPACE drawlens:: DESTINATION ${_cmake_dir})
configure_package_config_file(cmake/drawlensConfig.cmake.in ${PROJECT_BINARY_DIR}/drawlensConfig.cmake
  INSTALL_DESTINATION ${_cmake_dir})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/drawlensConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${PROJECT_BINARY_DIR}/drawlensConfig.cmake ${PROJECT_BINARY_DIR}/drawlensConfigVersion.cmake
  DESTINATION ${_cmake_dir})

# Relocatable: the prefix is found from the .pc file's own directory.
file(RELATIVE_PATH DRAWLENS_PC_PREFIX_FROM_PCDIR /prefix/${CMAKE_INSTALL_LIBDIR}/pkgconfig /prefix)
configure_file(cmake/drawlens.pc.in ${PROJECT_BINARY_DIR}/drawlens.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/drawlens.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
