// probe() (core/media/prober.h) with libavformat: headers plus one pass over packets, no decoding.
#include <algorithm>
#include <optional>
#include <cmath>
#include <cstdio>
#include <vector>

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
}

#include "core/media/ffmpeg/libav_util.h"
#include "core/media/generator_hint.h"
#include "core/media/prober.h"

namespace postline::media {
namespace {

using ffmpeg::Deadline;

constexpr double kFullScanLimitS = 60.0;   // longer files: counts from the header
constexpr std::size_t kVfrPackets = 240;   // timestamps looked at to decide variable frame rate

time::Rational toRational(AVRational r) {
  if (r.num <= 0 || r.den <= 0) return time::Rational{0};
  return time::Rational::make(r.num, r.den).valueOr(time::Rational{0});
}

double seconds(std::int64_t ticks, AVRational tb) { return static_cast<double>(ticks) * av_q2d(tb); }

std::string tagName(const char* name) {
  if (name == nullptr || std::string(name) == "unspecified" || std::string(name) == "reserved") return "unknown";
  return name;
}

int rotationOf(const AVStream* st) {
  const std::uint8_t* matrix = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, nullptr);
  if (matrix == nullptr) return 0;
  const double ccw = av_display_rotation_get(reinterpret_cast<const std::int32_t*>(matrix));
  if (std::isnan(ccw)) return 0;
  const int cw = static_cast<int>(std::lround(-ccw / 90.0)) * 90;  // libav reports counter-clockwise
  return ((cw % 360) + 360) % 360;
}

VideoStreamInfo videoInfo(AVFormatContext* ic, AVStream* st) {
  const AVCodecParameters* par = st->codecpar;
  VideoStreamInfo v;
  v.codec = avcodec_get_name(par->codec_id);
  const char* profile = avcodec_profile_name(par->codec_id, par->profile);
  v.profile = profile != nullptr ? profile : "";
  const auto fmt = static_cast<AVPixelFormat>(par->format);
  const char* fmtName = av_get_pix_fmt_name(fmt);
  v.pixFmt = fmtName != nullptr ? fmtName : "unknown";
  const AVPixFmtDescriptor* desc = av_pix_fmt_desc_get(fmt);
  v.bitDepth = desc != nullptr ? desc->comp[0].depth : 8;
  v.width = par->width;
  v.height = par->height;
  const AVRational sar = av_guess_sample_aspect_ratio(ic, st, nullptr);
  v.sampleAspect = sar.num > 0 ? toRational(sar) : time::Rational{1};
  v.rotation = rotationOf(st);
  const int scaledW = static_cast<int>(std::lround(v.width * v.sampleAspect.toDouble()));
  const bool sideways = v.rotation == 90 || v.rotation == 270;
  v.displayWidth = sideways ? v.height : scaledW;
  v.displayHeight = sideways ? scaledW : v.height;
  v.frameRate = toRational(st->avg_frame_rate);
  if (v.frameRate.isZero()) v.frameRate = toRational(st->r_frame_rate);
  v.timeBase = toRational(st->time_base);
  v.frames = st->nb_frames;
  v.color.primaries = tagName(av_color_primaries_name(par->color_primaries));
  v.color.transfer = tagName(av_color_transfer_name(par->color_trc));
  v.color.matrix = tagName(av_color_space_name(par->color_space));
  v.color.range = tagName(av_color_range_name(par->color_range));
  return v;
}

AudioStreamInfo audioInfo(AVFormatContext* ic, AVStream* st) {
  const AVCodecParameters* par = st->codecpar;
  AudioStreamInfo a;
  a.codec = avcodec_get_name(par->codec_id);
  a.sampleRate = par->sample_rate;
  a.channels = par->ch_layout.nb_channels;
  AVChannelLayout named{};
  if (par->ch_layout.order == AV_CHANNEL_ORDER_UNSPEC) av_channel_layout_default(&named, a.channels);  // plain WAV
  else av_channel_layout_copy(&named, &par->ch_layout);
  char layout[128] = {};
  if (av_channel_layout_describe(&named, layout, sizeof layout) > 0) a.layout = layout;
  av_channel_layout_uninit(&named);
  if (st->duration != AV_NOPTS_VALUE && st->duration > 0) a.durationS = seconds(st->duration, st->time_base);
  else if (ic->duration > 0) a.durationS = static_cast<double>(ic->duration) / AV_TIME_BASE;
  return a;
}

// What one pass over the packets found.
struct PacketScan {
  std::int64_t videoPackets = 0;
  std::vector<std::int64_t> videoPts;   // first kVfrPackets timestamps
  double videoEndS = 0.0;               // end of the last intact video packet, from the file start
  double audioEndS = 0.0;
  bool damaged = false;                 // a corrupt packet or a read error before the end
  bool missingPts = false;              // some video packets carry no presentation time (MPEG-PS/TS)
};

base::Result<PacketScan> scanPackets(const std::filesystem::path& file, AVFormatContext* ic, int vIdx, int aIdx,
                                     bool full, Deadline& deadline) {
  PacketScan scan;
  ffmpeg::PacketPtr pkt(av_packet_alloc());
  const double start = ic->start_time != AV_NOPTS_VALUE ? static_cast<double>(ic->start_time) / AV_TIME_BASE : 0.0;
  while (true) {
    const int rc = av_read_frame(ic, pkt.get());
    if (rc == AVERROR_EXIT || deadline.expired()) {
      return base::makeError(base::ErrorCode::Io, file.string() + ": timed out reading packets");
    }
    if (rc < 0) {
      scan.damaged = rc != AVERROR_EOF;
      break;
    }
    // Packets the demuxer marks discard (outside an edit list) are never shown: not counted.
    const bool shown = (pkt->flags & AV_PKT_FLAG_DISCARD) == 0;
    const bool intact = (pkt->flags & AV_PKT_FLAG_CORRUPT) == 0 && pkt->size > 0;
    const AVRational tb = ic->streams[pkt->stream_index]->time_base;
    const std::int64_t ts = pkt->pts != AV_NOPTS_VALUE ? pkt->pts : pkt->dts;
    const double end = ts == AV_NOPTS_VALUE ? 0.0 : seconds(ts + std::max<std::int64_t>(pkt->duration, 0), tb) - start;
    if (!intact) scan.damaged = true;
    if (intact && shown && pkt->stream_index == vIdx) {
      ++scan.videoPackets;
      // Presentation times only: a dts stand-in can collide with another frame's pts.
      if (scan.videoPts.size() < kVfrPackets && pkt->pts != AV_NOPTS_VALUE) scan.videoPts.push_back(pkt->pts);
      if (pkt->pts == AV_NOPTS_VALUE) scan.missingPts = true;
      scan.videoEndS = std::max(scan.videoEndS, end);
    } else if (intact && pkt->stream_index == aIdx) {
      scan.audioEndS = std::max(scan.audioEndS, end);
    }
    av_packet_unref(pkt.get());
    if (!full && (vIdx < 0 || scan.videoPts.size() >= kVfrPackets)) break;
  }
  return scan;
}

// The same facts read from a complete sample table (mp4/mov) without reading the packets, or
// nothing when the table is missing, incomplete, or points past the end of the file (truncated:
// the full packet scan then measures what is really there).
std::optional<PacketScan> indexScan(AVFormatContext* ic, int vIdx, int aIdx, double durationS) {
  if (vIdx < 0 || ic->pb == nullptr || std::string(ic->iformat->name).find("mp4") == std::string::npos) return {};
  const std::int64_t fileSize = avio_size(ic->pb);
  PacketScan scan;
  for (int idx : {vIdx, aIdx}) {
    if (idx < 0) continue;
    AVStream* st = ic->streams[idx];
    const int n = avformat_index_get_entries_count(st);
    if (n <= 0 || (idx == vIdx && st->nb_frames > 0 && n < st->nb_frames)) return {};
    for (int i = 0; i < n; ++i) {
      const AVIndexEntry* e = avformat_index_get_entry(st, i);
      if (e == nullptr || fileSize <= 0 || e->pos + e->size > fileSize) return {};
      if (idx != vIdx || (e->flags & AVINDEX_DISCARD_FRAME) != 0) continue;
      ++scan.videoPackets;
      if (scan.videoPts.size() < kVfrPackets) scan.videoPts.push_back(e->timestamp);
    }
  }
  scan.videoEndS = scan.audioEndS = durationS;  // every sample is in the file
  return scan;
}

// Steps between sorted timestamps that stray from their median by more than max(1 tick, 1%).
// When some packets had no timestamp, a step of a whole number of median steps is a gap in the
// timestamps, not in the frames, and does not count.
bool variableSteps(std::vector<std::int64_t> pts, bool missingPts) {
  if (pts.size() < 3) return false;
  std::sort(pts.begin(), pts.end());
  pts.erase(std::unique(pts.begin(), pts.end()), pts.end());  // a repeated timestamp is not a step
  if (pts.size() < 3) return false;
  std::vector<std::int64_t> steps;
  for (std::size_t i = 1; i < pts.size(); ++i) steps.push_back(pts[i] - pts[i - 1]);
  std::vector<std::int64_t> sorted = steps;
  std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(sorted.size() / 2), sorted.end());
  const std::int64_t median = sorted[sorted.size() / 2];
  const std::int64_t tolerance = std::max<std::int64_t>(1, median / 100);
  return std::any_of(steps.begin(), steps.end(), [&](std::int64_t s) {
    const std::int64_t k = missingPts && median > 0 ? std::max<std::int64_t>(1, (s + median / 2) / median) : 1;
    return std::llabs(s - k * median) > tolerance * k;
  });
}

