# The studio asking for a password or passphrase the keychain does not hold, from the thread that
# needs it, against a real sshd on 127.0.0.1 (tests/tools/sshdfixture): needs root and
# openssh-server, and fails (never skips) when the server cannot start.
trainyard_add_test(tst_secretprompt SOURCES gui/tst_secretprompt.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
set_tests_properties(tst_secretprompt PROPERTIES TIMEOUT 300 RESOURCE_LOCK trainyard-test-user)
