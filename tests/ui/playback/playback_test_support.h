#pragma once
// Shared pieces of the playback tests: a controller holding 24 fps clips on V1/A1, fake frame
// providers (instant, never-ready frames) and a recorder of the playhead.
#include <QElapsedTimer>
#include <QTest>
#include <functional>
#include <optional>
#include <set>
#include <vector>

#include "tests/ui/ui_fixtures.h"
#include "ui/controller/project_controller.h"
#include "ui/playback/frame_provider.h"
#include "ui/playback/transport.h"

namespace postline::ui::testing {

// Frames are ready as soon as asked for, except those in `never`.
class FakeFrames : public FrameProvider {
 public:
  void prefetch(qint64 from, int count) override {
    ++prefetches;
    lastFrom = from;
    lastCount = count;
  }
  std::optional<RenderedFrame> frame(qint64 f) const override {
    if (never.count(f) != 0 || (neverIf && neverIf(f))) return std::nullopt;
    RenderedFrame r;
    r.frame = f;
    return r;
  }
  std::set<qint64> never;
  std::function<bool(qint64)> neverIf;
  int prefetches = 0;
  qint64 lastFrom = -1;
  int lastCount = 0;
};

// No sound device: the engine runs on steady_clock.
inline audio::PlaybackEngine::Options noDevice() {
  audio::PlaybackEngine::Options o;
  o.useDevice = false;
  return o;
}

// A controller with `clips` clips of 48 frames (2 s at 24 fps, 320x180) on V1/A1; the media
// is written once per process and imported into each controller.
inline void loadClips(ProjectController& ctl, int clips = 4) {
  static const fs::path dir = freshDir("playback_media");
  static std::vector<fs::path> files = writeClips(dir, 4);
  const std::vector<fs::path> some(files.begin(), files.begin() + clips);
  const auto ids = importFiles(ctl, some);
  ASSERT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), ids,
                                           firstTrack(ctl, model::TrackKind::Video),
                                           firstTrack(ctl, model::TrackKind::Audio)),
                        "Assembly Edit"));
  ASSERT_EQ(ctl.sequence()->end().value, 48 * clips);
}

// Every playhead value the controller announced, in order.
struct PlayheadLog {
  explicit PlayheadLog(ProjectController& ctl) {
    QObject::connect(&ctl, &ProjectController::playheadChanged, &ctl, [this](qint64 f) { frames.push_back(f); });
  }
  bool monotonic(int direction = 1) const {
    for (std::size_t i = 1; i < frames.size(); ++i) {
      if ((frames[i] - frames[i - 1]) * direction < 0) return false;
    }
    return true;
  }
  std::vector<qint64> frames;
};

// Waits until the transport's clock runs (preroll over, at most 2 s); false after 3 s.
inline bool waitClockRunning(const Transport& t) {
  return QTest::qWaitFor([&] { return t.isPlaying() && !t.prerolling(); }, 3000);
}

}  // namespace postline::ui::testing
