#include "ui/viewer/source_viewer.h"

namespace postline::ui {

namespace {
constexpr std::size_t kSourceScrubBudget = std::size_t{128} << 20;  // bytes: one clip at a time

std::optional<qint64> optFrame(std::optional<time::FramePos> f) {
  return f ? std::optional<qint64>(f->value) : std::nullopt;
}
}  // namespace

SourceViewer::SourceViewer(ProjectController& controller, QWidget* parent) : ViewerPanel(parent), m_ctl(controller) {
  renderService().setScrubCacheBudget(kSourceScrubBudget);
  connect(&m_ctl, &ProjectController::projectReplaced, this, &SourceViewer::reloadMedia);
  connect(&m_ctl, &ProjectController::changed, this, [this](const model::ChangeSet&) {
    if (m_media.valid()) reloadMedia();
  });
  connect(&m_ctl, &ProjectController::sourceChanged, this, &SourceViewer::followSource);
  reloadMedia();
}

void SourceViewer::reloadMedia() {
  m_media = m_ctl.sourceMedia();
  const model::MediaItem* item = m_media.valid() ? m_ctl.project().findMedia(m_media) : nullptr;
  if (item == nullptr) m_media = {};
  renderService().setMedia(m_ctl.snapshot(), m_media);
  time::FrameRate rate;
  if (item != nullptr && !item->info.still && !item->info.frameRate.isZero()) {
    auto r = time::FrameRate::make(item->info.frameRate);
    if (r.ok()) rate = r.value();
  }
  sourceChangedTo(rate);
  setMarks(optFrame(m_ctl.sourceIn()), optFrame(m_ctl.sourceOut()));
  widget().setOffline(m_media.valid() && m_ctl.offlineMedia().count(m_media) > 0,
                      item ? QString::fromStdString(item->name) : QString());
  if (m_media.valid()) showPlayhead(m_ctl.sourcePlayhead().value);
}

void SourceViewer::followSource() {
  if (m_ctl.sourceMedia() != m_media) {
    reloadMedia();
    return;
  }
  setMarks(optFrame(m_ctl.sourceIn()), optFrame(m_ctl.sourceOut()));
  if (m_media.valid() && m_ctl.sourcePlayhead().value != wantedFrame()) showPlayhead(m_ctl.sourcePlayhead().value);
}

void SourceViewer::scrubTo(qint64 frame) { m_ctl.setSourcePlayhead(time::FramePos{frame}); }

}  // namespace postline::ui
