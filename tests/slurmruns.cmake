# Compute clusters on a real one-node Slurm started by the test (tests/tools/slurmfixture): attach,
# create/update/delete a partition, runs through sbatch and srun, queueing, cancel. Needs root,
# slurm-wlm, munge and openssh-server (a login node on the loopback sshd); fails (never skips) when a daemon cannot start.
trainyard_add_test(tst_slurmruns SOURCES core/tst_slurmruns.cpp tools/slurmfixture.cpp tools/slurmfixture.h
    tools/sshdfixture.cpp tools/sshdfixture.h
    LIBRARIES trainyard-core trainyard-translations)
set_tests_properties(tst_slurmruns PROPERTIES TIMEOUT 600 RESOURCE_LOCK "trainyard-slurm;trainyard-test-user")
