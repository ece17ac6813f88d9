#pragma once
// A move drag of the select tool: the selected clips (and their linked partners) follow the mouse
// in time and across tracks of the same kind, snapping their start or end edge; each step applies
// edit::moveClips for the step (merge key kMoveMergeKey), so the drag is one command whose result is
// moveClips by the total delta. Steps the edit refuses (an overlap) are skipped: the clips wait where
// they last fitted.
#include <set>
#include <vector>

#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

class MoveDrag {
 public:
  explicit MoveDrag(ToolHost& host) : m_host(host) {}

  // Starts dragging `clips` from the press at `pressHit` (frame and track under the mouse).
  void begin(std::vector<model::ClipId> clips, const TimelineHit& pressHit);
  // Follows the mouse at `in`.
  void update(const ToolInput& in);
  // Ends the drag: its command stays.
  void finish();
  // Ends the drag undoing what it applied.
  void cancel();

 private:
  time::FrameCount wantedDelta(const ToolInput& in) const;
  int wantedOffset(const ToolInput& in) const;
  int kindIndex(model::TrackId track) const;

  ToolHost& m_host;
  std::vector<model::ClipId> m_clips;
  std::set<model::ClipId> m_group;    // the clips and their linked partners (not snap targets)
  time::FramePos m_groupStart, m_groupEnd;
  double m_pressX = 0.0;
  int m_pressKindIndex = 0;
  bool m_pressVideo = true;
  time::FrameCount m_applied{0};
  int m_appliedOffset = 0;
  int m_lastOffset = 0;
  bool m_any = false;
};

}  // namespace postline::ui
