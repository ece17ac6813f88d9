#include "ui/timeline/timeline_paint.h"

#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <vector>

#include "core/time/timecode.h"
#include "ui/timeline/timeline_clip_paint.h"

namespace postline::ui {

namespace {

using G = TimelineGeometry;

const QColor kBackground(0x1b, 0x1c, 0x1f);
const QColor kRowVideo(0x24, 0x26, 0x2b);
const QColor kRowAudio(0x22, 0x25, 0x24);
const QColor kRulerBg(0x2a, 0x2c, 0x31);
const QColor kHeaderBg(0x2e, 0x30, 0x35);
const QColor kText(0xdd, 0xdd, 0xdd);
const QColor kDimText(0x9a, 0x9c, 0xa2);
const QColor kPlayhead(0xff, 0x4b, 0x3e);
const QColor kTarget(0xf0, 0xa0, 0x30);

QColor markerColor(const std::string& name) {
  if (name == "red") return QColor(0xe0, 0x50, 0x50);
  if (name == "green") return QColor(0x50, 0xc0, 0x70);
  if (name == "yellow") return QColor(0xe0, 0xc0, 0x40);
  if (name == "purple") return QColor(0xa0, 0x70, 0xe0);
  return QColor(0x50, 0x90, 0xe8);
}

// Ruler tick interval (frames) giving labels at least 90 px apart, and its minor subdivision. Below a
// second the steps divide the second (24 fps: 1, 2, 3, 4, 6, 8, 12 frames), so labels fall on round frames.
std::pair<std::int64_t, std::int64_t> rulerStep(double ppf, double fps) {
  const std::int64_t f = std::max<std::int64_t>(1, std::llround(fps));
  std::vector<std::int64_t> steps;
  for (std::int64_t d = 1; d < f; ++d) {
    if (f % d == 0) steps.push_back(d);
  }
  for (std::int64_t s : {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200, 36000}) steps.push_back(s * f);
  std::int64_t major = steps.back();
  for (std::int64_t s : steps) {
    if (static_cast<double>(s) * ppf < 90.0) continue;
    major = s;
    break;
  }
  std::int64_t minor = major;
  for (std::int64_t div : {10, 6, 5, 4, 3, 2}) {
    if (major % div == 0 && static_cast<double>(major / div) * ppf >= 8.0) {
      minor = major / div;
      break;
    }
  }
  return {major, minor};
}

void paintRows(QPainter& p, const TimelinePaintInput& in, int clipW) {
  for (const TrackRow& r : in.geo->rows()) {
    p.fillRect(QRect(0, r.top, clipW, r.height), r.video ? kRowVideo : kRowAudio);
    p.fillRect(QRect(0, r.top + r.height - 1, clipW, 1), kBackground);
  }
}

void paintInOutBand(QPainter& p, const TimelinePaintInput& in, int clipW, int top, int height) {
  if (!in.in && !in.out) return;
  const double x0 = in.in ? in.geo->xOfFrame(*in.in) : 0.0;
  const double x1 = in.out ? in.geo->xOfFrame(*in.out + time::FrameCount{1}) : clipW;
  p.fillRect(QRectF(x0, top, x1 - x0, height), QColor(0x80, 0x90, 0xb0, 40));
}

void paintRuler(QPainter& p, const TimelinePaintInput& in, int clipW) {
  const G& g = *in.geo;
  p.fillRect(QRect(0, 0, clipW, G::kRulerHeight), kRulerBg);
  paintInOutBand(p, in, clipW, 0, G::kRulerHeight);
  const auto& rate = in.seq->settings.frameRate;
  const auto [major, minor] = rulerStep(g.pixelsPerFrame(), rate.fps().toDouble());
  const std::int64_t first = static_cast<std::int64_t>(g.firstVisibleFrame()) / minor * minor;
  const std::int64_t last = g.frameAtX(clipW).value + 1;
  p.setFont(QFont(p.font().family(), 8));
  for (std::int64_t f = first; f <= last; f += minor) {
    const int x = static_cast<int>(std::floor(g.xOfFrame(time::FramePos{f})));
    const bool isMajor = f % major == 0;
    p.fillRect(QRect(x, G::kRulerHeight - (isMajor ? 12 : 5), 1, isMajor ? 12 : 5), isMajor ? kDimText : QColor(0x60, 0x62, 0x68));
    if (!isMajor) continue;
    p.setPen(kDimText);
    p.drawText(QPoint(x + 3, 11), QString::fromStdString(time::formatTimecode(time::FramePos{f}, rate)));
  }
  for (const model::Marker& m : in.seq->markers) {
    const double x = g.xOfFrame(m.position);
    if (x < -200 || x > clipW) continue;
    const QColor c = markerColor(m.color);
    if (m.duration.value > 0) {
      p.fillRect(QRectF(x, G::kRulerHeight - 5, g.xOfFrame(m.position + m.duration) - x, 4), c.darker(130));
    }
    QPainterPath tag;
    tag.addPolygon(QPolygonF({QPointF(x - 5, 13), QPointF(x + 5, 13), QPointF(x + 5, 20), QPointF(x, 25), QPointF(x - 5, 20)}));
    p.fillPath(tag, c);
    p.setPen(kText);
    if (!m.name.empty()) p.drawText(QPointF(x + 8, 23), QString::fromStdString(m.name));
  }
  p.fillRect(QRect(0, G::kRulerHeight - 1, clipW, 1), kBackground);
}

void paintTransitions(QPainter& p, const TimelinePaintInput& in, int clipW) {
  for (const model::Transition& t : in.seq->transitions) {
    const TrackRow* r = in.geo->row(t.track);
    const model::Track* track = in.seq->findTrack(t.track);
    const model::Clip* left = track ? model::findClipOnTrack(*track, t.left) : nullptr;
    if (!r || !left) continue;
    const time::FrameRange range = model::transitionRange(t, left->end());
    const double x0 = in.geo->xOfFrame(range.start), x1 = in.geo->xOfFrame(range.end);
    if (x1 < 0 || x0 > clipW) continue;
    const QRectF box(x0, r->top + r->height * 2 / 3, std::max(3.0, x1 - x0), r->height - r->height * 2 / 3 - 2);
    p.setPen(QPen(QColor(0xf0, 0xf0, 0xf0), 1));
    p.setBrush(QColor(0x50, 0x54, 0x5c, 220));
    p.drawRect(box);
    p.drawLine(box.bottomLeft(), box.topRight());
  }
}

void paintPlayhead(QPainter& p, const TimelinePaintInput& in, int clipH) {
  const double x = std::floor(in.geo->xOfFrame(in.playhead));
  p.fillRect(QRectF(x, G::kRulerHeight, 1, clipH), kPlayhead);
  QPainterPath head;
  head.addPolygon(QPolygonF({QPointF(x - 6, 12), QPointF(x + 7, 12), QPointF(x + 7, 20), QPointF(x + 0.5, G::kRulerHeight),
                             QPointF(x - 6, 20)}));
  p.fillPath(head, kPlayhead);
  p.fillRect(QRectF(x, 0, 1, G::kRulerHeight), kPlayhead);
}

void paintButton(QPainter& p, const QRect& r, const QString& label, bool on, QColor onColor) {
  p.setPen(on ? onColor.darker(150) : QColor(0x50, 0x53, 0x5a));
  p.setBrush(on ? onColor : QColor(0x3a, 0x3d, 0x44));
  p.drawRoundedRect(QRectF(r).adjusted(0.5, 0.5, -0.5, -0.5), 3, 3);
  p.setPen(on ? QColor(0x10, 0x10, 0x10) : kDimText);
  p.drawText(r, Qt::AlignCenter, label);
}

void paintHeader(QPainter& p, const TimelinePaintInput& in, const TrackRow& r) {
  const model::Track& t = in.seq->tracks[static_cast<std::size_t>(r.index)];
  const QRect box(0, r.top, G::kHeaderWidth, r.height);
  p.fillRect(box, r.id == in.hoverTrack ? kHeaderBg.lighter(125) : kHeaderBg);
  p.fillRect(QRect(0, r.top, 3, r.height - 1), clipColor(r.video, false));
  p.fillRect(QRect(0, r.top + r.height - 1, G::kHeaderWidth, 1), kBackground);
  p.setPen(kText);
  QFont f = p.font();
  f.setPointSize(9);
  f.setBold(true);
  p.setFont(f);
  p.drawText(QRect(10, r.top + 4, G::kHeaderWidth - 14, 16), Qt::AlignLeft | Qt::AlignVCenter, trackLabel(t));
  f.setBold(false);
  f.setPointSize(8);
  p.setFont(f);
  const bool targeted = in.targets.count(t.id) > 0;
  paintButton(p, headerButtonRect(r, HeaderButton::Target), r.video ? "V" : "A", targeted, kTarget);
  paintButton(p, headerButtonRect(r, HeaderButton::Mute), "M", t.muted, QColor(0xe0, 0x60, 0x50));
  if (!r.video) paintButton(p, headerButtonRect(r, HeaderButton::Solo), "S", t.solo, QColor(0xe8, 0xc8, 0x40));
  paintButton(p, headerButtonRect(r, HeaderButton::Lock), "L", t.locked, QColor(0x90, 0x98, 0xa8));
}

void paintHeaders(QPainter& p, const TimelinePaintInput& in) {
  p.fillRect(QRect(0, 0, G::kHeaderWidth, in.viewport.height()), kHeaderBg.darker(115));
  p.save();
  p.setClipRect(QRect(0, G::kRulerHeight, G::kHeaderWidth, in.viewport.height()));
  for (const TrackRow& r : in.geo->rows()) {
    if (r.top + r.height < G::kRulerHeight || r.top > in.viewport.height()) continue;
    paintHeader(p, in, r);
  }
  p.restore();
  p.fillRect(QRect(0, 0, G::kHeaderWidth, G::kRulerHeight), kRulerBg);
  p.setPen(kText);
  p.setFont(QFont(p.font().family(), 9, QFont::Bold));
  const QString tc = QString::fromStdString(time::formatTimecode(in.playhead, in.seq->settings.frameRate));
  p.drawText(QRect(8, 0, G::kHeaderWidth - 10, G::kRulerHeight), Qt::AlignVCenter | Qt::AlignLeft, tc);
  p.fillRect(QRect(G::kHeaderWidth - 1, 0, 1, in.viewport.height()), kBackground);
}

}  // namespace

QColor clipColor(bool video, bool selected) {
  const QColor base = video ? QColor(0x3c, 0x6e, 0xb4) : QColor(0x34, 0x8a, 0x5c);
  return selected ? base.lighter(140) : base;
}

QString roleLabel(model::AudioRole role) {
  const QString name = QString::fromUtf8(model::audioRoleName(role));
  return role == model::AudioRole::Sfx ? name.toUpper() : name.left(1).toUpper() + name.mid(1);
}

QString trackLabel(const model::Track& track) {
  QString label = QString::fromStdString(track.name);
  if (track.kind == model::TrackKind::Audio && track.role != model::AudioRole::None) {
    const QString role = roleLabel(track.role);
    if (!label.contains(role, Qt::CaseInsensitive)) label += " " + role;
  }
  return label;
}

QRect headerButtonRect(const TrackRow& row, HeaderButton button) {
  const int size = 18, gap = 4, y = row.top + row.height - size - 6;
  int slot = 0;
  switch (button) {
    case HeaderButton::Target: slot = 0; break;
    case HeaderButton::Mute: slot = 1; break;
    case HeaderButton::Solo: slot = 2; break;
    case HeaderButton::Lock: slot = 3; break;
  }
  return QRect(10 + slot * (size + gap), y, size, size);
}

std::optional<HeaderButton> headerButtonAt(const TrackRow& row, QPoint p) {
  for (HeaderButton b : {HeaderButton::Target, HeaderButton::Mute, HeaderButton::Solo, HeaderButton::Lock}) {
    if (b == HeaderButton::Solo && row.video) continue;
    if (headerButtonRect(row, b).contains(p)) return b;
  }
  return std::nullopt;
}

void paintTimeline(QPainter& p, const TimelinePaintInput& in) {
  p.fillRect(QRect(QPoint(0, 0), in.viewport), kBackground);
  if (!in.seq || !in.geo) return;
  const int clipW = std::max(0, in.viewport.width() - G::kHeaderWidth);
  const int clipH = std::max(0, in.viewport.height() - G::kRulerHeight);
  p.save();
  p.translate(G::kHeaderWidth, 0);
  p.setClipRect(QRect(0, G::kRulerHeight, clipW, clipH));
  paintRows(p, in, clipW);
  paintInOutBand(p, in, clipW, G::kRulerHeight, clipH);
  paintClips(p, in, clipW);
  paintTransitions(p, in, clipW);
  p.setClipRect(QRect(0, 0, clipW, in.viewport.height()));
  paintRuler(p, in, clipW);
  paintPlayhead(p, in, clipH);
  p.restore();
  paintHeaders(p, in);
}

}  // namespace postline::ui
