#include "ui/scopes/scopes_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include "core/render/scope_worker.h"
#include "ui/scopes/scope_math.h"
#include "ui/scopes/scope_view.h"
#include "ui/viewer/viewer_widget.h"

namespace postline::ui {
namespace {

QComboBox* makeChooser(QWidget* parent) {
  auto* combo = new QComboBox(parent);
  combo->addItem(QObject::tr("Vectorscope"), int(ScopesPanel::Scope::Vectorscope));
  combo->addItem(QObject::tr("Histogram"), int(ScopesPanel::Scope::Histogram));
  combo->addItem(QObject::tr("Waveform"), int(ScopesPanel::Scope::Waveform));
  combo->addItem(QObject::tr("RGB Parade"), int(ScopesPanel::Scope::Parade));
  return combo;
}

}  // namespace

ScopesPanel::ScopesPanel(QWidget* parent) : QWidget(parent) {
  setObjectName(QStringLiteral("scopesPanel"));
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(4, 4, 4, 4);
  row->setSpacing(6);
  for (int side = 0; side < 2; ++side) {
    auto* column = new QVBoxLayout;
    column->setSpacing(2);
    m_choosers[side] = makeChooser(this);
    m_choosers[side]->setObjectName(side == 0 ? QStringLiteral("scopeLeftChooser")
                                              : QStringLiteral("scopeRightChooser"));
    m_views[side] = new ScopeView(this);
    m_views[side]->setObjectName(side == 0 ? QStringLiteral("scopeLeftView") : QStringLiteral("scopeRightView"));
    column->addWidget(m_choosers[side]);
    column->addWidget(m_views[side], 1);
    row->addLayout(column, 1);
    connect(m_choosers[side], &QComboBox::currentIndexChanged, this, [this, side](int index) {
      m_views[side]->setKind(ScopeView::Kind(m_choosers[side]->itemData(index).toInt()));
    });
    connect(m_views[side], &ScopeView::painted, this,
            [this, side](const render::Scopes* scopes) { onViewPainted(side, scopes); });
  }
  setScopes(Scope::Vectorscope, Scope::Waveform);
  m_worker = std::make_unique<render::ScopeWorker>(
      render::ScopeOptions{}, [this](std::shared_ptr<const render::Scopes> s) { deliver(s); });
}

ScopesPanel::~ScopesPanel() {
  QObject::disconnect(m_followed);
  m_worker.reset();  // joins the worker thread before anything it may call into goes away
}

void ScopesPanel::follow(ViewerWidget* viewer) {
  QObject::disconnect(m_followed);
  m_viewer = viewer;
  m_followedKey = 0;
  if (viewer) m_followed = connect(viewer, &ViewerWidget::framePresented, this, [this] { onViewerPresented(); });
}

void ScopesPanel::onViewerPresented() {
  if (!m_viewer || m_viewer->isOffline()) return;
  const RenderedFrame& shown = m_viewer->shown();
  // A repaint of the same picture (an overlay toggled, a resize) is not a new frame for the scopes.
  if (shown.image.cacheKey() == m_followedKey && shown.frame == m_followedFrame &&
      shown.generation == m_followedGeneration)
    return;
  m_followedKey = shown.image.cacheKey();
  m_followedFrame = shown.frame;
  m_followedGeneration = shown.generation;
  submit(shown.image, shown.frame, shown.generation);
}

void ScopesPanel::submit(const QImage& rgba, qint64 frame, quint64 generation) {
  if (rgba.isNull()) return;
  std::int64_t serial = 0;
  {
    std::lock_guard lock(m_submittedMutex);
    serial = m_nextSerial++;
    m_submitted[serial] = {frame, generation};
  }
  m_worker->submit(std::make_shared<const render::FramePixels>(framePixelsFrom(rgba, serial)));
}

void ScopesPanel::deliver(const std::shared_ptr<const render::Scopes>& computed) {
  std::pair<qint64, quint64> of{0, 0};
  {
    std::lock_guard lock(m_submittedMutex);
    const auto it = m_submitted.find(computed->frameIndex);
    if (it == m_submitted.end()) return;
    of = it->second;
    m_submitted.erase(m_submitted.begin(), std::next(it));  // older ones were dropped by the worker
  }
  auto scopes = std::make_shared<render::Scopes>(*computed);  // the copy carries the real frame number
  scopes->frameIndex = of.first;
  auto images = std::make_shared<const scopepaint::Images>(scopepaint::buildImages(*scopes));
  const quint64 generation = of.second;
  QMetaObject::invokeMethod(
      this,
      [this, scopes = std::shared_ptr<const render::Scopes>(std::move(scopes)), images, generation] {
        onComputed(scopes, images, generation);
      },
      Qt::QueuedConnection);
}

void ScopesPanel::onComputed(std::shared_ptr<const render::Scopes> scopes,
                             std::shared_ptr<const scopepaint::Images> images, quint64 generation) {
  m_latest = std::move(scopes);
  m_latestGeneration = generation;
  m_announced = false;
  for (int side = 0; side < 2; ++side) {
    m_painted[side] = false;
    m_views[side]->setScopes(m_latest, images);
  }
}

void ScopesPanel::onViewPainted(int side, const render::Scopes* scopes) {
  if (!m_latest || scopes != m_latest.get()) return;
  m_painted[side] = true;
  if (m_announced || !m_painted[0] || !m_painted[1]) return;
  m_announced = true;
  emit scopesShown(m_latest->frameIndex, m_latestGeneration);
}

void ScopesPanel::setScopes(Scope left, Scope right) {
  const Scope wanted[2] = {left, right};
  for (int side = 0; side < 2; ++side) {
    const int index = m_choosers[side]->findData(int(wanted[side]));
    if (index >= 0) m_choosers[side]->setCurrentIndex(index);
    m_views[side]->setKind(ScopeView::Kind(int(wanted[side])));
  }
}

ScopesPanel::Scope ScopesPanel::leftScope() const { return Scope(int(m_views[0]->kind())); }
ScopesPanel::Scope ScopesPanel::rightScope() const { return Scope(int(m_views[1]->kind())); }
std::shared_ptr<const render::Scopes> ScopesPanel::latest() const { return m_latest; }
quint64 ScopesPanel::latestGeneration() const { return m_latestGeneration; }
ScopeView* ScopesPanel::view(int side) const { return m_views[side == 0 ? 0 : 1]; }
QComboBox* ScopesPanel::chooser(int side) const { return m_choosers[side == 0 ? 0 : 1]; }

}  // namespace postline::ui
