#include "core/render/decoded_pictures.h"

#include <chrono>

#include "core/media/ffmpeg/ffmpeg_video_decoder.h"

namespace postline::render {

DecodedPictures::DecodedPictures(std::size_t maxOpen)
    : m_pool([](const std::filesystem::path& p) { return media::ffmpeg::openVideoDecoder(p); }, maxOpen,
             std::chrono::seconds(60)) {}

base::Result<media::VideoFramePtr> DecodedPictures::picture(const Layer& layer) {
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
