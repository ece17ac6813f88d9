#pragma once
// The edge tools of the timeline (created by TimelineView, which delegates to them):
//  - Trim:   drag a clip's start or end (the select tool on an edge); nothing else moves.
//  - Ripple: drag a clip's start or end; later clips on the track (and linked tracks) follow.
//  - Roll:   drag a cut between two touching clips; both change, nothing moves.
//  - Slip:   drag a clip body: its source moves under an unchanged timeline range.
//  - Slide:  drag a clip body: it moves between its neighbours, which trim to keep the track closed.
// Each drag is one undoable command (apply with a merge key, closeGesture on release); while
// dragging the program viewer shows the frames at the edit (ToolHost::setTrimPreview).
#include <memory>

#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

enum class EdgeMode { Trim, Ripple, Roll };

// The tool dragging clip edges in `mode`.
std::unique_ptr<TimelineTool> makeEdgeTool(ToolHost& host, EdgeMode mode);
// The slip tool (drag a clip's source under it).
std::unique_ptr<TimelineTool> makeSlipTool(ToolHost& host);
// The slide tool (drag a clip between its neighbours).
std::unique_ptr<TimelineTool> makeSlideTool(ToolHost& host);

}  // namespace postline::ui
