// libav implementation of MultichannelReader (see core/media/audio_channels.h for the rules).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
}

#include "core/media/audio_channels.h"
#include "core/media/ffmpeg/libav_util.h"
#include "core/time/units.h"

namespace postline::media::ffmpeg {

namespace {

constexpr int kOutRate = static_cast<int>(time::kSampleRate);
constexpr auto kOperationTimeout = std::chrono::seconds(20);

bool hasChannel(const AVChannelLayout& layout, AVChannel ch) { return av_channel_layout_index_from_channel(&layout, ch) >= 0; }

// Position of one channel of `layout` (see ChannelPosition for the mapping).
ChannelPosition positionOf(const AVChannelLayout& layout, AVChannel ch) {
  const bool sides = hasChannel(layout, AV_CHAN_SIDE_LEFT) || hasChannel(layout, AV_CHAN_SIDE_RIGHT);
  switch (ch) {
    case AV_CHAN_FRONT_LEFT: return ChannelPosition::Left;
    case AV_CHAN_FRONT_RIGHT: return ChannelPosition::Right;
    case AV_CHAN_FRONT_CENTER: return ChannelPosition::Center;
    case AV_CHAN_LOW_FREQUENCY: case AV_CHAN_LOW_FREQUENCY_2: return ChannelPosition::Lfe;
    case AV_CHAN_SIDE_LEFT: return ChannelPosition::LeftSurround;
    case AV_CHAN_SIDE_RIGHT: return ChannelPosition::RightSurround;
    case AV_CHAN_BACK_LEFT: return sides ? ChannelPosition::Other : ChannelPosition::LeftSurround;
    case AV_CHAN_BACK_RIGHT: return sides ? ChannelPosition::Other : ChannelPosition::RightSurround;
    default: return ChannelPosition::Other;
  }
}

class FfmpegAudioReader final : public MultichannelReader {
 public:
  explicit FfmpegAudioReader(std::filesystem::path path) : m_path(std::move(path)) {}
  ~FfmpegAudioReader() override { av_channel_layout_uninit(&m_layout); }
  FfmpegAudioReader(const FfmpegAudioReader&) = delete;
  FfmpegAudioReader& operator=(const FfmpegAudioReader&) = delete;

  base::Result<void> open();
  int channels() const override { return m_channels; }
  const std::vector<ChannelPosition>& positions() const override { return m_positions; }
  base::Result<std::size_t> read(float* interleaved, std::size_t maxFrames) override;
  const std::filesystem::path& path() const override { return m_path; }

 private:
  base::Result<void> openCodec(const AVCodec* codec, const AVStream* st);
  base::Result<void> decodeMore();
  base::Result<bool> receiveFrame();
  base::Result<void> sendNextPacket();
  AudioPump& pump();
  base::Result<void> consume(const AVFrame* frame);
  base::Result<void> makeResampler(const AVFrame* frame);
  base::Result<void> convert(const std::uint8_t* const* in, int count);
  void finishStream();
  base::Error fail(const std::string& what, int code) const { return avError(m_path, what, code); }
  base::Error parseError(const std::string& what) const {
    return base::makeError(base::ErrorCode::Parse, m_path.string() + ": " + what);
  }

