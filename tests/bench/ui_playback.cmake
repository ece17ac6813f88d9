# Playback figure (issue 8): the demo timeline with its grade in a real ProgramViewer at half
# resolution, Transport playing on the system clock; counters fps_shown, dropped,
# av_offset_ms_max, render_ms_p95. Builds the demo with postline-cli once (cached in the build dir).
# Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" postline_ui_playback_bench
# (POSTLINE_PLAYBACK_SECONDS=5 for a short run; POSTLINE_DEMO_DIR to reuse a rendered demo;
# POSTLINE_PLAYBACK_SHOT=file.png grabs the viewer after the run; POSTLINE_PLAYBACK_TRACE=1 traces).
# Only once the viewer library has its render thread (ui/viewer/render_service.cpp).
if(TARGET postline-cli AND EXISTS ${PROJECT_SOURCE_DIR}/ui/viewer/render_service.cpp)
  find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
  add_executable(postline_ui_playback_bench ${PROJECT_SOURCE_DIR}/tests/bench/ui_playback_bench.cpp)
  target_link_libraries(postline_ui_playback_bench PRIVATE postline::ui_playback postline::ui_viewer
                                                          benchmark::benchmark Qt6::Widgets Qt6::Test)
  target_compile_definitions(postline_ui_playback_bench PRIVATE POSTLINE_CLI="$<TARGET_FILE:postline-cli>"
                                                                POSTLINE_BINARY_DIR="${PROJECT_BINARY_DIR}")
  add_dependencies(postline_ui_playback_bench postline-cli)
  postline_target(postline_ui_playback_bench)
endif()
