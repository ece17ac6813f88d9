#include "ui/viewer/program_viewer.h"

#include <QComboBox>
#include <filesystem>

namespace postline::ui {

namespace {
std::optional<qint64> optFrame(std::optional<time::FramePos> f) {
  return f ? std::optional<qint64>(f->value) : std::nullopt;
}

// The media of the topmost enabled clip drawn at `frame` (video tracks, unmuted), or none.
model::MediaId topMediaAt(const model::Sequence& seq, qint64 frame) {
  model::MediaId found;
  for (const model::Track& t : seq.tracks) {
    if (t.kind != model::TrackKind::Video || t.muted) continue;
    for (const model::Clip& c : t.clips) {
      if (c.enabled && c.start.value <= frame && frame < c.end().value) found = c.media;
    }
  }
  return found;
}
// A copy of `project` whose sequence `seq` has every grade at identity (clips and timeline).
std::shared_ptr<const model::Project> ungraded(const model::Project& project, model::SequenceId seq) {
  auto copy = std::make_shared<model::Project>(project);
  if (model::Sequence* s = copy->findSequence(seq)) {
    s->settings.timelineGrade = {};
    for (model::Track& t : s->tracks) {
      for (model::Clip& c : t.clips) c.grade = {};
    }
  }
  return copy;
}
}  // namespace

ProgramViewer::ProgramViewer(ProjectController& controller, QWidget* parent) : ViewerPanel(parent), m_ctl(controller) {
  connect(&m_ctl, &ProjectController::projectReplaced, this, &ProgramViewer::reloadSequence);
  connect(&m_ctl, &ProjectController::changed, this, &ProgramViewer::onChanged);
  m_coalesceTimer.setSingleShot(true);
  m_coalesceTimer.setInterval(kCoalesceMs);
  connect(&m_coalesceTimer, &QTimer::timeout, this, &ProgramViewer::flushPending);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, &ProgramViewer::reloadSequence);
  connect(&m_ctl, &ProjectController::playheadChanged, this, &ProgramViewer::onPlayhead);
  connect(&m_ctl, &ProjectController::inOutChanged, this,
          [this] { setMarks(optFrame(m_ctl.inPoint()), optFrame(m_ctl.outPoint())); });
  connect(&m_ctl, &ProjectController::mediaStatusChanged, this, &ProgramViewer::updateOffline);
  connect(&renderService(), &RenderService::renderWarning, this, &ProgramViewer::markOfflineFrom);
  reloadSequence();
}

void ProgramViewer::onChanged() {
  if (m_coalesce && m_rendering && isVisible() && !playbackActive()) {
    m_reloadPending = true;
    if (!m_coalesceTimer.isActive()) m_coalesceTimer.start();
    return;
  }
  reloadSequence();
}

void ProgramViewer::flushPending() {
  m_rendering = false;
  m_coalesceTimer.stop();
  if (!m_reloadPending) return;
  m_reloadPending = false;
  reloadSequence();
}

void ProgramViewer::onPlayhead(qint64 frame) {
  if (!isVisible()) {
    m_stale = true;
    return;
  }
  updateOffline();
  if (m_trimLeft < 0) showPlayhead(frame);
  requestBefore(false);
}

void ProgramViewer::showEvent(QShowEvent* event) {
  ViewerPanel::showEvent(event);
  renderService().setScrubCachePaused(playbackActive());
  if (m_stale) reloadSequence();
}

void ProgramViewer::hideEvent(QHideEvent* event) {
  ViewerPanel::hideEvent(event);
  renderService().setScrubCachePaused(true);
}

void ProgramViewer::setBeforeAfter(bool on) {
  if (on == beforeAfter()) return;
  widget().setSplit(on);
  if (!on) {
    m_before.reset();
    m_beforeProject.reset();
    return;
  }
  m_before = std::make_unique<RenderService>();
  m_before->setScrubCacheBudget(std::size_t{64} << 20);
  connect(m_before.get(), &RenderService::frameReady, this, [this](qint64 f) {
    if (f != wantedFrame() || !m_before) return;
    if (auto ready = m_before->frame(f)) widget().setBeforeImage(*ready);
  });
  connect(&resolutionBox(), &QComboBox::currentIndexChanged, m_before.get(), [this] { requestBefore(false); });
  requestBefore(true);
}

