#pragma once
// Shared by the trim-family tool tests: a project of three 48-frame clips with 24-frame handles on
// V1 (linked audio on A1), a ToolHost that records what the tools ask of the view, and synthetic
// mouse input computed from the geometry.
#include <gtest/gtest.h>

#include <QApplication>
#include <QSignalSpy>
#include <memory>
#include <utility>
#include <vector>

#include "core/edit/trim.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/timeline/timeline_geometry.h"
#include "ui/timeline/timeline_tool.h"
#include "ui/timeline/trim_tools.h"

namespace postline::ui::testing {

// A ToolHost over a controller: geometry laid out on the current sequence at 4 px per frame,
// snapping only to the playhead (within 8 px) when `snapToPlayhead`, previews recorded.
class TestHost : public ToolHost {
 public:
  explicit TestHost(ProjectController& ctl) : m_ctl(ctl) { relayout(); }
  ProjectController& controller() override { return m_ctl; }
  const TimelineGeometry& geometry() const override { return m_geo; }
  TimelineGeometry& geo() { return m_geo; }
  time::FramePos snap(time::FramePos frame, const std::set<model::ClipId>&) const override {
    if (!snapToPlayhead) return frame;
    const double dx = m_geo.xOfFrame(frame) - m_geo.xOfFrame(m_ctl.playhead());
    return (dx >= -8.0 && dx <= 8.0) ? m_ctl.playhead() : frame;
  }
  void setTrimPreview(qint64 left, qint64 right) override { previews.emplace_back(left, right); }
  void requestRepaint() override { ++repaints; }
  void relayout() { m_geo.layout(*m_ctl.sequence()); }

  bool snapToPlayhead = false;
  std::vector<std::pair<qint64, qint64>> previews;
  int repaints = 0;

 private:
  ProjectController& m_ctl;
  TimelineGeometry m_geo;
};

// Three clips A, B, C of 48 frames on V1 at 0, 48, 96 (sources 24..72 of 96-frame media: 24 frames
// of handle each side), their linked audio on A1. Writes the media once per test program.
class ToolsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    s_dir = freshDir("timeline_tools");
    s_files = writeClips(s_dir, 3, 96);
  }

  void SetUp() override {
    ctl = std::make_unique<ProjectController>();
    ctl->newProject("Tools");
    const auto ids = importFiles(*ctl, s_files);
    ASSERT_EQ(ids.size(), 3u);
    ASSERT_TRUE(ctl->apply(edit::assemblyEdit(ctl->project(), ctl->currentSequence(), ids,
                                              firstTrack(*ctl, model::TrackKind::Video),
                                              firstTrack(*ctl, model::TrackKind::Audio)),
                           "Assembly Edit"));
    const model::SequenceId seq = ctl->currentSequence();
    for (int i = 2; i >= 0; --i) {
      const model::ClipId id = clipAt(i).id;
      ASSERT_TRUE(ctl->apply(edit::trimOut(ctl->project(), seq, id, time::FrameCount{-24}, edit::TrimMode::Ripple), "t"));
      ASSERT_TRUE(ctl->apply(edit::trimIn(ctl->project(), seq, id, time::FrameCount{24}, edit::TrimMode::Ripple), "t"));
    }
    ASSERT_EQ(clipAt(2).start.value, 96);
    ASSERT_EQ(clipAt(2).duration.value, 48);
    host = std::make_unique<TestHost>(*ctl);
    failures = std::make_unique<QSignalSpy>(ctl.get(), &ProjectController::editFailed);
  }

  // The i-th clip of V1 as it is now.
  const model::Clip& clipAt(int i) const {
    return track(model::TrackKind::Video).clips.at(static_cast<std::size_t>(i));
  }
  const model::Track& track(model::TrackKind kind) const {
    for (const model::Track& t : ctl->sequence()->tracks) {
      if (t.kind == kind) return t;
    }
    throw std::logic_error("no track");
  }
  // View y in the middle of the upper part of V1's row.
  int v1Y() const {
    const TrackRow* r = host->geometry().row(track(model::TrackKind::Video).id);
    return r->top + r->height / 3;
  }
  int xOf(std::int64_t frame) const { return static_cast<int>(host->geometry().xOfFrame(time::FramePos{frame})); }

  // A synthetic mouse event at (x, y), hit-tested on the sequence as it is now.
  ToolInput input(int x, int y, Qt::KeyboardModifiers mods = Qt::NoModifier) const {
    const QPoint p(x, y);
    return ToolInput{p, mods, host->geometry().hitTest(*ctl->sequence(), p)};
  }

  // Presses at x0, moves through `path` (x positions), releases at the last one. False when the
  // tool refused the press.
  bool drag(TimelineTool& tool, int x0, const std::vector<int>& path, Qt::KeyboardModifiers mods = Qt::NoModifier) {
    if (!tool.press(input(x0, v1Y(), mods))) return false;
    for (int x : path) tool.move(input(x, v1Y(), mods));
    tool.release(input(path.empty() ? x0 : path.back(), v1Y(), mods));
    return true;
  }

  // The current sequence after applying `edit` (computed on `before`) to a copy of `before`.
  model::Sequence expected(const model::Project& before, base::Result<model::ChangeSet> edit) const {
    EXPECT_TRUE(edit.ok()) << (edit.ok() ? "" : edit.error().message);
    model::Project copy = before;
    if (edit.ok()) {
      EXPECT_TRUE(model::apply(copy, edit.value()).ok());
    }
    return *copy.findSequence(ctl->currentSequence());
  }

  // Checks that the drag left exactly one undo step labelled `label` whose undo restores `before`.
  void expectOneUndoStep(const model::Project& before, std::size_t countBefore, const std::string& label) {
    EXPECT_EQ(ctl->undoStack().undoCount(), countBefore + 1);
    EXPECT_EQ(ctl->undoStack().undoLabel(), label);
    ASSERT_TRUE(ctl->undo());
    EXPECT_TRUE(*ctl->sequence() == *before.findSequence(ctl->currentSequence()));
    EXPECT_EQ(ctl->undoStack().undoCount(), countBefore);
  }

  static inline fs::path s_dir;
  static inline std::vector<fs::path> s_files;
  std::unique_ptr<ProjectController> ctl;
  std::unique_ptr<TestHost> host;
  std::unique_ptr<QSignalSpy> failures;
};

}  // namespace postline::ui::testing
