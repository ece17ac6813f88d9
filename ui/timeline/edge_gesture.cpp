#include "ui/timeline/edge_gesture.h"

#include <QApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QPalette>
#include <cmath>
#include <cstdlib>

#include "core/time/timecode.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

using time::FrameCount;

// --- EdgeGesture ---------------------------------------------------------------------------------

void EdgeGesture::begin(DeltaEdit edit, const QString& label, const QString& mergeKey) {
  m_ctl.closeGesture();
  m_origin = m_ctl.snapshot();
  m_edit = std::move(edit);
  m_label = label;
  m_mergeKey = mergeKey;
  m_applied = FrameCount{0};
  m_wanted = FrameCount{0};
  m_maxUp.reset();
  m_maxDown.reset();
}

bool EdgeGesture::accepts(FrameCount delta) const {
  if (delta.value == 0) return true;
  const model::Project& origin = *m_origin;
  return m_edit(origin, delta).ok();
}

// The largest |delta| <= |wanted| (same sign) that the edit accepts from the start state. The accepted
// deltas of a trim-family edit form one interval around 0, so a binary search finds its end; each
// direction's end is searched once per gesture.
FrameCount EdgeGesture::clamp(FrameCount wanted) {
  if (wanted.value == 0) return wanted;
  std::optional<FrameCount>& limit = wanted.value > 0 ? m_maxUp : m_maxDown;
  const bool up = wanted.value > 0;
  if (limit) return up ? std::min(wanted, *limit) : std::max(wanted, *limit);
  if (accepts(wanted)) return wanted;
  std::int64_t good = 0, bad = wanted.value;  // accepted / refused, same sign
  while (std::llabs(bad - good) > 1) {
    const std::int64_t mid = good + (bad - good) / 2;
    (accepts(FrameCount{mid}) ? good : bad) = mid;
  }
  limit = FrameCount{good};
  return *limit;
}

bool EdgeGesture::ownsTop() const {
  return m_applied.value == 0 || m_ctl.undoStack().undoCount() == m_undoCount;
}

bool EdgeGesture::update(FrameCount wanted) {
  if (!active() || !ownsTop()) return false;  // another command landed on top: leave it alone
  m_wanted = wanted;
  const FrameCount target = clamp(wanted);
  if (target == m_applied) return false;
  if (m_applied.value != 0) {
    if (!m_ctl.undo()) return false;
    m_applied = FrameCount{0};
  }
  if (target.value == 0) return true;
  if (!m_ctl.apply(m_edit(m_ctl.project(), target), m_label, m_mergeKey)) return true;
  m_applied = target;
  m_undoCount = m_ctl.undoStack().undoCount();
  return true;
}

void EdgeGesture::finish() {
  if (!active()) return;
  if (m_applied.value == 0 && m_wanted.value != 0 && ownsTop()) {
    auto refused = m_edit(m_ctl.project(), m_wanted);  // the project is the start state: nothing applied
    if (!refused.ok()) m_ctl.apply(std::move(refused), m_label);
  }
  m_ctl.closeGesture();
  m_origin.reset();
  m_edit = nullptr;
}

void EdgeGesture::cancel() {
  if (!active()) return;
  if (m_applied.value != 0 && ownsTop()) m_ctl.undo();
  m_applied = FrameCount{0};
  m_wanted = FrameCount{0};
  finish();
}

std::set<model::ClipId> withLinkedClips(const model::Sequence& seq, const std::set<model::ClipId>& ids) {
  std::set<std::uint64_t> groups;
  for (model::ClipId id : ids) {
    if (const model::Clip* c = seq.findClip(id); c && c->linkGroup != 0) groups.insert(c->linkGroup);
  }
  std::set<model::ClipId> out = ids;
  if (groups.empty()) return out;
  for (const model::Track& t : seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (c.linkGroup != 0 && groups.count(c.linkGroup)) out.insert(c.id);
    }
  }
  return out;
}

// --- EdgeToolBase --------------------------------------------------------------------------------

