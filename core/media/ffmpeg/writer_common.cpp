#include "core/media/ffmpeg/writer_common.h"

#include <algorithm>
#include <cmath>
#include <numbers>

extern "C" {
#include <libavutil/channel_layout.h>
}

namespace postline::media::ffmpeg {

void removePartial(const std::filesystem::path& path) {
  std::error_code ignored;
  std::filesystem::remove(path, ignored);
}

base::Result<OutputFormatPtr> openOutput(const std::filesystem::path& path) {
  AVFormatContext* raw = nullptr;
  int rc = avformat_alloc_output_context2(&raw, nullptr, nullptr, path.string().c_str());
  if (rc < 0 || raw == nullptr) return avError(path, "no muxer for this extension", rc < 0 ? rc : AVERROR_MUXER_NOT_FOUND);
  OutputFormatPtr oc(raw);
  if ((oc->oformat->flags & AVFMT_NOFILE) == 0) {
    rc = avio_open(&oc->pb, path.string().c_str(), AVIO_FLAG_WRITE);
    if (rc < 0) return avError(path, "cannot create file", rc);
  }
  return oc;
}

base::Result<const AVCodec*> findEncoder(const std::filesystem::path& path, const std::string& name) {
  const AVCodec* codec = avcodec_find_encoder_by_name(name.c_str());
  if (codec == nullptr) {
    return base::makeError(base::ErrorCode::NotFound, path.string() + ": encoder " + name + " is not available");
  }
  return codec;
}

base::Result<void> encodeAndWrite(const std::filesystem::path& path, AVFormatContext* oc, AVCodecContext* ctx,
                                  AVStream* stream, const AVFrame* frame, const DurationOf& durationOf) {
  int rc = avcodec_send_frame(ctx, frame);
  if (rc < 0 && !(frame == nullptr && rc == AVERROR_EOF)) return avError(path, "encoding failed", rc);
  PacketPtr pkt(av_packet_alloc());
  while (true) {
    rc = avcodec_receive_packet(ctx, pkt.get());
    if (rc == AVERROR(EAGAIN) || rc == AVERROR_EOF) return {};
    if (rc < 0) return avError(path, "encoding failed", rc);
    if (durationOf) {
      const std::int64_t d = durationOf(pkt->pts);
      if (d > 0) pkt->duration = d;
    }
    av_packet_rescale_ts(pkt.get(), ctx->time_base, stream->time_base);
    pkt->stream_index = stream->index;
    rc = av_interleaved_write_frame(oc, pkt.get());  // takes the packet's reference
    if (rc < 0) return avError(path, "writing failed", rc);
  }
}

base::Result<AVStream*> addStream(const std::filesystem::path& path, AVFormatContext* oc, const AVCodecContext* ctx) {
  AVStream* st = avformat_new_stream(oc, nullptr);
  if (st == nullptr) return base::makeError(base::ErrorCode::Io, path.string() + ": cannot add a stream");
  int rc = avcodec_parameters_from_context(st->codecpar, ctx);
  if (rc < 0) return avError(path, "cannot set stream parameters", rc);
  st->time_base = ctx->time_base;
  return st;
}

base::Result<void> writeHeader(const std::filesystem::path& path, AVFormatContext* oc) {
  // mp4/mov get their index at the front (as delivered files usually do), so a file cut short
  // still opens and shows its promised length.
  AVDictionary* opts = nullptr;
  const std::string muxer = oc->oformat->name;
  if (muxer == "mp4" || muxer == "mov") av_dict_set(&opts, "movflags", "+faststart", 0);
  int rc = avformat_write_header(oc, &opts);
  av_dict_free(&opts);
  if (rc < 0) return avError(path, "cannot write the container header", rc);
  return {};
}

base::Result<void> writeTrailer(const std::filesystem::path& path, AVFormatContext* oc) {
  int rc = av_write_trailer(oc);
  if (rc < 0) return avError(path, "cannot finish the file", rc);
  return {};
}

base::Result<void> ToneTrack::open(const std::filesystem::path& path, AVFormatContext* oc, const std::string& codec,
                                   int rate, int channels, std::int64_t totalSamples, double toneHz, bool ramp,
                                   const std::vector<float>* samples) {
  m_path = path;
  m_oc = oc;
  m_rate = rate;
  m_channels = channels;
  m_total = totalSamples;
  m_toneHz = toneHz;
  m_ramp = ramp;
  m_samples = samples;
  PL_TRY_ASSIGN(enc, findEncoder(path, codec));
  m_ctx.reset(avcodec_alloc_context3(enc));
  m_ctx->sample_fmt = enc->sample_fmts != nullptr ? enc->sample_fmts[0] : AV_SAMPLE_FMT_S16;
  m_ctx->sample_rate = rate;
  av_channel_layout_default(&m_ctx->ch_layout, channels);
  m_ctx->time_base = AVRational{1, rate};
  if (codec != "pcm_s16le") m_ctx->bit_rate = 64000L * std::min(channels, 2) * (channels > 2 ? 3 : 1);
  if ((oc->oformat->flags & AVFMT_GLOBALHEADER) != 0) m_ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  int rc = avcodec_open2(m_ctx.get(), enc, nullptr);
  if (rc < 0) return avError(path, "cannot open encoder " + codec, rc);
  m_frameSize = m_ctx->frame_size > 0 ? m_ctx->frame_size : 1024;
  PL_TRY_ASSIGN(st, addStream(path, oc, m_ctx.get()));
  m_stream = st;
  m_frame.reset(av_frame_alloc());
  return {};
}

double ToneTrack::sampleValue(std::int64_t index, int channel) const {
  if (m_samples != nullptr) {
    const auto at = static_cast<std::size_t>(index * m_channels + channel);
    return at < m_samples->size() ? std::clamp<double>((*m_samples)[at], -1.0, 1.0) : 0.0;
  }
  if (m_ramp && channel < 2) {
    const std::int64_t word = (channel == 0 ? index : index >> 16) & 0xFFFF;
    return static_cast<double>(word - 32768) / 32768.0;
  }
  const double t = static_cast<double>(index) / m_rate;
  return 0.5 * std::sin(2.0 * std::numbers::pi * m_toneHz * t);
}

void ToneTrack::fill(AVFrame* frame, int count) const {
  const auto fmt = static_cast<AVSampleFormat>(frame->format);
  const bool planar = av_sample_fmt_is_planar(fmt) != 0;
  const AVSampleFormat packed = av_get_packed_sample_fmt(fmt);
  for (int i = 0; i < count; ++i) {
    for (int c = 0; c < m_channels; ++c) {
      const double x = sampleValue(m_next + i, c);
      const int slot = planar ? i : i * m_channels + c;
      std::uint8_t* base = frame->extended_data[planar ? c : 0];
      if (packed == AV_SAMPLE_FMT_S16) {
        reinterpret_cast<std::int16_t*>(base)[slot] =
            static_cast<std::int16_t>(std::clamp<long>(std::lround(x * 32768.0), -32768, 32767));
      } else if (packed == AV_SAMPLE_FMT_S32) {
        reinterpret_cast<std::int32_t*>(base)[slot] =
            static_cast<std::int32_t>(std::clamp<long long>(std::llround(x * 2147483648.0), INT32_MIN, INT32_MAX));
      } else if (packed == AV_SAMPLE_FMT_FLT) {
        reinterpret_cast<float*>(base)[slot] = static_cast<float>(x);
      } else if (packed == AV_SAMPLE_FMT_DBL) {
        reinterpret_cast<double*>(base)[slot] = x;
      }
    }
  }
}

base::Result<void> ToneTrack::writeNext() {
  if (done()) return flush();
  const int count = static_cast<int>(std::min<std::int64_t>(m_frameSize, m_total - m_next));
  av_frame_unref(m_frame.get());
  m_frame->format = m_ctx->sample_fmt;
  m_frame->sample_rate = m_rate;
  m_frame->nb_samples = count;
  av_channel_layout_copy(&m_frame->ch_layout, &m_ctx->ch_layout);
  int rc = av_frame_get_buffer(m_frame.get(), 0);
  if (rc < 0) return avError(m_path, "cannot allocate audio", rc);
  fill(m_frame.get(), count);
  m_frame->pts = m_next;
  m_next += count;
  return encodeAndWrite(m_path, m_oc, m_ctx.get(), m_stream, m_frame.get());
}

base::Result<void> ToneTrack::flush() { return encodeAndWrite(m_path, m_oc, m_ctx.get(), m_stream, nullptr); }

}  // namespace postline::media::ffmpeg
