// TimelineView: mouse, keyboard, context menus, drag and drop, and the overlays they draw.
#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QInputDialog>
#include <QKeyEvent>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>
#include <cmath>

#include "core/edit/tracks.h"
#include "ui/controller/media_mime.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/select_tool.h"
#include "ui/timeline/timeline_paint.h"
#include "ui/timeline/timeline_view.h"

namespace postline::ui {

using G = TimelineGeometry;

ToolInput TimelineView::inputAt(QPoint pos, Qt::KeyboardModifiers mods) const {
  ToolInput in;
  in.pos = pos - QPoint(G::kHeaderWidth, 0);
  in.modifiers = mods;
  in.hit = hitAt(pos);
  return in;
}

void TimelineView::mousePressEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  if (event->button() != Qt::LeftButton || !m_ctl.sequence()) return QAbstractScrollArea::mousePressEvent(event);
  setFocus(Qt::MouseFocusReason);
  const ToolInput in = inputAt(pos, event->modifiers());
  if (in.hit.part == TimelineHit::Part::Ruler) {
    m_scrubbing = true;
    emit scrubbing(true);
    scrubTo(pos.x());
    return;
  }
  if (pos.x() < G::kHeaderWidth) {
    pressHeader(pos);
    return;
  }
  m_gesture = m_tool && m_tool->press(in);
  viewport()->update();
}

void TimelineView::mouseMoveEvent(QMouseEvent* event) {
  const QPoint pos = event->position().toPoint();
  m_hover = pos;
  if (m_scrubbing) {
    scrubTo(pos.x());
  } else if (m_gesture) {
    m_tool->move(inputAt(pos, event->modifiers()));
  } else {
    updateHoverCursor(pos, event->modifiers());
  }
  viewport()->update();
}

void TimelineView::mouseReleaseEvent(QMouseEvent* event) {
  if (event->button() != Qt::LeftButton) return QAbstractScrollArea::mouseReleaseEvent(event);
  if (m_scrubbing) {
    m_scrubbing = false;
    emit scrubbing(false);
  } else if (m_gesture) {
    m_gesture = false;
    m_tool->release(inputAt(event->position().toPoint(), event->modifiers()));
  }
  viewport()->update();
}

void TimelineView::scrubTo(int viewportX) {
  const double x = viewportX - G::kHeaderWidth;
  m_ctl.setPlayhead(m_geo.frameAtX(std::max(0.0, x)));
}

bool TimelineView::pressHeader(QPoint pos) {
  const TrackRow* row = m_geo.rowAtY(pos.y());
  const model::Track* t = row ? m_ctl.sequence()->findTrack(row->id) : nullptr;
  const auto button = row ? headerButtonAt(*row, pos) : std::nullopt;
  if (!t || !button) return false;
  const model::SequenceId seq = m_ctl.currentSequence();
  switch (*button) {
    case HeaderButton::Target: m_ctl.setTrackTargeted(t->id, !m_ctl.targetTracks().count(t->id)); break;
    case HeaderButton::Mute:
      m_ctl.apply(edit::setTrackFlag(m_ctl.project(), seq, t->id, edit::TrackFlag::Mute, !t->muted),
                  t->muted ? "Unmute Track" : "Mute Track");
      break;
    case HeaderButton::Solo:
      m_ctl.apply(edit::setTrackFlag(m_ctl.project(), seq, t->id, edit::TrackFlag::Solo, !t->solo),
                  t->solo ? "Unsolo Track" : "Solo Track");
      break;
    case HeaderButton::Lock:
      m_ctl.apply(edit::setTrackFlag(m_ctl.project(), seq, t->id, edit::TrackFlag::Lock, !t->locked),
                  t->locked ? "Unlock Track" : "Lock Track");
      break;
  }
  viewport()->update();
  return true;
}

void TimelineView::updateHoverCursor(QPoint pos, Qt::KeyboardModifiers mods) {
  if (pos.x() < G::kHeaderWidth || pos.y() < G::kRulerHeight) {
    const TrackRow* row = m_geo.rowAtY(pos.y());
    const bool onButton = row && pos.x() < G::kHeaderWidth && headerButtonAt(*row, pos);
    viewport()->setCursor(onButton ? Qt::PointingHandCursor : Qt::ArrowCursor);
    return;
  }
  viewport()->setCursor(m_tool ? m_tool->cursor(hitAt(pos), mods) : Qt::ArrowCursor);
}

