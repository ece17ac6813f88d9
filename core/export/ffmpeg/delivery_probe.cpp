// probeDelivery (core/export/verify.h): what a delivered file really is, read with libav (stream
// parameters, one pass over the packets for counts, bitrates and keyframes), the top-level atom
// order of mp4/mov files, and the sound's loudness (libebur128 through core/audio/loudness).
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <limits>

#include "core/audio/loudness/analyzer.h"
#include "core/export/verify.h"
#include "core/media/ffmpeg/libav_util.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
}

namespace postline::exporting {

namespace fs = std::filesystem;

namespace {

constexpr auto kProbeTimeout = std::chrono::seconds(60);

struct AtomOrder {
  std::string brand;
  bool faststart = false;
};

std::uint64_t bigEndian(const unsigned char* b, int n) {
  std::uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | b[i];
  return v;
}

// Walks the top-level atoms (size, type; size 1 = 64-bit size follows, 0 = to the end of the
// file) until moov or mdat shows which comes first. A web player can start a file only when
// moov (the index) comes first.
AtomOrder scanTopLevelAtoms(const fs::path& file) {
  AtomOrder order;
  std::ifstream in(file, std::ios::binary);
  std::error_code ec;
  const std::uint64_t size = fs::file_size(file, ec);
  std::uint64_t pos = 0;
  while (in && !ec && pos + 8 <= size) {
    unsigned char head[16] = {};
    in.seekg(static_cast<std::streamoff>(pos));
    if (!in.read(reinterpret_cast<char*>(head), 8)) break;
    std::uint64_t atomSize = bigEndian(head, 4);
    const std::string type(reinterpret_cast<const char*>(head) + 4, 4);
    if (atomSize == 1) {
      if (!in.read(reinterpret_cast<char*>(head) + 8, 8)) break;
      atomSize = bigEndian(head + 8, 8);
    } else if (atomSize == 0) {
      atomSize = size - pos;
    }
    if (type == "ftyp" && atomSize >= 12 && in.read(reinterpret_cast<char*>(head) + 8, 4)) {
      order.brand.assign(reinterpret_cast<const char*>(head) + 8, 4);
    }
    if (type == "moov") order.faststart = true;
    if (type == "moov" || type == "mdat") break;
    if (atomSize < 8) break;  // corrupt: no progress possible
    pos += atomSize;
  }
  return order;
}

std::string orEmpty(const char* s) { return s == nullptr ? std::string() : std::string(s); }

void readVideoParameters(const AVStream* st, DeliveryProbe& p) {
  const AVCodecParameters* par = st->codecpar;
  p.videoCodec = avcodec_get_name(par->codec_id);
  p.videoProfile = orEmpty(avcodec_profile_name(par->codec_id, par->profile));
  p.pixFmt = orEmpty(av_get_pix_fmt_name(static_cast<AVPixelFormat>(par->format)));
  p.width = par->width;
  p.height = par->height;
  AVRational sar = par->sample_aspect_ratio.num > 0 ? par->sample_aspect_ratio : st->sample_aspect_ratio;
  if (sar.num <= 0 || sar.den <= 0) sar = AVRational{0, 1};
  av_reduce(&sar.num, &sar.den, sar.num, sar.den, std::numeric_limits<int>::max());
  p.sampleAspect = std::to_string(sar.num) + ":" + std::to_string(sar.den);
  const AVRational fps = st->avg_frame_rate.num > 0 ? st->avg_frame_rate : st->r_frame_rate;
  if (fps.num > 0 && fps.den > 0) {
    auto r = time::Rational::make(fps.num, fps.den);
    if (r.ok()) p.fps = r.value();
  }
  p.colorPrimaries = orEmpty(av_color_primaries_name(par->color_primaries));
  p.colorTransfer = orEmpty(av_color_transfer_name(par->color_trc));
  p.colorMatrix = orEmpty(av_color_space_name(par->color_space));
  p.colorRange = orEmpty(av_color_range_name(par->color_range));  // "tv", "pc", "unknown"
}

void readAudioParameters(const AVStream* st, DeliveryProbe& p) {
  const AVCodecParameters* par = st->codecpar;
  p.audioCodec = avcodec_get_name(par->codec_id);
  p.audioProfile = orEmpty(avcodec_profile_name(par->codec_id, par->profile));
  p.audioSampleRate = par->sample_rate;
  p.audioChannels = par->ch_layout.nb_channels;
  // Lossy codecs have no bit depth; PCM's is in its codec id.
  if (p.audioCodec.rfind("pcm_", 0) == 0) {
    p.audioBits = par->bits_per_raw_sample > 0 ? par->bits_per_raw_sample : av_get_bits_per_sample(par->codec_id);
  }
}

// Totals of one stream's packets.
struct StreamTally {
  std::int64_t packets = 0;
  std::int64_t bytes = 0;
  std::int64_t firstTs = std::numeric_limits<std::int64_t>::max();
  std::int64_t endTs = std::numeric_limits<std::int64_t>::min();
  std::int64_t sinceKey = 0;   // frames since the last keyframe, that one included
  int longestGop = 0;          // the longest run of frames that starts at a keyframe

