"""Builds the Python package with the project's CMake: `pip install --no-build-isolation .`

The CMake build tree is $DRAWLENS_BUILD_DIR, else build/ (the one scripts/build.sh makes, so an
install after it compiles nothing new). A tree without a cache is configured as a Release build with
the Python module and no command-line tools. The package is what `cmake --install --component python`
lays out: drawlens/__init__.py, _drawlens (RPATH $ORIGIN), libdrawlens, the stubs and the models.
"""

import os
import re
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = os.path.dirname(os.path.abspath(__file__))
BUILD_DIR = os.path.abspath(os.environ.get("DRAWLENS_BUILD_DIR") or os.path.join(ROOT, "build"))


def project_version():
    """The version in include/drawlens/drawlens.h, the one source of truth (CMakeLists.txt reads it too)."""
    with open(os.path.join(ROOT, "include", "drawlens", "drawlens.h")) as f:
        header = f.read()
    parts = [re.search(r"^#define DRAWLENS_VERSION_%s (\d+)" % part, header, re.MULTILINE) for part in
             ("MAJOR", "MINOR", "PATCH")]
    if not all(parts):
        raise RuntimeError("no DRAWLENS_VERSION_MAJOR/MINOR/PATCH in include/drawlens/drawlens.h")
    return ".".join(found.group(1) for found in parts)


def cmake_cache_value(build_dir, name):
    with open(os.path.join(build_dir, "CMakeCache.txt")) as f:
        found = re.search(r"^%s:[A-Z]+=(.*)$" % re.escape(name), f.read(), re.MULTILINE)
    return found.group(1) if found else None


class CMakeBuild(build_ext):
    """Builds drawlens_python in the CMake tree and installs component `python` where setuptools
    collects the package."""

    def build_extension(self, ext):
        build_dir = BUILD_DIR
        cache = os.path.join(build_dir, "CMakeCache.txt")
        if not os.path.exists(cache):
            generator = ["-G", "Ninja"] if shutil.which("ninja") else []
            self.spawn(["cmake", "-S", ROOT, "-B", build_dir, *generator, "-DCMAKE_BUILD_TYPE=Release",
                        "-DDRAWLENS_PYTHON=ON", "-DDRAWLENS_TOOLS=OFF", "-DPython_EXECUTABLE=" + sys.executable])
        elif cmake_cache_value(build_dir, "DRAWLENS_PYTHON") != "ON":
            self.spawn(["cmake", "-S", ROOT, "-B", build_dir, "-DDRAWLENS_PYTHON=ON",
                        "-DPython_EXECUTABLE=" + sys.executable])
        self.spawn(["cmake", "--build", build_dir, "--target", "drawlens_python", "--parallel", str(os.cpu_count())])
        # The package directory the wheel is made from: <build_lib>/drawlens.
        package_parent = os.path.dirname(os.path.dirname(os.path.abspath(self.get_ext_fullpath(ext.name))))
        self.spawn(["cmake", "--install", build_dir, "--component", "python", "--prefix", package_parent])
        built = self.get_ext_fullpath(ext.name)
        if not os.path.exists(built):
            raise RuntimeError("cmake did not install %s (was the module built for another Python? "
                               "Set DRAWLENS_BUILD_DIR to a tree configured with this interpreter)" % built)


setup(
    version=project_version(),
    ext_modules=[Extension("drawlens._drawlens", sources=[])],
    cmdclass={"build_ext": CMakeBuild},
    package_data={"drawlens": ["*.pyi", "py.typed"]},
    zip_safe=False,
    options={"build": {"build_base": os.path.join(BUILD_DIR, "python-package")}},  # setuptools' own files
)
