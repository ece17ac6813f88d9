#pragma once
// Helpers of the bins panel tests: extra fixture media and waiting for an import to finish.
#include <gtest/gtest.h>

#include <QAbstractItemModel>
#include <QTest>
#include <QTreeView>
#include <fstream>
#include <random>

#include "core/media/ffmpeg/media_writer.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/bins/bin_panel.h"
#include "ui/bins/media_table_model.h"

QT_BEGIN_NAMESPACE
// Readable QString in gtest failure messages.
inline void PrintTo(const QString& s, std::ostream* os) { *os << '"' << s.toStdString() << '"'; }
QT_END_NAMESPACE

namespace postline::ui::testing {

// A variable-frame-rate clip (frame gaps of 33 and 50 ms alternating) at `path`.
inline void writeVfrClip(const fs::path& path) {
  media::ffmpeg::VideoSpec spec;
  std::int64_t t = 0;
  for (int i = 0; i < 40; ++i) {
    spec.ptsMillis.push_back(t);
    t += (i % 2 == 0) ? 33 : 50;
  }
  auto r = media::ffmpeg::writeVideo(path, spec);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

// One clip named `name` at `fps` (48 frames, 320x180, a tone of `tone` Hz).
inline void writeClip(const fs::path& path, time::Rational fps, int tone = 500) {
  media::ffmpeg::VideoSpec spec;
  spec.fps = fps;
  spec.audioTone = tone;
  auto r = media::ffmpeg::writeVideo(path, spec);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

// A 1 s stereo WAV tone.
inline void writeWav(const fs::path& path) {
  media::ffmpeg::AudioSpec spec;
  spec.seconds = 1.0;
  auto r = media::ffmpeg::writeAudio(path, spec);
  ASSERT_TRUE(r.ok()) << r.error().message;
}

// 64 KiB of random bytes named like a video.
inline void writeCorrupt(const fs::path& path) {
  std::ofstream out(path, std::ios::binary);
  std::mt19937 rng(7);
  for (int i = 0; i < 65536; ++i) out.put(static_cast<char>(rng() & 0xFF));
}

// Imports `paths` through the panel and waits (without blocking the event loop) until it is applied.
inline bool importAndWait(BinPanel& panel, const QStringList& paths, int timeoutMs = 30000) {
  int finished = 0;
  auto c = QObject::connect(&panel, &BinPanel::importFinished, [&](int, int) { ++finished; });
  panel.importPaths(paths);
  const bool ok = QTest::qWaitFor([&] { return finished > 0 && !panel.importRunning(); }, timeoutMs);
  QObject::disconnect(c);
  return ok;
}

// The ids of the rows of `model` (top to bottom).
inline std::vector<model::MediaId> rowsOf(const QAbstractItemModel* model) {
  std::vector<model::MediaId> ids;
  for (int r = 0; r < model->rowCount(); ++r) {
    ids.push_back(model::MediaId{model->index(r, 0).data(MediaTableModel::MediaIdRole).toULongLong()});
  }
  return ids;
}

// Items of the standard bin `name`.
inline std::vector<model::MediaId> binItems(const ProjectController& ctl, const char* name) {
  return ctl.project().standardBin(name)->items;
}

// The display names of the rows of `model`.
inline QStringList namesOf(const QAbstractItemModel* model) {
  QStringList out;
  for (int r = 0; r < model->rowCount(); ++r) out << model->index(r, 0).data().toString();
  return out;
}

}  // namespace postline::ui::testing
