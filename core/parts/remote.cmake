# Remote machine targets: probing, snapshot upload through the host's content cache, runs
# followed over SSH.
target_sources(trainyard-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../remote/remotemachine.cpp ${CMAKE_CURRENT_LIST_DIR}/../remote/remotemachine.h
    ${CMAKE_CURRENT_LIST_DIR}/../remote/snapshotuploader.cpp ${CMAKE_CURRENT_LIST_DIR}/../remote/snapshotuploader.h
    ${CMAKE_CURRENT_LIST_DIR}/../remote/sshrunhost.cpp ${CMAKE_CURRENT_LIST_DIR}/../remote/sshrunhost.h)
target_include_directories(trainyard-core PUBLIC ${CMAKE_CURRENT_LIST_DIR}/../remote)
target_link_libraries(trainyard-core PRIVATE PkgConfig::LibArchive)
