# The Attach Compute wizard and the Compute page's Test connection and Detach, offscreen, against a
# real sshd on 127.0.0.1 (tests/tools/sshdfixture) and, for Slurm partitions, a real one-node Slurm
# (tests/tools/slurmfixture): needs root, openssh-server, slurm-wlm and munge, and fails (never
# skips) when a server cannot start.
trainyard_add_test(tst_attachwizard SOURCES gui/tst_attachwizard.cpp tools/sshdfixture.cpp tools/sshdfixture.h
    tools/slurmfixture.cpp tools/slurmfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
# The sshd fixture resets the shared test user's password; the Slurm node is this machine.
set_tests_properties(tst_attachwizard PROPERTIES TIMEOUT 600 RESOURCE_LOCK "trainyard-slurm;trainyard-test-user")
