# Desktop integration and the Debian package (issue 8 "Packaging"; docs: packaging/README.md).
#
#   cmake --build B && (cd B && cpack -G DEB)   ->  B/postline_<version>_<arch>.deb
#   packaging/build-deb.sh                      ->  the same from a fresh Release build dir
#   packaging/test-deb.sh --build-dir B         ->  packs B and checks, installs and starts the package
#
# The executables install themselves (app/CMakeLists.txt: postline, postline-cli, share/postline);
# this file adds the freedesktop files and configures CPack. On Debian the dpkg triggers of
# shared-mime-info, desktop-file-utils and hicolor-icon-theme refresh the MIME, desktop and icon
# caches after the files land, so the package needs no maintainer scripts.

set(POSTLINE_APP_ID org.postline.Postline)
set(_postline_linux ${PROJECT_SOURCE_DIR}/resources/linux)
set(_postline_icons ${PROJECT_SOURCE_DIR}/resources/icons)

install(FILES ${_postline_linux}/${POSTLINE_APP_ID}.desktop DESTINATION share/applications)
install(FILES ${_postline_linux}/${POSTLINE_APP_ID}.metainfo.xml DESTINATION share/metainfo)
install(FILES ${_postline_linux}/${POSTLINE_APP_ID}.xml DESTINATION share/mime/packages)
install(FILES ${_postline_icons}/${POSTLINE_APP_ID}.svg DESTINATION share/icons/hicolor/scalable/apps)
foreach(size 48 128 256)
  # The PNGs are committed (resources/icons/render_pngs.sh renders them from the SVG).
  install(FILES ${_postline_icons}/${POSTLINE_APP_ID}-${size}.png
          DESTINATION share/icons/hicolor/${size}x${size}/apps RENAME ${POSTLINE_APP_ID}.png)
endforeach()

# --- CPack: one .deb, postline_<version>_<arch>.deb -------------------------------------------
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME postline)
set(CPACK_PACKAGE_VENDOR "Postline developers")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "non-linear video editor for finishing AI-generated video")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "Postline developers")
set(CPACK_DEBIAN_PACKAGE_SECTION video)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# The long description under the summary line: CPack indents each line; no empty lines.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Postline organises clips from video generators in bins, cuts them on a
timeline, unifies their colour, mixes the sound to a loudness target and
delivers every platform version from one edit.
This package holds the editor (postline) and its command-line front end
(postline-cli), the film looks and the delivery presets.")
# Library dependencies come from dpkg-shlibdeps (dpkg-dev); these are opened at run time instead
# (packaging/test-deb.sh finds them: every library the editor loads must be in the Depends
# closure): the title renderer loads DejaVu Sans by path, Qt's xcb GLX integration dlopens
# libGL.so.1 and libXcursor.so.1, and libGL/libEGL dlopen Mesa's drivers (llvmpipe without a
# GPU). Qt's xcb platform plugin itself ships in libqt6gui6 on Debian 12.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, libgl1, libgl1-mesa-dri, libxcursor1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils, hicolor-icon-theme")
include(CPack)

# --- The package check (packaging/test-deb.sh) as a test of this build dir ----------------------
# It packs this build dir (no rebuild), inspects the .deb, installs it into a throwaway dpkg root
# and starts postline-cli and postline from there; exit 77 (skipped) without dpkg-deb or cpack.
if(BUILD_TESTING OR POSTLINE_BUILD_TESTS)
  add_test(NAME packaging.deb
           COMMAND ${PROJECT_SOURCE_DIR}/packaging/test-deb.sh --build-dir ${PROJECT_BINARY_DIR}
                   --work-dir ${PROJECT_BINARY_DIR}/packaging-test --no-build --quick)
  set_tests_properties(packaging.deb PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
