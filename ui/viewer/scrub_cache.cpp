#include "ui/viewer/scrub_cache.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/render/frame_plan.h"

namespace postline::ui {

namespace {
// The filler yields to the render and UI threads (Linux: per-thread nice).
void lowerThisThreadsPriority() { setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10); }

media::Plane shrinkPlane(const media::Plane& in, int k) {
  media::Plane out;
  out.width = std::max(1, in.width / k);
  out.height = std::max(1, in.height / k);
  out.stride = out.width;
  out.data.resize(static_cast<std::size_t>(out.stride) * out.height);
  const int area = k * k;
  for (int y = 0; y < out.height; ++y) {
    std::uint8_t* dst = out.data.data() + static_cast<std::size_t>(y) * out.stride;
    for (int x = 0; x < out.width; ++x) {
      int sum = 0;
      for (int dy = 0; dy < k; ++dy) {
        const std::uint8_t* src = in.data.data() + static_cast<std::size_t>(y * k + dy) * in.stride + x * k;
        for (int dx = 0; dx < k; ++dx) sum += src[dx];
      }
      dst[x] = static_cast<std::uint8_t>((sum + area / 2) / area);
    }
  }
  return out;
}
}  // namespace

media::VideoFramePtr shrinkFrame(const media::VideoFrame& frame, int factor) {
  if (factor <= 1 || frame.bitDepth != 8 || frame.format == media::FrameFormat::Rgba) {
    return std::make_shared<const media::VideoFrame>(frame);
  }
  auto out = std::make_shared<media::VideoFrame>(frame);
  out->width = std::max(1, frame.width / factor);
  out->height = std::max(1, frame.height / factor);
  for (int i = 0; i < frame.planeCount && i < 3; ++i) out->planes[i] = shrinkPlane(frame.planes[i], factor);
  return out;
}

ScrubCache::ScrubCache(std::size_t budgetBytes) : m_budget(budgetBytes), m_thread([this] { run(); }) {}

ScrubCache::~ScrubCache() {
  {
    std::lock_guard lock(m_mutex);
    m_stop = true;
  }
  m_wake.notify_all();
  m_thread.join();
}

void ScrubCache::setWork(std::vector<ScrubRange> ranges) {
  {
    std::lock_guard lock(m_mutex);
    std::map<std::string, int> factors;
    for (const ScrubRange& r : ranges) factors[r.path] = r.factor;
    for (auto it = m_frames.begin(); it != m_frames.end();) {
      auto f = factors.find(it->first.first);
      if (f == factors.end() || f->second != m_factors[it->first.first]) {
        m_bytes -= it->second->byteSize();
        it = m_frames.erase(it);
      } else {
        ++it;
      }
    }
    m_factors = std::move(factors);
    m_work = std::move(ranges);
    m_workIndex = 0;
    m_next = m_work.empty() ? 0 : m_work[0].first;
    ++m_generation;
  }
  m_wake.notify_all();
}

void ScrubCache::setBudget(std::size_t budgetBytes) {
  {
    std::lock_guard lock(m_mutex);
    m_budget = budgetBytes;
    while (m_bytes > m_budget && !m_frames.empty()) {  // drop from the end of the last file
      auto last = std::prev(m_frames.end());
      m_bytes -= last->second->byteSize();
      m_frames.erase(last);
    }
    m_workIndex = 0;
    m_next = m_work.empty() ? 0 : m_work[0].first;
  }
  m_wake.notify_all();
}

media::VideoFramePtr ScrubCache::get(const std::string& path, std::int64_t frame) const {
  std::lock_guard lock(m_mutex);
  auto it = m_frames.find(Key{path, frame});
  return it == m_frames.end() ? nullptr : it->second;
}

ScrubCacheStats ScrubCache::stats() const {
  std::lock_guard lock(m_mutex);
  const bool pending = m_workIndex < m_work.size() && m_bytes < m_budget;
  return {m_frames.size(), m_bytes, m_budget, !m_busy && !pending};
}

bool ScrubCache::waitIdle(int ms) const {
  std::unique_lock lock(m_mutex);
  return m_idleCv.wait_for(lock, std::chrono::milliseconds(ms), [this] {
    return !m_busy && (m_workIndex >= m_work.size() || m_bytes >= m_budget);
  });
}

void ScrubCache::setPaused(bool paused) {
  {
    std::lock_guard lock(m_mutex);
    m_paused = paused;
  }
  m_wake.notify_all();
}

bool ScrubCache::nextFrame(ScrubRange& range, std::int64_t& frame) {
  while (!m_paused && m_workIndex < m_work.size() && m_bytes < m_budget) {
    const ScrubRange& r = m_work[m_workIndex];
    if (m_next > r.last) {
      if (++m_workIndex < m_work.size()) m_next = m_work[m_workIndex].first;
      continue;
    }
    frame = m_next++;
    if (m_frames.count(Key{r.path, frame})) continue;
    range = r;
    return true;
  }
  return false;
}

