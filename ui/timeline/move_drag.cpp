#include "ui/timeline/move_drag.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "core/edit/move.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/select_tool.h"

namespace postline::ui {

void MoveDrag::begin(std::vector<model::ClipId> clips, const TimelineHit& pressHit) {
  ProjectController& ctl = m_host.controller();
  ctl.closeGesture();
  m_clips = std::move(clips);
  m_group.clear();
  const model::Sequence& seq = *ctl.sequence();
  std::set<std::uint64_t> groups;
  for (model::ClipId id : m_clips) {
    if (const model::Clip* c = seq.findClip(id)) {
      m_group.insert(id);
      if (c->linkGroup != 0) groups.insert(c->linkGroup);
    }
  }
  bool first = true;
  for (const model::Track& t : seq.tracks) {
    for (const model::Clip& c : t.clips) {
      if (!m_group.count(c.id) && !(c.linkGroup != 0 && groups.count(c.linkGroup))) continue;
      m_group.insert(c.id);
      m_groupStart = first ? c.start : std::min(m_groupStart, c.start);
      m_groupEnd = first ? c.end() : std::max(m_groupEnd, c.end());
      first = false;
    }
  }
  m_pressX = m_host.geometry().xOfFrame(pressHit.frame);
  m_pressKindIndex = kindIndex(pressHit.track);
  const model::Track* t = seq.findTrack(pressHit.track);
  m_pressVideo = !t || t->kind == model::TrackKind::Video;
  m_applied = time::FrameCount{0};
  m_appliedOffset = m_lastOffset = 0;
  m_any = false;
}

int MoveDrag::kindIndex(model::TrackId track) const {
  const model::Sequence& seq = *m_host.controller().sequence();
  const model::Track* t = seq.findTrack(track);
  if (!t) return 0;
  int i = 0;
  for (const model::Track& x : seq.tracks) {
    if (x.id == track) return i;
    if (x.kind == t->kind) ++i;
  }
  return i;
}

time::FrameCount MoveDrag::wantedDelta(const ToolInput& in) const {
  const TimelineGeometry& g = m_host.geometry();
  // The press point's frame moves with the mouse; fractional x within that frame is kept.
  const double dx = in.pos.x() - m_pressX;
  time::FrameCount delta{static_cast<std::int64_t>(std::floor(dx / g.pixelsPerFrame()))};
  const time::FramePos start = m_groupStart + delta, end = m_groupEnd + delta;
  const time::FrameCount toStart = m_host.snap(start, m_group) - start;
  const time::FrameCount toEnd = m_host.snap(end, m_group) - end;
  if (toStart.value != 0 && (toEnd.value == 0 || std::llabs(toStart.value) <= std::llabs(toEnd.value))) {
    delta += toStart;
  } else if (toEnd.value != 0) {
    delta += toEnd;
  }
  return std::max(delta, time::FrameCount{-m_groupStart.value});
}

int MoveDrag::wantedOffset(const ToolInput& in) const {
  const model::Sequence& seq = *m_host.controller().sequence();
  const model::Track* t = seq.findTrack(in.hit.track);
  if (!t || (t->kind == model::TrackKind::Video) != m_pressVideo) return m_lastOffset;
  return kindIndex(in.hit.track) - m_pressKindIndex;
}

void MoveDrag::update(const ToolInput& in) {
  ProjectController& ctl = m_host.controller();
  const time::FrameCount delta = wantedDelta(in);
  const int offset = wantedOffset(in);
  m_lastOffset = offset;
  if (delta == m_applied && offset == m_appliedOffset) return;
  auto step = edit::moveClips(ctl.project(), ctl.currentSequence(), m_clips, delta - m_applied, offset - m_appliedOffset);
  if (!step.ok() && offset != m_appliedOffset) {  // the other track is taken: keep moving in time
    step = edit::moveClips(ctl.project(), ctl.currentSequence(), m_clips, delta - m_applied, 0);
    if (step.ok()) m_lastOffset = m_appliedOffset;
  }
  if (!step.ok() || step.value().empty()) return;
  const int appliedOffset = m_lastOffset;
  if (ctl.apply(std::move(step), "Move Clips", kMoveMergeKey)) {
    m_applied = delta;
    m_appliedOffset = appliedOffset;
    m_any = true;
  }
  m_host.requestRepaint();
}

void MoveDrag::finish() { m_host.controller().closeGesture(); }

void MoveDrag::cancel() {
  ProjectController& ctl = m_host.controller();
  ctl.closeGesture();
  if (m_any) ctl.undo();
  m_any = false;
}

}  // namespace postline::ui
