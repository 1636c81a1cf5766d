# The SSH layer against a real sshd on 127.0.0.1 (tests/tools/sshdfixture): needs root and
# openssh-server, and fails (never skips) when the server cannot start.
trainyard_add_test(tst_ssh SOURCES core/tst_ssh.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-core)
set_tests_properties(tst_ssh PROPERTIES TIMEOUT 600 RESOURCE_LOCK trainyard-test-user)
