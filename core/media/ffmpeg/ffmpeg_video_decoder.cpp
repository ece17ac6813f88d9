#include "core/media/ffmpeg/ffmpeg_video_decoder.h"

extern "C" {
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include <chrono>
#include <cmath>
#include <string>
#include <system_error>

#include "core/media/ffmpeg/video_convert.h"
#include "core/media/ffmpeg/video_index.h"
#include "core/media/ffmpeg/libav_util.h"

namespace postline::media::ffmpeg {

namespace {

using base::ErrorCode;
using Clock = std::chrono::steady_clock;

// Clockwise degrees (0/90/180/270) to apply for display, from the stream's display matrix.
int displayRotation(const AVStream& stream) {
  const std::uint8_t* sd = av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
  if (sd == nullptr) return 0;
  const double ccw = av_display_rotation_get(reinterpret_cast<const std::int32_t*>(sd));
  if (std::isnan(ccw)) return 0;
  const long quarter = std::lround(-ccw / 90.0);
  return static_cast<int>(((quarter % 4) + 4) % 4) * 90;
}

time::Rational rationalOr(AVRational r, time::Rational fallback) {
  if (r.num <= 0 || r.den <= 0) return fallback;
  auto v = time::Rational::make(r.num, r.den);
  return v.ok() ? v.value() : fallback;
}

std::string nameOr(const char* name) { return name != nullptr ? name : "unknown"; }

class FfmpegVideoDecoder final : public VideoDecoder {
 public:
  FfmpegVideoDecoder(std::filesystem::path file, VideoDecoderOptions options)
      : m_path(std::move(file)), m_file(m_path.string()), m_options(options) {}

  base::Result<void> open();

  base::Result<VideoFramePtr> frame(std::int64_t index) override;
  base::Result<VideoFramePtr> frameAtTime(const time::Rational& seconds) override {
    PL_TRY_ASSIGN(index, indexAtTime(seconds));
    return frame(index);
  }
  base::Result<std::int64_t> indexAtTime(const time::Rational& seconds) const override;
  base::Result<time::Rational> timeOfFrame(std::int64_t index) const override;
  std::int64_t frameCount() const override { return m_index.size(); }
  time::Rational frameRate() const override { return m_info.frameRate; }
  const VideoStreamInfo& info() const override { return m_info; }
  const std::filesystem::path& path() const override { return m_path; }

 private:
  enum class Step { Found, Overshot, Ended };

  base::Error error(ErrorCode code, const std::string& problem) const { return {code, m_file + ": " + problem}; }
  void armDeadline() { m_deadline.until = Clock::now() + std::chrono::milliseconds(m_options.timeoutMs); }
  base::Result<void> openStream();
  base::Result<void> openCodec();
  base::Result<void> buildIndex();
  void fillInfo();
  base::Result<void> seekTo(std::int64_t keyIndex);
  base::Result<Step> decodeUntil(std::int64_t targetPts);
  void feedPacket(std::int64_t targetPts);
  base::Result<VideoFramePtr> deliver(std::int64_t index);

  std::filesystem::path m_path;
  std::string m_file;
  VideoDecoderOptions m_options;
  Deadline m_deadline{Clock::now()};
  InputFormatPtr m_fmt;
  CodecContextPtr m_codec;
  FramePtr m_frame{av_frame_alloc()};
  PacketPtr m_packet{av_packet_alloc()};
  AVStream* m_stream = nullptr;
  int m_streamIndex = -1;
  FrameIndex m_index;
  VideoStreamInfo m_info;
  std::unique_ptr<FrameConverter> m_converter;
  bool m_positioned = false;     // the decoder continues from m_pos without a seek
  bool m_inputEnded = false;     // end of input reached and the decoder is draining
  std::int64_t m_pos = -1;       // frame number of the last picture the decoder output
  VideoFramePtr m_last;          // the last delivered frame (asked for twice in a row: no work)
  std::string m_problem;         // the last libav problem seen while decoding
  bool m_skipNonRef = false;     // skip non-reference pictures before the target (off on retries)
};

base::Result<void> FfmpegVideoDecoder::openStream() {
  if (!m_frame || !m_packet) return error(ErrorCode::Io, "out of memory");
  armDeadline();
  PL_TRY_ASSIGN(fmt, ffmpeg::openInput(m_path, m_deadline));
  m_fmt = std::move(fmt);
  const int rc = av_find_best_stream(m_fmt.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (rc < 0) return error(ErrorCode::Parse, "no video stream");
  m_streamIndex = rc;
  m_stream = m_fmt->streams[rc];
  return {};
}

base::Result<void> FfmpegVideoDecoder::openCodec() {
  const AVCodecParameters* par = m_stream->codecpar;
  const AVCodec* codec = avcodec_find_decoder(par->codec_id);
  if (codec == nullptr) return error(ErrorCode::Parse, "unsupported video codec " + nameOr(avcodec_get_name(par->codec_id)));
  m_codec.reset(avcodec_alloc_context3(codec));
  if (!m_codec) return error(ErrorCode::Io, "out of memory");
  int rc = avcodec_parameters_to_context(m_codec.get(), par);
  if (rc < 0) return error(ErrorCode::Parse, "bad codec parameters: " + avErrorText(rc));
  m_codec->pkt_timebase = m_stream->time_base;
  m_codec->thread_count = m_options.threads;
  m_codec->thread_type = FF_THREAD_FRAME;
  rc = avcodec_open2(m_codec.get(), codec, nullptr);
  if (rc < 0) return error(ErrorCode::Parse, "cannot open the " + std::string(codec->name) + " decoder: " + avErrorText(rc));
  return {};
}

base::Result<void> FfmpegVideoDecoder::buildIndex() {
  std::vector<PacketEntry> packets;
  int rc = 0;
  while ((rc = av_read_frame(m_fmt.get(), m_packet.get())) >= 0) {
    const AVPacket& p = *m_packet;
    if (p.stream_index == m_streamIndex && (p.flags & AV_PKT_FLAG_DISCARD) == 0) {
      PacketEntry e;
      const auto ordinal = static_cast<std::int64_t>(packets.size());
      e.pts = p.pts != AV_NOPTS_VALUE ? p.pts : (p.dts != AV_NOPTS_VALUE ? p.dts : ordinal);
      e.dts = p.dts != AV_NOPTS_VALUE ? p.dts : e.pts;
      e.duration = p.duration;
      e.key = (p.flags & AV_PKT_FLAG_KEY) != 0;
      packets.push_back(e);
    }
    av_packet_unref(m_packet.get());
  }
  if (rc == AVERROR_EXIT) return error(ErrorCode::Io, "timed out while indexing");
  if (packets.empty()) return error(ErrorCode::Parse, "no video frames");
  const time::Rational rate = rationalOr(m_stream->avg_frame_rate, rationalOr(m_stream->r_frame_rate, 25));
  const AVRational tb = m_stream->time_base;
  const std::int64_t nominal =
      av_rescale_q(1, AVRational{static_cast<int>(rate.den()), static_cast<int>(rate.num())}, tb);
  m_index = FrameIndex::build(std::move(packets), nominal);
  return seekTo(m_index.keyAtOrBefore(0));
}

void FfmpegVideoDecoder::fillInfo() {
  const AVCodecParameters* par = m_stream->codecpar;
  VideoStreamInfo& v = m_info;
  v.codec = nameOr(avcodec_get_name(par->codec_id));
  const char* profile = avcodec_profile_name(par->codec_id, par->profile);
  v.profile = profile != nullptr ? profile : "";
  const auto pix = static_cast<AVPixelFormat>(par->format);
  v.pixFmt = nameOr(av_get_pix_fmt_name(pix));
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(pix);
  v.bitDepth = desc != nullptr ? desc->comp[0].depth : 8;
  v.width = par->width;
  v.height = par->height;
  v.rotation = displayRotation(*m_stream);
  v.sampleAspect = rationalOr(par->sample_aspect_ratio, 1);
  const double shown = std::round(par->width * v.sampleAspect.toDouble());
  v.displayWidth = v.rotation % 180 == 0 ? static_cast<int>(shown) : par->height;
  v.displayHeight = v.rotation % 180 == 0 ? par->height : static_cast<int>(shown);
  v.frameRate = rationalOr(m_stream->avg_frame_rate, rationalOr(m_stream->r_frame_rate, 0));
  v.variableFrameRate = m_index.variableRate();
  v.frames = m_index.size();
  v.timeBase = rationalOr(m_stream->time_base, 1);
  v.color.primaries = nameOr(av_color_primaries_name(par->color_primaries));
  v.color.transfer = nameOr(av_color_transfer_name(par->color_trc));
  v.color.matrix = nameOr(av_color_space_name(par->color_space));
  v.color.range = nameOr(av_color_range_name(par->color_range));
}

base::Result<void> FfmpegVideoDecoder::open() {
  PL_TRY(openStream());
  PL_TRY(openCodec());
  PL_TRY(buildIndex());
  fillInfo();
  const std::string demuxer = m_fmt->iformat->name;
  const bool still = demuxer.find("image2") != std::string::npos ||
                     (demuxer.size() > 5 && demuxer.ends_with("_pipe"));
  m_converter = std::make_unique<FrameConverter>(m_file, still, m_info.rotation);
  return {};
}

base::Result<void> FfmpegVideoDecoder::seekTo(std::int64_t keyIndex) {
  avcodec_flush_buffers(m_codec.get());
  m_positioned = false;
  m_inputEnded = false;
  std::int64_t ts = keyIndex >= 0 ? m_index.seekTimestamp(keyIndex) : m_index.seekTimestamp(0);
  int rc = av_seek_frame(m_fmt.get(), m_streamIndex, ts, AVSEEK_FLAG_BACKWARD);
  if (rc < 0) rc = avformat_seek_file(m_fmt.get(), m_streamIndex, INT64_MIN, ts, ts, 0);
  if (rc < 0 && m_fmt->pb != nullptr) {  // last resort: back to the first byte
    rc = static_cast<int>(std::min<std::int64_t>(0, avio_seek(m_fmt->pb, 0, SEEK_SET)));
    avformat_flush(m_fmt.get());
  }
  if (rc < 0) return error(ErrorCode::Parse, "cannot seek: " + avErrorText(rc));
  m_positioned = true;
  m_pos = keyIndex >= 0 ? keyIndex - 1 : -1;
  return {};
}

void FfmpegVideoDecoder::feedPacket(std::int64_t targetPts) {
  for (;;) {
    int rc = av_read_frame(m_fmt.get(), m_packet.get());
    if (rc < 0) {
      if (rc != AVERROR_EOF) m_problem = "read failed: " + avErrorText(rc);
      m_inputEnded = true;
      (void)avcodec_send_packet(m_codec.get(), nullptr);
      return;
    }
    if (m_packet->stream_index != m_streamIndex) {
      av_packet_unref(m_packet.get());
      continue;
    }
    const std::int64_t pts = m_packet->pts != AV_NOPTS_VALUE ? m_packet->pts : m_packet->dts;
    // Non-reference pictures shown before the target are never needed: skip decoding them.
    const bool skip = m_skipNonRef && pts != AV_NOPTS_VALUE && pts < targetPts;
    m_codec->skip_frame = skip ? AVDISCARD_NONREF : AVDISCARD_DEFAULT;
    rc = avcodec_send_packet(m_codec.get(), m_packet.get());
    av_packet_unref(m_packet.get());
    if (rc < 0 && rc != AVERROR(EAGAIN)) m_problem = "decoding failed: " + avErrorText(rc);  // corrupt: go on
    return;
  }
}

base::Result<FfmpegVideoDecoder::Step> FfmpegVideoDecoder::decodeUntil(std::int64_t targetPts) {
  for (;;) {
    const int rc = avcodec_receive_frame(m_codec.get(), m_frame.get());
    if (rc == 0) {
      const std::int64_t pts = m_frame->pts != AV_NOPTS_VALUE ? m_frame->pts : m_frame->best_effort_timestamp;
      const std::int64_t index = m_index.indexOfPts(pts);
      if (index >= 0) m_pos = index;
      if (pts == targetPts) return Step::Found;
      av_frame_unref(m_frame.get());
      if (pts != AV_NOPTS_VALUE && pts > targetPts) return Step::Overshot;
      continue;
    }
    if (rc != AVERROR(EAGAIN)) {
      if (rc != AVERROR_EOF) m_problem = "decoding failed: " + avErrorText(rc);
      m_positioned = false;
      return Step::Ended;
    }
    if (m_inputEnded) {  // EAGAIN after the flush packet: the decoder has nothing more
      m_positioned = false;
      return Step::Ended;
    }
    feedPacket(targetPts);
  }
}

base::Result<VideoFramePtr> FfmpegVideoDecoder::deliver(std::int64_t index) {
  auto converted = m_converter->convert(*m_frame);
  av_frame_unref(m_frame.get());
  if (!converted.ok()) return converted.error();
  std::shared_ptr<VideoFrame> out = std::move(converted).value();
  out->index = index;
  out->pts = m_index.pts(index);
  out->timeBase = m_info.timeBase;
  m_last = out;
  return m_last;
}

base::Result<VideoFramePtr> FfmpegVideoDecoder::frame(std::int64_t index) {
  if (index < 0 || index >= m_index.size()) {
    return error(ErrorCode::OutOfRange, "frame " + std::to_string(index) + " is out of range (the clip has " +
                                            std::to_string(m_index.size()) + " frames)");
  }
  if (m_last && m_last->index == index) return m_last;
  armDeadline();
  m_problem.clear();
  const std::int64_t target = m_index.pts(index);
  std::int64_t key = m_index.keyAtOrBefore(index);
  // Decoding on is no slower than a seek while no keyframe lies between here and the target.
  bool seek = !(m_positioned && index > m_pos && key <= m_pos + 1);
  // Attempts: from here or the nearest keyframe, then one keyframe earlier, then the start.
  for (int attempt = 0; attempt < 4; ++attempt) {
    if (seek) PL_TRY(seekTo(key));
    m_skipNonRef = m_options.skipNonRefBeforeTarget && attempt == 0;
    PL_TRY_ASSIGN(step, decodeUntil(target));
    if (step == Step::Found) return deliver(index);
    if (seek && key < 0) break;  // even the start of the file did not reach it
    if (seek) key = key > 0 ? m_index.keyAtOrBefore(key - 1) : -1;
    if (attempt == 2) key = -1;
    seek = true;
  }
  return error(ErrorCode::Parse, "frame " + std::to_string(index) + " cannot be decoded" +
                                     (m_problem.empty() ? std::string() : " (" + m_problem + ")"));
}

base::Result<std::int64_t> FfmpegVideoDecoder::indexAtTime(const time::Rational& seconds) const {
  const time::Rational& tb = m_info.timeBase;
  const std::int64_t first = m_index.pts(0);
  if (!seconds.isNegative()) {
    // Ticks after frame 0, floored: pts * tb <= t  <=>  pts <= floor(t / tb).
    const time::Int128 num = static_cast<time::Int128>(seconds.num()) * tb.den();
    const time::Int128 den = static_cast<time::Int128>(seconds.den()) * tb.num();
    const time::Int128 ticks = num / den;
    if (ticks < static_cast<time::Int128>(m_index.endPts() - first)) {
      return m_index.lastIndexAtOrBefore(first + static_cast<std::int64_t>(ticks));
    }
  }
  return error(ErrorCode::OutOfRange, "time " + seconds.toString() + " s is outside the clip (" +
                                          std::to_string(m_index.size()) + " frames)");
}

base::Result<time::Rational> FfmpegVideoDecoder::timeOfFrame(std::int64_t index) const {
  if (index < 0 || index >= m_index.size()) {
    return error(ErrorCode::OutOfRange, "frame " + std::to_string(index) + " is out of range (the clip has " +
                                            std::to_string(m_index.size()) + " frames)");
  }
  const time::Rational& tb = m_info.timeBase;
  return time::makeRational128(static_cast<time::Int128>(m_index.pts(index) - m_index.pts(0)) * tb.num(), tb.den());
}

}  // namespace

base::Result<std::unique_ptr<VideoDecoder>> openVideoDecoder(const std::filesystem::path& file,
                                                             const VideoDecoderOptions& options) {
  auto decoder = std::make_unique<FfmpegVideoDecoder>(file, options);
  PL_TRY(decoder->open());
  return std::unique_ptr<VideoDecoder>(std::move(decoder));
}

}  // namespace postline::media::ffmpeg
