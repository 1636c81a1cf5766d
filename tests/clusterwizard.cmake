# The New Compute Cluster wizard and the Compute page's cluster view (Nodes tab, Refresh, Delete),
# offscreen, on a real one-node Slurm started by the test (tests/tools/slurmfixture). Needs root,
# slurm-wlm and munge; fails (never skips) when a daemon cannot start.
trainyard_add_test(tst_clusterwizard SOURCES gui/tst_clusterwizard.cpp tools/slurmfixture.cpp tools/slurmfixture.h
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
set_tests_properties(tst_clusterwizard PROPERTIES TIMEOUT 600 RESOURCE_LOCK trainyard-slurm)