void ProgramViewer::requestBefore(bool rebuild) {
  if (!m_before || !isVisible()) return;
  if (rebuild) {
    // A grade change leaves the ungraded picture as it was: keep its render (no new generation).
    auto plain = ungraded(m_ctl.project(), m_ctl.currentSequence());
    if (!m_beforeProject || !(*plain == *m_beforeProject) || m_beforeSequence != m_ctl.currentSequence()) {
      m_before->setSequence(plain, m_ctl.currentSequence());
      m_beforeProject = std::move(plain);
      m_beforeSequence = m_ctl.currentSequence();
    }
  }
  m_before->setResolutionDivisor(renderService().resolutionDivisor());
  const qint64 f = wantedFrame();
  if (f < 0) return;
  if (auto ready = m_before->frame(f)) {
    widget().setBeforeImage(*ready);
    return;
  }
  m_before->showFrame(f);
}

void ProgramViewer::reloadSequence() {
  if (!isVisible()) {
    m_stale = true;
    return;
  }
  m_stale = false;
  m_reloadPending = false;
  const model::Sequence* seq = m_ctl.sequence();
  renderService().setSequence(m_ctl.snapshot(), m_ctl.currentSequence());
  sourceChangedTo(seq ? seq->settings.frameRate : time::FrameRate{});
  setMarks(optFrame(m_ctl.inPoint()), optFrame(m_ctl.outPoint()));
  updateOffline();
  if (m_trimLeft >= 0) {
    showTrimPreview(m_trimLeft, m_trimRight);
  } else {
    showPlayhead(m_ctl.playhead().value);
  }
  m_rendering = !playbackActive() && widget().shown().generation != renderService().generation();
  if (m_rendering && m_coalesce) m_coalesceTimer.start();
  requestBefore(true);
}

void ProgramViewer::showTrimPreview(qint64 left, qint64 right) {
  m_trimLeft = left;
  m_trimRight = left < 0 ? -1 : right;
  if (left < 0) {
    showPlayhead(m_ctl.playhead().value);
    return;
  }
  if (playbackActive()) return;
  if (m_trimRight < 0) {
    renderService().showFrame(left);
  } else {
    renderService().showFrames(left, m_trimRight);
  }
}

void ProgramViewer::onFrameReady(qint64 frame) {
  if (m_trimLeft < 0) {
    ViewerPanel::onFrameReady(frame);
    if (m_rendering) flushPending();
    return;
  }
  auto left = renderService().frame(m_trimLeft);
  if (m_trimRight < 0) {
    if (left) widget().showImage(*left);
    return;
  }
  auto right = renderService().frame(m_trimRight);
  if (left && right) widget().showTwoUp(*left, *right);
}

void ProgramViewer::scrubTo(qint64 frame) { m_ctl.setPlayhead(time::FramePos{frame}); }

void ProgramViewer::updateOffline() {
  const model::Sequence* seq = m_ctl.sequence();
  const model::MediaId media = seq ? topMediaAt(*seq, m_ctl.playhead().value) : model::MediaId{};
  const bool offline = media.valid() && m_ctl.offlineMedia().count(media) > 0;
  const model::MediaItem* item = offline ? m_ctl.project().findMedia(media) : nullptr;
  widget().setOffline(offline, item ? QString::fromStdString(item->name) : QString());
}

void ProgramViewer::markOfflineFrom(const QString& warning) {
  for (const model::MediaItem& m : m_ctl.project().media) {
    const QString name = QString::fromStdString(std::filesystem::path(m.path).filename().string());
    if (!name.isEmpty() && warning.contains(name) && !m_ctl.offlineMedia().count(m.id)) {
      m_ctl.setMediaOffline(m.id, true);
    }
  }
}

}  // namespace postline::ui
