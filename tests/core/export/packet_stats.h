#pragma once
// Reads the video packets of a file straight with libavformat (tests may use libav; core/ keeps it
// in its ffmpeg/ folders): bytes, count, duration and which packets are keyframes. The delivered
// average bitrate is bytes * 8 / (packets / fps), as the delivery verification measures it.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

extern "C" {
#include <libavformat/avformat.h>
}

namespace postline::exporting::test {

struct VideoPackets {
  bool ok = false;
  std::string error;
  std::int64_t bytes = 0;
  std::int64_t count = 0;
  double fps = 0.0;
  std::vector<std::int64_t> keyframes;  // packet indices (decode order) flagged as keyframes
  double durationS() const { return fps > 0.0 ? static_cast<double>(count) / fps : 0.0; }
  double mbps() const { return durationS() > 0.0 ? static_cast<double>(bytes) * 8.0 / durationS() / 1e6 : 0.0; }
  // Largest distance in frames between consecutive keyframes (and from the last one to the end).
  std::int64_t maxKeyframeDistance() const {
    std::int64_t worst = 0;
    for (std::size_t i = 0; i < keyframes.size(); ++i) {
      const std::int64_t next = i + 1 < keyframes.size() ? keyframes[i + 1] : count;
      worst = std::max(worst, next - keyframes[i]);
    }
    return worst;
  }
};

inline VideoPackets readVideoPackets(const std::filesystem::path& file) {
  VideoPackets r;
  AVFormatContext* fc = nullptr;
  if (avformat_open_input(&fc, file.string().c_str(), nullptr, nullptr) < 0) {
    r.error = "cannot open " + file.string();
    return r;
  }
  if (avformat_find_stream_info(fc, nullptr) >= 0) {
    const int v = av_find_best_stream(fc, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (v >= 0) {
      r.fps = av_q2d(fc->streams[v]->avg_frame_rate);
      AVPacket* pkt = av_packet_alloc();
      while (av_read_frame(fc, pkt) >= 0) {
        if (pkt->stream_index == v) {
          if ((pkt->flags & AV_PKT_FLAG_KEY) != 0) r.keyframes.push_back(r.count);
          r.bytes += pkt->size;
          ++r.count;
        }
        av_packet_unref(pkt);
      }
      av_packet_free(&pkt);
      r.ok = r.count > 0;
    }
  }
  if (!r.ok && r.error.empty()) r.error = "no video packets in " + file.string();
  avformat_close_input(&fc);
  return r;
}

// Byte offset of the first top-level `box` ("moov", "mdat") of an mp4/mov file, -1 when absent.
inline std::int64_t topLevelBox(const std::filesystem::path& file, const char* box) {
  FILE* f = std::fopen(file.string().c_str(), "rb");
  if (f == nullptr) return -1;
  std::int64_t at = 0;
  std::int64_t found = -1;
  unsigned char head[16];
  while (found < 0 && std::fread(head, 1, 8, f) == 8) {
    std::uint64_t size = (std::uint64_t{head[0]} << 24) | (head[1] << 16) | (head[2] << 8) | head[3];
    std::int64_t headerLen = 8;
    if (size == 1 && std::fread(head + 8, 1, 8, f) == 8) {
      size = 0;
      for (int i = 8; i < 16; ++i) size = (size << 8) | head[i];
      headerLen = 16;
    }
    if (std::string(reinterpret_cast<char*>(head + 4), 4) == box) found = at;
    if (size < static_cast<std::uint64_t>(headerLen)) break;  // 0 = to the end of the file
    at += static_cast<std::int64_t>(size);
    if (std::fseek(f, at, SEEK_SET) != 0) break;
  }
  std::fclose(f);
  return found;
}

}  // namespace postline::exporting::test
