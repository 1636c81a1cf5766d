# The run detail view canceling a run on a remote machine through a real sshd on 127.0.0.1
# (tests/tools/sshdfixture): needs root and openssh-server, and fails (never skips) when the server
# cannot start.
trainyard_add_test(tst_remoterundetail SOURCES gui/tst_remoterundetail.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
set_tests_properties(tst_remoterundetail PROPERTIES TIMEOUT 300 RESOURCE_LOCK trainyard-test-user)
