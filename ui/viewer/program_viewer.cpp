#include "ui/viewer/program_viewer.h"

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
}  // namespace

ProgramViewer::ProgramViewer(ProjectController& controller, QWidget* parent) : ViewerPanel(parent), m_ctl(controller) {
  connect(&m_ctl, &ProjectController::projectReplaced, this, &ProgramViewer::reloadSequence);
  connect(&m_ctl, &ProjectController::changed, this, &ProgramViewer::reloadSequence);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, &ProgramViewer::reloadSequence);
  connect(&m_ctl, &ProjectController::playheadChanged, this, [this](qint64 f) {
    updateOffline();
    if (m_trimLeft < 0) showPlayhead(f);
  });
  connect(&m_ctl, &ProjectController::inOutChanged, this,
          [this] { setMarks(optFrame(m_ctl.inPoint()), optFrame(m_ctl.outPoint())); });
  connect(&m_ctl, &ProjectController::mediaStatusChanged, this, &ProgramViewer::updateOffline);
  connect(&renderService(), &RenderService::renderWarning, this, &ProgramViewer::markOfflineFrom);
  reloadSequence();
}

void ProgramViewer::reloadSequence() {
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
