// TimeStretcher through libavfilter: abuffer -> atempo [-> atempo ...] -> abuffersink, all
// fltp stereo 48 kHz.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>
#include <vector>

extern "C" {
#include <libavfilter/avfilter.h>
#include <libavfilter/buffersink.h>
#include <libavfilter/buffersrc.h>
#include <libavutil/channel_layout.h>
#include <libavutil/opt.h>
}

#include "core/media/ffmpeg/libav_util.h"
#include "core/media/time_stretch.h"

namespace postline::media {

TimeStretcher::~TimeStretcher() = default;

namespace ffmpeg {
namespace {

constexpr int kRate = 48000;
constexpr std::size_t kMaxPushFrame = 8192;  // longest frame handed to abuffer at once
constexpr double kStageMin = 0.5;             // one atempo stage blends (not skips) inside [0.5, 2]
constexpr double kStageMax = 2.0;

struct GraphDeleter {
  void operator()(AVFilterGraph* g) const { avfilter_graph_free(&g); }
};
using GraphPtr = std::unique_ptr<AVFilterGraph, GraphDeleter>;

base::Error stretchError(const std::string& what, int code) {
  return base::makeError(base::ErrorCode::Io, "time stretch: " + what + ": " + avErrorText(code));
}

// Number of equal atempo stages that keeps each stage inside [kStageMin, kStageMax]; 0 for speed 1
// (atempo at tempo 1 still splices and blends; without a stage the graph passes samples through).
int stageCount(double speed) {
  if (speed == 1.0) return 0;
  int n = 1;
  while (std::pow(speed, 1.0 / n) > kStageMax + 1e-12 || std::pow(speed, 1.0 / n) < kStageMin - 1e-12) ++n;
  return n;
}

class FfmpegTimeStretcher final : public TimeStretcher {
 public:
  explicit FfmpegTimeStretcher(double speed) : m_speed(speed) {}

  base::Result<void> build();
  base::Result<void> push(const float* left, const float* right, std::size_t frames) override;
  base::Result<std::size_t> pull(float* left, float* right, std::size_t maxFrames) override;
  base::Result<void> finish() override;
  base::Result<void> reset() override;
  std::int64_t latency() const override { return 0; }
  double speed() const override { return m_speed; }

 private:
  base::Result<void> pushChunk(const float* left, const float* right, std::size_t frames);
  base::Result<void> drainSink(std::size_t wanted);
  base::Result<AVFilterContext*> addFilter(const char* type, const char* name, const std::string& args);
  std::size_t held() const { return m_outL.size() - m_outPos; }
  base::Result<void> usable() const {
    if (m_src != nullptr) return {};
    return base::makeError(base::ErrorCode::Io, "time stretch: no filter graph (a reset failed)");
  }

