// Encoder (core/export/encoder.h): one output file fed by VideoStream and AudioStream.
#include <algorithm>
#include <cctype>
#include <climits>
#include <optional>
#include <system_error>

#include "core/export/encoder.h"
#include "core/export/ffmpeg/audio_stream.h"
#include "core/export/ffmpeg/av_common.h"
#include "core/export/ffmpeg/video_stream.h"

namespace postline::exporting {

using base::ErrorCode;
using base::makeError;
namespace fs = std::filesystem;

namespace {

enum class State { Open, Finished, Failed, Cancelled };

std::string lowerExtension(const fs::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

base::Result<void> checkSettings(const fs::path& path, const EncoderSettings& s) {
  const std::string ext = lowerExtension(path);
  if (ext != ".mp4" && ext != ".mov" && ext != ".mkv") {
    return makeError(ErrorCode::InvalidArgument, path.string() + ": unsupported container '" + ext +
                                                     "' (use .mp4, .mov or .mkv)");
  }
  if (s.width <= 0 || s.height <= 0 || s.width % 2 != 0 || s.height % 2 != 0) {
    return makeError(ErrorCode::InvalidArgument, path.string() + ": picture size " + std::to_string(s.width) + "x" +
                                                     std::to_string(s.height) + " must be positive and even");
  }
  const bool inputOk = (s.inputWidth == 0 && s.inputHeight == 0) ||
                       (s.inputWidth > 0 && s.inputHeight > 0 && s.inputWidth % 2 == 0 && s.inputHeight % 2 == 0);
  if (!inputOk) {
    return makeError(ErrorCode::InvalidArgument, path.string() + ": input size " + std::to_string(s.inputWidth) + "x" +
                                                     std::to_string(s.inputHeight) + " must be 0x0 or positive and even");
  }
  if (s.fps.num() <= 0 || s.fps.num() > INT_MAX || s.fps.den() > INT_MAX) {
    return makeError(ErrorCode::InvalidArgument, path.string() + ": bad frame rate " + s.fps.toString());
  }
  if (s.audio && (s.sampleRate <= 0 || s.channels < 1 || s.channels > 8)) {
    return makeError(ErrorCode::InvalidArgument, path.string() + ": audio needs a positive rate and 1 to 8 channels");
  }
  return {};
}

// Closes the file (if open) and frees the context.
struct OutputDeleter {
  void operator()(AVFormatContext* c) const {
    if (c == nullptr) return;
    if (c->pb != nullptr) avio_closep(&c->pb);
    avformat_free_context(c);
  }
};
using OutputPtr = std::unique_ptr<AVFormatContext, OutputDeleter>;

}  // namespace

fs::path partialPathFor(const fs::path& path) {
  return path.parent_path() / (path.stem().string() + ".partial" + path.extension().string());
}

struct Encoder::Impl {
  fs::path path;
  fs::path partial;
  EncoderSettings settings;
  OutputPtr oc;
  ffmpeg::VideoStream video;
  std::optional<ffmpeg::AudioStream> audio;
  State state = State::Open;

