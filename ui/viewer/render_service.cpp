#include "ui/viewer/render_service.h"

#include <QMetaObject>
#include <QPointer>
#include <algorithm>
#include <mutex>

#include "core/render/frame_plan.h"
#include "ui/viewer/media_snapshot.h"
#include "ui/viewer/render_worker.h"

namespace postline::ui {

class RenderServiceImpl {
 public:
  explicit RenderServiceImpl(RenderService* q)
      : worker([q](qint64 f) { QMetaObject::invokeMethod(q, [q, f] { emit q->frameReady(f); }, Qt::QueuedConnection); },
               [q](const std::string& m) {
                 const QString msg = QString::fromStdString(m);
                 QMetaObject::invokeMethod(q, [q, msg] { emit q->renderWarning(msg); }, Qt::QueuedConnection);
               }) {}

  // Rebuilds the worker's source from the current project/sequence/media and divisor.
  void update();

  RenderWorker worker;
  std::shared_ptr<const model::Project> project;
  model::SequenceId sequence;
  model::MediaId media;
  int divisor = 1;
  quint64 generation = 0;
  qint64 frames = 0;
  QSize fullSize;
};

namespace {
int scaled(int size, int divisor) { return std::max(2, (size / divisor) & ~1); }
}  // namespace

void RenderServiceImpl::update() {
  RenderSource src;
  src.generation = ++generation;
  if (project && media.valid()) {
    auto snap = makeMediaSnapshot(*project, media);
    if (snap.ok()) {
      src.snapshot = render::Snapshot{snap.value().project, snap.value().sequence};
      src.frames = snap.value().frames;
    }
  } else if (project) {
    src.snapshot = render::Snapshot{project, sequence};
    src.frames = render::sequenceLength(src.snapshot).value;
  }
  const model::Sequence* seq = src.snapshot.project ? src.snapshot.project->findSequence(src.snapshot.sequence) : nullptr;
  if (seq != nullptr) {
    src.width = scaled(seq->settings.width, divisor);
    src.height = scaled(seq->settings.height, divisor);
    src.display = seq->settings.colorSpace == model::ColorSpace::Rec2020 ? "Rec.2020" : "Rec.709";
    fullSize = QSize(seq->settings.width, seq->settings.height);
  }
  frames = src.frames;
  worker.scrubCache().setWork(scrubRanges(src.snapshot, src.width, src.height));
  worker.setSource(std::move(src));
}

RenderService::RenderService(QObject* parent) : QObject(parent), m_impl(std::make_unique<RenderServiceImpl>(this)) {
  if (!m_impl->worker.contextError().empty()) {
    const QString msg = QString::fromStdString("The viewer has no OpenGL: " + m_impl->worker.contextError());
    QMetaObject::invokeMethod(this, [this, msg] { emit renderWarning(msg); }, Qt::QueuedConnection);
    return;
  }
  m_impl->worker.start();
}

RenderService::~RenderService() = default;

void RenderService::setSequence(std::shared_ptr<const model::Project> project, model::SequenceId seq) {
  m_impl->project = std::move(project);
  m_impl->sequence = seq;
  m_impl->media = {};
  m_impl->update();
}

void RenderService::setMedia(std::shared_ptr<const model::Project> project, model::MediaId media) {
  m_impl->project = std::move(project);
  m_impl->sequence = {};
  m_impl->media = media;
  m_impl->update();
}

void RenderService::setResolutionDivisor(int divisor) {
  divisor = divisor >= 4 ? 4 : (divisor >= 2 ? 2 : 1);
  if (divisor == m_impl->divisor) return;
  m_impl->divisor = divisor;
  m_impl->update();
}

int RenderService::resolutionDivisor() const { return m_impl->divisor; }

void RenderService::showFrame(qint64 frame) { m_impl->worker.show({frame}); }

void RenderService::showFrames(qint64 first, qint64 second) { m_impl->worker.show({first, second}); }

void RenderService::setScrubDrafts(bool on) { m_impl->worker.setDrafts(on); }

void RenderService::prefetch(qint64 from, int count) { m_impl->worker.prefetch(from, count); }

std::optional<RenderedFrame> RenderService::frame(qint64 frame) const { return m_impl->worker.frame(frame); }

std::optional<RenderedFrame> RenderService::latest() const { return m_impl->worker.latest(); }

QString RenderService::rendererDescription() const {
  const std::string& err = m_impl->worker.contextError();
  return QString::fromStdString(err.empty() ? m_impl->worker.description() : "no OpenGL: " + err);
}

qint64 RenderService::frameCount() const { return m_impl->frames; }

QSize RenderService::fullSize() const { return m_impl->fullSize; }

quint64 RenderService::generation() const { return m_impl->generation; }

quint64 RenderService::renderedCount() const { return m_impl->worker.rendered(); }

void RenderService::setScrubCacheBudget(std::size_t bytes) { m_impl->worker.scrubCache().setBudget(bytes); }

void RenderService::setScrubCachePaused(bool paused) { m_impl->worker.scrubCache().setPaused(paused); }

bool RenderService::waitScrubCacheIdle(int ms) const { return m_impl->worker.scrubCache().waitIdle(ms); }

quint64 RenderService::scrubCacheMisses() const { return m_impl->worker.decodedByRender(); }

std::size_t RenderService::scrubCacheFrames() const { return m_impl->worker.scrubCache().stats().frames; }

}  // namespace postline::ui