  double m_speed;
  GraphPtr m_graph;
  AVFilterContext* m_src = nullptr;
  AVFilterContext* m_sink = nullptr;
  FramePtr m_frame;
  std::vector<float> m_outL;   // stretched samples taken from the sink, not yet pulled
  std::vector<float> m_outR;
  std::size_t m_outPos = 0;    // first unpulled index in m_outL/m_outR
  std::int64_t m_pts = 0;      // input samples pushed since open/reset
  bool m_finished = false;
  bool m_sinkEof = false;
};

base::Result<AVFilterContext*> FfmpegTimeStretcher::addFilter(const char* type, const char* name,
                                                              const std::string& args) {
  AVFilterContext* ctx = nullptr;
  const int rc = avfilter_graph_create_filter(&ctx, avfilter_get_by_name(type), name,
                                              args.empty() ? nullptr : args.c_str(), nullptr, m_graph.get());
  if (rc < 0) return stretchError(std::string("creating ") + type + " '" + args + "'", rc);
  return ctx;
}

base::Result<void> FfmpegTimeStretcher::build() {
  m_graph.reset(avfilter_graph_alloc());
  if (!m_graph) return base::makeError(base::ErrorCode::Io, "time stretch: out of memory for the filter graph");
  m_graph->nb_threads = 1;
  PL_TRY_ASSIGN(src, addFilter("abuffer", "in",
                               "time_base=1/48000:sample_rate=48000:sample_fmt=fltp:channel_layout=stereo"));
  PL_TRY_ASSIGN(sink, addFilter("abuffersink", "out", ""));
  const AVSampleFormat fmts[] = {AV_SAMPLE_FMT_FLTP, AV_SAMPLE_FMT_NONE};
  int rc = av_opt_set_int_list(sink, "sample_fmts", fmts, AV_SAMPLE_FMT_NONE, AV_OPT_SEARCH_CHILDREN);
  if (rc < 0) return stretchError("setting the sink format", rc);
  AVFilterContext* last = src;
  const int stages = stageCount(m_speed);
  const double stageSpeed = stages > 0 ? std::pow(m_speed, 1.0 / stages) : 1.0;
  for (int i = 0; i < stages; ++i) {
    char args[64];
    std::snprintf(args, sizeof args, "tempo=%.17g", stageSpeed);
    PL_TRY_ASSIGN(tempo, addFilter("atempo", ("tempo" + std::to_string(i)).c_str(), args));
    if ((rc = avfilter_link(last, 0, tempo, 0)) < 0) return stretchError("linking atempo", rc);
    last = tempo;
  }
  if ((rc = avfilter_link(last, 0, sink, 0)) < 0) return stretchError("linking the sink", rc);
  if ((rc = avfilter_graph_config(m_graph.get(), nullptr)) < 0) return stretchError("configuring the graph", rc);
  m_src = src;
  m_sink = sink;
  if (!m_frame) m_frame.reset(av_frame_alloc());
  if (!m_frame) return base::makeError(base::ErrorCode::Io, "time stretch: out of memory for a frame");
  return {};
}

base::Result<void> FfmpegTimeStretcher::pushChunk(const float* left, const float* right, std::size_t frames) {
  FramePtr frame(av_frame_alloc());
  if (!frame) return base::makeError(base::ErrorCode::Io, "time stretch: out of memory for a frame");
  frame->format = AV_SAMPLE_FMT_FLTP;
  frame->sample_rate = kRate;
  frame->nb_samples = static_cast<int>(frames);
  const AVChannelLayout stereo = AV_CHANNEL_LAYOUT_STEREO;
  int rc = av_channel_layout_copy(&frame->ch_layout, &stereo);
  if (rc >= 0) rc = av_frame_get_buffer(frame.get(), 0);
  if (rc < 0) return stretchError("allocating an input frame", rc);
  std::memcpy(frame->extended_data[0], left, frames * sizeof(float));
  std::memcpy(frame->extended_data[1], right, frames * sizeof(float));
  frame->pts = m_pts;
  m_pts += static_cast<std::int64_t>(frames);
  rc = av_buffersrc_add_frame_flags(m_src, frame.get(), 0);  // takes the frame's reference
  if (rc < 0) return stretchError("feeding atempo", rc);
  return {};
}

base::Result<void> FfmpegTimeStretcher::push(const float* left, const float* right, std::size_t frames) {
  PL_TRY(usable());
  if (m_finished) return base::makeError(base::ErrorCode::InvalidArgument, "time stretch: push after finish");
  if (frames > 0 && (left == nullptr || right == nullptr)) {
    return base::makeError(base::ErrorCode::InvalidArgument, "time stretch: push with a null channel pointer");
  }
  for (std::size_t done = 0; done < frames;) {
    const std::size_t n = std::min(kMaxPushFrame, frames - done);
    PL_TRY(pushChunk(left + done, right + done, n));
    done += n;
  }
  return {};
}

base::Result<void> FfmpegTimeStretcher::drainSink(std::size_t wanted) {
  if (m_outPos > 0 && m_outPos * 2 >= m_outL.size()) {  // compact the pulled prefix away
    m_outL.erase(m_outL.begin(), m_outL.begin() + static_cast<std::ptrdiff_t>(m_outPos));
    m_outR.erase(m_outR.begin(), m_outR.begin() + static_cast<std::ptrdiff_t>(m_outPos));
    m_outPos = 0;
  }
  while (!m_sinkEof && held() < wanted) {
    const int rc = av_buffersink_get_frame(m_sink, m_frame.get());
    if (rc == AVERROR(EAGAIN)) break;
    if (rc == AVERROR_EOF) {
      m_sinkEof = true;
      break;
    }
    if (rc < 0) return stretchError("reading atempo's output", rc);
    const auto n = static_cast<std::size_t>(m_frame->nb_samples);
    const auto* l = reinterpret_cast<const float*>(m_frame->extended_data[0]);
    const auto* r = reinterpret_cast<const float*>(m_frame->extended_data[1]);
    m_outL.insert(m_outL.end(), l, l + n);
    m_outR.insert(m_outR.end(), r, r + n);
    av_frame_unref(m_frame.get());
  }
  return {};
}

base::Result<std::size_t> FfmpegTimeStretcher::pull(float* left, float* right, std::size_t maxFrames) {
  if (maxFrames == 0) return std::size_t{0};
  if (left == nullptr || right == nullptr) {
    return base::makeError(base::ErrorCode::InvalidArgument, "time stretch: pull with a null channel pointer");
  }
  PL_TRY(usable());
  PL_TRY(drainSink(maxFrames));
  const std::size_t n = std::min(maxFrames, held());
  std::copy_n(m_outL.begin() + static_cast<std::ptrdiff_t>(m_outPos), n, left);
  std::copy_n(m_outR.begin() + static_cast<std::ptrdiff_t>(m_outPos), n, right);
  m_outPos += n;
  return n;
}

base::Result<void> FfmpegTimeStretcher::finish() {
  PL_TRY(usable());
  if (m_finished) return {};
  const int rc = av_buffersrc_add_frame_flags(m_src, nullptr, 0);
  if (rc < 0) return stretchError("ending atempo's input", rc);
  m_finished = true;
  return {};
}

base::Result<void> FfmpegTimeStretcher::reset() {
  m_src = nullptr;
  m_sink = nullptr;
  m_graph.reset();
  m_outL.clear();
  m_outR.clear();
  m_outPos = 0;
  m_pts = 0;
  m_finished = false;
  m_sinkEof = false;
  return build();
}

}  // namespace
}  // namespace ffmpeg

base::Result<std::unique_ptr<TimeStretcher>> TimeStretcher::open(double speed) {
  if (!(speed >= kMinStretchSpeed && speed <= kMaxStretchSpeed)) {
    return base::makeError(base::ErrorCode::InvalidArgument,
                           "time stretch: speed " + std::to_string(speed) + " is outside [0.25, 4]");
  }
  ffmpeg::quietLibav();
  auto stretcher = std::make_unique<ffmpeg::FfmpegTimeStretcher>(speed);
  PL_TRY(stretcher->build());
  return std::unique_ptr<TimeStretcher>(std::move(stretcher));
}

}  // namespace postline::media
