# Grade figure: from a gain-wheel drag event (a real mouse move on the wheel) to the updated frame
# and scopes on screen, Color page shown, program viewer at half resolution, on a 1080p clip;
# p50/p95 in ms. Run under Xvfb with QT_QPA_PLATFORM=xcb.
find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
add_executable(postline_ui_grade_bench ${CMAKE_CURRENT_SOURCE_DIR}/ui_grade_bench.cpp)
target_link_libraries(postline_ui_grade_bench PRIVATE postline::ui_color postline::ingest postline::edit
                                                      postline::media Qt6::Widgets Qt6::Test benchmark::benchmark)
target_include_directories(postline_ui_grade_bench PRIVATE ${PROJECT_SOURCE_DIR})
set_target_properties(postline_ui_grade_bench PROPERTIES AUTOMOC ON)
postline_target(postline_ui_grade_bench)
