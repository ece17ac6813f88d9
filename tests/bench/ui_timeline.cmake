# Timeline figures (issue 8): a 1,000-clip timeline (1,000 video clips with linked audio on V1/A1) in a
# 1900x600 TimelineView: full repaint zoomed to fit and zoomed in (repaint_ms), and a trim drag
# (ripple trim of an edge through real mouse-move events, edit + repaint per step: drag_update_ms,
# updates_per_s). Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" postline_ui_timeline_bench
find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
add_executable(postline_ui_timeline_bench ${CMAKE_CURRENT_SOURCE_DIR}/ui_timeline_bench.cpp)
target_link_libraries(postline_ui_timeline_bench PRIVATE postline::ui_timeline postline::ingest postline::edit
                                                        postline::media benchmark::benchmark Qt6::Widgets Qt6::Test)
set_target_properties(postline_ui_timeline_bench PROPERTIES AUTOMOC ON)
postline_target(postline_ui_timeline_bench)
