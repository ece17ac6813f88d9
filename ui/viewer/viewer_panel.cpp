#include "ui/viewer/viewer_panel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "core/time/timecode.h"

namespace postline::ui {

namespace {
QToolButton* toolButton(QWidget* parent, const QString& text, const QString& tip, QStyle::StandardPixmap icon) {
  auto* b = new QToolButton(parent);
  b->setText(text);
  b->setToolTip(tip);
  if (icon != QStyle::SP_CustomBase) b->setIcon(parent->style()->standardIcon(icon));
  b->setAutoRaise(true);
  return b;
}
}  // namespace

ViewerPanel::ViewerPanel(QWidget* parent) : QWidget(parent) {
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  m_widget = new ViewerWidget(this);
  m_scrub = new ScrubBar(this);
  layout->addWidget(m_widget, 1);
  layout->addWidget(m_scrub);
  layout->addWidget(buildToolbar());
  connect(m_scrub, &ScrubBar::scrubbed, this, [this](qint64 f) { scrubTo(f); });
  connect(&m_render, &RenderService::frameReady, this, [this](qint64 f) {
    if (!m_playbackActive) onFrameReady(f);
  });
}

ViewerPanel::~ViewerPanel() = default;

QWidget* ViewerPanel::buildToolbar() {
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(4, 0, 4, 2);
  m_timecode = new QLabel(QStringLiteral("00:00:00:00"), bar);
  QFont mono = m_timecode->font();
  mono.setFamily(QStringLiteral("monospace"));
  m_timecode->setFont(mono);
  row->addWidget(m_timecode);
  row->addStretch(1);
  struct Btn { const char* text; const char* tip; QStyle::StandardPixmap icon; void (ViewerPanel::*sig)(); };
  const Btn buttons[] = {
      {"In", "Go to in", QStyle::SP_MediaSkipBackward, &ViewerPanel::goToInRequested},
      {"<", "Step back one frame", QStyle::SP_MediaSeekBackward, &ViewerPanel::stepBackRequested},
      {"Play", "Play / pause (space)", QStyle::SP_MediaPlay, &ViewerPanel::playPauseRequested},
      {">", "Step forward one frame", QStyle::SP_MediaSeekForward, &ViewerPanel::stepForwardRequested},
      {"Out", "Go to out", QStyle::SP_MediaSkipForward, &ViewerPanel::goToOutRequested}};
  for (const Btn& b : buttons) {
    QToolButton* tb = toolButton(bar, tr(b.text), tr(b.tip), b.icon);
    tb->setObjectName(QString::fromLatin1(b.text));
    auto sig = b.sig;
    connect(tb, &QToolButton::clicked, this, [this, sig] { emit(this->*sig)(); });
    row->addWidget(tb);
  }
  row->addStretch(1);
  QToolButton* fit = toolButton(bar, tr("Fit"), tr("Zoom to fit"), QStyle::SP_CustomBase);
  QToolButton* full = toolButton(bar, tr("100%"), tr("Zoom 100 %"), QStyle::SP_CustomBase);
  connect(fit, &QToolButton::clicked, this, [this] { m_widget->setZoom(0.0); });
  connect(full, &QToolButton::clicked, this, [this] { m_widget->setZoom(1.0); });
  row->addWidget(fit);
  row->addWidget(full);
  m_resolution = new QComboBox(bar);
  m_resolution->addItems({tr("Full"), tr("Half"), tr("Quarter")});
  m_resolution->setToolTip(tr("Playback resolution"));
  connect(m_resolution, &QComboBox::currentIndexChanged, this, &ViewerPanel::setResolution);
  row->addWidget(m_resolution);
  row->addWidget(overlaysButton());
  return bar;
}

QToolButton* ViewerPanel::overlaysButton() {
  auto* b = new QToolButton(this);
  b->setText(tr("Overlays"));
  b->setPopupMode(QToolButton::InstantPopup);
  auto* menu = new QMenu(b);
  struct Item { const char* text; int bit; };
  const Item items[] = {{"Title safe", ViewerWidget::TitleSafe},
                        {"4:5 crop", ViewerWidget::Crop4x5},
                        {"9:16 crop", ViewerWidget::Crop9x16},
                        {"1:1 crop", ViewerWidget::Crop1x1}};
  for (const Item& it : items) {
    QAction* a = menu->addAction(tr(it.text));
    a->setCheckable(true);
    const int bit = it.bit;
    connect(a, &QAction::toggled, this, [this, bit](bool on) {
      m_widget->setOverlays(on ? (m_widget->overlays() | bit) : (m_widget->overlays() & ~bit));
    });
  }
  b->setMenu(menu);
  return b;
}

void ViewerPanel::setResolution(int index) {
  m_render.setResolutionDivisor(index == 2 ? 4 : (index == 1 ? 2 : 1));
  if (m_wanted >= 0 && !m_playbackActive) m_render.showFrame(m_wanted);
}

QString ViewerPanel::timecodeText() const { return m_timecode->text(); }

void ViewerPanel::setPlaybackActive(bool active) {
  m_playbackActive = active;
  m_render.setScrubCachePaused(active);
  if (!active && m_wanted >= 0) m_render.showFrame(m_wanted);
}

void ViewerPanel::showPlayhead(qint64 frame) {
  m_wanted = frame;
  m_scrub->setPosition(frame);
  updateTimecode();
  if (m_playbackActive) return;
  if (auto ready = m_render.frame(frame)) {
    m_widget->showImage(*ready);
    if (!ready->draft) return;
  }
  m_render.showFrame(frame);
}

void ViewerPanel::sourceChangedTo(const time::FrameRate& rate) {
  m_rate = rate;
  m_scrub->setFrameCount(m_render.frameCount());
  m_widget->setFrameSize(m_render.fullSize());
  updateTimecode();
}

void ViewerPanel::setMarks(std::optional<qint64> in, std::optional<qint64> out) { m_scrub->setMarks(in, out); }

void ViewerPanel::onFrameReady(qint64 frame) {
  if (m_widget->shownFrame() == m_wanted && !m_widget->isTwoUp() && frame != m_wanted) return;
  if (auto ready = m_render.frame(frame)) m_widget->showImage(*ready);
}

void ViewerPanel::updateTimecode() {
  m_timecode->setText(QString::fromStdString(time::formatTimecode(time::FramePos{std::max<qint64>(0, m_wanted)}, m_rate)));
}

}  // namespace postline::ui
