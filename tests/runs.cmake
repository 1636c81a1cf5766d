# Local runs with real processes, and snapshots.
trainyard_add_test(tst_localruns SOURCES core/tst_localruns.cpp LIBRARIES trainyard-core trainyard-translations)
trainyard_add_test(tst_snapshotstore SOURCES core/tst_snapshotstore.cpp LIBRARIES trainyard-core)
