// Reframer (core/export/reframe.h): plans the window of every video clip of a sequence for one
// delivery size (analysis, keys or a fixed window), then answers per frame and rewrites plans.
#include "core/export/reframe.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "core/export/reframe_analysis.h"
#include "core/model/clip_timing.h"
#include "core/model/transition.h"

namespace postline::exporting {

using base::ErrorCode;
using base::makeError;
using time::FramePos;

namespace {

// Above this many source pictures a clip is analysed every second picture.
constexpr std::int64_t kEveryPictureUpTo = 1500;

// The windows of one clip, one per drawn frame from `summary.first`.
struct ClipWindows {
  ClipReframe summary;
  std::vector<Window> windows;
  bool title = false;
  model::Reframe reframe;  // titles: re-laid out for the delivery frame with it
};

// Source-normalised -> sequence-normalised: the inverse of the clip's placement (render's
// output -> source transform), so a point of interest in the picture becomes a point of the frame.
struct Placement {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;  // x' = a x + b y + e, y' = c x + d y + f
  std::array<double, 2> toSequence(double sx, double sy) const { return {a * sx + b * sy + e, c * sx + d * sy + f}; }
};

base::Result<Placement> placementOf(const model::Clip& clip, const model::MediaItem& media, int seqW, int seqH) {
  const bool title = media.kind == model::MediaKind::Title;
  const render::SourceGeometry g{static_cast<double>(title ? seqW : media.info.width),
                                 static_cast<double>(title ? seqH : media.info.height), 1.0};
  PL_TRY_ASSIGN(m, render::reframeTransform(seqW, seqH, g, clip.reframe));
  // m maps (u, v) -> (m0 u + m3 v + m6, m1 u + m4 v + m7); invert the 2x2 part and the offset.
  const double det = double{m[0]} * m[4] - double{m[3]} * m[1];
  if (!(std::fabs(det) > 1e-12)) return makeError(ErrorCode::InvalidArgument, "its placement cannot be inverted");
  Placement p;
  p.a = m[4] / det;
  p.b = -m[3] / det;
  p.c = -m[1] / det;
  p.d = m[0] / det;
  p.e = -(p.a * m[6] + p.b * m[7]);
  p.f = -(p.c * m[6] + p.d * m[7]);
  return p;
}

// The frames a clip is drawn: its record range plus the parts of its cross-dissolves outside it.
time::FrameRange drawnRange(const model::Sequence& seq, const model::Track& track, const model::Clip& clip) {
  FramePos first = clip.start;
  FramePos end = clip.end();
  for (const model::Transition& t : seq.transitions) {
    if (t.track != track.id || t.kind != model::TransitionKind::CrossDissolve) continue;
    if (t.left != clip.id && t.right != clip.id) continue;
    const model::Clip* right = model::findClipOnTrack(track, t.right);
    if (right == nullptr) continue;
    const time::FrameRange r = model::transitionRange(t, right->start);
    first = std::min(first, r.start);
    end = std::max(end, r.end);
  }
  return time::FrameRange{first, end};
}

// The centre of interest at source picture `frame`, linear between the analysed samples.
InterestSample sampleAt(const std::vector<InterestSample>& s, double frame) {
  if (frame <= static_cast<double>(s.front().sourceFrame)) return s.front();
  if (frame >= static_cast<double>(s.back().sourceFrame)) return s.back();
  const auto next = std::upper_bound(s.begin(), s.end(), frame, [](double f, const InterestSample& x) {
    return f < static_cast<double>(x.sourceFrame);
  });
  const InterestSample& b = *next;
  const InterestSample& a = *(next - 1);
  const double t = (frame - static_cast<double>(a.sourceFrame)) / static_cast<double>(b.sourceFrame - a.sourceFrame);
  return {a.sourceFrame, a.x + t * (b.x - a.x), a.y + t * (b.y - a.y),
          a.confidence + t * (b.confidence - a.confidence)};
}

// The keys for a delivery of outW x outH: its reduced aspect name, else an aspect within 0.5 %
// of it (1080x1920 is "9x16" exactly; a rounded size such as 608x1080 still finds "9x16").
model::ReframeKeys::const_iterator keysFor(const model::ReframeKeys& keys, int outW, int outH) {
  const auto exact = keys.find(aspectName(outW, outH));
  if (exact != keys.end()) return exact;
  const double want = static_cast<double>(outW) / outH;
  for (auto it = keys.begin(); it != keys.end(); ++it) {
    int w = 0, h = 0;
    if (std::sscanf(it->first.c_str(), "%dx%d", &w, &h) == 2 && w > 0 && h > 0 &&
        std::fabs((static_cast<double>(w) / h) / want - 1.0) <= 0.005) {
      return it;
    }
  }
  return keys.end();
}

}  // namespace

struct Reframer::Impl {
  int seqW = 0, seqH = 0, outW = 0, outH = 0;
  ReframeMode mode = ReframeMode::Auto;
  bool identity = false;
  Window fixed;  // centre or letterbox window: unknown clips, gaps
  std::unordered_map<std::uint64_t, ClipWindows> clips;
  std::vector<std::uint64_t> order;

