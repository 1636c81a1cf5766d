# The Python metrics helper (core/python/trainyard.py): stdlib unittest, run by CTest.
# Discovery (-s/-p) because "python3 -m unittest <file>" only accepts paths below the working
# directory, and CTest runs in the build tree.
add_test(NAME test_trainyard_helper
    COMMAND python3 -m unittest discover -v -s ${CMAKE_CURRENT_SOURCE_DIR}/python
            -p test_trainyard_helper.py)
set_tests_properties(test_trainyard_helper PROPERTIES
    ENVIRONMENT "PYTHONPATH=${PROJECT_SOURCE_DIR}/core/python;PYTHONDONTWRITEBYTECODE=1"
    FAIL_REGULAR_EXPRESSION "Ran 0 tests"
    TIMEOUT 120)
