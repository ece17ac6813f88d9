// Shared set-up of the Deliver page tests: a small saved project (two 1 s 320x180 clips on V1/A1),
// the postline-cli of this build, and a user preset folder with a cheap 9:16 preset limited to 1.5 s.
#pragma once
#include <gtest/gtest.h>

#include <QTest>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "tests/ui/ui_fixtures.h"
#include "ui/controller/project_controller.h"
#include "ui/deliver/deliver_page.h"
#include "ui/deliver/queue_panel.h"

namespace postline::ui::testing {

inline const char* kCli = POSTLINE_BINARY_DIR "/app/postline-cli";

// A 360x640 9:16 preset at 24 fps limited to 1.5 s ("test-short"), in $POSTLINE_USER_PRESETS.
inline void installUserPreset() {
  const fs::path dir = fs::temp_directory_path() / "postline_ui_deliver_presets";
  fs::create_directories(dir);
  std::ofstream(dir / "test-short.json") << R"({"format": 1, "id": "test-short", "name": "Test Short 9:16",
    "file_tag": "TestShort_9x16", "container": "mp4", "faststart": true,
    "video": {"codec": "libx264", "profile": "high", "speed": "veryfast", "width": 360, "height": 640, "fps": 24,
              "pix_fmt": "yuv420p", "bitrate_mbps": {"min": 1, "max": 3}, "keyframe_interval_s": 2,
              "color": {"primaries": "bt709", "transfer": "bt709", "matrix": "bt709", "range": "tv"}},
    "audio": {"codec": "aac", "bitrate_kbps": 128, "sample_rate": 48000, "channels": 2},
    "loudness_lufs": -14, "true_peak_dbtp": -1, "max_duration_s": 1.5, "conform": "repeat"})";
  ::setenv("POSTLINE_USER_PRESETS", dir.c_str(), 1);
}

struct DeliverFixture {
  fs::path dir;
  fs::path projectFile;
  std::unique_ptr<ProjectController> ctl;
  std::unique_ptr<DeliverPage> page;

  explicit DeliverFixture(const std::string& name, int clips = 2, int frames = 24) {
    installUserPreset();
    dir = freshDir(name);
    ctl = std::make_unique<ProjectController>();
    ctl->newProject(QString::fromStdString("Deliver " + name));
    fs::create_directories(dir / "media");
    assembleClips(*ctl, dir / "media", clips, frames);
    projectFile = dir / "Deliver_Test.postline";
    auto saved = ctl->saveAs(projectFile);
    EXPECT_TRUE(saved.ok());
    page = std::make_unique<DeliverPage>(*ctl);
    page->setCliPath(QString::fromUtf8(kCli));
    page->resize(1400, 950);
  }

  // Marks [in, out] (out included) and exports that range.
  void markRange(std::int64_t in, std::int64_t out) {
    ctl->setInPoint(time::FramePos{in});
    ctl->setOutPoint(time::FramePos{out});
    page->setRangeChoice(DeliverPage::RangeChoice::InOut);
  }

  std::optional<exporting::QueueJob> job(int row) { return page->queue().job(row); }
  bool waitState(int row, exporting::QueueState state, int ms = 120000) {
    return QTest::qWaitFor([&] { auto j = job(row); return j && j->state == state; }, ms);
  }
  bool waitEnded(int row, int ms = 120000) {
    return QTest::qWaitFor([&] {
      auto j = job(row);
      return j && (j->state == exporting::QueueState::Done || j->state == exporting::QueueState::Failed ||
                   j->state == exporting::QueueState::Cancelled);
    }, ms);
  }
  std::string describe(int row) {
    auto j = job(row);
    if (!j) return "no job";
    std::string s = std::string(exporting::queueStateName(j->state)) + " exit " + std::to_string(j->exitCode) + ": " + j->error;
    for (const auto& a : j->spec.argv) s += " " + a;
    return s;
  }
};

// The media items of the project's 05_Exports bin.
inline std::vector<const model::MediaItem*> exportsBin(const ProjectController& ctl) {
  std::vector<const model::MediaItem*> out;
  for (const model::Bin& b : ctl.project().bins) {
    if (b.name != "05_Exports") continue;
    for (model::MediaId id : b.items) out.push_back(ctl.project().findMedia(id));
  }
  return out;
}

}  // namespace postline::ui::testing