  std::filesystem::path m_path;
  Deadline m_deadline;
  InputFormatPtr m_format;
  CodecContextPtr m_codec;
  SwrPtr m_swr;
  PacketPtr m_packet;
  FramePtr m_frame;
  AVChannelLayout m_layout{};          // input and output layout of the resampler
  int m_stream = -1;
  int m_channels = 0;
  std::vector<ChannelPosition> m_positions;
  int m_swrFormat = -1;                // resampler input format and rate (rebuilt on change)
  int m_swrRate = 0;
  std::vector<float> m_buf;            // converted interleaved frames not yet read
  std::size_t m_bufPos = 0;            // floats of m_buf already handed out
  bool m_atEnd = false;                // nothing more will be produced
  AudioPump m_pump;                    // the demux/decode pump
};

base::Result<void> FfmpegAudioReader::open() {
  m_deadline.until = std::chrono::steady_clock::now() + kOperationTimeout;
  PL_TRY_ASSIGN(format, openInput(m_path, m_deadline));
  m_format = std::move(format);
  const AVCodec* codec = nullptr;
  const int idx = av_find_best_stream(m_format.get(), AVMEDIA_TYPE_AUDIO, -1, -1, &codec, 0);
  if (idx == AVERROR_STREAM_NOT_FOUND) {
    return base::makeError(base::ErrorCode::NotFound, m_path.string() + ": has no audio stream");
  }
  if (idx < 0 || codec == nullptr) return parseError("unsupported audio codec");
  m_stream = idx;
  PL_TRY(openCodec(codec, m_format->streams[idx]));
  if (m_codec->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) {
    av_channel_layout_default(&m_layout, m_codec->ch_layout.nb_channels);
  } else if (av_channel_layout_copy(&m_layout, &m_codec->ch_layout) < 0) {
    return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  }
  m_channels = m_layout.nb_channels;
  for (int i = 0; i < m_channels; ++i) {
    m_positions.push_back(positionOf(m_layout, av_channel_layout_channel_from_index(&m_layout, static_cast<unsigned>(i))));
  }
  m_packet.reset(av_packet_alloc());
  m_frame.reset(av_frame_alloc());
  if (!m_packet || !m_frame) return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  return {};
}

base::Result<void> FfmpegAudioReader::openCodec(const AVCodec* codec, const AVStream* st) {
  m_codec.reset(avcodec_alloc_context3(codec));
  if (!m_codec) return base::makeError(base::ErrorCode::Io, m_path.string() + ": out of memory");
  int rc = avcodec_parameters_to_context(m_codec.get(), st->codecpar);
  if (rc < 0) return fail("cannot configure the audio decoder", rc);
  m_codec->pkt_timebase = st->time_base;
  rc = avcodec_open2(m_codec.get(), codec, nullptr);
  if (rc < 0) return fail("cannot open the audio decoder", rc);
  if (m_codec->sample_rate <= 0 || m_codec->ch_layout.nb_channels <= 0) {
    return parseError("audio stream has no sample rate or channels");
  }
  return {};
}

base::Result<std::size_t> FfmpegAudioReader::read(float* interleaved, std::size_t maxFrames) {
  const auto ch = static_cast<std::size_t>(m_channels);
  std::size_t done = 0;
  while (done < maxFrames) {
    const std::size_t avail = (m_buf.size() - m_bufPos) / ch;
    if (avail == 0) {
      if (m_atEnd) break;
      m_buf.clear();
      m_bufPos = 0;
      PL_TRY(decodeMore());
      continue;
    }
    const std::size_t n = std::min(avail, maxFrames - done);
    std::memcpy(interleaved + done * ch, m_buf.data() + m_bufPos, n * ch * sizeof(float));
    m_bufPos += n * ch;
    done += n;
  }
  return done;
}

// Decodes until at least one frame has been converted, or the stream has ended.
base::Result<void> FfmpegAudioReader::decodeMore() {
  for (;;) {
    PL_TRY_ASSIGN(got, receiveFrame());
    if (got || m_atEnd) return {};
    PL_TRY(sendNextPacket());
  }
}

// True when a frame was received and consumed; false when the decoder needs input (or ended).
base::Result<bool> FfmpegAudioReader::receiveFrame() {
  PL_TRY_ASSIGN(step, receiveAudioFrame(pump()));
  if (step == PumpStep::Ended) finishStream();
  if (step != PumpStep::Frame) return false;
  auto result = consume(m_frame.get());
  av_frame_unref(m_frame.get());
  if (!result.ok()) return result.error();
  return true;
}

base::Result<void> FfmpegAudioReader::sendNextPacket() {
  PL_TRY_ASSIGN(step, sendAudioPacket(pump()));
  if (step == PumpStep::Ended) finishStream();
  return {};
}

// The pump over this object's current libav objects.
AudioPump& FfmpegAudioReader::pump() {
  m_pump.format = m_format.get();
  m_pump.codec = m_codec.get();
  m_pump.packet = m_packet.get();
  m_pump.frame = m_frame.get();
  m_pump.stream = m_stream;
  m_pump.deadline = &m_deadline;
  m_pump.path = &m_path;
  return m_pump;
}

base::Result<void> FfmpegAudioReader::consume(const AVFrame* frame) {
  if (frame->nb_samples <= 0) return {};
  if (frame->ch_layout.nb_channels != m_channels) return parseError("audio channel count changes mid-stream");
  if (!m_swr || frame->format != m_swrFormat || frame->sample_rate != m_swrRate) {
    if (m_swr) PL_TRY(convert(nullptr, 0));  // flush the old resampler's tail first
    PL_TRY(makeResampler(frame));
  }
  return convert(frame->extended_data, frame->nb_samples);
}

// A resampler from the frame's format and rate to 48 kHz float interleaved, same layout.
base::Result<void> FfmpegAudioReader::makeResampler(const AVFrame* frame) {
  SwrContext* raw = nullptr;
  int rc = swr_alloc_set_opts2(&raw, &m_layout, AV_SAMPLE_FMT_FLT, kOutRate, &m_layout,
                               static_cast<AVSampleFormat>(frame->format), frame->sample_rate, 0, nullptr);
  SwrPtr swr(raw);
  if (rc >= 0) rc = swr_init(swr.get());
  if (rc < 0) return fail("cannot set up audio conversion", rc);
  m_swr = std::move(swr);
  m_swrFormat = frame->format;
  m_swrRate = frame->sample_rate;
  return {};
}

// Converts `count` source frames (count == 0 drains the resampler) onto the end of m_buf.
base::Result<void> FfmpegAudioReader::convert(const std::uint8_t* const* in, int count) {
  const auto ch = static_cast<std::size_t>(m_channels);
  for (;;) {
    const int cap = swr_get_out_samples(m_swr.get(), count) + 16;
    const std::size_t old = m_buf.size();
    m_buf.resize(old + static_cast<std::size_t>(cap) * ch);
    std::uint8_t* out = reinterpret_cast<std::uint8_t*>(m_buf.data() + old);
    const int got = swr_convert(m_swr.get(), &out, cap, count > 0 ? const_cast<const std::uint8_t**>(in) : nullptr, count);
    m_buf.resize(old + static_cast<std::size_t>(std::max(got, 0)) * ch);
    if (got < 0) return fail("cannot convert audio", got);
    if (count > 0 || got == 0) return {};
  }
}

void FfmpegAudioReader::finishStream() {
  if (m_swr && !m_atEnd) {
    auto drained = convert(nullptr, 0);
    (void)drained;
  }
  m_atEnd = true;
}

}  // namespace

}  // namespace postline::media::ffmpeg

namespace postline::media {

base::Result<std::unique_ptr<MultichannelReader>> openMultichannelReader(const std::filesystem::path& path) {
  auto reader = std::make_unique<ffmpeg::FfmpegAudioReader>(std::filesystem::absolute(path));
  PL_TRY(reader->open());
  return std::unique_ptr<MultichannelReader>(std::move(reader));
}

}  // namespace postline::media
