#include "core/render/source_format.h"

#include "core/color/ocio/ocio.h"

namespace postline::render {

SourceFormat sourceFormat(const media::VideoFrame& frame) {
  SourceFormat f;
  const media::ColorTags& tags = frame.color;
  if (frame.format == media::FrameFormat::Rgba) {
    f.yuv = false;
    f.colorSpace = color::ocio::colorSpaceForTags(tags.primaries, tags.transfer);
    return f;
  }
  const int b = frame.bitDepth;
  const float unit = static_cast<float>(1 << (b - 8));
  f.maxCode = b > 8 ? 65535.0f : 255.0f;
  if (tags.range == "pc") {
    f.lumaOffset = 0.0f;
    f.lumaScale = static_cast<float>((1 << b) - 1);
    f.chromaOffset = static_cast<float>(1 << (b - 1));
    f.chromaScale = f.lumaScale;
  } else {
    f.lumaOffset = 16.0f * unit;
    f.lumaScale = 219.0f * unit;
    f.chromaOffset = 128.0f * unit;
    f.chromaScale = 224.0f * unit;
  }
  const std::string& m = tags.matrix;
  if (m == "bt2020nc" || m == "bt2020c") {
    f.kr = 0.2627f;
    f.kb = 0.0593f;
  } else if (m == "bt470bg" || m == "smpte170m" || m == "bt601" || (m != "bt709" && frame.height < 720)) {
    f.kr = 0.299f;
    f.kb = 0.114f;
  }
  f.colorSpace = color::ocio::colorSpaceForTags(tags.primaries, tags.transfer);
  return f;
}

std::pair<float, float> displayLumaWeights(const std::string& display) {
  if (display == "Rec.2020") return {0.2627f, 0.0593f};
  return {0.2126f, 0.0722f};
}

}  // namespace postline::render