std::optional<std::string> generatorHint(const std::filesystem::path& file, AVFormatContext* ic) {
  std::vector<AVDictionary*> dicts{ic->metadata};
  for (unsigned i = 0; i < ic->nb_streams; ++i) dicts.push_back(ic->streams[i]->metadata);
  bool c2paTag = false;
  for (AVDictionary* d : dicts) {
    const AVDictionaryEntry* e = nullptr;
    while ((e = av_dict_get(d, "", e, AV_DICT_IGNORE_SUFFIX)) != nullptr) {
      if (auto name = generatorFromText(e->value)) return name;
      if (generatorFromText(e->key).has_value()) return generatorFromText(e->key);
      const std::string key = e->key;
      c2paTag = c2paTag || key.find("c2pa") != std::string::npos || std::string(e->value).find("c2pa") != std::string::npos;
    }
  }
  if (auto manifest = c2paGenerator(file)) return manifest;
  if (c2paTag) return std::string("C2PA manifest");
  return std::nullopt;
}

bool isStillFormat(const AVFormatContext* ic) {
  const std::string name = ic->iformat->name;
  return name == "image2" || (name.size() > 5 && name.compare(name.size() - 5, 5, "_pipe") == 0);
}

std::string fmtSeconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f s", s);
  return buf;
}