  // Plans one clip (frames, source pictures, then its windows by `how`).
  base::Result<void> planClip(const model::Project& p, const model::Sequence& seq, const model::Track& track,
                              const model::Clip& clip, const std::function<void(double)>& progress);
  base::Result<void> autoWindows(ClipWindows& out, const model::MediaItem& media, const Placement& place,
                                 const std::vector<std::int64_t>& sources, double fps,
                                 const std::function<void(double)>& progress) const;
};

Reframer::Reframer(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Reframer::~Reframer() = default;

base::Result<void> Reframer::Impl::planClip(const model::Project& p, const model::Sequence& seq,
                                            const model::Track& track, const model::Clip& clip,
                                            const std::function<void(double)>& progress) {
  const model::MediaItem* media = p.findMedia(clip.media);
  if (media == nullptr) return makeError(ErrorCode::NotFound, "clip '" + clip.name + "' refers to media that is not in the project");
  const auto fail = [&](const base::Error& e) {
    return makeError(e.code, "clip '" + clip.name + "' (" + media->path + "): " + e.message);
  };
  ClipWindows cw;
  const time::FrameRange range = drawnRange(seq, track, clip);
  cw.summary = {clip.id, clip.name, "", range.start, range.end - range.start, 0, fixed, 0.5, 0.5, 0.5, 0.5};
  cw.title = media->kind == model::MediaKind::Title;
  cw.reframe = clip.reframe;
  const auto keys = keysFor(clip.reframeKeys, outW, outH);
  if (mode == ReframeMode::Letterbox) cw.summary.how = "letterbox";
  else if (cw.title) cw.summary.how = "title";
  else if (keys != clip.reframeKeys.end() && !keys->second.empty()) cw.summary.how = "keys";
  else cw.summary.how = mode == ReframeMode::Centre ? "centre" : "auto";
  if (cw.summary.how == "keys" || cw.summary.how == "auto") {
    auto place = placementOf(clip, *media, seqW, seqH);
    if (!place) return fail(place.error());
    std::vector<std::int64_t> sources;
    for (FramePos f = range.start; f < range.end; f = f + time::FrameCount{1}) {
      auto point = render::sourcePointAt(clip, f, *media, seq.settings.frameRate);
      if (!point) return fail(point.error());
      sources.push_back(point->frame);
    }
    if (cw.summary.how == "keys") {
      cw.summary.keys = keys->second.size();
      for (std::int64_t s : sources) {
        const model::ReframeKey k = detail::keyAt(keys->second, static_cast<double>(s));
        const auto q = place->toSequence(k.x, k.y);
        cw.windows.push_back(cropWindow(seqW, seqH, outW, outH, q[0], q[1]));
      }
    } else if (auto r = autoWindows(cw, *media, *place, sources, seq.settings.frameRate.fps().toDouble(), progress); !r) {
      return fail(r.error());
    }
  }
  if (!cw.windows.empty()) {
    cw.summary.window = cw.windows.front();
    const auto [x0, x1] = std::minmax_element(cw.windows.begin(), cw.windows.end(), [](auto& a, auto& b) { return a.cx < b.cx; });
    const auto [y0, y1] = std::minmax_element(cw.windows.begin(), cw.windows.end(), [](auto& a, auto& b) { return a.cy < b.cy; });
    cw.summary.minX = x0->cx, cw.summary.maxX = x1->cx, cw.summary.minY = y0->cy, cw.summary.maxY = y1->cy;
  }
  order.push_back(clip.id.value);
  clips[clip.id.value] = std::move(cw);
  return {};
}

base::Result<void> Reframer::Impl::autoWindows(ClipWindows& out, const model::MediaItem& media, const Placement& place,
                                               const std::vector<std::int64_t>& sources, double fps,
                                               const std::function<void(double)>& progress) const {
  const auto [lo, hi] = std::minmax_element(sources.begin(), sources.end());
  const int step = *hi - *lo + 1 > kEveryPictureUpTo ? 2 : 1;
  PL_TRY_ASSIGN(samples, analyseInterest(media.path, *lo, *hi, step, progress));
  if (samples.empty()) return makeError(ErrorCode::Parse, "no picture could be analysed");
  detail::AxisTrack x, y;
  for (std::int64_t s : sources) {
    const InterestSample i = sampleAt(samples, static_cast<double>(s));
    const auto q = place.toSequence(i.x, i.y);
    x.target.push_back(q[0]);
    y.target.push_back(q[1]);
    x.confidence.push_back(i.confidence);
    y.confidence.push_back(i.confidence);
  }
  const Window size = cropWindow(seqW, seqH, outW, outH, 0.5, 0.5);
  const std::vector<double> cx = detail::smoothPath(x, {fps, size.w});
  const std::vector<double> cy = detail::smoothPath(y, {fps, size.h});
  for (std::size_t i = 0; i < sources.size(); ++i) out.windows.push_back(cropWindow(seqW, seqH, outW, outH, cx[i], cy[i]));
  return {};
}

base::Result<std::unique_ptr<Reframer>> Reframer::create(const model::Project& project, model::SequenceId sequence,
                                                         int outWidth, int outHeight, ReframeMode mode,
                                                         const std::function<void(double)>& progress,
                                                         const std::optional<time::FrameRange>& only) {
  const model::Sequence* seq = project.findSequence(sequence);
  if (seq == nullptr) {
    return makeError(ErrorCode::NotFound, "sequence id " + std::to_string(sequence.value) + " is not in project '" + project.name + "'");
  }
  if (outWidth <= 0 || outHeight <= 0) {
    return makeError(ErrorCode::InvalidArgument, "delivery size " + std::to_string(outWidth) + "x" + std::to_string(outHeight) + " has no area");
  }
  auto impl = std::make_unique<Impl>();
  impl->seqW = seq->settings.width;
  impl->seqH = seq->settings.height;
  impl->outW = outWidth;
  impl->outH = outHeight;
  impl->mode = mode;
  const double ratio = (static_cast<double>(outWidth) / outHeight) / (static_cast<double>(impl->seqW) / impl->seqH);
  impl->identity = mode != ReframeMode::Letterbox && std::fabs(ratio - 1.0) <= 0.01;
  impl->fixed = mode == ReframeMode::Letterbox ? letterboxWindow(impl->seqW, impl->seqH, outWidth, outHeight)
                                               : cropWindow(impl->seqW, impl->seqH, outWidth, outHeight, 0.5, 0.5);
  if (impl->identity) impl->fixed = Window{};
  std::vector<std::pair<const model::Track*, const model::Clip*>> todo;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Video || t.muted) continue;
    for (const model::Clip& c : t.clips) {
      const time::FrameRange drawn = drawnRange(*seq, t, c);
      const bool inside = !only || (drawn.start < only->end && only->start < drawn.end);
      if (c.enabled && inside) todo.emplace_back(&t, &c);
    }
  }
  for (std::size_t i = 0; i < todo.size(); ++i) {
    const auto part = [&](double f) {
      if (progress) progress((static_cast<double>(i) + std::clamp(f, 0.0, 1.0)) / static_cast<double>(todo.size()));
    };
    if (impl->identity) {
      impl->order.push_back(todo[i].second->id.value);
      const time::FrameRange r = drawnRange(*seq, *todo[i].first, *todo[i].second);
      impl->clips[todo[i].second->id.value].summary = {todo[i].second->id, todo[i].second->name, "none", r.start, r.end - r.start, 0, Window{}, 0.5, 0.5, 0.5, 0.5};
      continue;
    }
    PL_TRY(impl->planClip(project, *seq, *todo[i].first, *todo[i].second, part));
    part(1.0);
  }
  if (progress) progress(1.0);
  return std::unique_ptr<Reframer>(new Reframer(std::move(impl)));
}

