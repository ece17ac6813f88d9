#include "core/media/frame_number.h"

namespace postline::media {

int frameCodeLuma(std::int64_t frameNumber, int x, int y) {
  if (x < 0 || y < 0 || x >= kFrameCodeSide || y >= kFrameCodeSide) return -1;
  const int bit = 15 - ((y / kFrameCodeBlock) * 4 + x / kFrameCodeBlock);
  const std::int64_t n = frameNumber & 0xFFFF;
  return ((n >> bit) & 1) != 0 ? 235 : 16;
}

namespace {

// Mean 8-bit level of the central 8x8 pixels of block (col, row).
int blockLevel(const VideoFrame& frame, int col, int row) {
  const Plane& p = frame.planes[0];
  const int x0 = col * kFrameCodeBlock + 4;
  const int y0 = row * kFrameCodeBlock + 4;
  long sum = 0;
  for (int y = y0; y < y0 + 8; ++y) {
    const std::uint8_t* line = p.data.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(p.stride);
    for (int x = x0; x < x0 + 8; ++x) {
      if (frame.format == FrameFormat::Rgba) {
        sum += frame.bitDepth > 8 ? line[x * 8 + 3] : line[x * 4 + 1];  // green (high byte when 16-bit)
      } else if (frame.bitDepth > 8) {
        const int v = line[x * 2] | (line[x * 2 + 1] << 8);
        sum += v >> (frame.bitDepth - 8);
      } else {
        sum += line[x];
      }
    }
  }
  return static_cast<int>(sum / 64);
}

}  // namespace

std::int64_t readFrameNumber(const VideoFrame& frame) {
  const Plane& p = frame.planes[0];
  if (p.width < kFrameCodeSide || p.height < kFrameCodeSide) return -1;
  const int bytesPerSample = (frame.format == FrameFormat::Rgba ? 4 : 1) * (frame.bitDepth > 8 ? 2 : 1);
  if (p.stride < p.width * bytesPerSample) return -1;
  if (p.data.size() < static_cast<std::size_t>(p.stride) * static_cast<std::size_t>(p.height)) return -1;
  const bool rgb = frame.format == FrameFormat::Rgba;
  const int brightAbove = rgb ? 170 : 160;  // 235 limited-range luma is ~255 in RGB
  const int darkBelow = rgb ? 85 : 90;      // 16 limited-range luma is ~0 in RGB
  std::int64_t n = 0;
  for (int i = 0; i < 16; ++i) {
    const int level = blockLevel(frame, i % 4, i / 4);
    int bit = 0;
    if (level > brightAbove) bit = 1;
    else if (level >= darkBelow) return -1;
    n = (n << 1) | bit;
  }
  return n;
}

}  // namespace postline::media
