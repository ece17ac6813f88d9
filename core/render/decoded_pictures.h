#pragma once
// The PictureSource of the editor and the CLI: decodes each layer's picture from its file through
// a pool of frame-accurate decoders (one per file), keeping stills decoded once; titles are
// rasterised (render/text) at the layer's frame size and kept likewise.
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/media/decoder_pool.h"
#include "core/render/frame_renderer.h"

namespace postline::render {

class DecodedPictures final : public PictureSource {
 public:
  // Keeps at most `maxOpen` decoders open at once.
  explicit DecodedPictures(std::size_t maxOpen = 8);
  // Picture `layer.sourceFrame` of `layer.path` (by time for variable-frame-rate files); picture 0 of a still;
  // the rasterised text of a title layer (layer.title, at layer.frameWidth x layer.frameHeight).
  base::Result<media::VideoFramePtr> picture(const Layer& layer) override;

 private:
  struct TitleEntry {
    model::TitleSpec spec;
    int width = 0;
    int height = 0;
    media::VideoFramePtr frame;
  };
  base::Result<media::VideoFramePtr> title(const Layer& layer);

  media::DecoderPool m_pool;
  std::mutex m_stillsMutex;
  std::map<std::string, media::VideoFramePtr> m_stills;
  std::vector<TitleEntry> m_titles;  // most recent last, at most kMaxTitles (guarded by m_stillsMutex)
};

}  // namespace postline::render
