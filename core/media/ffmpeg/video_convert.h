#pragma once
// Turns a decoded AVFrame into a Postline VideoFrame: planar YUV (8-bit, or 16-bit little-endian
// samples above 8 bits) or 8-bit RGBA, with tight rows and the display rotation applied.
#include <memory>
#include <string>

#include "core/base/result.h"
#include "core/media/media_types.h"
#include "core/media/ffmpeg/libav_util.h"

namespace postline::media::ffmpeg {

// Rotates a plane of `elemSize`-byte samples clockwise by 90, 180 or 270 degrees (0 copies).
Plane rotatePlane(const Plane& in, int degreesClockwise, int elemSize);

// Converts frames of one stream; keeps its scaler between calls. Not thread-safe.
class FrameConverter {
 public:
  // `forceRgba`: deliver RGBA whatever the source (stills); `rotation`: 0/90/180/270 clockwise.
  FrameConverter(std::string file, bool forceRgba, int rotation);

  // The VideoFrame for `src` (index/pts/timeBase are left for the caller to fill).
  base::Result<std::shared_ptr<VideoFrame>> convert(const AVFrame& src);

 private:
  base::Result<void> scaleInto(const AVFrame& src, AVPixelFormat dst, VideoFrame& out);

  std::string m_file;
  bool m_forceRgba = false;
  int m_rotation = 0;
  SwsPtr m_sws;
};

}  // namespace postline::media::ffmpeg