  bool corrupt = false;        // a packet cut short or flagged damaged by the demuxer

  void add(const AVPacket* pkt) {
    ++packets;
    corrupt = corrupt || (pkt->flags & AV_PKT_FLAG_CORRUPT) != 0;
    bytes += pkt->size;
    const std::int64_t ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    if (ts != AV_NOPTS_VALUE) {
      firstTs = std::min(firstTs, ts);
      endTs = std::max(endTs, ts + std::max<std::int64_t>(pkt->duration, 0));
    }
    sinceKey = (pkt->flags & AV_PKT_FLAG_KEY) != 0 ? 1 : sinceKey + 1;
    longestGop = std::max(longestGop, static_cast<int>(sinceKey));
  }
  // Seconds from the first packet's start to the last one's end (the stream's own duration).
  double spanS(const AVStream* st) const {
    if (endTs > firstTs) return static_cast<double>(endTs - firstTs) * av_q2d(st->time_base);
    return st->duration > 0 ? static_cast<double>(st->duration) * av_q2d(st->time_base) : 0.0;
  }
};

base::Result<void> tallyPackets(const fs::path& file, AVFormatContext* ic, int vIdx, int aIdx,
                                media::ffmpeg::Deadline& deadline, DeliveryProbe& p) {
  StreamTally video;
  StreamTally audio;
  media::ffmpeg::PacketPtr pkt(av_packet_alloc());
  if (!pkt) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  while (true) {
    const int rc = av_read_frame(ic, pkt.get());
    if (rc == AVERROR_EXIT || deadline.expired()) {
      return base::makeError(base::ErrorCode::Io, file.string() + ": timed out reading packets");
    }
    if (rc < 0) {
      // A read error past the index's promise is damage the checks report (duration), not a
      // reason to lose every other figure.
      p.truncated = rc != AVERROR_EOF;
      break;
    }
    if (pkt->stream_index == vIdx) video.add(pkt.get());
    if (pkt->stream_index == aIdx) audio.add(pkt.get());
    av_packet_unref(pkt.get());
  }
  if (vIdx >= 0) {
    p.frames = video.packets;
    // An index (mp4/mov) listing more video frames than the file holds: the file was cut short.
    // (Audio is not compared: mov groups PCM samples into packets but counts samples.)
    p.indexedFrames = std::max<std::int64_t>(ic->streams[vIdx]->nb_frames, 0);
    p.truncated = p.truncated || video.corrupt || p.indexedFrames > video.packets;
    p.keyframeInterval = video.longestGop;
    const double span = video.spanS(ic->streams[vIdx]);
    p.videoMbps = span > 0.0 ? static_cast<double>(video.bytes) * 8.0 / span / 1e6 : 0.0;
  }
  if (aIdx >= 0) {
    p.truncated = p.truncated || audio.corrupt;
    const double span = audio.spanS(ic->streams[aIdx]);
    p.audioKbps = span > 0.0 ? static_cast<double>(audio.bytes) * 8.0 / span / 1e3 : 0.0;
  }
  return {};
}

// Integrated loudness and true peak of the whole sound; silence reads as no value.
base::Result<void> measureLoudness(const fs::path& file, DeliveryProbe& p) {
  PL_TRY_ASSIGN(stats, audio::loudness::measureFile(file));
  if (std::isfinite(stats.integratedLufs)) p.integratedLufs = stats.integratedLufs;
  if (std::isfinite(stats.truePeakDbtp)) p.truePeakDbtp = stats.truePeakDbtp;
  return {};
}

}  // namespace

base::Result<DeliveryProbe> probeDelivery(const fs::path& file) {
  media::ffmpeg::Deadline deadline{std::chrono::steady_clock::now() + kProbeTimeout};
  PL_TRY_ASSIGN(ic, media::ffmpeg::openInput(file, deadline));
  DeliveryProbe p;
  p.container = ic->iformat->name;
  if (p.container.find("mp4") != std::string::npos) {
    const AtomOrder order = scanTopLevelAtoms(file);
    p.brand = order.brand;
    p.faststart = order.faststart;
  }
  const int vIdx = av_find_best_stream(ic.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  const int aIdx = av_find_best_stream(ic.get(), AVMEDIA_TYPE_AUDIO, -1, -1, nullptr, 0);
  if (vIdx < 0 && aIdx < 0) {
    return base::makeError(base::ErrorCode::Parse, file.string() + ": has neither video nor audio");
  }
  if (vIdx >= 0) readVideoParameters(ic->streams[vIdx], p);
  if (aIdx >= 0) readAudioParameters(ic->streams[aIdx], p);
  if (ic->duration > 0) p.durationS = static_cast<double>(ic->duration) / AV_TIME_BASE;
  PL_TRY(tallyPackets(file, ic.get(), vIdx, aIdx, deadline, p));
  if (aIdx >= 0) PL_TRY(measureLoudness(file, p));
  return p;
}

}  // namespace postline::exporting
