# Desktop integration and the CPack .deb; install() rules are the single source of truth for what the package
# holds (the binary's own rule is in app/CMakeLists.txt).
include(GNUInstallDirs)
set(TOPICSCOPE_APP_ID "io.github.topicscope.Topicscope")
install(FILES ${PROJECT_SOURCE_DIR}/resources/${TOPICSCOPE_APP_ID}.desktop
    DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${TOPICSCOPE_APP_ID}.svg
    DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${PROJECT_SOURCE_DIR}/resources/${TOPICSCOPE_APP_ID}.metainfo.xml
    DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)

set(CPACK_GENERATOR "DEB")
set(CPACK_PACKAGE_NAME "topicscope")
set(CPACK_PACKAGE_VENDOR "Topicscope")
set(CPACK_PACKAGE_CONTACT "Topicscope developers <dev@topicscope.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "/usr")
set(CPACK_PACKAGING_INSTALL_PREFIX "/usr")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "devel")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "https://github.com/topicscope/topicscope")
# Debian 12's Qt 6 runtime packages; the Charts library for ui/charts, the platform plugins for a display.
# fonts-nanum: Korean glyphs (the UI is in Korean on a Korean system or with --lang ko); without a Hangul font
# Qt draws boxes. Nanum rather than fonts-noto-cjk: it covers Hangul, which is all we need, in 33 MB where
# Noto CJK takes about 90 MB for Chinese and Japanese too, and it is the face Korean desktops know.
# qt6-translations-l10n: Qt's own Korean texts (the buttons of standard dialogs); the app works without them.
# zlib1g, libsnappy1v5, liblz4-1, libzstd1: the codecs of compressed record batches (engine/core/compression.cpp).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "libqt6core6 (>= 6.4), libqt6gui6 (>= 6.4), libqt6widgets6 (>= 6.4), libqt6network6 (>= 6.4), libqt6charts6 (>= 6.4), qt6-qpa-plugins, libsqlite3-0, zlib1g, libsnappy1v5, liblz4-1, libzstd1, libc6, libstdc++6, fonts-nanum")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
