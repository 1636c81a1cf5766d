# Finds every library Trainyard needs. A missing one stops the configure step with the name of the
# Debian package that provides it, so `scripts/install-deps.sh` (or apt-get) is one step away.

function(trainyard_require_failed what package)
    message(FATAL_ERROR
        "Trainyard needs ${what}, which was not found.\n"
        "Install it with: sudo apt-get install ${package}\n"
        "(or run scripts/install-deps.sh, which installs every dependency)")
endfunction()

macro(trainyard_find_qt component package)
    find_package(Qt6 6.4 QUIET COMPONENTS ${component})
    if(NOT Qt6${component}_FOUND)
        trainyard_require_failed("Qt 6 ${component}" "${package}")
    endif()
endmacro()

trainyard_find_qt(Core "qt6-base-dev")
trainyard_find_qt(Gui "qt6-base-dev")
trainyard_find_qt(Widgets "qt6-base-dev")
trainyard_find_qt(Sql "qt6-base-dev")
trainyard_find_qt(Concurrent "qt6-base-dev")
trainyard_find_qt(Test "qt6-base-dev")
trainyard_find_qt(Xml "qt6-base-dev")
trainyard_find_qt(Charts "qt6-charts-dev libqt6opengl6-dev libxkbcommon-dev")
trainyard_find_qt(LinguistTools "qt6-tools-dev qt6-l10n-tools")
set_package_properties(Qt6 PROPERTIES TYPE REQUIRED
    DESCRIPTION "Qt 6 application framework" PURPOSE "Everything")

find_package(PkgConfig QUIET)
if(NOT PkgConfig_FOUND)
    trainyard_require_failed("pkg-config" "pkg-config")
endif()

macro(trainyard_pkg name module package purpose)
    pkg_check_modules(${name} QUIET IMPORTED_TARGET ${module})
    if(NOT ${name}_FOUND)
        trainyard_require_failed("${module}" "${package}")
    endif()
    add_feature_info(${name} ${name}_FOUND "${module} ${${name}_VERSION}: ${purpose}")
endmacro()

trainyard_pkg(YamlCpp "yaml-cpp>=0.7" "libyaml-cpp-dev" "run configuration files")
trainyard_pkg(LibSsh "libssh>=0.10" "libssh-dev" "remote machines over SSH")
trainyard_pkg(LibGit2 "libgit2>=1.5" "libgit2-dev" "git information recorded with runs")
trainyard_pkg(LibArchive "libarchive>=3.6" "libarchive-dev" "snapshot transfer")
trainyard_pkg(XxHash "libxxhash>=0.8" "libxxhash-dev" "change detection for snapshots")
trainyard_pkg(Sqlite3 "sqlite3>=3.35" "libsqlite3-dev" "the fast path for storing metrics")

find_library(QSCINTILLA_LIBRARY NAMES qscintilla2_qt6)
find_path(QSCINTILLA_INCLUDE_DIR NAMES Qsci/qsciscintilla.h
    PATHS ${Qt6Core_INCLUDE_DIRS} /usr/include/${CMAKE_LIBRARY_ARCHITECTURE}/qt6)
if(NOT QSCINTILLA_LIBRARY OR NOT QSCINTILLA_INCLUDE_DIR)
    trainyard_require_failed("QScintilla for Qt 6" "libqscintilla2-qt6-dev")
endif()
add_library(QScintilla::QScintilla UNKNOWN IMPORTED)
set_target_properties(QScintilla::QScintilla PROPERTIES
    IMPORTED_LOCATION "${QSCINTILLA_LIBRARY}"
    INTERFACE_INCLUDE_DIRECTORIES "${QSCINTILLA_INCLUDE_DIR}")
add_feature_info(QScintilla TRUE "${QSCINTILLA_LIBRARY}: the YAML editor")

find_package(Qt6Keychain QUIET)
if(NOT Qt6Keychain_FOUND)
    trainyard_require_failed("QtKeychain for Qt 6" "qtkeychain-qt6-dev")
endif()
add_feature_info(QtKeychain Qt6Keychain_FOUND "desktop keychain for passwords and passphrases")
