#include "core/export/ffmpeg/video_options.h"

#include <climits>
#include <string>

extern "C" {
#include <libavutil/opt.h>
}

namespace postline::exporting::ffmpeg {
namespace {

bool hasPrivateOption(AVCodecContext* ctx, const char* key) {
  return ctx->priv_data != nullptr && av_opt_find(ctx->priv_data, key, nullptr, 0, 0) != nullptr;
}

// Sets a private option when the codec has it (preset/crf mean nothing to ProRes or DNxHD).
base::Result<void> setIfPresent(const std::filesystem::path& file, AVCodecContext* ctx, const char* key,
                                const std::string& value) {
  if (!hasPrivateOption(ctx, key)) return {};
  const int rc = av_opt_set(ctx->priv_data, key, value.c_str(), 0);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, std::string("bad ") + key + " '" + value + "'", rc);
  return {};
}

base::Result<void> badRate(const std::filesystem::path& file, const std::string& what) {
  return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": " + what);
}

// Rate control. A platform window [min, max] on the delivered average bitrate is met with x264
// CBR plus filler (nal-hrd=cbr): ABR alone lands wherever the picture allows (a still frame
// encodes to a few kbit/s, far under any minimum), while CBR pads the stream with filler NAL
// units up to bitRate and the VBV keeps busy pictures from running over it. The average then
// deviates from bitRate by at most the buffer's content at the end (about 0.9 x bufSize / length),
// so callers keep bufSize small (half a second of bitRate) for short exports.
base::Result<void> setRateControl(const std::filesystem::path& file, AVCodecContext* ctx, const EncoderSettings& s) {
  if (s.bitRate < 0 || s.maxRate < 0 || s.bufSize < 0 || s.bufSize > INT_MAX) {
    return badRate(file, "bitrate, max rate and buffer size must be >= 0 (buffer < 2^31 bits)");
  }
  if (s.bitRate == 0) {
    if (s.padToBitRate) return badRate(file, "padding to a bitrate needs a bitrate");
    return setIfPresent(file, ctx, "crf", std::to_string(s.crf));
  }
  ctx->bit_rate = s.bitRate;
  ctx->rc_max_rate = s.padToBitRate ? s.bitRate : s.maxRate;
  ctx->rc_buffer_size = static_cast<int>(s.bufSize);
  if (ctx->rc_max_rate > 0 && ctx->rc_buffer_size == 0) return badRate(file, "a max rate needs a buffer size");
  if (ctx->rc_max_rate > 0 && ctx->rc_max_rate < s.bitRate) return badRate(file, "max rate is under the bitrate");
  const bool hrd = hasPrivateOption(ctx, "nal-hrd");
  if (s.padToBitRate) {
    if (!hrd) return badRate(file, "encoder " + s.videoCodec + " cannot pad to a constant bitrate (x264 only)");
    ctx->rc_min_rate = s.bitRate;
    return setIfPresent(file, ctx, "nal-hrd", "cbr");
  }
  if (hrd && ctx->rc_max_rate > 0) return setIfPresent(file, ctx, "nal-hrd", "vbr");
  return {};
}

// Keyframes: at most `gop` frames apart. keyint_min = gop lets x264/x265 clamp it to their own
// limit (gop / 2 + 1), so scene cuts still get a keyframe but the regular cadence stays the gop.
void setKeyframes(AVCodecContext* ctx, const EncoderSettings& s) {
  if (s.gop <= 0) return;
  ctx->gop_size = s.gop;
  ctx->keyint_min = s.gop;
}

// Memory: x264 keeps every look-ahead frame with its half-pel planes (about four times the picture),
// so its default 40 frames of 4K come to ~1.5 GB on their own. Pictures over 2.5 Mpixel look 15
// frames ahead instead; smaller ones keep the default. Measured on the demo's 4K export: 1.9 GiB
// peak with the default, 1.3 GiB with 15 (the ceiling is 1.5 GiB).
base::Result<void> capLookahead(const std::filesystem::path& file, AVCodecContext* ctx, const EncoderSettings& s) {
  constexpr long long kLargePicture = 2'500'000;
  if (static_cast<long long>(s.width) * s.height <= kLargePicture) return {};
  return setIfPresent(file, ctx, "rc-lookahead", "15");
}

}  // namespace

base::Result<void> applyVideoOptions(const std::filesystem::path& file, AVCodecContext* ctx, const EncoderSettings& s) {
  if (!s.preset.empty()) PL_TRY(setIfPresent(file, ctx, "preset", s.preset));  // "" = the encoder's default
  PL_TRY(setRateControl(file, ctx, s));
  setKeyframes(ctx, s);
  PL_TRY(capLookahead(file, ctx, s));
  if (!s.profile.empty()) {
    const int rc = av_opt_set(ctx, "profile", s.profile.c_str(), AV_OPT_SEARCH_CHILDREN);
    if (rc < 0) {
      return avFail(base::ErrorCode::InvalidArgument, file, "encoder " + s.videoCodec + " has no profile '" + s.profile + "'", rc);
    }
  }
  return {};
}

}  // namespace postline::exporting::ffmpeg
