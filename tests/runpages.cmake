# The Experiments and Runs pages: their models (no widgets), and the studio submitting a real
# local run through the Submit dialog and following it live, offscreen.
trainyard_add_test(tst_runmodel SOURCES models/tst_runmodel.cpp LIBRARIES trainyard-models)
trainyard_add_test(tst_experimentmodel SOURCES models/tst_experimentmodel.cpp LIBRARIES trainyard-models)
trainyard_add_test(tst_submitflow SOURCES gui/tst_submitflow.cpp
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