  base::Result<void> openStreams();
  base::Result<void> openFile();
  base::Result<void> usable() const;
  base::Result<void> completeFile();
  // Closes and removes the partial file; the object stays unusable afterwards.
  void discard(State next) {
    oc.reset();
    std::error_code ignored;
    fs::remove(partial, ignored);
    state = next;
  }
  // Runs `step`; on failure discards the output and passes the error on.
  base::Result<void> guard(base::Result<void> step) {
    if (!step.ok()) discard(State::Failed);
    return step;
  }
};

base::Result<void> Encoder::Impl::openStreams() {
  AVFormatContext* raw = nullptr;
  // The muxer follows the extension (the partial name keeps it).
  const int rc = avformat_alloc_output_context2(&raw, nullptr, nullptr, partial.string().c_str());
  if (rc < 0 || raw == nullptr) {
    return ffmpeg::avFail(ErrorCode::InvalidArgument, path, "no muxer for this extension",
                          rc < 0 ? rc : AVERROR_MUXER_NOT_FOUND);
  }
  oc.reset(raw);
  PL_TRY(video.open(path, oc.get(), settings));
  if (settings.audio) {
    audio.emplace();
    PL_TRY(audio->open(path, oc.get(), settings));
  }
  return {};
}

base::Result<void> Encoder::Impl::openFile() {
  std::error_code ec;
  const fs::path folder = path.parent_path().empty() ? fs::path(".") : path.parent_path();
  if (!fs::is_directory(folder, ec)) {
    return makeError(ErrorCode::Io, path.string() + ": cannot write here: folder " + folder.string() + " does not exist");
  }
  int rc = avio_open(&oc->pb, partial.string().c_str(), AVIO_FLAG_WRITE);
  if (rc < 0) return ffmpeg::avFail(ErrorCode::Io, path, "cannot create " + partial.filename().string(), rc);
  // mp4/mov get their index at the front when asked (web delivery starts playing sooner).
  AVDictionary* opts = nullptr;
  const std::string muxer = oc->oformat->name;
  if (settings.faststart && (muxer == "mp4" || muxer == "mov")) av_dict_set(&opts, "movflags", "+faststart", 0);
  rc = avformat_write_header(oc.get(), &opts);
  av_dict_free(&opts);
  if (rc < 0) return ffmpeg::avFail(ErrorCode::Io, path, "cannot write the container header", rc);
  return {};
}

base::Result<void> Encoder::Impl::usable() const {
  switch (state) {
    case State::Open: return {};
    case State::Finished: return makeError(ErrorCode::InvalidArgument, path.string() + ": encoder already finished");
    case State::Failed: return makeError(ErrorCode::InvalidArgument, path.string() + ": encoder failed earlier");
    case State::Cancelled: return makeError(ErrorCode::InvalidArgument, path.string() + ": encoder was cancelled");
  }
  return {};
}

base::Result<void> Encoder::Impl::completeFile() {
  PL_TRY(video.flush());
  if (audio) PL_TRY(audio->flush());
  int rc = av_write_trailer(oc.get());
  if (rc < 0) return ffmpeg::avFail(ErrorCode::Io, path, "cannot finish the file", rc);
  if (oc->pb->error < 0) return ffmpeg::avFail(ErrorCode::Io, path, "writing failed", oc->pb->error);
  rc = avio_closep(&oc->pb);
  if (rc < 0) return ffmpeg::avFail(ErrorCode::Io, path, "cannot close the file", rc);
  oc.reset();
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) return makeError(ErrorCode::Io, path.string() + ": cannot rename " + partial.filename().string() + ": " + ec.message());
  return {};
}

Encoder::Encoder(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Encoder::~Encoder() {
  if (m_impl && m_impl->state == State::Open) m_impl->discard(State::Cancelled);
}

base::Result<std::unique_ptr<Encoder>> Encoder::open(const fs::path& path, const EncoderSettings& settings) {
  ffmpeg::quietLibav();
  PL_TRY(checkSettings(path, settings));
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->partial = partialPathFor(path);
  impl->settings = settings;
  PL_TRY(impl->openStreams());  // codecs first: a missing encoder leaves no file behind
  PL_TRY(impl->guard(impl->openFile()));
  return std::unique_ptr<Encoder>(new Encoder(std::move(impl)));
}

base::Result<void> Encoder::pushYuv420(const std::uint8_t* y, int yStride, const std::uint8_t* u, int uStride,
                                       const std::uint8_t* v, int vStride) {
  PL_TRY(m_impl->usable());
  const int w = m_impl->settings.pushWidth();
  if (y == nullptr || u == nullptr || v == nullptr || yStride < w || uStride < (w + 1) / 2 || vStride < (w + 1) / 2) {
    return makeError(ErrorCode::InvalidArgument, m_impl->path.string() + ": frame " +
                                                     std::to_string(framesPushed()) + " has missing planes or short strides");
  }
  const std::uint8_t* planes[3] = {y, u, v};
  const int strides[3] = {yStride, uStride, vStride};
  return m_impl->guard(m_impl->video.pushYuv420(planes, strides));
}

base::Result<void> Encoder::pushRgba(const std::uint8_t* rgba, int stride) {
  PL_TRY(m_impl->usable());
  if (rgba == nullptr || stride < m_impl->settings.pushWidth() * 4) {
    return makeError(ErrorCode::InvalidArgument, m_impl->path.string() + ": frame " +
                                                     std::to_string(framesPushed()) + " has no pixels or a short stride");
  }
  return m_impl->guard(m_impl->video.pushRgba(rgba, stride));
}

base::Result<void> Encoder::pushRgba16(const std::uint16_t* rgba, int strideBytes) {
  PL_TRY(m_impl->usable());
  if (rgba == nullptr || strideBytes < m_impl->settings.pushWidth() * 8 || strideBytes % 2 != 0) {
    return makeError(ErrorCode::InvalidArgument, m_impl->path.string() + ": frame " + std::to_string(framesPushed()) +
                                                     " has no pixels or a short (or odd) stride");
  }
  return m_impl->guard(m_impl->video.pushRgba16(rgba, strideBytes));
}

base::Result<void> Encoder::pushAudio(const float* interleaved, std::size_t frames) {
  PL_TRY(m_impl->usable());
  if (!m_impl->audio) return makeError(ErrorCode::InvalidArgument, m_impl->path.string() + ": audio is off in the settings");
  if (frames == 0) return {};
  if (interleaved == nullptr) return makeError(ErrorCode::InvalidArgument, m_impl->path.string() + ": no audio samples");
  return m_impl->guard(m_impl->audio->push(interleaved, frames));
}

base::Result<void> Encoder::finish() {
  PL_TRY(m_impl->usable());
  PL_TRY(m_impl->guard(m_impl->completeFile()));
  m_impl->state = State::Finished;
  return {};
}

void Encoder::cancel() {
  if (m_impl->state == State::Open || m_impl->state == State::Failed) m_impl->discard(State::Cancelled);
}

std::int64_t Encoder::framesPushed() const { return m_impl->video.frames(); }
std::int64_t Encoder::samplesPushed() const { return m_impl->audio ? m_impl->audio->samples() : 0; }
const fs::path& Encoder::path() const { return m_impl->path; }
const fs::path& Encoder::partialPath() const { return m_impl->partial; }

}  // namespace postline::exporting
