#include "core/media/ffmpeg/ffmpeg_audio_decoder.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <numeric>
#include <optional>
#include <utility>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "core/time/rational.h"

namespace postline::media::ffmpeg {

namespace {

constexpr std::int64_t kOutRate = time::kSampleRate;
constexpr std::int64_t kForwardSkip = kOutRate * 2;   // decode forward rather than seek within 2 s
constexpr auto kOperationTimeout = std::chrono::seconds(20);
constexpr double kMinus3dB = 0.70710678118654752;     // ITU-R BS.775 centre/surround gain

// (left, right) gains of one source channel in the stereo downmix.
std::pair<double, double> downmixGains(AVChannel ch, int channelCount) {
  if (channelCount == 1) return {1.0, 1.0};
  switch (ch) {
    case AV_CHAN_FRONT_LEFT: case AV_CHAN_FRONT_LEFT_OF_CENTER: case AV_CHAN_WIDE_LEFT:
      return {1.0, 0.0};
    case AV_CHAN_FRONT_RIGHT: case AV_CHAN_FRONT_RIGHT_OF_CENTER: case AV_CHAN_WIDE_RIGHT:
      return {0.0, 1.0};
    case AV_CHAN_SIDE_LEFT: case AV_CHAN_BACK_LEFT: case AV_CHAN_TOP_FRONT_LEFT: case AV_CHAN_TOP_BACK_LEFT:
      return {kMinus3dB, 0.0};
    case AV_CHAN_SIDE_RIGHT: case AV_CHAN_BACK_RIGHT: case AV_CHAN_TOP_FRONT_RIGHT: case AV_CHAN_TOP_BACK_RIGHT:
      return {0.0, kMinus3dB};
    case AV_CHAN_LOW_FREQUENCY: case AV_CHAN_LOW_FREQUENCY_2:
      return {0.0, 0.0};
    default:  // centre, back centre, top centre and unknown roles: both sides at -3 dB
      return {kMinus3dB, kMinus3dB};
  }
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

time::Int128 floorDiv(time::Int128 a, time::Int128 b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0); }

// Presentation time of the file's start in seconds: the earliest start of its audio and video
// streams (cover pictures aside), never below 0. MP3's trimmed encoder delay thus sits at 0.
time::Rational fileOrigin(const AVFormatContext* fmt) {
  std::optional<time::Rational> origin;
  for (unsigned i = 0; i < fmt->nb_streams; ++i) {
    const AVStream* st = fmt->streams[i];
    const AVMediaType type = st->codecpar->codec_type;
    if ((type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_VIDEO) || st->start_time == AV_NOPTS_VALUE ||
        (st->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0) {
      continue;
    }
    auto start = time::makeRational128(static_cast<time::Int128>(st->start_time) * st->time_base.num, st->time_base.den);
    if (start.ok() && (!origin || start.value() < *origin)) origin = start.value();
  }
  return origin && !origin->isNegative() ? *origin : time::Rational{0};
}

}  // namespace

base::Result<std::unique_ptr<FfmpegAudioDecoder>> FfmpegAudioDecoder::open(const std::filesystem::path& path) {
  std::unique_ptr<FfmpegAudioDecoder> dec(new FfmpegAudioDecoder(std::filesystem::absolute(path)));
  PL_TRY(dec->openPipeline());
  dec->describeStream();
  return dec;
}

// (Re)opens the file and the codec; the pipeline then sits at the start of the stream.
base::Result<void> FfmpegAudioDecoder::openPipeline() {
  m_codec.reset();
  m_format.reset();
  m_swr.reset();
  m_swrFormat = -1;
  m_deadline.until = std::chrono::steady_clock::now() + kOperationTimeout;
  PL_TRY_ASSIGN(format, openInput(m_path, m_deadline));
  m_format = std::move(format);
  const AVCodec* codec = nullptr;
  const int idx = av_find_best_stream(m_format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
  if (idx == AVERROR_STREAM_NOT_FOUND) {
    return base::makeError(base::ErrorCode::NotFound, m_path.string() + ": has no audio stream");
  }
  if (idx < 0 || codec == nullptr) {
    return base::makeError(base::ErrorCode::Parse, m_path.string() + ": unsupported audio codec");
  }
  const AVStream* st = m_format->streams[idx];
  m_codec.reset(avcodec_alloc_context3(codec));
  if (!m_codec) return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  int rc = avcodec_parameters_to_context(m_codec.get(), st->codecpar);
  if (rc < 0) return fail("cannot configure the audio decoder", rc);
  m_codec->pkt_timebase = st->time_base;
  rc = avcodec_open2(m_codec.get(), codec, nullptr);
  if (rc < 0) return fail("cannot open the audio decoder", rc);
  if (m_codec->sample_rate <= 0 || m_codec->ch_layout.nb_channels <= 0) {
    return base::makeError(base::ErrorCode::Parse, m_path.string() + ": audio stream has no sample rate or channels");
  }
  m_stream = idx;
  m_timeBase = st->time_base;
  m_origin = fileOrigin(m_format.get());
  m_srcRate = m_codec->sample_rate;
  if (!m_packet) m_packet.reset(av_packet_alloc());
  if (!m_frame) m_frame.reset(av_frame_alloc());
  if (!m_packet || !m_frame) return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  m_fresh = true;
  resetPipeline(true);
  return {};
}

// Fills m_info, the resampling grid, the pre-roll and the estimated length.
void FfmpegAudioDecoder::describeStream() {
  const AVStream* st = m_format->streams[m_stream];
  char layout[128] = {};
  av_channel_layout_describe(&m_codec->ch_layout, layout, sizeof layout);
  m_info.codec = avcodec_get_name(st->codecpar->codec_id);
  m_info.sampleRate = m_srcRate;
  m_info.channels = m_codec->ch_layout.nb_channels;
  m_info.layout = layout;
  const std::int64_t g = std::gcd(static_cast<std::int64_t>(m_srcRate), kOutRate);
  m_gridIn = m_srcRate / g;
  m_gridOut = kOutRate / g;
  const bool pcm = st->codecpar->codec_id >= AV_CODEC_ID_PCM_S16LE && st->codecpar->codec_id < AV_CODEC_ID_ADPCM_IMA_QT;
  m_preRoll = (pcm && m_srcRate == kOutRate) ? 0 : kPreRollSamples;
  if (st->duration != AV_NOPTS_VALUE && st->duration > 0) {
    m_estimatedLength = av_rescale_q(st->duration, st->time_base, AVRational{1, static_cast<int>(kOutRate)});
  } else if (m_format->duration > 0) {
    m_estimatedLength = av_rescale(m_format->duration, kOutRate, AV_TIME_BASE);
  }
  m_info.durationS = static_cast<double>(m_estimatedLength) / static_cast<double>(kOutRate);
}

time::SampleCount FfmpegAudioDecoder::length() const { return {m_endKnown ? m_length : m_estimatedLength}; }

base::Result<AudioBlock> FfmpegAudioDecoder::read(time::SamplePos start, time::SampleCount count) {
  if (count.value < 0) {
    return base::makeError(base::ErrorCode::InvalidArgument, m_path.string() + ": negative audio read length");
  }
  AudioBlock block;
  block.start = start.value;
  block.left.assign(static_cast<std::size_t>(count.value), 0.0f);
  block.right.assign(static_cast<std::size_t>(count.value), 0.0f);
  const std::int64_t end = start.value + count.value;
  const std::int64_t from = std::max<std::int64_t>(start.value, 0);
  if (from >= end || (m_endKnown && from >= m_length)) return block;
  m_deadline.until = std::chrono::steady_clock::now() + kOperationTimeout;  // for seeks; renewed per packet
  if (!canContinueFrom(from)) PL_TRY(seekTo(from));
  while (m_positioned && !m_atEnd && bufferEnd() < end) {
    dropBefore(from);
    PL_TRY(decodeMore());
  }
  dropBefore(from);
  const std::int64_t lo = std::max(from, m_bufStart);
  const std::int64_t hi = std::min(end, bufferEnd());
  for (std::int64_t p = lo; p < hi; ++p) {
    block.left[static_cast<std::size_t>(p - start.value)] = m_left[static_cast<std::size_t>(p - m_bufStart)];
    block.right[static_cast<std::size_t>(p - start.value)] = m_right[static_cast<std::size_t>(p - m_bufStart)];
  }
  return block;
}

bool FfmpegAudioDecoder::canContinueFrom(std::int64_t pos) const {
  if (!m_positioned || (m_needAnchor && !m_silentBefore)) return false;  // lost, or a seek found nothing
  if (pos < m_bufStart && !m_silentBefore) return false;
  return pos <= bufferEnd() + kForwardSkip;
}

// Positions the pipeline so that it delivers `pos` (and what follows) as a sequential read would.
base::Result<void> FfmpegAudioDecoder::seekTo(std::int64_t pos) {
  for (int attempt = 0; attempt < 4; ++attempt) {
    const std::int64_t from = pos - (m_preRoll << attempt) - (attempt > 0 ? kOutRate : 0);
    if (from <= 0) break;
    PL_TRY_ASSIGN(ok, seekAttempt(from));
    if (!ok) break;
    if (m_atEnd || m_bufStart <= pos) return {};
  }
  return seekStart();
}

base::Result<void> FfmpegAudioDecoder::seekStart() {
  if (m_fresh) {
    resetPipeline(true);
    return {};
  }
  return openPipeline();
}

// Seeks the demuxer at or before 48 kHz position `from` and decodes until the first frame
// fixes the position. False when the demuxer cannot seek or gives no timestamps.
base::Result<bool> FfmpegAudioDecoder::seekAttempt(std::int64_t from) {
  // ts = floor((from / 48000 + origin) / timeBase), exactly.
  const time::Int128 num = (static_cast<time::Int128>(from) * m_origin.den() + static_cast<time::Int128>(m_origin.num()) * kOutRate) *
                           m_timeBase.den;
  const std::int64_t ts = static_cast<std::int64_t>(floorDiv(num, static_cast<time::Int128>(kOutRate) * m_origin.den() * m_timeBase.num));
  if (av_seek_frame(m_format.get(), m_stream, ts, AVSEEK_FLAG_BACKWARD) < 0) return false;
  avcodec_flush_buffers(m_codec.get());
  resetPipeline(false);
  m_fresh = false;
  while (m_needAnchor && !m_atEnd && m_positioned) PL_TRY(decodeMore());
  return m_positioned;
}

void FfmpegAudioDecoder::resetPipeline(bool fromStart) {
  m_swr.reset();
  m_swrFormat = -1;
  m_left.clear();
  m_right.clear();
  m_bufStart = 0;
  m_positioned = true;
  m_needAnchor = true;
  m_silentBefore = fromStart;
  m_pump.inputDone = false;
  m_atEnd = false;
  m_pump.badPackets = 0;
}

// Decodes one more frame into the buffer (or finishes the stream).
base::Result<void> FfmpegAudioDecoder::decodeMore() {
  m_fresh = false;
  for (;;) {
    PL_TRY_ASSIGN(got, receiveFrame());
    if (got || m_atEnd || !m_positioned) return {};
    PL_TRY(sendNextPacket());
  }
}

// True when a frame was received and consumed; false when the decoder needs input (or ended).
base::Result<bool> FfmpegAudioDecoder::receiveFrame() {
  PL_TRY_ASSIGN(step, receiveAudioFrame(pump()));
  if (step == PumpStep::Ended) finishStream();
  if (step != PumpStep::Frame) return false;
  auto result = consume(m_frame.get());
  av_frame_unref(m_frame.get());
  if (!result.ok()) return result.error();
  return true;
}

base::Result<void> FfmpegAudioDecoder::sendNextPacket() {
  PL_TRY_ASSIGN(step, sendAudioPacket(pump()));
  if (step == PumpStep::Ended) finishStream();
  return {};
}

// The pump over this object's current libav objects.
AudioPump& FfmpegAudioDecoder::pump() {
  m_pump.format = m_format.get();
  m_pump.codec = m_codec.get();
  m_pump.packet = m_packet.get();
  m_pump.frame = m_frame.get();
  m_pump.stream = m_stream;
  m_pump.deadline = &m_deadline;
  m_pump.path = &m_path;
  return m_pump;
}

base::Result<void> FfmpegAudioDecoder::consume(const AVFrame* frame) {
  if (frame->nb_samples <= 0) return {};
  if (frame->sample_rate != m_srcRate) {
    return base::makeError(base::ErrorCode::Parse, m_path.string() + ": audio sample rate changes mid-stream");
  }
  int skip = 0;
  if (m_needAnchor) {
    PL_TRY_ASSIGN(s, anchor(frame));
    if (s < 0 || s >= frame->nb_samples) return {};  // not anchored yet (or frame before the grid point)
    skip = s;
  }
  if (frame->format != m_swrFormat || frame->ch_layout.nb_channels != m_swrChannels || !m_swr) {
    PL_TRY(makeResampler(frame));
  }
  const int bytes = av_get_bytes_per_sample(static_cast<AVSampleFormat>(frame->format));
  const bool planar = av_sample_fmt_is_planar(static_cast<AVSampleFormat>(frame->format)) != 0;
  const int channels = frame->ch_layout.nb_channels;
  std::vector<const std::uint8_t*> in(static_cast<std::size_t>(planar ? channels : 1));
  for (std::size_t i = 0; i < in.size(); ++i) {
    in[i] = frame->extended_data[i] + static_cast<std::ptrdiff_t>(skip) * bytes * (planar ? 1 : channels);
  }
  return convert(in.data(), frame->nb_samples - skip);
}

// Fixes the buffer's 48 kHz position from the first frame after a seek. Returns the source
// samples to skip so the resampler starts on a grid point, or -1 when this frame has no usable
// timestamp (the pipeline is then abandoned and the caller falls back to the start).
base::Result<int> FfmpegAudioDecoder::anchor(const AVFrame* frame) {
  std::int64_t ts = frame->best_effort_timestamp;
  if (ts == AV_NOPTS_VALUE) ts = frame->pts;
  std::int64_t srcPos = 0;
  if (ts != AV_NOPTS_VALUE) {
    // (ts * timeBase - origin) * srcRate, rounded once.
    const time::Int128 num =
        (static_cast<time::Int128>(ts) * m_timeBase.num * m_origin.den() - static_cast<time::Int128>(m_origin.num()) * m_timeBase.den) *
        m_srcRate;
    PL_TRY_ASSIGN(p, time::roundNearest(num, static_cast<time::Int128>(m_timeBase.den) * m_origin.den()));
    srcPos = p;
  } else if (!m_silentBefore) {
    m_positioned = false;  // cannot place this frame: seekTo falls back to the start
    return -1;
  }
  const std::int64_t gridPoint = ceilDiv(srcPos, m_gridIn) * m_gridIn;
  const std::int64_t skip = gridPoint - srcPos;
  if (skip >= frame->nb_samples) return static_cast<int>(skip);
  m_bufStart = gridPoint / m_gridIn * m_gridOut;
  m_needAnchor = false;
  return static_cast<int>(skip);
}

base::Result<void> FfmpegAudioDecoder::makeResampler(const AVFrame* frame) {
  AVChannelLayout in{};
  if (frame->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
    av_channel_layout_default(&in, frame->ch_layout.nb_channels);
  } else if (av_channel_layout_copy(&in, &frame->ch_layout) < 0) {
    return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  }
  AVChannelLayout out = AV_CHANNEL_LAYOUT_STEREO;
  SwrContext* raw = nullptr;
  int rc = swr_alloc_set_opts2(&raw, &out, AV_SAMPLE_FMT_FLTP, static_cast<int>(kOutRate), &in,
                               static_cast<AVSampleFormat>(frame->format), frame->sample_rate, 0, nullptr);
  SwrPtr swr(raw);
  const int n = in.nb_channels;
  std::vector<double> matrix(static_cast<std::size_t>(2 * n));
  for (int i = 0; i < n; ++i) {
    const auto [l, r] = downmixGains(av_channel_layout_channel_from_index(&in, static_cast<unsigned>(i)), n);
    matrix[static_cast<std::size_t>(i)] = l;
    matrix[static_cast<std::size_t>(n + i)] = r;
  }
  av_channel_layout_uninit(&in);
  if (rc >= 0) rc = swr_set_matrix(swr.get(), matrix.data(), n);
  if (rc >= 0) rc = swr_init(swr.get());
  if (rc < 0) return fail("cannot set up audio conversion", rc);
  m_swr = std::move(swr);
  m_swrFormat = frame->format;
  m_swrChannels = frame->ch_layout.nb_channels;
  return {};
}

// Converts `count` source samples (count == 0 drains the resampler) onto the buffer's end.
base::Result<void> FfmpegAudioDecoder::convert(const std::uint8_t** in, int count) {
  for (;;) {
    const int cap = swr_get_out_samples(m_swr.get(), count) + 16;
    const std::size_t old = m_left.size();
    m_left.resize(old + static_cast<std::size_t>(cap));
    m_right.resize(old + static_cast<std::size_t>(cap));
    std::array<std::uint8_t*, 2> out = {reinterpret_cast<std::uint8_t*>(m_left.data() + old),
                                        reinterpret_cast<std::uint8_t*>(m_right.data() + old)};
    const int got = swr_convert(m_swr.get(), out.data(), cap, count > 0 ? in : nullptr, count);
    m_left.resize(old + static_cast<std::size_t>(std::max(got, 0)));
    m_right.resize(m_left.size());
    if (got < 0) return fail("cannot convert audio", got);
    if (count > 0 || got == 0) return {};
  }
}

// The decoder is drained: flush the resampler's tail and record the exact length.
void FfmpegAudioDecoder::finishStream() {
  if (m_swr && !m_needAnchor) {
    auto drained = convert(nullptr, 0);
    (void)drained;
  }
  m_atEnd = true;
  if (!m_needAnchor && !m_endKnown) {
    m_endKnown = true;
    m_length = bufferEnd();
  }
}

void FfmpegAudioDecoder::dropBefore(std::int64_t pos) {
  if (pos <= m_bufStart || m_left.empty()) return;
  const std::int64_t n = std::min<std::int64_t>(pos - m_bufStart, static_cast<std::int64_t>(m_left.size()));
  m_left.erase(m_left.begin(), m_left.begin() + n);
  m_silentBefore = false;  // what lies before the buffer now is dropped audio, not silence
  m_right.erase(m_right.begin(), m_right.begin() + n);
  m_bufStart += n;
}

}  // namespace postline::media::ffmpeg

namespace postline::media {

base::Result<std::unique_ptr<AudioDecoder>> openAudioDecoder(const std::filesystem::path& path) {
  PL_TRY_ASSIGN(dec, ffmpeg::FfmpegAudioDecoder::open(path));
  return std::unique_ptr<AudioDecoder>(std::move(dec));
}

}  // namespace postline::media
