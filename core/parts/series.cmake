# Chart data pipeline: decimation and smoothing of metric series (QtCore only).
target_sources(trainyard-core PRIVATE
    ${CMAKE_CURRENT_SOURCE_DIR}/seriesdecimator.cpp ${CMAKE_CURRENT_SOURCE_DIR}/seriesdecimator.h
    ${CMAKE_CURRENT_SOURCE_DIR}/seriessmoother.cpp ${CMAKE_CURRENT_SOURCE_DIR}/seriessmoother.h)