bool EdgeToolBase::press(const ToolInput& in) {
  if (m_active) cancel();
  DeltaEdit edit;
  QString label, key;
  if (!start(in, edit, label, key)) return false;
  m_gesture.begin(std::move(edit), label, key);
  m_active = true;
  m_pressX = in.pos.x();
  m_lastPos = in.pos;
  showPreview();
  host().requestRepaint();
  return true;
}

void EdgeToolBase::move(const ToolInput& in) {
  if (!m_active) return;
  m_lastPos = in.pos;
  if (m_gesture.update(wantedDelta(in.pos))) showPreview();
  host().requestRepaint();
}

void EdgeToolBase::release(const ToolInput& in) {
  if (!m_active) return;
  move(in);
  m_gesture.finish();
  m_active = false;
  host().setTrimPreview(-1, -1);
  reset();
  host().requestRepaint();
}

void EdgeToolBase::cancel() {
  if (!m_active) return;
  m_gesture.cancel();
  m_active = false;
  host().setTrimPreview(-1, -1);
  reset();
  host().requestRepaint();
}

void EdgeToolBase::showPreview() {
  const auto [left, right] = previewFrames();
  host().setTrimPreview(left, right);
}

void EdgeToolBase::paintOverlay(QPainter& painter) const {
  if (!m_active) return;
  const model::Sequence* seq = sequence();
  if (seq == nullptr) return;
  const QColor line = QApplication::palette().color(QPalette::Highlight).lighter(140);
  const int height = painter.device() != nullptr ? painter.device()->height() : 0;
  for (time::FramePos f : editPoints()) {
    const double x = std::floor(host().geometry().xOfFrame(f));
    painter.fillRect(QRectF(x - 1, TimelineGeometry::kRulerHeight, 2, height), line);
  }
  paintDelta(painter, *seq);
}

// The delta and the edit point's timecode in a box beside the mouse.
void EdgeToolBase::paintDelta(QPainter& painter, const model::Sequence& seq) const {
  const std::int64_t d = m_gesture.applied().value;
  const QString delta = d == 0 ? QStringLiteral("0") : QStringLiteral("%1%2").arg(d > 0 ? "+" : "").arg(d);
  const QString text =
      QStringLiteral("%1 %2   %3")
          .arg(delta, std::llabs(d) == 1 ? QStringLiteral("frame") : QStringLiteral("frames"),
               QString::fromStdString(time::formatTimecode(overlayFrame(), seq.settings.frameRate)));
  const QPalette pal = QApplication::palette();
  const QFontMetrics fm(painter.font());
  QRect box = fm.boundingRect(text).adjusted(-6, -3, 6, 3);
  box.moveTopLeft(m_lastPos + QPoint(14, 14));
  if (box.left() < 2) box.moveLeft(2);
  painter.save();
  painter.setRenderHint(QPainter::Antialiasing, true);
  QColor fill = pal.color(QPalette::Base);
  fill.setAlpha(235);
  painter.setPen(pal.color(QPalette::Highlight));
  painter.setBrush(fill);
  painter.drawRoundedRect(box, 4, 4);
  painter.setPen(pal.color(QPalette::Text));
  painter.drawText(box, Qt::AlignCenter, text);
  painter.restore();
}

const model::Sequence* EdgeToolBase::sequence() const { return m_ctl.sequence(); }

const model::Clip* EdgeToolBase::clip(model::ClipId id) const {
  const model::Sequence* seq = sequence();
  return seq != nullptr && id.valid() ? seq->findClip(id) : nullptr;
}

bool EdgeToolBase::trackLocked(model::TrackId track) const {
  const model::Sequence* seq = sequence();
  const model::Track* t = seq != nullptr ? seq->findTrack(track) : nullptr;
  return t == nullptr || t->locked;
}

time::FramePos EdgeToolBase::snapped(time::FramePos frame, const std::set<model::ClipId>& ids) const {
  const model::Sequence* seq = sequence();
  if (seq == nullptr) return frame;
  return host().snap(frame, withLinkedClips(*seq, ids));
}

}  // namespace postline::ui