void ScrubCache::run() {
  lowerThisThreadsPriority();
  std::unique_lock lock(m_mutex);
  while (!m_stop) {
    ScrubRange range;
    std::int64_t frame = 0;
    if (!nextFrame(range, frame)) {
      m_busy = false;
      m_idleCv.notify_all();
      m_wake.wait(lock);
      continue;
    }
    m_busy = true;
    const std::uint64_t generation = m_generation;
    lock.unlock();
    fillOne(range, frame, generation);
    lock.lock();
  }
}

void ScrubCache::fillOne(const ScrubRange& range, std::int64_t frame, std::uint64_t generation) {
  auto dec = m_decoders.find(range.path);
  if (dec == m_decoders.end()) {
    auto opened = media::ffmpeg::openVideoDecoder(range.path);
    if (!opened.ok()) {  // the render thread reports unreadable files; skip this range
      std::lock_guard lock(m_mutex);
      if (generation == m_generation && m_workIndex < m_work.size()) m_next = m_work[m_workIndex].last + 1;
      return;
    }
    dec = m_decoders.emplace(range.path, std::move(opened.value())).first;
  }
  auto picture = dec->second->frame(frame);
  if (!picture.ok()) return;
  media::VideoFramePtr small = shrinkFrame(*picture.value(), range.factor);
  std::lock_guard lock(m_mutex);
  auto wanted = m_factors.find(range.path);
  if (generation != m_generation && (wanted == m_factors.end() || wanted->second != range.factor)) return;
  auto& slot = m_frames[Key{range.path, frame}];
  if (slot) m_bytes -= slot->byteSize();
  slot = std::move(small);
  m_bytes += slot->byteSize();
}

base::Result<media::VideoFramePtr> CachedPictures::picture(const render::Layer& layer) {
  constexpr std::size_t kRecent = 4;
  const bool video = !layer.title && !layer.still && !layer.path.empty();
  if (video) {
    if (media::VideoFramePtr kept = m_cache.get(layer.path, layer.sourceFrame)) {
      ++m_hits;
      return kept;
    }
    for (const Recent& r : m_recent) {
      if (r.frame == layer.sourceFrame && r.path == layer.path) return r.picture;
    }
  }
  ++m_misses;
  auto decoded = m_fallback.picture(layer);
  if (video && decoded.ok()) {
    if (m_recent.size() >= kRecent) m_recent.erase(m_recent.begin());
    m_recent.push_back({layer.path, layer.sourceFrame, decoded.value()});
  }
  return decoded;
}

namespace {
int factorFor(const model::MediaItem& m, int outW, int outH) {
  int k = 1;
  while (k < 8 && m.info.width / (2 * k) >= outW && m.info.height / (2 * k) >= outH) k *= 2;
  return k;
}

void addClip(std::map<std::string, ScrubRange>& out, const model::Clip& clip, const model::MediaItem& m,
             const time::FrameRate& rate, int outW, int outH) {
  auto a = render::sourcePointAt(clip, clip.start, m, rate);
  auto b = render::sourcePointAt(clip, time::FramePos{clip.end().value - 1}, m, rate);
  if (!a.ok() || !b.ok()) return;
  const std::int64_t lo = std::min(a.value().frame, b.value().frame), hi = std::max(a.value().frame, b.value().frame);
  auto [it, fresh] = out.try_emplace(m.path, ScrubRange{m.path, lo, hi, factorFor(m, outW, outH)});
  if (!fresh) {
    it->second.first = std::min(it->second.first, lo);
    it->second.last = std::max(it->second.last, hi);
  }
}
}  // namespace

std::vector<ScrubRange> scrubRanges(const render::Snapshot& snapshot, int outWidth, int outHeight) {
  const model::Sequence* seq = snapshot.project ? snapshot.project->findSequence(snapshot.sequence) : nullptr;
  if (seq == nullptr) return {};
  std::map<std::string, ScrubRange> byPath;
  std::vector<std::string> order;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Video || t.muted) continue;
    for (const model::Clip& c : t.clips) {
      const model::MediaItem* m = snapshot.project->findMedia(c.media);
      if (!c.enabled || m == nullptr || m->kind != model::MediaKind::Video || m->info.still ||
          m->info.variableFrameRate || m->path.empty()) {
        continue;
      }
      if (!byPath.count(m->path)) order.push_back(m->path);
      addClip(byPath, c, *m, seq->settings.frameRate, outWidth, outHeight);
    }
  }
  std::vector<ScrubRange> out;
  for (const std::string& p : order) {
    if (byPath.count(p)) out.push_back(byPath[p]);
  }
  return out;
}

}  // namespace postline::ui
