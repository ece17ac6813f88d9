// The FrameProvider over RenderService (kept in its own file: only code that plays through the real
// render thread links RenderService in).
#include "ui/playback/frame_provider.h"
#include "ui/playback/transport.h"

namespace postline::ui {

namespace {

class RenderServiceProvider : public FrameProvider {
 public:
  explicit RenderServiceProvider(RenderService& service) : m_service(service) {}
  void prefetch(qint64 from, int count) override { m_service.prefetch(from, count); }
  std::optional<RenderedFrame> frame(qint64 frame) const override { return m_service.frame(frame); }

 private:
  RenderService& m_service;
};

}  // namespace

std::unique_ptr<FrameProvider> makeRenderServiceProvider(RenderService& service) {
  return std::make_unique<RenderServiceProvider>(service);
}

void Transport::setRenderService(RenderService* service) {
  m_ownedProvider = service ? makeRenderServiceProvider(*service) : nullptr;
  setFrameProvider(m_ownedProvider.get());
}

}  // namespace postline::ui
