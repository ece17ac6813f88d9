# Scrub figure: from a playhead move to the new frame on screen (program viewer at half resolution,
# ~960x540) on a long-GOP 1080p H.264 clip; p50/p95 in ms. Run under Xvfb with QT_QPA_PLATFORM=xcb.
find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
add_executable(postline_ui_scrub_bench ${CMAKE_CURRENT_SOURCE_DIR}/ui_scrub_bench.cpp)
target_link_libraries(postline_ui_scrub_bench PRIVATE postline::ui_viewer postline::ingest postline::edit
                                                      postline::media Qt6::Widgets Qt6::Test benchmark::benchmark)
target_include_directories(postline_ui_scrub_bench PRIVATE ${PROJECT_SOURCE_DIR})
set_target_properties(postline_ui_scrub_bench PROPERTIES AUTOMOC ON)
postline_target(postline_ui_scrub_bench)
