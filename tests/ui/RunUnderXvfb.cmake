# cmake -DPROGRAM=<exe> [-DARGS=<a;b>] [-DSCREEN=WxHxDEPTH] -P RunUnderXvfb.cmake
# Runs a GUI program on a virtual X screen, 1280x800 unless SCREEN says otherwise. Without xvfb-run the test fails: a skipped
# screenshot check would look like a passed one.
find_program(XVFB_RUN xvfb-run)
if(NOT XVFB_RUN)
    message(FATAL_ERROR "xvfb-run not found: install the xvfb and xauth packages (packaging/install-deps.sh)")
endif()
if(NOT SCREEN)
    set(SCREEN 1280x800x24)
endif()
execute_process(COMMAND ${XVFB_RUN} -a -s "-screen 0 ${SCREEN}" ${PROGRAM} ${ARGS}
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "${PROGRAM} failed under xvfb-run: ${result}")
endif()