// Fills frames, variable frame rate, real duration and warnings from a packet scan.
base::Result<void> applyScan(const std::filesystem::path& file, AVFormatContext* ic, int vIdx, int aIdx,
                             ProbeResult& r, Deadline& deadline) {
  const bool full = r.durationS <= kFullScanLimitS;
  std::optional<PacketScan> fromIndex = full ? indexScan(ic, vIdx, aIdx, r.durationS) : std::nullopt;
  PacketScan scan;
  if (fromIndex) {
    scan = std::move(*fromIndex);
  } else {
    PL_TRY_ASSIGN(scanned, scanPackets(file, ic, vIdx, aIdx, full, deadline));
    scan = std::move(scanned);
  }
  if (r.video) {
    r.video->variableFrameRate = variableSteps(scan.videoPts, scan.missingPts);
    if (full) r.video->frames = scan.videoPackets;
    else if (r.video->frames <= 0) r.video->frames = std::llround(r.durationS * r.video->frameRate.toDouble());
  }
  if (!full) return {};
  const double real = std::max(scan.videoEndS, scan.audioEndS);
  const double frameS = r.video && !r.video->frameRate.isZero() ? 1.0 / r.video->frameRate.toDouble() : 0.0;
  if (real > 0.0 && real < r.durationS - std::max(0.05, 1.5 * frameS)) {
    r.warnings.push_back("truncated: the header promises " + fmtSeconds(r.durationS) + " but only " +
                         fmtSeconds(real) + " can be read");
    r.durationS = real;
    if (r.audio) r.audio->durationS = std::min(r.audio->durationS, scan.audioEndS);
  } else if (scan.damaged) {
    r.warnings.push_back("damaged: some packets are corrupt or unreadable");
  }
  if (r.video && vIdx >= 0 && ic->streams[vIdx]->nb_frames > r.video->frames && !r.warnings.empty()) {
    r.warnings.push_back("only " + std::to_string(r.video->frames) + " of " +
                         std::to_string(ic->streams[vIdx]->nb_frames) + " frames are present");
  }
  return {};
}

