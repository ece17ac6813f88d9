#include "ui/deliver/reframe_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMetaObject>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/edit/reframe_keys.h"
#include "core/render/frame_plan.h"
#include "core/render/reframe_geometry.h"
#include "ui/controller/project_controller.h"
#include "ui/deliver/reframe_overlay.h"
#include "ui/viewer/program_viewer.h"
#include "ui/viewer/viewer_widget.h"

namespace postline::ui::deliver {

namespace {
struct AspectChoice {
  const char* name;
  const char* label;
  int w, h;  // a delivery size of that shape
};
constexpr AspectChoice kAspects[] = {{"9x16", "9:16 (Reels / TikTok / Shorts)", 1080, 1920},
                                     {"4x5", "4:5 (Instagram Feed)", 1080, 1350},
                                     {"1x1", "1:1 (LinkedIn)", 1080, 1080}};
}  // namespace

ReframeView::ReframeView(ProjectController& controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
  m_pool.setMaxThreadCount(1);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  auto* bar = new QHBoxLayout;
  m_aspect = new QComboBox;
  for (const AspectChoice& a : kAspects) m_aspect->addItem(QString::fromLatin1(a.label), QString::fromLatin1(a.name));
  m_letterbox = new QCheckBox(QStringLiteral("Letterbox"));
  m_letterbox->setToolTip(QStringLiteral("Fit the whole frame with bars instead of cropping (jobs of this aspect)"));
  m_clear = new QPushButton(QStringLiteral("Clear keys"));
  m_clear->setToolTip(QStringLiteral("Remove the reframe keys of the clip under the playhead for this aspect"));
  m_status = new QLabel;
  bar->addWidget(new QLabel(QStringLiteral("<b>Reframe</b>")));
  bar->addWidget(m_aspect);
  bar->addWidget(m_letterbox);
  bar->addWidget(m_clear);
  bar->addWidget(m_status, 1);
  layout->addLayout(bar);
  m_viewer = new ProgramViewer(m_ctl);
  layout->addWidget(m_viewer, 1);
  m_overlay = new ReframeOverlay(m_viewer->widget());
  m_overlay->setClamp([this](double cx, double cy) {
    const model::Sequence* seq = m_ctl.sequence();
    const auto [w, h] = outSize();
    return seq ? exporting::cropWindow(seq->settings.width, seq->settings.height, w, h, cx, cy) : exporting::Window{};
  });
  m_planTimer.setSingleShot(true);
  m_planTimer.setInterval(120);
  connect(&m_planTimer, &QTimer::timeout, this, &ReframeView::plan);
  connect(&m_ctl, &ProjectController::changed, this, &ReframeView::schedulePlan);
  connect(&m_ctl, &ProjectController::projectReplaced, this, &ReframeView::schedulePlan);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, &ReframeView::schedulePlan);
  connect(&m_ctl, &ProjectController::playheadChanged, this, &ReframeView::updateWindow);
  connect(m_aspect, &QComboBox::currentIndexChanged, this, [this] {
    const QSignalBlocker block(m_letterbox);
    m_letterbox->setChecked(letterbox(aspect()));
    schedulePlan();
  });
  connect(m_letterbox, &QCheckBox::toggled, this, &ReframeView::setLetterbox);
  connect(m_clear, &QPushButton::clicked, this, &ReframeView::clearKeys);
  connect(m_overlay, &ReframeOverlay::windowMoved, this, &ReframeView::setWindowCentre);
}

ReframeView::~ReframeView() {
  ++m_generation;
  m_pool.waitForDone();
}

std::string ReframeView::aspect() const { return m_aspect->currentData().toString().toStdString(); }

void ReframeView::setAspect(const std::string& aspect) {
  const int i = m_aspect->findData(QString::fromStdString(aspect));
  if (i >= 0) m_aspect->setCurrentIndex(i);
}

bool ReframeView::letterbox(const std::string& aspect) const {
  const auto it = m_letterboxed.find(aspect);
  return it != m_letterboxed.end() && it->second;
}

void ReframeView::setLetterbox(bool on) {
  m_letterboxed[aspect()] = on;
  if (m_letterbox->isChecked() != on) m_letterbox->setChecked(on);
  emit letterboxChanged(QString::fromStdString(aspect()), on);
  schedulePlan();
}

std::pair<int, int> ReframeView::outSize() const {
  for (const AspectChoice& a : kAspects) {
    if (aspect() == a.name) return {a.w, a.h};
  }
  return {1080, 1920};
}

