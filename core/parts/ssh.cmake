# The SSH layer (libssh 0.10): sessions with host key checking against known_hosts files,
# password/key/agent authentication, remote commands and a reconnecting connection.
target_sources(trainyard-core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshconnection.cpp ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshconnection.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshendpoint.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/ssherror.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshhostkey.cpp ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshhostkey.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshhostkey_p.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshhostkeypolicy.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshknownhosts.cpp ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshknownhosts.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshremoteprocess.cpp ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshremoteprocess.h
    ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshsession.cpp ${CMAKE_CURRENT_LIST_DIR}/../ssh/sshsession.h)
target_include_directories(trainyard-core PUBLIC ${CMAKE_CURRENT_LIST_DIR}/../ssh)
target_link_libraries(trainyard-core PRIVATE PkgConfig::LibSsh)
