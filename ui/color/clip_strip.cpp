#include "ui/color/clip_strip.h"

#include <QContextMenuEvent>
#include <QMenu>
#include <QPainter>
#include <algorithm>

#include "ui/bins/thumbnail_cache.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {
constexpr int kThumbW = 128, kThumbH = 72;

struct StripClip {
  const model::Clip* clip;
  int track;
};

// The sequence's video clips in timeline order.
std::vector<StripClip> videoClips(const model::Sequence& seq) {
  std::vector<StripClip> out;
  for (std::size_t t = 0; t < seq.tracks.size(); ++t) {
    if (seq.tracks[t].kind != model::TrackKind::Video) continue;
    for (const model::Clip& c : seq.tracks[t].clips) out.push_back({&c, int(t)});
  }
  std::stable_sort(out.begin(), out.end(), [](const StripClip& a, const StripClip& b) {
    return a.clip->start.value != b.clip->start.value ? a.clip->start.value < b.clip->start.value : a.track < b.track;
  });
  return out;
}

// The poster scaled into the thumbnail box (a dark slate until it arrives).
QIcon thumbnail(const QImage& poster) {
  QPixmap pm(kThumbW, kThumbH);
  pm.fill(QColor(45, 45, 45));
  if (!poster.isNull()) {
    QPainter p(&pm);
    const QImage s = poster.scaled(kThumbW, kThumbH, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    p.drawImage((kThumbW - s.width()) / 2, (kThumbH - s.height()) / 2, s);
  }
  return QIcon(pm);
}
}  // namespace

ClipStrip::ClipStrip(ProjectController& controller, QWidget* parent)
    : QListWidget(parent), m_ctl(controller), m_thumbs(new ThumbnailCache(this)), m_menu(new QMenu(this)) {
  setObjectName(QStringLiteral("clipStrip"));
  setViewMode(QListView::IconMode);
  setFlow(QListView::LeftToRight);
  setWrapping(false);
  setMovement(QListView::Static);
  setIconSize(QSize(kThumbW, kThumbH));
  setGridSize(QSize(kThumbW + 14, kThumbH + 26));
  setSelectionMode(QAbstractItemView::ExtendedSelection);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
  setFixedHeight(kThumbH + 48);
  connect(this, &QListWidget::itemClicked, this, &ClipStrip::clicked);
  connect(this, &QListWidget::itemSelectionChanged, this, &ClipStrip::selectionToController);
  connect(m_thumbs, &ThumbnailCache::posterReady, this, &ClipStrip::posterArrived);
  connect(&m_ctl, &ProjectController::projectReplaced, m_thumbs, &ThumbnailCache::clear);
}

ClipStrip::~ClipStrip() = default;

void ClipStrip::reload() {
  m_shownCurrent = false;
  m_syncing = true;
  clear();
  m_clips.clear();
  const model::Sequence* seq = m_ctl.sequence();
  if (seq != nullptr) {
    int n = 0;
    for (const StripClip& s : videoClips(*seq)) {
      const model::MediaItem* media = m_ctl.project().findMedia(s.clip->media);
      const QImage poster = media ? m_thumbs->poster(*media) : QImage();
      auto* item = new QListWidgetItem(thumbnail(poster), QStringLiteral("%1  %2").arg(++n).arg(QString::fromStdString(s.clip->name)), this);
      item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(s.clip->id.value));
      item->setData(Qt::UserRole + 1, QVariant::fromValue<qulonglong>(s.clip->media.value));
      item->setToolTip(QString::fromStdString(seq->tracks[s.track].name + "  " + s.clip->name));
      const auto& sel = m_ctl.selection();
      item->setSelected(std::find(sel.begin(), sel.end(), s.clip->id) != sel.end());
      m_clips.push_back(s.clip->id);
    }
  }
  m_syncing = false;
  setCurrent(m_current);
}

void ClipStrip::setCurrent(model::ClipId clip) {
  if (clip == m_current && m_shownCurrent) return;  // nothing to repaint
  m_shownCurrent = true;
  m_current = clip;
  for (int i = 0; i < count(); ++i) {
    QListWidgetItem* it = item(i);
    const bool cur = it->data(Qt::UserRole).toULongLong() == clip.value;
    QFont f = font();
    f.setBold(cur);
    it->setFont(f);
    it->setForeground(cur ? QColor(255, 190, 90) : palette().color(QPalette::Text));
    if (cur) scrollToItem(it);
  }
}

void ClipStrip::syncSelection() {
  m_syncing = true;
  const auto& sel = m_ctl.selection();
  for (int i = 0; i < count(); ++i) {
    const model::ClipId id{item(i)->data(Qt::UserRole).toULongLong()};
    const bool on = std::find(sel.begin(), sel.end(), id) != sel.end();
    if (item(i)->isSelected() != on) item(i)->setSelected(on);
  }
  m_syncing = false;
}

QRect ClipStrip::itemRect(int index) const { return visualItemRect(item(index)); }

void ClipStrip::clicked(QListWidgetItem* it) {
  if (!it) return;
  const model::ClipId id{it->data(Qt::UserRole).toULongLong()};
  const model::Sequence* seq = m_ctl.sequence();
  const model::Clip* c = seq ? seq->findClip(id) : nullptr;
  if (!c) return;
  const qint64 ph = m_ctl.playhead().value;
  if (ph < c->start.value || ph >= c->end().value) m_ctl.setPlayhead(c->start);
}

void ClipStrip::selectionToController() {
  if (m_syncing) return;
  std::vector<model::ClipId> ids;
  for (QListWidgetItem* it : selectedItems()) ids.push_back(model::ClipId{it->data(Qt::UserRole).toULongLong()});
  m_ctl.setSelection(std::move(ids));
}

void ClipStrip::posterArrived(quint64 media) {
  for (int i = 0; i < count(); ++i) {
    QListWidgetItem* it = item(i);
    if (it->data(Qt::UserRole + 1).toULongLong() != media) continue;
    if (const model::MediaItem* m = m_ctl.project().findMedia(model::MediaId{media})) it->setIcon(thumbnail(m_thumbs->poster(*m)));
  }
}

void ClipStrip::contextMenuEvent(QContextMenuEvent* event) {
  if (QListWidgetItem* it = itemAt(event->pos()); it && !it->isSelected()) {
    clearSelection();
    it->setSelected(true);
  }
  m_menu->exec(event->globalPos());
}

}  // namespace postline::ui
