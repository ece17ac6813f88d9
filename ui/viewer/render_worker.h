#pragma once
// The render thread behind RenderService (internal to ui/viewer): a QThread owning the shared GL
// context, the FrameRenderer and the decoders; it takes work from a queue the UI thread fills.
#include <QThread>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/render/decoded_pictures.h"
#include "core/render/frame_renderer.h"
#include "core/render/snapshot.h"
#include "ui/viewer/render_service.h"
#include "ui/viewer/scrub_cache.h"

class QOpenGLContext;

namespace postline::ui {

class QtContextProvider;

// What the render thread renders: a snapshot, its output size and the generation it belongs to.
struct RenderSource {
  render::Snapshot snapshot;
  int width = 0;            // output pixels (the sequence size divided by the divisor)
  int height = 0;
  std::string display = "Rec.709";
  std::int64_t frames = 0;  // frames [0, frames) exist
  quint64 generation = 0;
};

class RenderWorker final : public QThread {
 public:
  // Callbacks run on the render thread (they post to the UI thread themselves).
  using ReadyFn = std::function<void(qint64 frame)>;
  using WarnFn = std::function<void(const std::string& message)>;

  // Creates the context on the calling (GUI) thread; start() begins rendering.
  RenderWorker(ReadyFn ready, WarnFn warn);
  ~RenderWorker() override;  // stops and joins

  // Why the GL context could not be made ("" when it was), and its description.
  const std::string& contextError() const { return m_contextError; }
  const std::string& description() const { return m_description; }

  // New source: drops queued work and the ring.
  void setSource(RenderSource source);
  // Drops queued work and renders `frames` next, in order (scrub, two-up); a single frame gets a
  // draft first when drafts are on and the render size is above kDraftMinWidth.
  void show(const std::vector<qint64>& frames);
  void setDrafts(bool on);
  // Renders [from, from + count) in order, skipping frames already in the ring.
  void prefetch(qint64 from, int count);
  std::optional<RenderedFrame> frame(qint64 frame) const;
  std::optional<RenderedFrame> latest() const;
  // Frames rendered since start (for tests and benchmarks).
  quint64 rendered() const;
  // The scrub cache (thread-safe).
  ScrubCache& scrubCache() { return m_scrub; }
  // Pictures the renders decoded themselves (scrub cache misses; titles and stills count too).
  std::uint64_t decodedByRender() const { return m_cached.misses(); }

 protected:
  void run() override;

 private:
  struct Job {
    qint64 frame = 0;
    bool draft = false;
  };
  bool nextJob(Job& job, RenderSource& source);  // caller holds m_mutex
  // The ring's entry for `frame` (a draft counts only when `draftOk`), or nullptr; caller holds m_mutex.
  const RenderedFrame* inRing(qint64 frame, bool draftOk = true) const;
  RenderedFrame renderOne(const Job& job, const RenderSource& source);
  bool ensureRenderer(std::unique_ptr<render::FrameRenderer>& renderer, int width, int height, const std::string& display);
  void store(RenderedFrame frame);
  void releaseContext();

  ReadyFn m_ready;
  WarnFn m_warn;
  std::unique_ptr<QtContextProvider> m_provider;
  QOpenGLContext* m_context = nullptr;  // owned by m_provider; moved to this thread while it runs
  std::string m_contextError;
  std::string m_description;

  // Render-thread only.
  std::unique_ptr<render::FrameRenderer> m_renderer;
  std::unique_ptr<render::FrameRenderer> m_draftRenderer;  // half the render size
  render::DecodedPictures m_pictures;
  ScrubCache m_scrub;
  CachedPictures m_cached{m_scrub, m_pictures};
  std::set<std::string> m_warned;

  mutable std::mutex m_mutex;  // guards everything below
  std::condition_variable m_wake;
  RenderSource m_source;
  std::deque<Job> m_showQueue;
  bool m_drafts = true;
  std::deque<qint64> m_prefetchQueue;
  std::deque<RenderedFrame> m_ring;  // newest last
  std::optional<RenderedFrame> m_latest;
  std::vector<qint64> m_announce;    // finished frames asked again: frameReady without a render
  std::size_t m_ringCapacity = 8;
  qint64 m_current = -1;             // the frame being rendered now (-1 = none)
  quint64 m_rendered = 0;
  bool m_stop = false;
};

}  // namespace postline::ui
