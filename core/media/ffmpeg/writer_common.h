#pragma once
// Internals shared by the video and audio writers (media_writer.h is the public face).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/media/ffmpeg/libav_util.h"

namespace postline::media::ffmpeg {

// Removes what a failed write left at `path` (ignores errors).
void removePartial(const std::filesystem::path& path);

// An output context whose muxer follows the extension of `path`, with the file opened.
base::Result<OutputFormatPtr> openOutput(const std::filesystem::path& path);

// Looks up an encoder by name; NotFound naming the encoder when this FFmpeg lacks it.
base::Result<const AVCodec*> findEncoder(const std::filesystem::path& path, const std::string& name);

// Packet duration (codec time base) for a packet with presentation time `pts`; 0 = leave it.
using DurationOf = std::function<std::int64_t(std::int64_t pts)>;

// Sends `frame` (nullptr = flush) to `ctx` and writes every packet it yields to `stream`,
// giving each packet the duration `durationOf` returns (so the last frame has a length).
base::Result<void> encodeAndWrite(const std::filesystem::path& path, AVFormatContext* oc, AVCodecContext* ctx,
                                  AVStream* stream, const AVFrame* frame, const DurationOf& durationOf = {});

// Adds a stream for the opened encoder `ctx` (copies its parameters and time base).
base::Result<AVStream*> addStream(const std::filesystem::path& path, AVFormatContext* oc, const AVCodecContext* ctx);

// Writes the container header / trailer with the path in any error.
base::Result<void> writeHeader(const std::filesystem::path& path, AVFormatContext* oc);
base::Result<void> writeTrailer(const std::filesystem::path& path, AVFormatContext* oc);

// Encodes synthetic audio (a tone, or the sample-index ramp) frame by frame into one stream.
class ToneTrack {
 public:
  // Opens encoder `codec` for `channels` at `rate` Hz and adds its stream; `totalSamples` long.
  base::Result<void> open(const std::filesystem::path& path, AVFormatContext* oc, const std::string& codec,
                          int rate, int channels, std::int64_t totalSamples, double toneHz, bool ramp,
                          const std::vector<float>* samples = nullptr);
  bool done() const { return m_next >= m_total; }
  std::int64_t nextSample() const { return m_next; }  // first sample of the next frame
  AVRational timeBase() const { return AVRational{1, m_rate}; }
  // Encodes and writes the next frame of samples (or flushes the encoder once done()).
  base::Result<void> writeNext();
  base::Result<void> flush();

 private:
  double sampleValue(std::int64_t index, int channel) const;  // in [-1, 1)
  void fill(AVFrame* frame, int count) const;

  std::filesystem::path m_path;
  AVFormatContext* m_oc = nullptr;
  CodecContextPtr m_ctx;
  AVStream* m_stream = nullptr;
  FramePtr m_frame;
  int m_rate = 48000;
  int m_channels = 2;
  int m_frameSize = 1024;
  std::int64_t m_total = 0;
  std::int64_t m_next = 0;
  double m_toneHz = 440.0;
  bool m_ramp = false;
  const std::vector<float>* m_samples = nullptr;  // explicit interleaved samples (not owned)
};

}  // namespace postline::media::ffmpeg
