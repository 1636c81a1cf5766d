# The run configuration editor: its findings model (no widgets) and the editor window, offscreen.
trainyard_add_test(tst_findingmodel SOURCES models/tst_findingmodel.cpp LIBRARIES trainyard-models trainyard-resources)
trainyard_add_test(tst_runconfigurationeditor SOURCES gui/tst_runconfigurationeditor.cpp
    LIBRARIES trainyard-ui trainyard-resources trainyard-translations)
trainyard_add_test(tst_yamleditor SOURCES views/tst_yamleditor.cpp
    LIBRARIES trainyard-views trainyard-resources)
