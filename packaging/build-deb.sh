#!/usr/bin/env bash
# Builds the Debian package: postline_<version>_<arch>.deb (the editor, postline-cli, the film
# looks and delivery presets, the desktop entry, icons, AppStream metainfo and the MIME type).
#
#   packaging/build-deb.sh [BUILD_DIR]     default BUILD_DIR: build/deb (a Release build)
#
# Configures BUILD_DIR as a Release build without tests and benchmarks when it has no CMakeCache,
# otherwise uses it as it is configured; builds it (the executables and what they link), packs it
# with CPack (cmake/packaging.cmake) and prints the .deb's path as the last line.
# Needs dpkg-dev (dpkg-shlibdeps computes the library dependencies): packaging/install-deps.sh.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build/deb}
case "$build" in /*) ;; *) build=$PWD/$build ;; esac

for tool in cmake cpack dpkg-deb dpkg-shlibdeps; do
  command -v "$tool" >/dev/null || { echo "build-deb: $tool is missing (run packaging/install-deps.sh)" >&2; exit 1; }
done
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
        -DPOSTLINE_BUILD_TESTS=OFF -DPOSTLINE_BUILD_BENCH=OFF >/dev/null
fi
cmake --build "$build" -j"$(nproc)"
# -B keeps CPack's staging tree and the package in one folder of the build dir.
out=$build/packages
(cd "$build" && cpack -G DEB -B "$out" >&2)
deb=$(ls -t "$out"/postline_*.deb | head -n1)
echo "$deb"
