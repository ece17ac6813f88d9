#pragma once
// Shared by the Color page tests: grey generated clips assembled on V1 of a small sequence, a
// page shown under Xvfb, and waits for the viewer frame and the scopes of the newest render.
#include <QApplication>
#include <QImage>
#include <QTest>
#include <cmath>
#include <memory>

#include "../ui_fixtures.h"
#include "core/edit/assembly.h"
#include "core/media/ffmpeg/media_writer.h"
#include "ui/color/color_page.h"
#include "ui/scopes/scope_math.h"
#include "ui/controller/project_controller.h"
#include "ui/scopes/scopes_panel.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui::testing {

// Writes `count` clips of flat colour (shade i: mid grey, then slightly different greys) and
// assembles them on V1 of a `w` x `h` sequence.
inline std::vector<model::MediaId> assembleFlatClips(ProjectController& ctl, const std::string& name, int count,
                                                     int frames = 24, int w = 320, int h = 180) {
  const fs::path dir = freshDir(name);
  std::vector<fs::path> files;
  for (int i = 1; i <= count; ++i) {
    media::ffmpeg::VideoSpec spec;
    spec.width = w;
    spec.height = h;
    spec.frames = frames;
    spec.burnFrameNumbers = false;
    spec.audioTone = 400 + 40 * i;
    const std::uint8_t level = std::uint8_t(128 + 8 * (i - 1));
    const std::size_t bytes = std::size_t(w) * h * 3;
    spec.painter = [level, bytes](std::int64_t, std::vector<std::uint8_t>& rgb) { rgb.assign(bytes, level); };
    files.push_back(dir / ("Shot_0" + std::to_string(i) + "_Take_01.mp4"));
    auto r = media::ffmpeg::writeVideo(files.back(), spec);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  }
  const auto ids = importFiles(ctl, files);
  model::SequenceSettings after = ctl.sequence()->settings;
  after.width = w;
  after.height = h;
  model::ChangeSet cs;
  cs.add(model::SequenceSettingsChanged{ctl.currentSequence(), ctl.sequence()->settings, after});
  EXPECT_TRUE(ctl.apply(base::Result<model::ChangeSet>(cs), "Sequence Settings"));
  EXPECT_TRUE(ctl.apply(edit::assemblyEdit(ctl.project(), ctl.currentSequence(), ids, firstTrack(ctl, model::TrackKind::Video),
                                           firstTrack(ctl, model::TrackKind::Audio)),
                        "Assembly Edit"));
  return ids;
}

// The video clips of V1 in order.
inline std::vector<model::ClipId> v1Clips(const ProjectController& ctl) {
  std::vector<model::ClipId> out;
  for (const model::Clip& c : ctl.sequence()->tracks[0].clips) out.push_back(c.id);
  return out;
}

inline const model::Clip& clipOf(const ProjectController& ctl, model::ClipId id) { return *ctl.sequence()->findClip(id); }

// True once the viewer shows a full frame of the newest render and the scopes were computed from it.
inline bool frameAndScopesCurrent(ColorPage& page) {
  ProgramViewer& v = page.viewer();
  const RenderedFrame& shown = v.widget().shown();
  const quint64 gen = v.renderService().generation();
  return !shown.image.isNull() && shown.generation == gen && !shown.draft && page.scopes().latest() &&
         page.scopes().latestGeneration() == gen;
}

inline bool waitCurrent(ColorPage& page, int ms = 20000) {
  return QTest::qWaitFor([&] { return frameAndScopesCurrent(page); }, ms);
}

// Mean R, G, B (0..255) of an image.
inline std::array<double, 3> meanRgb(const QImage& img) {
  std::array<double, 3> sum{};
  const QImage im = img.convertToFormat(QImage::Format_RGBA8888);
  for (int y = 0; y < im.height(); ++y) {
    const uchar* row = im.constScanLine(y);
    for (int x = 0; x < im.width(); ++x) {
      for (int c = 0; c < 3; ++c) sum[c] += row[x * 4 + c];
    }
  }
  const double n = double(im.width()) * im.height();
  return {sum[0] / n, sum[1] / n, sum[2] / n};
}

// A Color page over `ctl`, shown at a size where every part lays out.
inline std::unique_ptr<ColorPage> showPage(ProjectController& ctl) {
  auto page = std::make_unique<ColorPage>(ctl);
  page->resize(1500, 950);
  page->show();
  EXPECT_TRUE(QTest::qWaitForWindowExposed(page.get()));
  return page;
}

}  // namespace postline::ui::testing
