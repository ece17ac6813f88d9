#include "core/export/ffmpeg/audio_stream.h"

#include <algorithm>
#include <string>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

namespace postline::exporting::ffmpeg {
namespace {

bool supportsRate(const AVCodec* enc, int rate) {
  if (enc->supported_samplerates == nullptr) return true;
  for (const int* r = enc->supported_samplerates; *r != 0; ++r) {
    if (*r == rate) return true;
  }
  return false;
}

// The codec's preferred sample format: float (planar or not) when offered, else its first one.
AVSampleFormat pickSampleFormat(const AVCodec* enc) {
  if (enc->sample_fmts == nullptr) return AV_SAMPLE_FMT_FLTP;
  for (const AVSampleFormat* f = enc->sample_fmts; *f != AV_SAMPLE_FMT_NONE; ++f) {
    if (*f == AV_SAMPLE_FMT_FLTP || *f == AV_SAMPLE_FMT_FLT) return *f;
  }
  return enc->sample_fmts[0];
}

}  // namespace

base::Result<void> AudioStream::open(const std::filesystem::path& file, AVFormatContext* oc, const EncoderSettings& s) {
  m_file = file;
  m_oc = oc;
  m_channels = s.channels;
  PL_TRY_ASSIGN(enc, findEncoder(file, s.audioCodec));
  if (!supportsRate(enc, s.sampleRate)) {
    return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": encoder " + s.audioCodec +
                                                                 " cannot encode " + std::to_string(s.sampleRate) + " Hz");
  }
  m_ctx.reset(avcodec_alloc_context3(enc));
  if (!m_ctx) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  m_ctx->sample_fmt = pickSampleFormat(enc);
  m_ctx->sample_rate = s.sampleRate;
  av_channel_layout_default(&m_ctx->ch_layout, s.channels);
  m_ctx->bit_rate = s.audioBitrate;
  m_ctx->time_base = AVRational{1, s.sampleRate};
  if ((oc->oformat->flags & AVFMT_GLOBALHEADER) != 0) m_ctx->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
  int rc = avcodec_open2(m_ctx.get(), enc, nullptr);
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "cannot open encoder " + s.audioCodec, rc);
  const bool variable = (enc->capabilities & AV_CODEC_CAP_VARIABLE_FRAME_SIZE) != 0;
  m_frameSize = (m_ctx->frame_size > 0 && !variable) ? m_ctx->frame_size : 1024;
  m_fullFramesOnly = !variable && (enc->capabilities & AV_CODEC_CAP_SMALL_LAST_FRAME) == 0;
  PL_TRY_ASSIGN(st, addStream(file, oc, m_ctx.get()));
  m_stream = st;

  SwrContext* swr = nullptr;
  rc = swr_alloc_set_opts2(&swr, &m_ctx->ch_layout, m_ctx->sample_fmt, s.sampleRate, &m_ctx->ch_layout,
                           AV_SAMPLE_FMT_FLT, s.sampleRate, 0, nullptr);
  m_swr.reset(swr);
  if (rc >= 0) rc = swr_init(m_swr.get());
  if (rc < 0) return avFail(base::ErrorCode::InvalidArgument, file, "cannot set up audio conversion", rc);
  m_frame.reset(av_frame_alloc());
  if (!m_frame) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  m_pending.reserve(static_cast<std::size_t>(m_frameSize * m_channels));
  return {};
}

base::Result<AVFrame*> AudioStream::frameFor(int count) {
  AVFrame* f = m_frame.get();
  if (f->nb_samples == count && f->data[0] != nullptr) {
    const int rc = av_frame_make_writable(f);
    if (rc < 0) return avFail(base::ErrorCode::Io, m_file, "cannot allocate audio", rc);
    return f;
  }
  av_frame_unref(f);
  f->format = m_ctx->sample_fmt;
  f->sample_rate = m_ctx->sample_rate;
  f->nb_samples = count;
  av_channel_layout_copy(&f->ch_layout, &m_ctx->ch_layout);
  const int rc = av_frame_get_buffer(f, 0);
  if (rc < 0) return avFail(base::ErrorCode::Io, m_file, "cannot allocate audio", rc);
  return f;
}

base::Result<void> AudioStream::encodeChunk(const float* interleaved, int count) {
  PL_TRY_ASSIGN(frame, frameFor(count));
  const auto* in = reinterpret_cast<const std::uint8_t*>(interleaved);
  const int rc = swr_convert(m_swr.get(), frame->data, count, &in, count);
  if (rc != count) return avFail(base::ErrorCode::InvalidArgument, m_file, "audio conversion failed", rc < 0 ? rc : AVERROR_BUG);
  frame->pts = m_next;
  m_next += count;
  return encodeAndWrite(m_file, m_oc, m_ctx.get(), m_stream, frame, 0);
}

base::Result<void> AudioStream::push(const float* interleaved, std::size_t frames) {
  const auto ch = static_cast<std::size_t>(m_channels);
  const auto full = static_cast<std::size_t>(m_frameSize);
  std::size_t used = 0;
  // Complete the buffered partial frame first, then encode straight from the caller's memory.
  if (!m_pending.empty()) {
    used = std::min(frames, full - m_pending.size() / ch);
    m_pending.insert(m_pending.end(), interleaved, interleaved + used * ch);
    if (m_pending.size() < full * ch) {
      m_pushed += static_cast<std::int64_t>(frames);
      return {};
    }
    PL_TRY(encodeChunk(m_pending.data(), m_frameSize));
    m_pending.clear();
  }
  while (frames - used >= full) {
    PL_TRY(encodeChunk(interleaved + used * ch, m_frameSize));
    used += full;
  }
  m_pending.insert(m_pending.end(), interleaved + used * ch, interleaved + frames * ch);
  m_pushed += static_cast<std::int64_t>(frames);
  return {};
}

base::Result<void> AudioStream::flush() {
  if (!m_pending.empty()) {
    const auto ch = static_cast<std::size_t>(m_channels);
    if (m_fullFramesOnly) m_pending.resize(static_cast<std::size_t>(m_frameSize) * ch, 0.0f);
    PL_TRY(encodeChunk(m_pending.data(), static_cast<int>(m_pending.size() / ch)));
    m_pending.clear();
  }
  return encodeAndWrite(m_file, m_oc, m_ctx.get(), m_stream, nullptr, 0);
}

}  // namespace postline::exporting::ffmpeg
