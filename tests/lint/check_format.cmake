# Fails when a C++ file under core/, ui/, app/ or tests/ differs from what .clang-format makes of it,
# naming each such file once.
file(GLOB_RECURSE files LIST_DIRECTORIES false
    ${SOURCE_DIR}/core/*.cpp ${SOURCE_DIR}/core/*.h ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
    ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
list(FILTER files EXCLUDE REGEX "/tests/fuzz/corpus/")
list(LENGTH files count)
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${files}
    WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE result ERROR_VARIABLE errors)
if(NOT result EQUAL 0)
    string(REGEX MATCHALL "[^\n]+:[0-9]+:[0-9]+: error: code should be clang-formatted" lines "${errors}")
    set(offenders "")
    foreach(line IN LISTS lines)
        string(REGEX REPLACE ":[0-9]+:[0-9]+: error: .*" "" file "${line}")
        list(APPEND offenders "${file}")
    endforeach()
    list(REMOVE_DUPLICATES offenders)
    list(JOIN offenders "\n  " named)
    message(FATAL_ERROR "not formatted as .clang-format says (clang-format -i FILE):\n  ${named}")
endif()
message(STATUS "${count} files formatted as .clang-format says")