bool Reframer::identity() const { return m_impl->identity; }

Window Reframer::windowAt(model::ClipId clip, time::FramePos frame) const {
  const auto it = m_impl->clips.find(clip.value);
  if (it == m_impl->clips.end() || it->second.windows.empty()) return m_impl->fixed;
  const std::vector<Window>& w = it->second.windows;
  const std::int64_t i = (frame - it->second.summary.first).value;
  return w[static_cast<std::size_t>(std::clamp<std::int64_t>(i, 0, static_cast<std::int64_t>(w.size()) - 1))];
}

void Reframer::apply(render::FramePlan& plan) const {
  const Impl& m = *m_impl;
  if (m.identity) return;
  for (render::Layer& layer : plan.layers) {
    const auto it = m.clips.find(layer.clip.value);
    if (layer.title && m.mode != ReframeMode::Letterbox) {
      // Titles are laid out afresh for the delivery frame (not cropped): same place as fractions
      // of the frame, the font no larger relative to the frame's width than in the sequence.
      const double widthRatio = (static_cast<double>(m.seqH) / m.seqW) * (static_cast<double>(m.outW) / m.outH);
      layer.title->size *= std::min(1.0, widthRatio);
      const model::Reframe reframe = it != m.clips.end() ? it->second.reframe : model::Reframe{};
      const render::SourceGeometry g{static_cast<double>(m.outW), static_cast<double>(m.outH), 1.0};
      if (auto t = render::reframeTransform(m.outW, m.outH, g, reframe)) layer.transform = *t;
    } else {
      layer.transform = composeTransforms(layer.transform, windowTransform(windowAt(layer.clip, plan.frame)));
    }
    layer.frameWidth = m.outW;
    layer.frameHeight = m.outH;
  }
  plan.width = m.outW;
  plan.height = m.outH;
}

std::vector<ClipReframe> Reframer::clips() const {
  std::vector<ClipReframe> out;
  for (std::uint64_t id : m_impl->order) out.push_back(m_impl->clips.at(id).summary);
  return out;
}

std::vector<std::string> Reframer::describe() const {
  std::vector<std::string> lines;
  char buf[96];
  for (const ClipReframe& c : clips()) {
    std::string line = c.name + ": " + c.how;
    if (c.how == "keys") line += " (" + std::to_string(c.keys) + ")";
    if (c.how == "auto" || c.how == "keys" || c.how == "centre") {
      std::snprintf(buf, sizeof buf, ", x %.2f..%.2f", c.minX, c.maxX);
      if (c.window.w < 1.0) line += buf;
      std::snprintf(buf, sizeof buf, ", y %.2f..%.2f", c.minY, c.maxY);
      if (c.window.h < 1.0) line += buf;
    }
    lines.push_back(std::move(line));
  }
  return lines;
}

}  // namespace postline::exporting
