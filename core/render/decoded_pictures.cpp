#include "core/render/decoded_pictures.h"

#include <chrono>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/render/text/title_raster.h"

namespace postline::render {

DecodedPictures::DecodedPictures(std::size_t maxOpen)
    : m_pool([](const std::filesystem::path& p) { return media::ffmpeg::openVideoDecoder(p); }, maxOpen,
             std::chrono::seconds(60)) {}

namespace {
constexpr std::size_t kMaxTitles = 16;  // rasterised titles kept (full frames: ~8 MB each at 1080p)
}  // namespace

base::Result<media::VideoFramePtr> DecodedPictures::title(const Layer& layer) {
  const model::TitleSpec& spec = *layer.title;
  {
    std::lock_guard lock(m_stillsMutex);
    for (const TitleEntry& e : m_titles) {
      if (e.spec == spec && e.width == layer.frameWidth && e.height == layer.frameHeight) return e.frame;
    }
  }
  PL_TRY_ASSIGN(frame, rasterizeTitle(spec, layer.frameWidth, layer.frameHeight));
  std::lock_guard lock(m_stillsMutex);
  if (m_titles.size() >= kMaxTitles) m_titles.erase(m_titles.begin());
  m_titles.push_back({spec, layer.frameWidth, layer.frameHeight, frame});
  return frame;
}

base::Result<media::VideoFramePtr> DecodedPictures::picture(const Layer& layer) {
  if (layer.title) return title(layer);
  if (layer.still) {
    std::lock_guard lock(m_stillsMutex);
    auto it = m_stills.find(layer.path);
    if (it != m_stills.end()) return it->second;
  }
  PL_TRY_ASSIGN(decoder, m_pool.acquire(layer.path));
  if (layer.still) {
    PL_TRY_ASSIGN(frame, decoder->frame(0));
    std::lock_guard lock(m_stillsMutex);
    m_stills[layer.path] = frame;
    return frame;
  }
  if (decoder->info().variableFrameRate) return decoder->frameAtTime(layer.sourceSeconds);
  return decoder->frame(layer.sourceFrame);
}

}  // namespace postline::render
