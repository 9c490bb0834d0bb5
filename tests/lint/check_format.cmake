# Fails when a C++ file under core/, ui/, app/ or tests/ differs from what .clang-format makes of it.
file(GLOB_RECURSE files LIST_DIRECTORIES false
    ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
list(FILTER files EXCLUDE REGEX "/tests/fuzz/corpus/")
list(LENGTH files count)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]*: error: code should be clang-formatted" offenders "${errors}")
    list(REMOVE_DUPLICATES offenders)
    string(REPLACE ";" "\n" offenders "${offenders}")
    message(FATAL_ERROR "not formatted by .clang-format (run clang-format -i on them):\n${offenders}")
endif()
message(STATUS "${count} files formatted by .clang-format")
