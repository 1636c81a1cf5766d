# Credential storage against a real Secret Service: tst_credentials starts a private D-Bus session
# and gnome-keyring-daemon with scripts/keyring-session.sh, and fails when they cannot start.
add_executable(trainyard-test-credentials tools/credentialtool.cpp)
target_link_libraries(trainyard-test-credentials PRIVATE trainyard-core Qt6::DBus)

trainyard_add_test(tst_credentials SOURCES core/tst_credentials.cpp LIBRARIES trainyard-core)
target_compile_definitions(tst_credentials PRIVATE
    TRAINYARD_CREDENTIAL_TOOL="$<TARGET_FILE:trainyard-test-credentials>")
add_dependencies(tst_credentials trainyard-test-credentials)
