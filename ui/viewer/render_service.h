#pragma once
// The viewers' render thread: owns a Qt GL context shared with the viewer widgets, a FrameRenderer
// (the export's GLSL pipeline, at full, half or quarter of the sequence size) and the decoders
// (render::DecodedPictures), and renders sequence frames of the current snapshot off the UI thread.
//
// Two kinds of work, newest first:
//  - showFrame(f): scrubbing. Drops everything queued and renders f next (then nothing else).
//  - prefetch(from, count): playback. Renders frames from..from+count-1 in order into a small ring
//    of finished frames; frames already finished are not rendered again.
// Finished frames are taken on the UI thread with frame(f); frameReady(f) says one arrived.
//
// All public methods are called on the UI thread.
#include <QImage>
#include <QObject>
#include <QSize>
#include <memory>
#include <cstddef>
#include <optional>

#include "core/model/ids.h"
#include "core/model/project.h"

namespace postline::ui {

// A finished frame of the viewer.
struct RenderedFrame {
  qint64 frame = -1;            // sequence frame (or source frame for a media source)
  QImage image;                 // RGBA8888 display-referred (Rec.709) pixels, at the render size
  double renderMs = 0.0;        // time the render thread spent on it (decode + draw + readback)
  quint64 generation = 0;       // the setSource() generation it was rendered for
  bool draft = false;           // a scrub draft at half the render size (the full one follows)
};

class RenderServiceImpl;

class RenderService : public QObject {
  Q_OBJECT

 public:
  explicit RenderService(QObject* parent = nullptr);
  ~RenderService() override;

  // Renders sequence `seq` of `project` from now on (queued and ringed frames of an older source are
  // dropped). Call after every project change with the controller's new snapshot.
  void setSequence(std::shared_ptr<const model::Project> project, model::SequenceId seq);
  // Renders media item `media` of `project` alone (the source viewer): frames are the media's own.
  void setMedia(std::shared_ptr<const model::Project> project, model::MediaId media);
  // Output size divisor: 1 full, 2 half, 4 quarter of the sequence (or media) size.
  void setResolutionDivisor(int divisor);
  int resolutionDivisor() const;

  // Scrub: drop queued work, render `frame` next (with drafts on and a render wider than 1280 px: a
  // half-size draft first, then the frame at the render size unless another showFrame came first).
  void showFrame(qint64 frame);
  // Playback: keep frames [from, from + count) rendered ahead (older ones leave the ring).
  void prefetch(qint64 from, int count);
  // The finished frame `frame` of the current source, if it is ready (the ring keeps it until a
  // later prefetch passes it or the source changes).
  std::optional<RenderedFrame> frame(qint64 frame) const;
  // The newest finished frame of any number (what a viewer shows when the asked one is not ready).
  std::optional<RenderedFrame> latest() const;
  // The GL description of the render thread's context ("Qt (xcb): llvmpipe ...").
  QString rendererDescription() const;

  // --- Added by the viewer (not in the first contract) ---
  // Two-up (trims): drop queued work, render `first` then `second`.
  void showFrames(qint64 first, qint64 second);
  // Frames of the current source: [0, frameCount()) (sequence length, or the media's pictures).
  qint64 frameCount() const;
  // The current source's full (divisor 1) frame size in pixels.
  QSize fullSize() const;
  // The current source generation (bumped by setSequence/setMedia/setResolutionDivisor).
  quint64 generation() const;
  // Scrub drafts (default on): showFrame renders a half-size draft before the full frame.
  void setScrubDrafts(bool on);
  // Frames rendered since construction (tests, benchmarks).
  quint64 renderedCount() const;
  // The scrub cache (decoded source pictures at the render size, filled in the background so a
  // scrub never decodes a GOP): its byte budget (default 512 MiB), a wait until it has nothing
  // left to decode (tests, benchmarks; blocks the caller up to `ms`), and the pictures it holds.
  void setScrubCacheBudget(std::size_t bytes);
  // Pauses the scrub cache's background decoding (while the transport plays).
  void setScrubCachePaused(bool paused);
  bool waitScrubCacheIdle(int ms) const;
  std::size_t scrubCacheFrames() const;
  // Layer pictures the render thread had to decode itself (not in the scrub cache) since construction.
  quint64 scrubCacheMisses() const;

 signals:
  // A frame finished (queued from the render thread).
  void frameReady(qint64 frame);
  // A frame could not be rendered as asked (a clip failed to decode): one sentence naming the file.
  void renderWarning(const QString& message);

 private:
  std::unique_ptr<RenderServiceImpl> m_impl;
};

}  // namespace postline::ui