void ReframeView::showEvent(QShowEvent* event) {
  QWidget::showEvent(event);
  if (m_stale) schedulePlan();
}

void ReframeView::schedulePlan() {
  m_stale = true;
  ++m_generation;  // results of plans under way are out of date
  if (isVisible()) m_planTimer.start();
}

void ReframeView::plan() {
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr) return;
  m_stale = false;
  const int generation = ++m_generation;
  const auto snapshot = m_ctl.snapshot();
  const model::SequenceId id = seq->id;
  const auto [w, h] = outSize();
  const auto mode = letterbox(aspect()) ? exporting::ReframeMode::Letterbox : exporting::ReframeMode::Auto;
  m_status->setText(QStringLiteral("Analysing…"));
  m_pool.start([this, generation, snapshot, id, w = w, h = h, mode] {
    auto r = exporting::Reframer::create(*snapshot, id, w, h, mode);
    std::shared_ptr<const exporting::Reframer> planned;
    QString error;
    if (r) planned = std::shared_ptr<const exporting::Reframer>(std::move(r.value()));
    else error = QString::fromStdString(r.error().message);
    QMetaObject::invokeMethod(this, [this, generation, planned, error] { planReady(generation, planned, error); },
                              Qt::QueuedConnection);
  });
}

void ReframeView::planReady(int generation, std::shared_ptr<const exporting::Reframer> reframer, const QString& error) {
  if (generation != m_generation) return;
  m_reframer = std::move(reframer);
  m_status->setText(error.isEmpty() ? QString() : QStringLiteral("Reframe: ") + error);
  updateWindow();
  emit planned();
}

model::ClipId ReframeView::currentClip() const {
  if (!m_reframer) return {};
  const qint64 at = m_ctl.playhead().value;
  model::ClipId found;
  for (const exporting::ClipReframe& c : m_reframer->clips()) {
    if (c.how != "title" && c.first.value <= at && at < c.first.value + c.frames.value) found = c.clip;
  }
  return found;
}

void ReframeView::updateWindow() {
  const model::ClipId clip = currentClip();
  const bool letterboxed = letterbox(aspect());
  m_clear->setEnabled(clip.valid() && !letterboxed);
  m_overlay->setDraggable(!letterboxed);
  if (!m_reframer || (!clip.valid() && !letterboxed)) {
    m_overlay->setWindow(std::nullopt, {});
    return;
  }
  QString how = letterboxed ? QStringLiteral("letterbox") : QStringLiteral("auto");
  for (const exporting::ClipReframe& c : m_reframer->clips()) {
    if (c.clip == clip) how = QString::fromStdString(c.name + ": " + c.how);
  }
  m_overlay->setWindow(m_reframer->windowAt(clip, m_ctl.playhead()), how);
}

bool ReframeView::setWindowCentre(double cx, double cy) {
  const model::Sequence* seq = m_ctl.sequence();
  const model::ClipId id = currentClip();
  const model::Clip* clip = seq ? seq->findClip(id) : nullptr;
  const model::MediaItem* media = clip ? m_ctl.project().findMedia(clip->media) : nullptr;
  if (media == nullptr) return false;
  auto point = render::sourcePointAt(*clip, m_ctl.playhead(), *media, seq->settings.frameRate);
  const render::SourceGeometry g{static_cast<double>(media->info.width), static_cast<double>(media->info.height), 1.0};
  auto m = render::reframeTransform(seq->settings.width, seq->settings.height, g, clip->reframe);
  if (!point || !m) return false;
  const auto q = render::applyTransform(*m, cx, cy);  // sequence-normalised -> source-normalised
  const bool ok = m_ctl.apply(edit::setReframeKey(m_ctl.project(), seq->id, id, aspect(), point->frame,
                                                  std::clamp(q[0], 0.0, 1.0), std::clamp(q[1], 0.0, 1.0)),
                              QStringLiteral("Reframe Key"));
  if (!ok) updateWindow();
  return ok;
}

bool ReframeView::clearKeys() {
  const model::ClipId id = currentClip();
  if (!id.valid()) return false;
  return m_ctl.apply(edit::clearReframeKeys(m_ctl.project(), m_ctl.currentSequence(), id, aspect()),
                     QStringLiteral("Clear Reframe Keys"));
}

}  // namespace postline::ui::deliver
