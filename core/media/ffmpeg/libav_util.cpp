#include "core/media/ffmpeg/libav_util.h"

#include <cerrno>
#include <mutex>
#include <system_error>

namespace postline::media::ffmpeg {

void OutputFormatDeleter::operator()(AVFormatContext* c) const {
  if (c == nullptr) return;
  if (c->oformat != nullptr && (c->oformat->flags & AVFMT_NOFILE) == 0 && c->pb != nullptr) avio_closep(&c->pb);
  avformat_free_context(c);
}

void quietLibav() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (av_log_get_level() == AV_LOG_INFO) av_log_set_level(AV_LOG_FATAL);
  });
}

std::string avErrorText(int code) {
  char buf[AV_ERROR_MAX_STRING_SIZE] = {};
  av_strerror(code, buf, sizeof buf);
  return buf;
}

base::Error avError(const std::filesystem::path& file, const std::string& what, int code) {
  base::ErrorCode ec = base::ErrorCode::Parse;
  if (code == AVERROR(ENOENT)) ec = base::ErrorCode::NotFound;
  else if (code == AVERROR(EIO) || code == AVERROR(EACCES)) ec = base::ErrorCode::Io;
  return base::makeError(ec, file.string() + ": " + what + ": " + avErrorText(code));
}

namespace {
int interruptCallback(void* opaque) { return static_cast<Deadline*>(opaque)->expired() ? 1 : 0; }
}  // namespace

void Deadline::attach(AVFormatContext* ctx) {
  ctx->interrupt_callback.callback = &interruptCallback;
  ctx->interrupt_callback.opaque = this;
}

base::Result<InputFormatPtr> openInput(const std::filesystem::path& file, Deadline& deadline) {
  quietLibav();  // every problem reaches the caller as an Error naming the file, not as log noise
  std::error_code fsError;
  if (!std::filesystem::exists(file, fsError)) {
    return base::makeError(base::ErrorCode::NotFound, file.string() + ": no such file");
  }
  if (std::filesystem::is_directory(file, fsError)) {
    return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": is a folder, not a media file");
  }
  if (!std::filesystem::is_regular_file(file, fsError)) {  // a FIFO or device could block forever
    return base::makeError(base::ErrorCode::InvalidArgument, file.string() + ": not a regular file");
  }
  if (std::filesystem::file_size(file, fsError) == 0) {
    return base::makeError(base::ErrorCode::Parse, file.string() + ": empty file (0 bytes)");
  }
  AVFormatContext* raw = avformat_alloc_context();
  if (raw == nullptr) return base::makeError(base::ErrorCode::Io, file.string() + ": out of memory");
  deadline.attach(raw);
  int rc = avformat_open_input(&raw, file.string().c_str(), nullptr, nullptr);  // frees raw on failure
  if (rc < 0) {
    if (rc == AVERROR_EXIT) return base::makeError(base::ErrorCode::Io, file.string() + ": timed out opening");
    if (rc == AVERROR_INVALIDDATA) {
      return base::makeError(base::ErrorCode::Parse, file.string() + ": not a media file FFmpeg can read");
    }
    return avError(file, "cannot open", rc);
  }
  InputFormatPtr ctx(raw);
  rc = avformat_find_stream_info(ctx.get(), nullptr);
  if (rc < 0) {
    if (rc == AVERROR_EXIT) return base::makeError(base::ErrorCode::Io, file.string() + ": timed out reading stream info");
    return avError(file, "cannot read stream info", rc);
  }
  return ctx;
}

namespace {
constexpr auto kPacketTimeout = std::chrono::seconds(20);
constexpr int kMaxBadPackets = 200;
}  // namespace

base::Result<PumpStep> receiveAudioFrame(AudioPump& p) {
  const int rc = avcodec_receive_frame(p.codec, p.frame);
  if (rc == AVERROR(EAGAIN)) return PumpStep::NeedInput;
  if (rc == AVERROR_EOF) return PumpStep::Ended;
  if (rc == AVERROR_INVALIDDATA && ++p.badPackets < kMaxBadPackets) return PumpStep::NeedInput;
  if (rc < 0) return avError(*p.path, "cannot decode audio", rc);
  p.badPackets = 0;  // only consecutive failures count
  return PumpStep::Frame;
}

base::Result<PumpStep> sendAudioPacket(AudioPump& p) {
  if (p.inputDone) return PumpStep::Ended;  // a draining decoder that asks for input again
  for (;;) {
    p.deadline->until = std::chrono::steady_clock::now() + kPacketTimeout;  // per packet: long reads are fine
    const int rc = av_read_frame(p.format, p.packet);
    if (rc == AVERROR_EXIT) return base::makeError(base::ErrorCode::Io, p.path->string() + ": timed out reading audio");
    if (rc < 0) {  // end of file, or a truncated / unreadable tail: drain the decoder
      p.inputDone = true;
      avcodec_send_packet(p.codec, nullptr);
      return PumpStep::NeedInput;
    }
    if (p.packet->stream_index != p.stream) {
      av_packet_unref(p.packet);
      continue;
    }
    const int sent = avcodec_send_packet(p.codec, p.packet);
    av_packet_unref(p.packet);
    if (sent == AVERROR_INVALIDDATA && ++p.badPackets < kMaxBadPackets) continue;
    if (sent < 0 && sent != AVERROR(EAGAIN)) return avError(*p.path, "cannot decode audio packet", sent);
    return PumpStep::NeedInput;
  }
}

}  // namespace postline::media::ffmpeg
