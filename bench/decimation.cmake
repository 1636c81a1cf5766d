# SeriesDecimator throughput against stride sampling: build/bench/bench_decimation [POINTS] [RUNS].
add_executable(bench_decimation ${CMAKE_CURRENT_SOURCE_DIR}/bench_decimation.cpp)
target_link_libraries(bench_decimation PRIVATE trainyard-core)
