#include "ui/timeline/timeline_clip_paint.h"

#include <QVector>
#include <algorithm>
#include <cmath>

#include "ui/timeline/clip_audio_overlay.h"
#include "ui/timeline/timeline_summaries.h"

namespace postline::ui {

namespace {

using G = TimelineGeometry;

constexpr int kTitleHeight = 16;

// Seconds of the clip's media shown at `offset` timeline frames (fractional) into the clip.
struct SourceClock {
  double start = 0.0;     // seconds of sourceIn
  double perFrame = 0.0;  // source seconds per timeline frame (speed / sequence fps)
  double length = 0.0;    // source seconds the clip spans
  bool reverse = false;
  bool freeze = false;

  double at(double offset) const {
    if (freeze) return start;
    const double d = offset * perFrame;
    return reverse ? start + length - d : start + d;
  }
};

SourceClock clockOf(const model::Clip& c, const model::MediaItem& m, double seqFps) {
  SourceClock k;
  k.start = static_cast<double>(c.sourceIn) * m.info.timeBase.toDouble();
  k.perFrame = c.speed.toDouble() / seqFps;
  k.length = static_cast<double>(c.duration.value) * k.perFrame;
  k.reverse = c.reverse;
  k.freeze = c.freeze;
  return k;
}

void paintFilmstrip(QPainter& p, const Filmstrip& strip, const SourceClock& clock, double clipX0, double ppf,
                    const QRect& area, int clipW) {
  if (strip.images.empty() || strip.durationSeconds <= 0.0) return;
  const int tileW = std::max(8, strip.images.front().width());
  const int count = static_cast<int>(strip.images.size());
  const int firstTile = std::max(0, (-area.left()) / tileW);
  for (int x = area.left() + firstTile * tileW; x < area.right() && x < clipW; x += tileW) {
    const double offset = (x + tileW / 2.0 - clipX0) / ppf;
    const double sec = clock.at(offset);
    const int idx = std::clamp(static_cast<int>(sec / strip.durationSeconds * count), 0, count - 1);
    p.drawPixmap(QPoint(x, area.top()), strip.images[static_cast<std::size_t>(idx)]);
  }
}

void paintWaveform(QPainter& p, const media::Waveform& wave, const SourceClock& clock, double clipX0, double ppf,
                   const QRect& area, int clipW) {
  const double samplesPerPixel = std::max(1.0, clock.perFrame / ppf * time::kSampleRate);
  const media::WaveformLevel* level = wave.levelFor(samplesPerPixel);
  if (!level || level->left.empty()) return;
  const auto n = static_cast<std::int64_t>(level->left.size());
  const double spb = static_cast<double>(level->samplesPerBucket);
  const double mid = area.center().y() + 0.5, half = area.height() / 2.0;
  QVector<QLineF> lines;
  const int x0 = std::max(area.left(), 0), x1 = std::min(area.right(), clipW);
  lines.reserve(std::max(0, x1 - x0 + 1));
  for (int x = x0; x <= x1; ++x) {
    double s0 = clock.at((x - clipX0) / ppf) * time::kSampleRate / spb;
    double s1 = clock.at((x + 1 - clipX0) / ppf) * time::kSampleRate / spb;
    if (s1 < s0) std::swap(s0, s1);
    const std::int64_t b0 = std::clamp<std::int64_t>(static_cast<std::int64_t>(s0), 0, n - 1);
    const std::int64_t b1 = std::clamp<std::int64_t>(static_cast<std::int64_t>(std::ceil(s1)), b0 + 1, n);
    float lo = 0.0f, hi = 0.0f;
    for (std::int64_t b = b0; b < b1; ++b) {
      const auto i = static_cast<std::size_t>(b);
      lo = std::min({lo, level->left[i].min, level->right.empty() ? 0.0f : level->right[i].min});
      hi = std::max({hi, level->left[i].max, level->right.empty() ? 0.0f : level->right[i].max});
    }
    lines.push_back(QLineF(x + 0.5, mid - hi * half, x + 0.5, mid - lo * half + 1.0));
  }
  p.setPen(QPen(QColor(0xc8, 0xf0, 0xd4, 210), 1));
  p.drawLines(lines);
}

// Badge texts: speed, reverse, freeze, grade, clip gain.
QStringList badgesOf(const model::Clip& c) {
  QStringList b;
  if (c.speed != time::Rational(1)) b << QString::number(std::lround(c.speed.toDouble() * 100.0)) + "%";
  if (c.reverse) b << "REV";
  if (c.freeze) b << "FRZ";
  if (!c.grade.isIdentity()) b << "GRD";
  if (c.audio.gainDb != 0.0) b << QString::asprintf("%+.1f dB", c.audio.gainDb);
  return b;
}

// Paints badges right-aligned in the title bar; returns the x where they start.
int paintBadges(QPainter& p, const QStringList& badges, const QRect& title) {
  int right = title.right() - 2;
  const QFontMetrics fm(p.font());
  for (const QString& b : badges) {
    const int w = fm.horizontalAdvance(b) + 8;
    if (right - w < title.left() + 4) break;
    const QRect r(right - w, title.top() + 2, w, title.height() - 3);
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0x10, 0x12, 0x16, 190));
    p.drawRoundedRect(r, 3, 3);
    p.setPen(QColor(0xff, 0xd0, 0x70));
    p.drawText(r, Qt::AlignCenter, b);
    right -= w + 3;
  }
  return right;
}

