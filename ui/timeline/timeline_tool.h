#pragma once
// Mouse tools of the timeline: small state machines that turn press/move/release into core edit
// calls. While dragging, a tool applies its edit through ProjectController::apply with a merge key
// (the model and the viewers follow the mouse live); release calls closeGesture(), so a whole drag
// is one undoable command. Esc (cancel) undoes what the drag applied.
#include <QPoint>
#include <Qt>
#include <set>

#include "core/time/units.h"
#include "ui/timeline/timeline_geometry.h"

class QPainter;

namespace postline::ui {

class ProjectController;

// The tools, with their keys: A select, B blade, R ripple, N roll, Y slip, U slide.
enum class ToolKind { Select, Blade, Ripple, Roll, Slip, Slide };

// What a tool reaches of the view that hosts it.
class ToolHost {
 public:
  virtual ~ToolHost() = default;
  virtual ProjectController& controller() = 0;
  virtual const TimelineGeometry& geometry() const = 0;
  // `frame` moved to the nearest snap point (clip edges of other clips, the playhead, markers, in/out)
  // within 8 pixels when snapping is on; `frame` itself otherwise. Edges of `ignore` do not attract.
  virtual time::FramePos snap(time::FramePos frame, const std::set<model::ClipId>& ignore) const = 0;
  // Shows sequence frames in the program viewer while trimming: one frame (right < 0) or two-up
  // (left | right, during roll and slip). (-1, -1) ends the preview.
  virtual void setTrimPreview(qint64 left, qint64 right) = 0;
  virtual void requestRepaint() = 0;
};

// One mouse event as a tool sees it.
struct ToolInput {
  QPoint pos;                        // x relative to the clip area, y in view coordinates
  Qt::KeyboardModifiers modifiers;
  TimelineHit hit;                   // geometry().hitTest at pos, on the sequence as it is now
};

class TimelineTool {
 public:
  explicit TimelineTool(ToolHost& host) : m_host(host) {}
  virtual ~TimelineTool() = default;
  TimelineTool(const TimelineTool&) = delete;
  TimelineTool& operator=(const TimelineTool&) = delete;

  // The cursor over `hit` with `modifiers` held (no button pressed).
  virtual Qt::CursorShape cursor(const TimelineHit& hit, Qt::KeyboardModifiers modifiers) const = 0;
  // Left button pressed. True when the tool takes the gesture (then move/release follow).
  virtual bool press(const ToolInput& in) = 0;
  virtual void move(const ToolInput& in) = 0;
  virtual void release(const ToolInput& in) = 0;
  // Esc during a gesture: undo what it applied and end it.
  virtual void cancel() {}
  // Draws what the gesture shows beyond the model (a rubber band, a blade line); view coordinates
  // translated so x = 0 is the clip area's left.
  virtual void paintOverlay(QPainter& painter) const { (void)painter; }

 protected:
  ToolHost& host() { return m_host; }
  const ToolHost& host() const { return m_host; }

 private:
  ToolHost& m_host;
};

}  // namespace postline::ui
