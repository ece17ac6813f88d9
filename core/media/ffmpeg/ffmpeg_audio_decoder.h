#pragma once
// libav implementation of AudioDecoder (see core/media/audio_decoder.h for the rules).
#include <cstdint>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/media/audio_decoder.h"
#include "core/media/ffmpeg/libav_util.h"
#include "core/time/rational.h"

namespace postline::media::ffmpeg {

// Decodes one file's best audio stream through libavcodec + libswresample to 48 kHz stereo
// float planar. Keeps decoding forward for sequential reads; seeks (with pre-roll) otherwise.
class FfmpegAudioDecoder final : public AudioDecoder {
 public:
  // Opens `path`; errors name the file (see openAudioDecoder).
  static base::Result<std::unique_ptr<FfmpegAudioDecoder>> open(const std::filesystem::path& path);

  base::Result<AudioBlock> read(time::SamplePos start, time::SampleCount count) override;
  time::SampleCount length() const override;
  bool endKnown() const override { return m_endKnown; }
  const AudioStreamInfo& info() const override { return m_info; }
  const std::filesystem::path& path() const override { return m_path; }

 private:
  explicit FfmpegAudioDecoder(std::filesystem::path path) : m_path(std::move(path)) {}

  base::Result<void> openPipeline();
  void describeStream();
  bool canContinueFrom(std::int64_t pos) const;
  base::Result<void> seekTo(std::int64_t pos);
  base::Result<void> seekStart();
  base::Result<bool> seekAttempt(std::int64_t from);
  void resetPipeline(bool fromStart);
  base::Result<void> decodeMore();
  base::Result<bool> receiveFrame();
  base::Result<void> sendNextPacket();
  AudioPump& pump();
  base::Result<void> consume(const AVFrame* frame);
  base::Result<int> anchor(const AVFrame* frame);
  base::Result<void> makeResampler(const AVFrame* frame);
  base::Result<void> convert(const std::uint8_t** in, int count);
  void finishStream();
  void dropBefore(std::int64_t pos);
  std::int64_t bufferEnd() const { return m_bufStart + static_cast<std::int64_t>(m_left.size()); }
  base::Error fail(const std::string& what, int code) const { return avError(m_path, what, code); }

  std::filesystem::path m_path;
  Deadline m_deadline;
  InputFormatPtr m_format;
  CodecContextPtr m_codec;
  SwrPtr m_swr;
  PacketPtr m_packet;
  FramePtr m_frame;
  AudioStreamInfo m_info;
  int m_stream = -1;
  AVRational m_timeBase{1, 1};
  time::Rational m_origin{0};    // seconds of presentation time at position 0 (see fileOrigin)
  int m_srcRate = 0;
  std::int64_t m_gridIn = 1;     // source samples per step where the source and 48 kHz grids meet
  std::int64_t m_gridOut = 1;    // 48 kHz samples per such step
  std::int64_t m_preRoll = 0;    // 48 kHz samples decoded before a seek target
  std::int64_t m_estimatedLength = 0;

  // Resampler input configuration (rebuilt when a frame's format or layout changes).
  int m_swrFormat = -1;
  int m_swrChannels = 0;

  // Pipeline: the buffer holds decoded output [m_bufStart, bufferEnd()).
  bool m_fresh = false;          // the input was just opened: nothing read yet
  bool m_positioned = false;     // the pipeline describes a contiguous run of output
  bool m_needAnchor = true;      // the next decoded frame fixes the buffer's position
  bool m_silentBefore = false;   // decoded from the start and nothing dropped: before m_bufStart is silence
  bool m_atEnd = false;          // the pipeline has produced its last sample
  bool m_endKnown = false;
  std::int64_t m_length = 0;     // exact length once m_endKnown
  std::int64_t m_bufStart = 0;
  std::vector<float> m_left;
  std::vector<float> m_right;
  AudioPump m_pump;              // the demux/decode pump (its inputDone: the decoder is draining)
};

}  // namespace postline::media::ffmpeg
