trainyard_add_test(tst_ignorerules SOURCES core/tst_ignorerules.cpp LIBRARIES trainyard-core)
