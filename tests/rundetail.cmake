# The run detail view: the snapshot tree model (no widgets), the chart adapter and grid, and the
# run detail widget following real local runs, offscreen.
trainyard_add_test(tst_snapshottreemodel SOURCES models/tst_snapshottreemodel.cpp LIBRARIES trainyard-models)
trainyard_add_test(tst_metricchartview SOURCES gui/tst_metricchartview.cpp
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
trainyard_add_test(tst_rundetailwidget SOURCES gui/tst_rundetailwidget.cpp
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
