// writeVideo (media_writer.h): a moving textured pattern plus the burned frame code.
#include <algorithm>
#include <cmath>
#include <functional>

extern "C" {
#include <libavutil/display.h>
#include <libavutil/opt.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
}

#include "core/media/ffmpeg/media_writer.h"
#include "core/media/ffmpeg/writer_common.h"
#include "core/media/frame_number.h"

namespace postline::media::ffmpeg {
namespace {

// Display-orientation pixel for coded pixel (x, y) of a w x h picture rotated `rot` degrees clockwise.
void toDisplay(int rot, int w, int h, int x, int y, int& dx, int& dy) {
  switch (rot) {
    case 90: dx = h - 1 - y; dy = x; break;
    case 180: dx = w - 1 - x; dy = h - 1 - y; break;
    case 270: dx = y; dy = w - 1 - x; break;
    default: dx = x; dy = y; break;
  }
}

// 8-bit level of plane `plane` (0 = Y) at display pixel (dx, dy) of frame `f`.
int patternLevel(int plane, int dx, int dy, int dw, std::int64_t f, bool code) {
  const int fi = static_cast<int>(f % 100000);
  if (code && dx < kFrameCodeSide && dy < kFrameCodeSide) return plane == 0 ? frameCodeLuma(f, dx, dy) : 128;
  if (plane == 0) {
    const int checker = ((dx + 2 * fi) / 16 + (dy + fi) / 16) % 2 * 50;
    const int fine = (dx * 3 + dy * 5 + fi * 7) & 31;
    return 40 + checker + fine + dx * 80 / std::max(dw, 1);
  }
  if (plane == 1) return 96 + (dx + fi) % 64;
  return 96 + (dy * 2 + fi) % 64;
}

void drawPicture(AVFrame* frame, const VideoSpec& spec, std::int64_t index) {
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(static_cast<AVPixelFormat>(frame->format));
  const int depth = desc->comp[0].depth;
  const int rot = spec.rotation;
  const int w = frame->width;
  const int h = frame->height;
  const int dw = (rot == 90 || rot == 270) ? h : w;
  for (int p = 0; p < 3; ++p) {
    const int sx = p == 0 ? 0 : desc->log2_chroma_w;
    const int sy = p == 0 ? 0 : desc->log2_chroma_h;
    const int pw = AV_CEIL_RSHIFT(w, sx);
    const int ph = AV_CEIL_RSHIFT(h, sy);
    for (int y = 0; y < ph; ++y) {
      std::uint8_t* line = frame->data[p] + static_cast<std::ptrdiff_t>(y) * frame->linesize[p];
      for (int x = 0; x < pw; ++x) {
        int dx = 0;
        int dy = 0;
        toDisplay(rot, w, h, x << sx, y << sy, dx, dy);
        const int level = patternLevel(p, dx, dy, dw, index, spec.burnFrameNumbers);
        if (depth > 8) reinterpret_cast<std::uint16_t*>(line)[x] = static_cast<std::uint16_t>(level << (depth - 8));
        else line[x] = static_cast<std::uint8_t>(level);
      }
    }
  }
}

// Converts painted RGB24 pictures into the encoder's YUV layout (BT.709, limited range).
class RgbConverter {
 public:
  ~RgbConverter() { sws_freeContext(m_sws); }
  base::Result<void> convert(const std::filesystem::path& path, const std::vector<std::uint8_t>& rgb, AVFrame* frame) {
    if (rgb.size() != static_cast<std::size_t>(frame->width) * frame->height * 3) {
      return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": painted picture has the wrong size");
    }
    if (m_sws == nullptr) {
      m_sws = sws_getContext(frame->width, frame->height, AV_PIX_FMT_RGB24, frame->width, frame->height,
                             static_cast<AVPixelFormat>(frame->format), SWS_BILINEAR, nullptr, nullptr, nullptr);
      if (m_sws == nullptr) return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": cannot convert RGB");
      const int* bt709 = sws_getCoefficients(SWS_CS_ITU709);
      sws_setColorspaceDetails(m_sws, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16);
    }
    const std::uint8_t* src[1] = {rgb.data()};
    const int srcStride[1] = {frame->width * 3};
    sws_scale(m_sws, src, srcStride, 0, frame->height, frame->data, frame->linesize);
    return {};
  }

 private:
  SwsContext* m_sws = nullptr;
};

bool hasAudio(const VideoSpec& spec) { return spec.audioTone > 0 || !spec.audioSamples.empty(); }

std::string pixFmtFor(const VideoSpec& spec) {
  if (spec.codec == "prores_ks" && spec.pixFmt.rfind("yuv420", 0) == 0) return "yuv422p10le";
  return spec.pixFmt;
}

