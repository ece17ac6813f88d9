#include "core/media/thumbnails.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <string>

#include "core/media/ffmpeg/ffmpeg_poster.h"
#include "core/media/ffmpeg/ffmpeg_video_decoder.h"
#include "core/media/video_decoder.h"

namespace postline::media {

namespace {

base::Result<void> checkHeight(const std::filesystem::path& file, int height) {
  if (height < 1 || height > kMaxThumbnailHeight) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           file.string() + ": thumbnail height " + std::to_string(height) + " is outside 1.." +
                               std::to_string(kMaxThumbnailHeight));
  }
  return {};
}

// The frame shown at `seconds`, clamped to the clip (first frame before 0, last after the end).
std::int64_t clampedIndex(const VideoDecoder& dec, const time::Rational& seconds) {
  if (seconds.isNegative()) return 0;
  auto idx = dec.indexAtTime(seconds);
  if (idx.ok()) return idx.value();
  return dec.frameCount() - 1;
}

base::Result<Image> thumbnailOf(VideoDecoder& dec, std::int64_t index, int height) {
  PL_TRY_ASSIGN(frame, dec.frame(index));
  const VideoStreamInfo& info = dec.info();
  const int dw = info.displayWidth > 0 ? info.displayWidth : frame->width;
  const int dh = info.displayHeight > 0 ? info.displayHeight : frame->height;
  auto img = ffmpeg::scaleToRgba(*frame, thumbnailWidth(dw, dh, height), height);
  if (!img.ok()) return base::makeError(img.error().code, dec.path().string() + ": " + img.error().message);
  return img;
}

base::Result<std::unique_ptr<VideoDecoder>> openFor(const std::filesystem::path& file) {
  PL_TRY_ASSIGN(dec, ffmpeg::openVideoDecoder(file));
  if (dec->frameCount() <= 0) return base::makeError(base::ErrorCode::Parse, file.string() + ": has no pictures");
  return dec;
}

}  // namespace

int thumbnailWidth(int displayWidth, int displayHeight, int height) {
  if (displayWidth <= 0 || displayHeight <= 0) return height;
  const double w = std::round(static_cast<double>(height) * displayWidth / displayHeight);
  return std::max(1, static_cast<int>(w));
}

base::Result<Image> posterFrame(const std::filesystem::path& file, int height, std::optional<time::Rational> seconds) {
  PL_TRY(checkHeight(file, height));
  PL_TRY_ASSIGN(dec, openFor(file));
  const std::int64_t index = seconds ? clampedIndex(*dec, *seconds) : dec->frameCount() / 2;
  return thumbnailOf(*dec, index, height);
}

base::Result<std::vector<Image>> filmstrip(const std::filesystem::path& file, const std::vector<time::Rational>& seconds,
                                           int height) {
  PL_TRY(checkHeight(file, height));
  PL_TRY_ASSIGN(dec, openFor(file));
  // Decode in ascending frame order (the decoder then runs forward instead of seeking back).
  std::vector<std::pair<std::int64_t, std::size_t>> order;
  for (std::size_t i = 0; i < seconds.size(); ++i) order.emplace_back(clampedIndex(*dec, seconds[i]), i);
  std::sort(order.begin(), order.end());
  std::vector<Image> images(seconds.size());
  for (std::size_t k = 0; k < order.size(); ++k) {
    if (k > 0 && order[k].first == order[k - 1].first) {
      images[order[k].second] = images[order[k - 1].second];
      continue;
    }
    PL_TRY_ASSIGN(img, thumbnailOf(*dec, order[k].first, height));
    images[order[k].second] = std::move(img);
  }
  return images;
}

std::vector<time::Rational> filmstripTimes(const time::Rational& durationSeconds, int count) {
  std::vector<time::Rational> times;
  for (int i = 0; i < count; ++i) {
    // duration * (2i + 1) / (2 count): the middle of part i.
    auto t = durationSeconds.mul(time::Rational::make(2 * i + 1, 2 * static_cast<std::int64_t>(count)).valueOr(0));
    times.push_back(t.valueOr(time::Rational{0}));
  }
  return times;
}

}  // namespace postline::media
