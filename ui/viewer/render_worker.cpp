#include "ui/viewer/render_worker.h"

#include <QCoreApplication>
#include <QOpenGLContext>
#include <chrono>
#include <cstring>

#include "core/render/frame_plan.h"
#include "ui/gl/qt_context_provider.h"

namespace postline::ui {

namespace {
constexpr std::size_t kMinRing = 8;  // finished frames kept at least
// Render widths up to this get no scrub draft: at half size of 1080p (960) a draft saved no time once the
// scrub cache held the picture (the fixed costs dominate) and cost ~15 ms of CPU; at full size it halves the wait.
constexpr int kDraftMinWidth = 1280;
constexpr std::size_t kScrubBudget = std::size_t{512} << 20;  // bytes of kept scrub pictures

double msSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}  // namespace

RenderWorker::RenderWorker(ReadyFn ready, WarnFn warn)
    : m_ready(std::move(ready)), m_warn(std::move(warn)), m_scrub(kScrubBudget) {
  auto provider = QtContextProvider::create();
  if (!provider.ok()) {
    m_contextError = provider.error().message;
    return;
  }
  m_provider = std::move(provider.value());
  m_description = m_provider->describe();
  // The provider keeps its QOpenGLContext private: find it by making it current here (GUI thread,
  // where it was created), then hand it to the render thread (makeCurrent there needs the affinity).
  auto cur = m_provider->makeCurrent();
  if (!cur.ok()) {
    m_contextError = cur.error().message;
    m_provider.reset();
    return;
  }
  m_context = QOpenGLContext::currentContext();
  m_provider->doneCurrent();
  m_context->moveToThread(this);
}

RenderWorker::~RenderWorker() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  wait();
}

void RenderWorker::setSource(RenderSource source) {
  {
    std::lock_guard lock(m_mutex);
    m_source = std::move(source);
    m_showQueue.clear();
    m_prefetchQueue.clear();
    m_ring.clear();
    m_latest.reset();
  }
  m_wake.notify_all();
}

void RenderWorker::show(const std::vector<qint64>& frames) {
  {
    std::lock_guard lock(m_mutex);
    m_prefetchQueue.clear();
    m_showQueue.clear();
    const bool draft = m_drafts && frames.size() == 1 && m_source.width > kDraftMinWidth;
    for (qint64 f : frames) {
      if (draft) m_showQueue.push_back(Job{f, true});
      m_showQueue.push_back(Job{f, false});
    }
  }
  m_wake.notify_all();
}

void RenderWorker::setDrafts(bool on) {
  std::lock_guard lock(m_mutex);
  m_drafts = on;
}

void RenderWorker::prefetch(qint64 from, int count) {
  {
    std::lock_guard lock(m_mutex);
    std::erase_if(m_ring, [&](const RenderedFrame& f) { return f.frame < from; });
    m_ringCapacity = std::max<std::size_t>(kMinRing, static_cast<std::size_t>(std::max(count, 0)) + 2);
    m_prefetchQueue.clear();
    for (qint64 f = from; f < from + count; ++f) {
      if (f != m_current && !inRing(f, false)) m_prefetchQueue.push_back(f);
    }
  }
  m_wake.notify_all();
}

const RenderedFrame* RenderWorker::inRing(qint64 frame, bool draftOk) const {
  for (const RenderedFrame& f : m_ring) {
    if (f.frame == frame && (draftOk || !f.draft)) return &f;
  }
  return nullptr;
}

std::optional<RenderedFrame> RenderWorker::frame(qint64 frame) const {
  std::lock_guard lock(m_mutex);
  for (auto it = m_ring.rbegin(); it != m_ring.rend(); ++it) {
    if (it->frame == frame) return *it;
  }
  return std::nullopt;
}

std::optional<RenderedFrame> RenderWorker::latest() const {
  std::lock_guard lock(m_mutex);
  return m_latest;
}

quint64 RenderWorker::rendered() const {
  std::lock_guard lock(m_mutex);
  return m_rendered;
}

bool RenderWorker::nextJob(Job& job, RenderSource& source) {
  while (!m_showQueue.empty() || !m_prefetchQueue.empty()) {
    const bool show = !m_showQueue.empty();
    if (show) {
      job = m_showQueue.front();
      m_showQueue.pop_front();
    } else {
      job = Job{m_prefetchQueue.front(), false};
      m_prefetchQueue.pop_front();
    }
    if (inRing(job.frame, job.draft)) {
      if (show) m_announce.push_back(job.frame);  // already finished: say so again, render nothing
      continue;
    }
    source = m_source;
    m_current = job.frame;
    return true;
  }
  return false;
}

