#pragma once
// Where the transport gets finished frames (the viewers' RenderService in the editor; fakes in
// tests) and where it shows them (the program viewer widget).
#include <QtGlobal>
#include <functional>
#include <memory>
#include <optional>

#include "ui/viewer/render_service.h"

namespace postline::ui {

// The frames playback shows: rendered ahead off the UI thread, taken without waiting.
class FrameProvider {
 public:
  virtual ~FrameProvider() = default;
  // Keep sequence frames [from, from + count) rendered ahead (from included, from + count excluded).
  virtual void prefetch(qint64 from, int count) = 0;
  // The finished frame `frame` if it is ready now (never waits).
  virtual std::optional<RenderedFrame> frame(qint64 frame) const = 0;
};

// Shows one frame (e.g. [viewer](const RenderedFrame& f) { viewer->showImage(f); }). UI thread.
using FrameSink = std::function<void(const RenderedFrame&)>;

// A FrameProvider over the viewers' RenderService (not owned; it must outlive the adapter).
std::unique_ptr<FrameProvider> makeRenderServiceProvider(RenderService& service);

}  // namespace postline::ui
