# Deliver figure: the editor's event loop while two `postline-cli export` jobs run at once (the
# Deliver page's queue at concurrency 2, 1080p deliveries): largest and p99 gap between the ticks of a
# 1 ms QTimer on the UI thread (max_stall_ms, p99_stall_ms; target <= 50 ms). Needs postline-cli built.
# Run under Xvfb with QT_QPA_PLATFORM=xcb.
find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
add_executable(postline_ui_deliver_bench ${CMAKE_CURRENT_SOURCE_DIR}/ui_deliver_bench.cpp)
target_link_libraries(postline_ui_deliver_bench PRIVATE postline::ui_deliver postline::ingest postline::edit
                                                        postline::media Qt6::Widgets Qt6::Test benchmark::benchmark)
target_include_directories(postline_ui_deliver_bench PRIVATE ${PROJECT_SOURCE_DIR})
target_compile_definitions(postline_ui_deliver_bench PRIVATE POSTLINE_BINARY_DIR="${PROJECT_BINARY_DIR}")
set_target_properties(postline_ui_deliver_bench PROPERTIES AUTOMOC ON)
add_dependencies(postline_ui_deliver_bench postline-cli)
postline_target(postline_ui_deliver_bench)