void TimelineView::wheelEvent(QWheelEvent* event) {
  if (!(event->modifiers() & Qt::ControlModifier)) return QAbstractScrollArea::wheelEvent(event);
  const double steps = event->angleDelta().y() / 120.0;
  const double anchor = event->position().x() - G::kHeaderWidth;
  setZoom(m_geo.pixelsPerFrame() * std::pow(2.0, steps * 0.5), std::max(0.0, anchor));
  event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent* event) {
  if (event->key() == Qt::Key_Escape && (m_gesture || m_scrubbing)) {
    if (m_gesture) m_tool->cancel();
    m_gesture = false;
    if (m_scrubbing) emit scrubbing(false);
    m_scrubbing = false;
    viewport()->update();
    event->accept();
    return;
  }
  QAbstractScrollArea::keyPressEvent(event);
}

void TimelineView::leaveEvent(QEvent* event) {
  m_hover.reset();
  viewport()->update();
  QAbstractScrollArea::leaveEvent(event);
}

void TimelineView::addTrack(bool video, int role) {
  const auto kind = video ? model::TrackKind::Video : model::TrackKind::Audio;
  m_ctl.apply(edit::addTrack(m_ctl.project(), m_ctl.currentSequence(), kind, static_cast<model::AudioRole>(role)),
              video ? "Add Video Track" : "Add Audio Track");
}

void TimelineView::headerMenu(QMenu& menu, const TimelineHit& hit) {
  int videoTracks = 0;
  for (const model::Track& t : m_ctl.sequence()->tracks) videoTracks += t.kind == model::TrackKind::Video;
  menu.addAction(QString("Add Video Track (V%1)").arg(videoTracks + 1), this, [this] { addTrack(true, 0); });
  QMenu* audio = menu.addMenu("Add Audio Track");
  for (auto role : {model::AudioRole::Dialogue, model::AudioRole::Sfx, model::AudioRole::Foley, model::AudioRole::Music,
                    model::AudioRole::Ambient}) {
    audio->addAction(roleLabel(role), this, [this, role] { addTrack(false, static_cast<int>(role)); });
  }
  const model::Track* t = m_ctl.sequence()->findTrack(hit.track);
  if (!t) return;
  menu.addSeparator();
  const model::TrackId id = t->id;
  menu.addAction("Rename Track…", this, [this, id, name = QString::fromStdString(t->name)] {
    bool ok = false;
    const QString text = QInputDialog::getText(this, "Rename Track", "Name:", QLineEdit::Normal, name, &ok);
    if (ok) m_ctl.apply(edit::renameTrack(m_ctl.project(), m_ctl.currentSequence(), id, text.toStdString()), "Rename Track");
  });
}

void TimelineView::contextMenuEvent(QContextMenuEvent* event) {
  if (m_gesture || !m_ctl.sequence()) return;
  const TimelineHit hit = hitAt(event->pos());
  QMenu menu(this);
  if (hit.part == TimelineHit::Part::Header || hit.part == TimelineHit::Part::None) {
    headerMenu(menu, hit);
  } else if (hit.clip.valid()) {
    const auto& sel = m_ctl.selection();
    if (std::find(sel.begin(), sel.end(), hit.clip) == sel.end()) m_ctl.setSelection({hit.clip});
    if (m_menuProvider) m_menuProvider(menu, hit);
  }
  if (!menu.isEmpty()) menu.exec(event->globalPos());
}