struct ClipStyle {
  bool video = true;
  bool selected = false;
  bool offline = false;
  bool muted = false;
};

void paintBody(QPainter& p, const QRect& r, const ClipStyle& s, const model::Clip& c) {
  QColor fill = s.offline ? QColor(0x8a, 0x22, 0x22) : clipColor(s.video, s.selected);
  if (!c.enabled || s.muted) fill = fill.darker(170);
  p.fillRect(r, fill);
  if (s.offline) p.fillRect(r, QBrush(QColor(0xff, 0x70, 0x70, 150), Qt::BDiagPattern));
  if (r.width() < 3) return;
  p.setPen(fill.darker(s.selected ? 110 : 160));
  p.setBrush(Qt::NoBrush);
  p.drawRect(r.adjusted(0, 0, -1, -1));
}

void paintLabel(QPainter& p, const QRect& r, const ClipStyle& s, const model::Clip& c, int clipW) {
  const QRect title(r.left(), r.top(), r.width(), kTitleHeight);
  p.fillRect(title.adjusted(1, 1, -1, 0), QColor(0, 0, 0, s.selected ? 40 : 70));
  // Badges keep to the visible part of a clip wider than the view.
  const QRect shown = title.intersected(QRect(-4, title.top(), clipW + 8, title.height()));
  const int badgesLeft = paintBadges(p, badgesOf(c), shown);
  const int textLeft = std::max(title.left(), 0) + 5;
  const int textRight = std::min(badgesLeft, clipW);
  if (textRight - textLeft < 12) return;
  p.setPen(s.offline ? QColor(0xff, 0xe0, 0xe0) : QColor(0xf4, 0xf6, 0xf8));
  const QString name = QString::fromStdString(c.name) + (s.offline ? "  (offline)" : "");
  const QRect textRect(textLeft, title.top(), textRight - textLeft, title.height());
  p.drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter, p.fontMetrics().elidedText(name, Qt::ElideRight, textRect.width()));
}

void paintClip(QPainter& p, const TimelinePaintInput& in, const TrackRow& row, const model::Track& track,
               const model::Clip& c, int clipW) {
  const QRect r = in.geo->clipRect(row, c);
  const model::MediaItem* m = in.project->findMedia(c.media);
  ClipStyle s{row.video, in.selection.count(c.id) > 0, in.offline && in.offline->count(c.media) > 0, track.muted};
  paintBody(p, r, s, c);
  if (r.width() >= 24 && m && !s.offline && in.summaries && r.height() > kTitleHeight + 8) {
    const double fps = in.seq->settings.frameRate.fps().toDouble();
    const QRect area(r.left() + 1, r.top() + kTitleHeight, r.width() - 2, r.height() - kTitleHeight - 1);
    p.save();
    p.setClipRect(area, Qt::IntersectClip);
    const SourceClock clock = clockOf(c, *m, fps);
    const double x0 = in.geo->xOfFrame(c.start);
    if (row.video) {
      if (const Filmstrip* strip = in.summaries->filmstrip(*m)) paintFilmstrip(p, *strip, clock, x0, in.geo->pixelsPerFrame(), area, clipW);
    } else if (const media::Waveform* w = in.summaries->waveform(*m)) {
      paintWaveform(p, *w, clock, x0, in.geo->pixelsPerFrame(), area, clipW);
    }
    p.restore();
  }
  if (r.width() >= 16) paintLabel(p, r, s, c, clipW);
  if (!row.video) paintClipAudio(p, *in.geo, row, c, in.seq->settings.frameRate.fps().toDouble());
  if (s.selected) {
    p.setPen(QPen(QColor(0xff, 0xb8, 0x40), 2));
    p.setBrush(Qt::NoBrush);
    p.drawRect(QRectF(r).adjusted(1, 1, -1, -1));
  }
}

}  // namespace

void paintClips(QPainter& p, const TimelinePaintInput& in, int clipW) {
  QFont f = p.font();
  f.setPointSize(8);
  p.setFont(f);
  const time::FramePos firstFrame = in.geo->frameAtX(0);
  const time::FramePos lastFrame = in.geo->frameAtX(clipW);
  for (const TrackRow& row : in.geo->rows()) {
    if (row.top + row.height < G::kRulerHeight || row.top > in.viewport.height()) continue;
    const model::Track& track = in.seq->tracks[static_cast<std::size_t>(row.index)];
    std::size_t i = model::firstClipAtOrAfter(track, firstFrame);
    if (i > 0) --i;
    for (; i < track.clips.size() && track.clips[i].start <= lastFrame; ++i) {
      if (track.clips[i].end() <= firstFrame) continue;
      paintClip(p, in, row, track, track.clips[i], clipW);
    }
  }
}

}  // namespace postline::ui
