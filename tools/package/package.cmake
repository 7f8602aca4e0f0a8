# The Debian package, made by CPack: `bash tools/package.sh` (or `cd build && cpack -G DEB`) writes
# build/stageboost_<version>_<arch>.deb. Included from the root CMakeLists.txt.
#
#   /usr/bin/stageboost, stageboost-pack, stageboost-log           the programs (stripped)
#   /usr/share/stageboost/content/{stageboost,schema}/              the shipped pack and its JSON Schemas
#   /usr/share/stageboost/assets/                                   the kiosk's own images
#   /usr/share/man/man1/*.1.gz, /usr/share/doc/stageboost/          man pages, copyright, changelog, README, FORMAT
#   /usr/lib/systemd/system/stageboost-kiosk.service                boots into the kiosk (disabled until enabled)
#   /usr/libexec/stageboost/kiosk-session                           the service's main process (cage + kiosk)
#   /usr/lib/udev/rules.d/90-stageboost-usb.rules                   mounts USB sticks on a kiosk PC
#   postinst/prerm/postrm                                           the stageboost user and its folders
# Everything installs relative to the prefix (CPack's is /usr), so `cmake --install build --prefix X` with or
# without DESTDIR never writes outside X.
include(GNUInstallDirs)

set(STAGEBOOST_PKG ${PROJECT_SOURCE_DIR}/tools/package)
set(STAGEBOOST_PKG_OUT ${PROJECT_BINARY_DIR}/package)
set(STAGEBOOST_MAINTAINER "The Stageboost maintainers <maintainers@stageboost.invalid>"
    CACHE STRING "Maintainer field of the Debian package")

# The changelog's newest entry must be this version: bump both together.
file(STRINGS ${STAGEBOOST_PKG}/changelog changelog_top LIMIT_COUNT 1)
if(NOT changelog_top MATCHES "^stageboost \\(${PROJECT_VERSION}\\) ")
    message(FATAL_ERROR "tools/package/changelog starts with '${changelog_top}', but the project version is "
                        "${PROJECT_VERSION}: add an entry for it (dch -v ${PROJECT_VERSION} -c tools/package/changelog).")
endif()

# ---- programs
foreach(program stageboost stageboost-pack stageboost-log)
    if(TARGET ${program})
        install(TARGETS ${program} RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
    endif()
endforeach()

# ---- data: the packs keep content/schema/ beside them, where their "$schema" points
install(DIRECTORY ${PROJECT_SOURCE_DIR}/content/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stageboost/content
        PATTERN FORMAT.md EXCLUDE)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/ DESTINATION ${CMAKE_INSTALL_DATADIR}/stageboost/assets)

# ---- documentation, compressed as Debian wants it (gzip -9n: no name or time stamp inside)
set(stageboost_gz)
function(stageboost_gzip source output)
    add_custom_command(OUTPUT ${output}
        COMMAND ${CMAKE_COMMAND} -E make_directory ${STAGEBOOST_PKG_OUT}/gz
        COMMAND sh -c "gzip -9n -c \"$0\" > \"$1\"" ${source} ${output}
        DEPENDS ${source} VERBATIM)
    set(stageboost_gz ${stageboost_gz} ${output} PARENT_SCOPE)
endfunction()
foreach(page stageboost stageboost-pack stageboost-log)
    stageboost_gzip(${STAGEBOOST_PKG}/man/${page}.1 ${STAGEBOOST_PKG_OUT}/gz/${page}.1.gz)
    install(FILES ${STAGEBOOST_PKG_OUT}/gz/${page}.1.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
endforeach()
stageboost_gzip(${STAGEBOOST_PKG}/changelog ${STAGEBOOST_PKG_OUT}/gz/changelog.gz)
stageboost_gzip(${PROJECT_SOURCE_DIR}/README.md ${STAGEBOOST_PKG_OUT}/gz/README.md.gz)
stageboost_gzip(${PROJECT_SOURCE_DIR}/content/FORMAT.md ${STAGEBOOST_PKG_OUT}/gz/FORMAT.md.gz)
add_custom_target(stageboost_package_docs ALL DEPENDS ${stageboost_gz})
install(FILES ${STAGEBOOST_PKG}/copyright ${STAGEBOOST_PKG_OUT}/gz/changelog.gz ${STAGEBOOST_PKG_OUT}/gz/README.md.gz
              ${STAGEBOOST_PKG_OUT}/gz/FORMAT.md.gz
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/stageboost)
install(FILES ${STAGEBOOST_PKG}/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME stageboost)

# ---- the kiosk service. Its ExecStart names the prefix the files are installed under, known only at install
# time (CPack installs under /usr whatever CMAKE_INSTALL_PREFIX was at configure time).
install(CODE "set(PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
    configure_file(\"${STAGEBOOST_PKG}/stageboost-kiosk.service.in\"
                   \"${STAGEBOOST_PKG_OUT}/stageboost-kiosk.service\" @ONLY)")
install(FILES ${STAGEBOOST_PKG_OUT}/stageboost-kiosk.service DESTINATION lib/systemd/system)
install(PROGRAMS ${STAGEBOOST_PKG}/kiosk-session DESTINATION ${CMAKE_INSTALL_LIBEXECDIR}/stageboost)
install(FILES ${STAGEBOOST_PKG}/90-stageboost-usb.rules DESTINATION lib/udev/rules.d)

# ---- CPack
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME stageboost)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "The Stageboost maintainers")
set(CPACK_PACKAGE_CONTACT ${STAGEBOOST_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${STAGEBOOST_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "kiosk for workshops on equal internship chances")
# Lines under 80 columns, as Debian wants them; "." is an empty line between paragraphs.
string(JOIN "\n" CPACK_PACKAGE_DESCRIPTION
    "Stageboost prepares mbo students for their internship with short lessons,"
    "role-plays about discrimination at an application or on the work floor, and"
    "quizzes that give advice instead of a verdict. An anonymous confidence check"
    "before and after shows whether a workshop helped, without ever knowing who"
    "answered."
    "."
    "It runs fullscreen on a classroom screen, where a trainer leads, or on a"
    "walk-up touch kiosk in a study centre. Trainers write the content as packs of"
    "JSON files and images, checked with stageboost-pack; stageboost-log reports"
    "on the anonymous log. stageboost-kiosk.service boots a PC straight into the"
    "kiosk under the cage compositor (disabled until it is enabled).")
set(CPACK_DEBIAN_PACKAGE_SECTION education)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Beyond the shared libraries: SDL loads OpenGL/EGL at run time (dpkg-shlibdeps cannot see that), the fonts the
# kiosk draws with, and adduser for the system user.
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "adduser, fonts-noto-core, fonts-dejavu-core, fonts-opendyslexic, libgl1, libegl1, libgl1-mesa-dri")
# Only the kiosk service needs these (cage exits without xwayland; it needs a logind session from pam_systemd).
# The programs themselves also run in a desktop session, and the tools on an author's PC; apt installs
# Recommends by default, so `apt install ./stageboost_*.deb` on a kiosk PC brings them.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland, libpam-systemd")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA ${STAGEBOOST_PKG}/postinst ${STAGEBOOST_PKG}/prerm ${STAGEBOOST_PKG}/postrm)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
