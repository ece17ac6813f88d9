#pragma once
// The audio half of the export encoder: buffers interleaved float samples into codec frames.
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "core/base/result.h"
#include "core/export/encoder.h"
#include "core/export/ffmpeg/av_common.h"

namespace postline::exporting::ffmpeg {

// Encodes a continuous run of samples; pts count samples from 0 (time base 1/sampleRate).
class AudioStream {
 public:
  // Opens the audio encoder named in `s` for `oc` (before its header is written) and adds its stream.
  base::Result<void> open(const std::filesystem::path& file, AVFormatContext* oc, const EncoderSettings& s);
  // Appends `frames` sample frames (interleaved float32, `channels` each) and encodes every full codec frame.
  base::Result<void> push(const float* interleaved, std::size_t frames);
  // Encodes what is buffered (a short last frame, or padded with silence when the codec needs full
  // frames) and drains the encoder.
  base::Result<void> flush();
  // Sample frames pushed so far.
  std::int64_t samples() const { return m_pushed; }

 private:
  base::Result<void> encodeChunk(const float* interleaved, int count);
  base::Result<AVFrame*> frameFor(int count);

  std::filesystem::path m_file;
  AVFormatContext* m_oc = nullptr;
  CodecContextPtr m_ctx;
  AVStream* m_stream = nullptr;
  SwrPtr m_swr;       // interleaved float -> the codec's sample format (no rate change)
  FramePtr m_frame;
  std::vector<float> m_pending;  // interleaved samples not yet encoded (< one codec frame)
  int m_channels = 2;
  int m_frameSize = 1024;
  bool m_fullFramesOnly = false;  // the codec rejects a short last frame
  std::int64_t m_next = 0;        // pts of the next codec frame, in samples
  std::int64_t m_pushed = 0;
};

}  // namespace postline::exporting::ffmpeg
