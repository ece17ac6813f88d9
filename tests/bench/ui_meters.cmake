# Meters figure (issue 9): the Audio page visible while a 5-track sequence plays ~10 s; counters
# meter_hz (distinct meter readings painted per second on the master meter), snapshot_hz, underruns
# (engine callbacks that found the ring short; target 0), ring_fill_low_ms. No sound device: a
# thread stands in for the device callback at real time (256 frames per 5.33 ms).
# Run under Xvfb: QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24" postline_ui_meters_bench
# (POSTLINE_METERS_SECONDS=3 for a short run; POSTLINE_METERS_SHOT=file.png grabs the page while playing).
if(EXISTS ${PROJECT_SOURCE_DIR}/ui/mixer/audio_page.cpp)
  find_package(Qt6 REQUIRED COMPONENTS Widgets Test)
  add_executable(postline_ui_meters_bench ${CMAKE_CURRENT_SOURCE_DIR}/ui_meters_bench.cpp)
  target_link_libraries(postline_ui_meters_bench PRIVATE postline::ui_mixer postline::ingest postline::edit
                                                        postline::media Qt6::Widgets Qt6::Test benchmark::benchmark)
  target_include_directories(postline_ui_meters_bench PRIVATE ${PROJECT_SOURCE_DIR})
  set_target_properties(postline_ui_meters_bench PROPERTIES AUTOMOC ON)
  postline_target(postline_ui_meters_bench)
endif()
