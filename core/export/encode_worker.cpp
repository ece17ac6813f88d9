#include "core/export/encode_worker.h"

#include <cmath>

namespace postline::exporting {
namespace {

template <typename T>
void blendPlane(const std::vector<T>& a, const std::vector<T>& b, double weight, std::vector<T>& out) {
  out.resize(a.size());
  if (b.size() != a.size()) {  // nothing to blend with: keep a
    out = a;
    return;
  }
  // Fixed point: w in 1/256 steps (1/65536 for 16-bit) is finer than one code value of the result.
  const std::int64_t scale = sizeof(T) == 1 ? 256 : 65536;
  const auto w = static_cast<std::int64_t>(std::lround(weight * static_cast<double>(scale)));
  for (std::size_t i = 0; i < a.size(); ++i) {
    const std::int64_t v = (static_cast<std::int64_t>(a[i]) * (scale - w) + static_cast<std::int64_t>(b[i]) * w + scale / 2) / scale;
    out[i] = static_cast<T>(v);
  }
}

}  // namespace

void blendPictures(const Picture& a, const Picture& b, double weight, Picture& out) {
  out.width = a.width;
  out.height = a.height;
  blendPlane(a.y, b.y, weight, out.y);
  blendPlane(a.cb, b.cb, weight, out.cb);
  blendPlane(a.cr, b.cr, weight, out.cr);
  blendPlane(a.rgba16, b.rgba16, weight, out.rgba16);
}

EncodeWorker::EncodeWorker(std::unique_ptr<Encoder> encoder, bool rgba16, std::size_t maxQueued)
    : m_encoder(std::move(encoder)), m_path(m_encoder->path()), m_rgba16(rgba16), m_maxQueued(maxQueued) {
  m_thread = std::thread([this] { run(); });
}

EncodeWorker::~EncodeWorker() {
  cancel();
  if (m_thread.joinable()) m_thread.join();
}

void EncodeWorker::enqueue(Task task) {
  std::unique_lock lock(m_mutex);
  m_changed.wait(lock, [&] { return m_tasks.size() < m_maxQueued || m_error || m_cancelled; });
  if (m_error || m_cancelled || m_closing) return;  // a failed or ended worker takes nothing more
  m_tasks.push_back(std::move(task));
  m_changed.notify_all();
}

void EncodeWorker::pushVideo(PicturePtr a, PicturePtr b, double weight) {
  enqueue(Task{std::move(a), std::move(b), weight, nullptr});
}

void EncodeWorker::pushAudio(std::shared_ptr<const std::vector<float>> interleaved) {
  enqueue(Task{nullptr, nullptr, 0.0, std::move(interleaved)});
}

base::Result<void> EncodeWorker::encode(const Task& task) {
  if (task.audio) return m_encoder->pushAudio(task.audio->data(), task.audio->size() / 2);
  const Picture* p = task.a.get();
  if (task.b && task.weight > 0.0) {
    blendPictures(*task.a, *task.b, task.weight, m_blend);
    p = &m_blend;
  }
  const auto pixels = static_cast<std::size_t>(p->width) * static_cast<std::size_t>(p->height);
  const int cw = (p->width + 1) / 2;
  const auto chroma = static_cast<std::size_t>(cw) * static_cast<std::size_t>((p->height + 1) / 2);
  const bool complete = m_rgba16 ? p->rgba16.size() >= pixels * 4
                                 : p->y.size() >= pixels && p->cb.size() >= chroma && p->cr.size() >= chroma;
  if (!complete) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           m_path.string() + ": a rendered picture is missing the planes this encoder takes");
  }
  if (m_rgba16) return m_encoder->pushRgba16(p->rgba16.data(), p->width * 8);
  return m_encoder->pushYuv420(p->y.data(), p->width, p->cb.data(), cw, p->cr.data(), cw);
}

void EncodeWorker::run() {
  for (;;) {
    Task task;
    {
      std::unique_lock lock(m_mutex);
      m_changed.wait(lock, [&] { return !m_tasks.empty() || m_closing || m_cancelled; });
      if (m_cancelled || m_tasks.empty()) return;
      task = std::move(m_tasks.front());
      m_tasks.pop_front();
      m_changed.notify_all();
    }
    auto r = encode(task);
    std::lock_guard lock(m_mutex);
    if (!r.ok()) {
      m_error = r.error().message;
      m_tasks.clear();
      m_changed.notify_all();
      return;
    }
    if (task.a) ++m_frames;
  }
}

base::Result<void> EncodeWorker::finish() {
  {
    std::lock_guard lock(m_mutex);
    m_closing = true;
    m_changed.notify_all();
  }
  if (m_thread.joinable()) m_thread.join();
  std::lock_guard lock(m_mutex);
  if (m_cancelled) return base::makeError(base::ErrorCode::Conflict, m_path.string() + ": cancelled");
  if (m_error) {
    m_encoder->cancel();
    return base::makeError(base::ErrorCode::Io, *m_error);
  }
  return m_encoder->finish();
}

void EncodeWorker::cancel() {
  {
    std::lock_guard lock(m_mutex);
    if (m_closing && !m_thread.joinable()) return;  // finished already
    m_cancelled = true;
    m_tasks.clear();
    m_changed.notify_all();
  }
  if (m_thread.joinable()) m_thread.join();
  m_encoder->cancel();
}

std::optional<std::string> EncodeWorker::error() const {
  std::lock_guard lock(m_mutex);
  return m_error;
}

std::int64_t EncodeWorker::framesEncoded() const {
  std::lock_guard lock(m_mutex);
  return m_frames;
}

}  // namespace postline::exporting
