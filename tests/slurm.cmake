# Slurm access against a real one-node Slurm started by the test (tests/tools/slurmfixture:
# munged, slurmctld, slurmd on free ports, everything in a temporary folder), and through the
# loopback sshd (tests/tools/sshdfixture). Needs root, slurm-wlm, slurm-client, munge and
# openssh-server; fails (never skips) when a daemon cannot start.
trainyard_add_test(tst_slurm SOURCES core/tst_slurm.cpp tools/slurmfixture.cpp tools/slurmfixture.h
    tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-core)
# The node is this machine (one Slurm fixture at a time, also held by a lock file), and the sshd
# fixture resets the shared test user's password.
set_tests_properties(tst_slurm PROPERTIES TIMEOUT 600 RESOURCE_LOCK "trainyard-slurm;trainyard-test-user")