bool TimelineView::planDrop(const QMimeData* mime, QPoint pos, Qt::KeyboardModifiers mods) {
  m_ghosts.clear();
  m_dropTargets.clear();
  const model::Sequence* seq = m_ctl.sequence();
  const std::vector<model::MediaId> media = mediaFromMime(mime);
  if (!seq || media.empty()) return false;
  const TimelineHit hit = hitAt(pos);
  const double x = std::max(0.0, static_cast<double>(pos.x() - G::kHeaderWidth));
  m_dropFrame = snap(m_geo.frameAtX(x), {});
  m_dropInsert = mods & Qt::ControlModifier;
  m_dropTargets = dropTargets(m_ctl.project(), *seq, m_ctl.targetTracks(), media, hit.track);
  m_ghosts = ui::dropGhosts(m_ctl.project(), *seq, m_dropTargets, m_dropFrame);
  viewport()->update();
  return !m_dropTargets.empty();
}

void TimelineView::dragEnterEvent(QDragEnterEvent* event) {
  if (planDrop(event->mimeData(), event->position().toPoint(), event->modifiers())) {
    event->setDropAction(Qt::CopyAction);
    event->accept();
  } else {
    event->ignore();
  }
}

void TimelineView::dragMoveEvent(QDragMoveEvent* event) {
  if (planDrop(event->mimeData(), event->position().toPoint(), event->modifiers())) {
    event->setDropAction(Qt::CopyAction);
    event->accept();
  } else {
    event->ignore();
  }
}

void TimelineView::dragLeaveEvent(QDragLeaveEvent*) {
  m_ghosts.clear();
  m_dropTargets.clear();
  viewport()->update();
}

void TimelineView::dropEvent(QDropEvent* event) {
  if (!planDrop(event->mimeData(), event->position().toPoint(), event->modifiers())) return event->ignore();
  const bool insert = m_dropInsert;
  auto changes = dropChanges(m_ctl.project(), m_ctl.currentSequence(), m_dropTargets, m_dropFrame, insert);
  m_ghosts.clear();
  m_dropTargets.clear();
  m_ctl.apply(std::move(changes), insert ? "Insert" : "Overwrite");
  event->setDropAction(Qt::CopyAction);
  event->accept();
  setFocus(Qt::OtherFocusReason);
  viewport()->update();
}

void TimelineView::paintGhosts(QPainter& p) {
  const QColor c = m_dropInsert ? QColor(0xf0, 0xc8, 0x40) : QColor(0xe8, 0xe8, 0xe8);
  p.setFont(QFont(p.font().family(), 8, QFont::Bold));
  for (const DropGhost& g : m_ghosts) {
    const TrackRow* r = m_geo.row(g.track);
    if (!r) continue;
    const double x0 = m_geo.xOfFrame(g.start), x1 = m_geo.xOfFrame(g.start + g.duration);
    const QRectF box(x0, r->top + 1, std::max(2.0, x1 - x0), r->height - 2);
    p.setPen(QPen(c, 1, Qt::DashLine));
    p.setBrush(QColor(c.red(), c.green(), c.blue(), 60));
    p.drawRect(box);
    p.setPen(c);
    p.drawText(box.adjusted(5, 2, -2, -2), Qt::AlignLeft | Qt::AlignTop, (m_dropInsert ? "Insert: " : "Overwrite: ") + g.name);
  }
  if (m_dropInsert && !m_ghosts.empty()) {  // the insert point, across all tracks
    const double x = std::floor(m_geo.xOfFrame(m_dropFrame));
    p.fillRect(QRectF(x - 1, G::kRulerHeight, 3, viewport()->height()), c);
  }
}

void TimelineView::paintOverlays(QPainter& p) {
  p.save();
  p.translate(G::kHeaderWidth, 0);
  p.setClipRect(QRect(0, G::kRulerHeight, clipAreaWidth(), viewport()->height()));
  if (m_tool && m_gesture) m_tool->paintOverlay(p);
  if (m_toolKind == ToolKind::Blade && m_hover && !m_gesture && m_hover->x() >= G::kHeaderWidth &&
      m_hover->y() >= G::kRulerHeight) {
    const double x = std::floor(m_geo.xOfFrame(bladeFrame(*this, hitAt(*m_hover))));
    p.fillRect(QRectF(x, G::kRulerHeight, 1, viewport()->height()), QColor(0xff, 0xff, 0xff, 200));
  }
  paintGhosts(p);
  p.restore();
}

}  // namespace postline::ui
