# GUI benchmarks: the cashier window (the `paydesk --demo` assembly) beside a minimal Qt Widgets
# window, same compiler and flags. `bench_gui` prints JSON; run it under xvfb-run or offscreen.
if(PAYDESK_BUILD_BENCHMARKS)
    qt_add_executable(bench_minimal_window bench_minimal_window.cpp)
    set_target_properties(bench_minimal_window PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(bench_minimal_window PRIVATE paydesk_options Qt6::Widgets)

    qt_add_executable(bench_gui bench_gui.cpp)
    set_target_properties(bench_gui PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(bench_gui PRIVATE paydesk_demo_counter paydesk_benchsupport Qt6::Widgets Qt6::Test)
    add_dependencies(bench_gui bench_minimal_window)   # started from the same directory

    # A short run so the benchmark itself keeps working; the figures come from a full run.
    add_test(NAME bench_gui_smoke COMMAND bench_gui --runs 2 --sales 5)
    set_tests_properties(bench_gui_smoke PROPERTIES
        LABELS bench
        TIMEOUT 300
        ENVIRONMENT "LC_ALL=C.UTF-8;LANG=C.UTF-8;TZ=UTC;QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=paydesk.*.info=false")

    # Scan to pay: scanner Enter -> Paid painted, beside Enter -> QR painted in the same run.
    qt_add_executable(bench_gui_scan bench_gui_scan.cpp)
    set_target_properties(bench_gui_scan PROPERTIES MACOSX_BUNDLE OFF WIN32_EXECUTABLE OFF)
    target_link_libraries(bench_gui_scan PRIVATE paydesk_demo_counter paydesk_benchsupport Qt6::Widgets Qt6::Test)
    add_test(NAME bench_gui_scan_smoke COMMAND bench_gui_scan --sales 3)
    set_tests_properties(bench_gui_scan_smoke PROPERTIES
        LABELS bench
        TIMEOUT 180
        ENVIRONMENT "LC_ALL=C.UTF-8;LANG=C.UTF-8;TZ=UTC;QT_QPA_PLATFORM=offscreen;QT_LOGGING_RULES=paydesk.*.info=false")
endif()
