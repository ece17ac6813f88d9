#include "ui/timeline/timeline_geometry.h"

#include <algorithm>
#include <cmath>

#include "core/model/transition.h"
#include "ui/timeline/clip_audio_overlay.h"

namespace postline::ui {

void TimelineGeometry::setPixelsPerFrame(double ppf) {
  m_ppf = std::clamp(ppf, kMinPixelsPerFrame, kMaxPixelsPerFrame);
}

void TimelineGeometry::setFirstVisibleFrame(double frame) { m_firstFrame = std::max(0.0, frame); }

time::FramePos TimelineGeometry::frameAtX(double x) const {
  const double f = std::floor(m_firstFrame + x / m_ppf);
  return time::FramePos{std::max<std::int64_t>(0, static_cast<std::int64_t>(f))};
}

time::FramePos TimelineGeometry::nearestBoundaryAtX(double x) const {
  const double f = std::round(m_firstFrame + x / m_ppf);
  return time::FramePos{std::max<std::int64_t>(0, static_cast<std::int64_t>(f))};
}

void TimelineGeometry::layout(const model::Sequence& seq) {
  m_rows.clear();
  std::vector<TrackRow> video, audio;
  for (std::size_t i = 0; i < seq.tracks.size(); ++i) {
    const model::Track& t = seq.tracks[i];
    const bool isVideo = t.kind == model::TrackKind::Video;
    TrackRow r{t.id, static_cast<int>(i), isVideo, 0, isVideo ? kVideoHeight : kAudioHeight};
    (isVideo ? video : audio).push_back(r);
  }
  std::reverse(video.begin(), video.end());  // highest video track on top
  int y = kRulerHeight - m_scrollY;
  for (auto* list : {&video, &audio}) {
    for (TrackRow& r : *list) {
      r.top = y;
      y += r.height;
      m_rows.push_back(r);
    }
  }
}

int TimelineGeometry::contentHeight() const {
  int h = kRulerHeight;
  for (const TrackRow& r : m_rows) h += r.height;
  return h;
}

const TrackRow* TimelineGeometry::rowAtY(int y) const {
  if (y < kRulerHeight) return nullptr;
  for (const TrackRow& r : m_rows) {
    if (y >= r.top && y < r.top + r.height) return &r;
  }
  return nullptr;
}

const TrackRow* TimelineGeometry::row(model::TrackId id) const {
  for (const TrackRow& r : m_rows) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

QRect TimelineGeometry::clipRect(const TrackRow& row, const model::Clip& clip) const {
  const double x0 = xOfFrame(clip.start);
  const double x1 = xOfFrame(clip.end());
  return QRect(static_cast<int>(std::floor(x0)), row.top + 1,
               std::max(1, static_cast<int>(std::ceil(x1) - std::floor(x0))), row.height - 2);
}

namespace {

// The transition on `track` whose box (its range on the timeline) holds frame `f`, if any.
const model::Transition* transitionAt(const model::Sequence& seq, const model::Track& track, time::FramePos f) {
  for (const model::Transition& t : seq.transitions) {
    if (t.track != track.id) continue;
    const model::Clip* left = model::findClipOnTrack(track, t.left);
    if (!left) continue;
    const time::FrameRange r = model::transitionRange(t, left->end());
    if (r.contains(f)) return &t;
  }
  return nullptr;
}

}  // namespace

TimelineHit TimelineGeometry::hitTest(const model::Sequence& seq, QPoint p) const {
  TimelineHit hit;
  hit.frame = frameAtX(p.x());
  if (p.y() < kRulerHeight) {
    hit.part = p.x() < 0 ? TimelineHit::Part::None : TimelineHit::Part::Ruler;
    return hit;
  }
  const TrackRow* r = rowAtY(p.y());
  if (!r) return hit;
  hit.track = r->id;
  if (p.x() < 0) {
    hit.part = TimelineHit::Part::Header;
    return hit;
  }
  const model::Track& track = seq.tracks[static_cast<std::size_t>(r->index)];
  const bool inTransitionBand = p.y() >= r->top + r->height * 2 / 3;
  if (inTransitionBand) {
    if (const model::Transition* t = transitionAt(seq, track, hit.frame)) {
      hit.part = TimelineHit::Part::Transition;
      hit.transition = t->id;
      hit.clip = t->left;
      return hit;
    }
  }
  hit.part = TimelineHit::Part::Empty;
  for (const model::Clip& c : track.clips) {
    const double x0 = xOfFrame(c.start), x1 = xOfFrame(c.end());
    if (p.x() < x0 - kEdgePixels / 2 || p.x() >= x1 + kEdgePixels / 2) continue;
    const double zone = std::min<double>(kEdgePixels, (x1 - x0) / 3.0);
    hit.clip = c.id;
    if (p.x() < x0 + zone) {
      hit.part = TimelineHit::Part::InEdge;
      if (const model::Clip* n = model::clipAt(track, c.start - time::FrameCount{1})) hit.neighbour = n->id;
      if (c.start.value == 0) hit.neighbour = {};
    } else if (p.x() >= x1 - zone) {
      hit.part = TimelineHit::Part::OutEdge;
      if (const model::Clip* n = model::clipAt(track, c.end())) hit.neighbour = n->id;
    } else {
      hit.part = TimelineHit::Part::Body;
    }
    if (p.x() >= x0 && p.x() < x1 && !r->video && !track.locked) hit.audio = clipAudioHandleAt(*this, *r, c, p);
    if (hit.part != TimelineHit::Part::Body || (p.x() >= x0 && p.x() < x1)) return hit;
  }
  hit.clip = {};
  hit.part = TimelineHit::Part::Empty;
  return hit;
}

}  // namespace postline::ui
