# Runs on a remote machine through a real sshd on 127.0.0.1 (tests/tools/sshdfixture): needs root
# and openssh-server, and fails (never skips) when the server cannot start.
trainyard_add_test(tst_remoteruns SOURCES core/tst_remoteruns.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-core trainyard-translations)
# The fixture resets the shared test user's password: one such test at a time.
set_tests_properties(tst_remoteruns PROPERTIES TIMEOUT 900 RESOURCE_LOCK trainyard-test-user)
