#pragma once
// The timeline's own tools: select (click, Ctrl toggle, Shift extend, rubber band, move drags with
// snapping; clip edges go to the trim tool of trim_tools.h; an audio clip's gain line and fade handles
// drag its gain and fades, clip_audio_drag.h) and blade (razor at the frame under the mouse).
#include <memory>

#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

// The select tool (ToolKind::Select).
std::unique_ptr<TimelineTool> makeSelectTool(ToolHost& host);
// The blade tool (ToolKind::Blade): click cuts the clip under the mouse on its track, Shift+click every track.
std::unique_ptr<TimelineTool> makeBladeTool(ToolHost& host);
// The frame a blade click at `hit` cuts at: the frame under the mouse (its left edge), snapped.
time::FramePos bladeFrame(const ToolHost& host, const TimelineHit& hit);
// Merge key of the select tool's move drags (one command per drag).
inline constexpr const char* kMoveMergeKey = "timeline-move";

}  // namespace postline::ui
