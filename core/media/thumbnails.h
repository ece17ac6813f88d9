#pragma once
// Poster frames and filmstrips: decoded pictures scaled to a requested height, as RGBA8 images.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

#include "core/base/result.h"
#include "core/time/rational.h"

namespace postline::media {

// An 8-bit RGBA picture, row-major, tightly packed (width * 4 bytes per row), straight alpha.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> rgba;

  friend bool operator==(const Image&, const Image&) = default;
};

// Largest height a thumbnail may be requested at, in pixels.
inline constexpr int kMaxThumbnailHeight = 2160;

// Width of a thumbnail `height` pixels high for a picture displayed at displayWidth x
// displayHeight (sample aspect and rotation included), rounded to nearest, at least 1.
int thumbnailWidth(int displayWidth, int displayHeight, int height);

// The picture shown at `seconds` (from the first picture; default: the middle frame), scaled to
// `height` pixels keeping the display aspect. Times past the end give the last frame, negative
// times the first. InvalidArgument for a height outside 1..kMaxThumbnailHeight.
base::Result<Image> posterFrame(const std::filesystem::path& file, int height,
                                std::optional<time::Rational> seconds = std::nullopt);

// One thumbnail per entry of `seconds` (same rules as posterFrame), in the same order.
base::Result<std::vector<Image>> filmstrip(const std::filesystem::path& file, const std::vector<time::Rational>& seconds,
                                           int height);

// `count` times spreading a filmstrip over `durationSeconds`: the middles of `count` equal parts.
std::vector<time::Rational> filmstripTimes(const time::Rational& durationSeconds, int count);

}  // namespace postline::media
