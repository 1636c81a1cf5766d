# The Attach Compute wizard and the Compute page's Test connection and Detach, offscreen, against a
# real sshd on 127.0.0.1 (tests/tools/sshdfixture): needs root and openssh-server, and fails (never
# skips) when the server cannot start.
trainyard_add_test(tst_attachwizard SOURCES gui/tst_attachwizard.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
set_tests_properties(tst_attachwizard PROPERTIES TIMEOUT 600 RESOURCE_LOCK trainyard-test-user)