void setCodecOptions(AVCodecContext* ctx, const VideoSpec& spec) {
  const std::string gop = std::to_string(spec.gop);
  const std::string bf = std::to_string(spec.bFrames);
  if (spec.codec == "libx264") {
    av_opt_set(ctx->priv_data, "preset", spec.preset.c_str(), 0);
    av_opt_set(ctx->priv_data, "crf", "18", 0);
    av_opt_set(ctx->priv_data, "x264-params", "scenecut=0", 0);
  } else if (spec.codec == "libx265") {
    av_opt_set(ctx->priv_data, "preset", "ultrafast", 0);
    av_opt_set(ctx->priv_data, "crf", "18", 0);
    av_opt_set(ctx->priv_data, "x265-params",
               ("log-level=error:scenecut=0:keyint=" + gop + ":min-keyint=" + gop + ":bframes=" + bf).c_str(), 0);
  } else if (spec.codec == "libvpx-vp9") {
    av_opt_set(ctx->priv_data, "deadline", "realtime", 0);
    av_opt_set(ctx->priv_data, "cpu-used", "8", 0);
    av_opt_set(ctx->priv_data, "crf", "20", 0);
  }
}

base::Result<CodecContextPtr> openVideoCodec(const std::filesystem::path& path, const VideoSpec& spec,
                                             AVFormatContext* oc) {
  PL_TRY_ASSIGN(enc, findEncoder(path, spec.codec));
  const AVPixelFormat fmt = av_get_pix_fmt(pixFmtFor(spec).c_str());
  if (fmt == AV_PIX_FMT_NONE) {
    return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": unknown pixel format " + spec.pixFmt);
  }
  CodecContextPtr ctx(avcodec_alloc_context3(enc));
  ctx->width = spec.width;
  ctx->height = spec.height;
  ctx->pix_fmt = fmt;
  ctx->gop_size = spec.gop;
  ctx->max_b_frames = spec.bFrames;
  ctx->thread_count = 2;
  ctx->color_primaries = AVCOL_PRI_BT709;
  ctx->color_trc = AVCOL_TRC_BT709;
  ctx->colorspace = AVCOL_SPC_BT709;
  ctx->color_range = AVCOL_RANGE_MPEG;
  if (spec.ptsMillis.empty()) {
    ctx->time_base = AVRational{static_cast<int>(spec.fps.den()), static_cast<int>(spec.fps.num())};
    ctx->framerate = AVRational{static_cast<int>(spec.fps.num()), static_cast<int>(spec.fps.den())};
  } else {
    ctx->time_base = AVRational{1, 1000};
  }
  if ((oc->oformat->flags & AVFMT_GLOBALHEADER) != 0) ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  setCodecOptions(ctx.get(), spec);
  int rc = avcodec_open2(ctx.get(), enc, nullptr);
  if (rc < 0) return avError(path, "cannot open encoder " + spec.codec + " (" + pixFmtFor(spec) + ")", rc);
  return ctx;
}

base::Result<void> addRotation(const std::filesystem::path& path, AVStream* st, int rotation) {
  if (rotation == 0) return {};
  auto* matrix = reinterpret_cast<std::int32_t*>(
      av_stream_new_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, sizeof(std::int32_t) * 9));
  if (matrix == nullptr) return base::makeError(base::ErrorCode::Io, path.string() + ": cannot add the display matrix");
  av_display_rotation_set(matrix, rotation);  // set() takes clockwise degrees; get() returns counter-clockwise
  return {};
}

// Duration (codec time base) of the picture presented at `pts`: 1 frame for constant rate, the
// step to the next timestamp for variable rate (the last frame repeats the step before it).
DurationOf frameDurations(const VideoSpec& spec) {
  if (spec.ptsMillis.empty()) return [](std::int64_t) { return std::int64_t{1}; };
  return [&spec](std::int64_t pts) -> std::int64_t {
    const auto& t = spec.ptsMillis;
    const auto it = std::upper_bound(t.begin(), t.end(), pts);
    if (it != t.end()) return *it - pts;
    return t.size() > 1 ? t.back() - t[t.size() - 2] : 40;
  };
}

// Duration of the picture in seconds (for the audio track's length).
double videoSeconds(const VideoSpec& spec) {
  if (spec.ptsMillis.empty()) return spec.frames / spec.fps.toDouble();
  const std::int64_t last = spec.ptsMillis.back();
  const std::int64_t step = spec.ptsMillis.size() > 1 ? last - spec.ptsMillis[spec.ptsMillis.size() - 2] : 40;
  return static_cast<double>(last + step) / 1000.0;
}

