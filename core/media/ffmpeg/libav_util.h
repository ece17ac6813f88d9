#pragma once
// RAII wrappers and error helpers for libav objects. Include only from core/media/ffmpeg.
#include <chrono>
#include <filesystem>
#include <memory>
#include <string>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/frame.h>
#include <libswresample/swresample.h>
#include <libswscale/swscale.h>
}

#include "core/base/result.h"

namespace postline::media::ffmpeg {

struct InputFormatDeleter {
  void operator()(AVFormatContext* c) const { avformat_close_input(&c); }
};
struct OutputFormatDeleter {
  void operator()(AVFormatContext* c) const;  // closes the file (if open) and frees the context
};
struct CodecContextDeleter {
  void operator()(AVCodecContext* c) const { avcodec_free_context(&c); }
};
struct FrameDeleter {
  void operator()(AVFrame* f) const { av_frame_free(&f); }
};
struct PacketDeleter {
  void operator()(AVPacket* p) const { av_packet_free(&p); }
};
struct SwsDeleter {
  void operator()(SwsContext* s) const { sws_freeContext(s); }
};
struct SwrDeleter {
  void operator()(SwrContext* s) const { swr_free(&s); }
};

using InputFormatPtr = std::unique_ptr<AVFormatContext, InputFormatDeleter>;
using OutputFormatPtr = std::unique_ptr<AVFormatContext, OutputFormatDeleter>;
using CodecContextPtr = std::unique_ptr<AVCodecContext, CodecContextDeleter>;
using FramePtr = std::unique_ptr<AVFrame, FrameDeleter>;
using PacketPtr = std::unique_ptr<AVPacket, PacketDeleter>;
using SwsPtr = std::unique_ptr<SwsContext, SwsDeleter>;
using SwrPtr = std::unique_ptr<SwrContext, SwrDeleter>;

// Lowers libav's log level from its default to fatal-only, once per process: Postline reports
// problems through base::Error, and libav's own chatter would only clutter stderr.
void quietLibav();

// av_strerror text for a libav error code.
std::string avErrorText(int code);

// An Error "<file>: <what>: <libav message>" with a code chosen from the libav error
// (ENOENT -> NotFound, EIO -> Io, anything else -> Parse).
base::Error avError(const std::filesystem::path& file, const std::string& what, int code);

// Deadline for blocking libav calls: install with `interrupt.attach(ctx)` before opening.
// libav polls it and aborts the call (AVERROR_EXIT) once the deadline has passed.
struct Deadline {
  std::chrono::steady_clock::time_point until;
  bool expired() const { return std::chrono::steady_clock::now() > until; }
  void attach(AVFormatContext* ctx);  // ctx->interrupt_callback = this; `this` must outlive ctx
};

// The decode pump of one audio stream, shared by the 48 kHz decoder and the multichannel reader:
// packets of `stream` from `format` into `codec`, frames out into `frame`. Up to 200 consecutive
// undecodable packets are skipped; `deadline` is renewed (20 s) for every packet read.
struct AudioPump {
  AVFormatContext* format = nullptr;
  AVCodecContext* codec = nullptr;
  AVPacket* packet = nullptr;
  AVFrame* frame = nullptr;
  int stream = -1;
  Deadline* deadline = nullptr;
  const std::filesystem::path* path = nullptr;
  bool inputDone = false;  // the demuxer is exhausted and the decoder is draining
  int badPackets = 0;      // consecutive undecodable packets
};
enum class PumpStep {
  Frame,      // a frame is in pump.frame: the caller consumes it and unrefs it
  NeedInput,  // the decoder wants a packet (sendAudioPacket)
  Ended,      // the stream is over
};
// The next decoded frame, or why there is none.
base::Result<PumpStep> receiveAudioFrame(AudioPump& pump);
// Sends the next packet of the stream; at the end of the file (or a truncated tail) starts
// draining the decoder. Ended when it was already draining.
base::Result<PumpStep> sendAudioPacket(AudioPump& pump);

// Opens `file` for reading under `deadline` and reads its stream info; errors name the file
// (missing -> NotFound, unreadable/unknown format -> Parse). `deadline` must outlive the context.
base::Result<InputFormatPtr> openInput(const std::filesystem::path& file, Deadline& deadline);

}  // namespace postline::media::ffmpeg
