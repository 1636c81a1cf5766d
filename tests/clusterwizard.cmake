# The New Compute Cluster wizard and the Compute page's cluster view (Nodes tab, Refresh, Delete),
# offscreen, on a real one-node Slurm started by the test (tests/tools/slurmfixture), from this
# computer and through a login node on the loopback sshd (tests/tools/sshdfixture). Needs root,
# slurm-wlm, munge and openssh-server; fails (never skips) when a daemon cannot start.
trainyard_add_test(tst_clusterwizard SOURCES gui/tst_clusterwizard.cpp tools/slurmfixture.cpp tools/slurmfixture.h
    tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
# The Slurm node is this machine; the sshd fixture resets the shared test user's password.
set_tests_properties(tst_clusterwizard PROPERTIES TIMEOUT 600 RESOURCE_LOCK "trainyard-slurm;trainyard-test-user")