base::Result<void> checkSpec(const std::filesystem::path& path, const VideoSpec& spec) {
  const bool rotOk = spec.rotation == 0 || spec.rotation == 90 || spec.rotation == 180 || spec.rotation == 270;
  if (spec.width <= 0 || spec.height <= 0 || spec.width % 2 != 0 || spec.height % 2 != 0 || !rotOk ||
      (spec.ptsMillis.empty() && (spec.frames <= 0 || spec.fps.num() <= 0)) ||
      std::adjacent_find(spec.ptsMillis.begin(), spec.ptsMillis.end(), std::greater_equal<>()) != spec.ptsMillis.end()) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           path.string() + ": video spec needs even size, frames, fps, rising timestamps and rotation 0/90/180/270");
  }
  return {};
}

// Encodes every picture (interleaving the audio that starts before each) and flushes the encoder.
base::Result<void> writePictures(const std::filesystem::path& path, AVFormatContext* oc, AVCodecContext* ctx,
                                 AVStream* st, const VideoSpec& spec, ToneTrack& audio) {
  const auto count = static_cast<std::int64_t>(spec.ptsMillis.empty() ? spec.frames : spec.ptsMillis.size());
  FramePtr frame(av_frame_alloc());
  const DurationOf durations = frameDurations(spec);
  RgbConverter converter;
  std::vector<std::uint8_t> rgb;
  for (std::int64_t i = 0; i < count; ++i) {
    const std::int64_t pts = spec.ptsMillis.empty() ? i : spec.ptsMillis[static_cast<std::size_t>(i)];
    // Interleave: write audio that starts before this picture.
    while (hasAudio(spec) && !audio.done() &&
           av_compare_ts(audio.nextSample(), audio.timeBase(), pts, ctx->time_base) <= 0) {
      PL_TRY(audio.writeNext());
    }
    av_frame_unref(frame.get());
    frame->format = ctx->pix_fmt;
    frame->width = spec.width;
    frame->height = spec.height;
    int rc = av_frame_get_buffer(frame.get(), 0);
    if (rc < 0) return avError(path, "cannot allocate a picture", rc);
    if (spec.painter) {
      spec.painter(i, rgb);
      PL_TRY(converter.convert(path, rgb, frame.get()));
    } else {
      drawPicture(frame.get(), spec, i);
    }
    frame->pts = pts;
    PL_TRY(encodeAndWrite(path, oc, ctx, st, frame.get(), durations));
  }
  return encodeAndWrite(path, oc, ctx, st, nullptr, durations);
}

base::Result<void> writeVideoFile(const std::filesystem::path& path, const VideoSpec& spec) {
  PL_TRY(checkSpec(path, spec));
  PL_TRY(findEncoder(path, spec.codec));
  if (hasAudio(spec)) PL_TRY(findEncoder(path, "aac"));
  if (spec.painter && spec.rotation != 0) {
    return base::makeError(base::ErrorCode::InvalidArgument, path.string() + ": a painted video cannot be rotated");
  }
  PL_TRY_ASSIGN(oc, openOutput(path));
  PL_TRY_ASSIGN(ctx, openVideoCodec(path, spec, oc.get()));
  PL_TRY_ASSIGN(st, addStream(path, oc.get(), ctx.get()));
  if (spec.ptsMillis.empty()) st->avg_frame_rate = ctx->framerate;
  PL_TRY(addRotation(path, st, spec.rotation));
  ToneTrack audio;
  if (hasAudio(spec)) {
    const auto total = static_cast<std::int64_t>(std::llround(videoSeconds(spec) * 48000.0));
    PL_TRY(audio.open(path, oc.get(), "aac", 48000, 2, total, spec.audioTone, false,
                      spec.audioSamples.empty() ? nullptr : &spec.audioSamples));
  }
  if (!spec.comment.empty()) av_dict_set(&oc->metadata, "comment", spec.comment.c_str(), 0);
  if (!spec.encoderTag.empty()) av_dict_set(&oc->metadata, "encoder", spec.encoderTag.c_str(), 0);
  PL_TRY(writeHeader(path, oc.get()));

  PL_TRY(writePictures(path, oc.get(), ctx.get(), st, spec, audio));
  if (hasAudio(spec)) {
    while (!audio.done()) PL_TRY(audio.writeNext());
    PL_TRY(audio.flush());
  }
  return writeTrailer(path, oc.get());
}

}  // namespace

base::Result<void> writeVideo(const std::filesystem::path& path, const VideoSpec& spec) {
  quietLibav();
  base::Result<void> r = writeVideoFile(path, spec);
  if (!r.ok()) removePartial(path);
  return r;
}

}  // namespace postline::media::ffmpeg
