target_sources(trainyard-core PRIVATE ${CMAKE_CURRENT_SOURCE_DIR}/ignorerules.cpp ${CMAKE_CURRENT_SOURCE_DIR}/ignorerules.h)