base::Result<void> checkVideoDecodable(const std::filesystem::path& file, const AVStream* st) {
  const AVCodecParameters* par = st->codecpar;
  if (par->codec_id != AV_CODEC_ID_NONE && avcodec_find_decoder(par->codec_id) != nullptr) return {};
  char tag[AV_FOURCC_MAX_STRING_SIZE] = {};
  av_fourcc_make_string(tag, par->codec_tag);
  const std::string name = par->codec_id != AV_CODEC_ID_NONE ? avcodec_get_name(par->codec_id) : tag;
  return base::makeError(base::ErrorCode::Parse,
                         file.string() + ": unsupported video codec '" + name + "' (no decoder in this FFmpeg)");
}

}  // namespace

base::Result<ProbeResult> probe(const std::filesystem::path& file, std::chrono::milliseconds timeout) {
  ffmpeg::quietLibav();
  Deadline deadline{std::chrono::steady_clock::now() + timeout};
  PL_TRY_ASSIGN(ic, ffmpeg::openInput(file, deadline));
  ProbeResult r;
  r.file = file.string();
  r.container = ic->iformat->name;
  r.durationS = ic->duration > 0 ? static_cast<double>(ic->duration) / AV_TIME_BASE : 0.0;
  int vIdx = av_find_best_stream(ic.get(), AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
  if (vIdx >= 0 && (ic->streams[vIdx]->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0) vIdx = -1;  // cover art
  const int aIdx = av_find_best_stream(ic.get(), AVMEDIA_TYPE_AUDIO, -1, vIdx, nullptr, 0);
  if (vIdx < 0 && aIdx < 0) {
    return base::makeError(base::ErrorCode::Parse, file.string() + ": no video or audio stream");
  }
  if (vIdx >= 0) {
    PL_TRY(checkVideoDecodable(file, ic->streams[vIdx]));
    r.video = videoInfo(ic.get(), ic->streams[vIdx]);
  }
  if (aIdx >= 0) r.audio = audioInfo(ic.get(), ic->streams[aIdx]);
  r.still = r.video && !r.audio && isStillFormat(ic.get());
  if (r.still) {
    r.durationS = 0.0;
    r.video->frames = 1;
    r.video->frameRate = time::Rational{0};
  } else {
    PL_TRY(applyScan(file, ic.get(), vIdx, aIdx, r, deadline));
  }
  r.generator = generatorHint(file, ic.get());
  return r;
}

}  // namespace postline::media
