#include "ui/timeline/clip_audio_drag.h"

#include <QFontMetrics>
#include <QPainter>
#include <algorithm>
#include <cmath>

#include "core/edit/clip_audio.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/clip_audio_overlay.h"

namespace postline::ui {

using Handle = TimelineHit::AudioHandle;

namespace {

QString dbText(double db) {
  if (db <= kGainLineFloorDb) return QStringLiteral("-inf dB");
  return QString::asprintf("%+.1f dB", db);
}

QString fadeText(const char* name, time::FrameCount n, double fps) {
  return QString::asprintf("%s %lld fr (%.2f s)", name, static_cast<long long>(n.value), static_cast<double>(n.value) / fps);
}

}  // namespace

Qt::CursorShape ClipAudioDrag::cursor(Handle handle) {
  switch (handle) {
    case Handle::Gain: return Qt::SizeVerCursor;
    case Handle::FadeIn:
    case Handle::FadeOut: return Qt::SizeHorCursor;
    case Handle::None: break;
  }
  return Qt::ArrowCursor;
}

const model::Clip* ClipAudioDrag::clip() const {
  const model::Sequence* seq = m_host.controller().sequence();
  return seq ? seq->findClip(m_clip) : nullptr;
}

bool ClipAudioDrag::begin(const ToolInput& in) {
  m_handle = in.hit.audio;
  m_clip = in.hit.clip;
  m_track = in.hit.track;
  const model::Sequence* seq = m_host.controller().sequence();
  const TrackRow* row = m_host.geometry().row(in.hit.track);
  const model::Clip* c = clip();
  if (m_handle == Handle::None || !seq || !row || !c) return false;
  m_host.controller().closeGesture();
  const ClipAudioLayout l = clipAudioLayout(m_host.geometry(), *row, *c);
  m_press = m_mouse = in.pos;
  m_grab = m_handle == Handle::Gain ? l.gainY : in.pos.x() - (m_handle == Handle::FadeIn ? l.fadeInX : l.fadeOutX);
  m_any = false;
  const double fps = seq->settings.frameRate.fps().toDouble();
  if (m_handle == Handle::Gain) m_label = dbText(c->audio.gainDb);
  else if (m_handle == Handle::FadeIn) m_label = fadeText("Fade in", c->audio.fadeIn, fps);
  else m_label = fadeText("Fade out", c->audio.fadeOut, fps);
  return true;
}

void ClipAudioDrag::update(const ToolInput& in) {
  m_mouse = in.pos;
  const model::Clip* c = clip();
  if (!c) return;
  if (m_handle == Handle::Gain) updateGain(in, *c);
  else updateFade(in, *c);
  m_host.requestRepaint();
}

void ClipAudioDrag::updateGain(const ToolInput& in, const model::Clip& c) {
  const TrackRow* row = m_host.geometry().row(m_track);
  if (!row || in.pos.y() == m_press.y()) return;
  const QRect r = m_host.geometry().clipRect(*row, c);
  double db = gainAtY(r, m_grab + (in.pos.y() - m_press.y()));
  db = std::clamp(std::round(db * 10.0) / 10.0, kGainLineFloorDb, kGainLineTopDb);
  m_label = dbText(db);
  if (db == c.audio.gainDb) return;
  ProjectController& ctl = m_host.controller();
  if (ctl.apply(edit::setClipGain(ctl.project(), ctl.currentSequence(), m_clip, db), "Clip Gain", kClipGainMergeKey)) {
    m_any = true;
  }
}

void ClipAudioDrag::updateFade(const ToolInput& in, const model::Clip& c) {
  const TimelineGeometry& g = m_host.geometry();
  const bool fadeIn = m_handle == Handle::FadeIn;
  const double x = in.pos.x() - m_grab;
  const double frames = fadeIn ? (x - g.xOfFrame(c.start)) / g.pixelsPerFrame() : (g.xOfFrame(c.end()) - x) / g.pixelsPerFrame();
  const time::FrameCount want = edit::clampFade(c, fadeIn, time::FrameCount{static_cast<std::int64_t>(std::lround(frames))});
  const double fps = m_host.controller().sequence()->settings.frameRate.fps().toDouble();
  m_label = fadeText(fadeIn ? "Fade in" : "Fade out", want, fps);
  if (want == (fadeIn ? c.audio.fadeIn : c.audio.fadeOut)) return;
  ProjectController& ctl = m_host.controller();
  const time::FrameCount in0 = fadeIn ? want : c.audio.fadeIn, out0 = fadeIn ? c.audio.fadeOut : want;
  if (ctl.apply(edit::setClipFades(ctl.project(), ctl.currentSequence(), m_clip, in0, out0), fadeIn ? "Fade In" : "Fade Out",
                kClipFadeMergeKey)) {
    m_any = true;
  }
}

void ClipAudioDrag::finish() {
  m_host.controller().closeGesture();
  m_handle = Handle::None;
}

void ClipAudioDrag::cancel() {
  ProjectController& ctl = m_host.controller();
  ctl.closeGesture();
  if (m_any) ctl.undo();
  m_any = false;
  m_handle = Handle::None;
}

void ClipAudioDrag::paintOverlay(QPainter& p) const {
  if (m_handle == Handle::None || m_label.isEmpty()) return;
  QFont f = p.font();
  f.setPointSize(9);
  f.setBold(true);
  p.setFont(f);
  const QFontMetrics fm(f);
  const QRect box(m_mouse.x() + 14, m_mouse.y() - 22, fm.horizontalAdvance(m_label) + 12, fm.height() + 6);
  p.setPen(QPen(QColor(0x10, 0x12, 0x16), 1));
  p.setBrush(QColor(0x20, 0x24, 0x2c, 235));
  p.drawRoundedRect(box, 3, 3);
  p.setPen(m_handle == Handle::Gain ? kGainLineColor : kFadeHandleColor);
  p.drawText(box, Qt::AlignCenter, m_label);
}

}  // namespace postline::ui
