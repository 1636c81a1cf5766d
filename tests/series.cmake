# The chart data pipeline in core: decimation and smoothing of metric series.
trainyard_add_test(tst_seriesdecimator SOURCES core/tst_seriesdecimator.cpp LIBRARIES trainyard-core)