void RenderWorker::run() {
  if (m_provider == nullptr || !m_provider->makeCurrent().ok()) {
    if (m_warn) m_warn("The viewer cannot use OpenGL: the render context could not be made current");
    return;
  }
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    Job next;
    RenderSource source;
    const bool job = nextJob(next, source);
    std::vector<qint64> announce;
    announce.swap(m_announce);
    if (!job && announce.empty()) {
      m_wake.wait(lock);
      continue;
    }
    lock.unlock();
    for (qint64 a : announce) m_ready(a);
    if (job) store(renderOne(next, source));
    lock.lock();
    m_current = -1;
  }
  lock.unlock();
  releaseContext();
}

void RenderWorker::releaseContext() {
  m_renderer.reset();  // GL objects go while the context is current
  m_draftRenderer.reset();
  m_provider->doneCurrent();
  m_context->moveToThread(QCoreApplication::instance()->thread());
}

bool RenderWorker::ensureRenderer(std::unique_ptr<render::FrameRenderer>& renderer, int width, int height,
                                  const std::string& display) {
  if (renderer && renderer->options().width == width && renderer->options().height == height &&
      renderer->options().display == display) {
    return true;
  }
  renderer.reset();
  render::RenderOptions opt;
  opt.width = width;
  opt.height = height;
  opt.display = display;
  auto r = render::FrameRenderer::create(opt);
  if (!r.ok()) {
    if (m_warned.insert(r.error().message).second) m_warn(r.error().message);
    return false;
  }
  renderer = std::move(r.value());
  return true;
}

RenderedFrame RenderWorker::renderOne(const Job& job, const RenderSource& source) {
  const auto t0 = std::chrono::steady_clock::now();
  const qint64 frame = job.frame;
  RenderedFrame out;
  out.frame = frame;
  out.generation = source.generation;
  out.draft = job.draft;
  const int width = job.draft ? std::max(2, (source.width / 2) & ~1) : source.width;
  const int height = job.draft ? std::max(2, (source.height / 2) & ~1) : source.height;
  std::unique_ptr<render::FrameRenderer>& renderer = job.draft ? m_draftRenderer : m_renderer;
  const model::Sequence* seq = source.snapshot.project ? source.snapshot.project->findSequence(source.snapshot.sequence) : nullptr;
  if (seq == nullptr || source.width <= 0 || !ensureRenderer(renderer, width, height, source.display)) return out;
  std::vector<std::string> warnings;
  auto plan = render::planFrame(source.snapshot, time::FramePos{frame});
  if (!plan.ok()) {
    warnings.push_back(plan.error().message);
    plan = render::FramePlan{time::FramePos{frame}, {}, source.width, source.height};
  }
  auto report = renderer->render(plan.value(), seq->settings.timelineGrade, m_cached, frame);
  if (!report.ok()) {
    warnings.push_back(report.error().message);
  } else {
    warnings.insert(warnings.end(), report.value().warnings.begin(), report.value().warnings.end());
    const std::vector<std::uint8_t> px = renderer->readRgba8();
    QImage img(width, height, QImage::Format_RGBA8888);
    const std::size_t row = static_cast<std::size_t>(width) * 4;
    for (int y = 0; y < height; ++y) std::memcpy(img.scanLine(y), px.data() + row * y, row);
    out.image = std::move(img);
  }
  for (const std::string& w : warnings) {
    if (m_warned.insert(w).second) m_warn(w);
  }
  out.renderMs = msSince(t0);
  return out;
}

void RenderWorker::store(RenderedFrame frame) {
  if (frame.image.isNull()) return;
  const qint64 f = frame.frame;
  {
    std::lock_guard lock(m_mutex);
    if (frame.generation != m_source.generation) return;
    if (frame.draft && inRing(f, false)) return;  // the full frame is already there
    std::erase_if(m_ring, [&](const RenderedFrame& r) { return r.frame == f; });
    m_ring.push_back(frame);
    while (m_ring.size() > m_ringCapacity) m_ring.pop_front();
    m_latest = std::move(frame);
    ++m_rendered;
  }
  m_ready(f);
}

}  // namespace postline::ui
