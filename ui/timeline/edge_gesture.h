#pragma once
// Shared machinery of the trim-family tools (trim, ripple, roll, slip, slide): one drag is one
// undoable command whose edit is always "the core edit by the whole delta from the state the drag
// started in". Each move that changes the delta undoes the drag's command and applies the edit for
// the new total, so the model after a drag equals the core edit applied once (transitions and volume
// keys survive dragging back and forth); the delta is first clamped to what the edit allows, found by
// trying it on the start state, so a drag past the media's end stops there without any editFailed.
#include <QPoint>
#include <QString>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"
#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

// The edit a gesture drives: the core edit of `project` by `delta` frames (delta 0 changes nothing).
using DeltaEdit = std::function<base::Result<model::ChangeSet>(const model::Project& project, time::FrameCount delta)>;

// One drag's command: start state, clamping and the revert-and-reapply of the edit.
class EdgeGesture {
 public:
  explicit EdgeGesture(ProjectController& ctl) : m_ctl(ctl) {}

  // Starts a gesture from the project as it is now (closing any open merge). `label` names the command.
  void begin(DeltaEdit edit, const QString& label, const QString& mergeKey);
  // Moves the edit to `wanted` frames from the start state, clamped toward 0 to the largest delta the
  // edit accepts. True when the model changed.
  bool update(time::FrameCount wanted);
  // Ends the gesture: the command stays (closeGesture). When the drag wanted a change but the edit
  // refused every frame of it, the edit's error is reported once (editFailed).
  void finish();
  // Ends the gesture undoing what it applied (Esc).
  void cancel();

  bool active() const { return m_origin != nullptr; }
  // The delta now applied (frames from the start state).
  time::FrameCount applied() const { return m_applied; }
  // The project as the gesture found it.
  const model::Project* origin() const { return m_origin.get(); }

 private:
  bool accepts(time::FrameCount delta) const;
  time::FrameCount clamp(time::FrameCount wanted);
  bool ownsTop() const;

  ProjectController& m_ctl;
  std::shared_ptr<const model::Project> m_origin;
  DeltaEdit m_edit;
  QString m_label, m_mergeKey;
  time::FrameCount m_applied{0};
  time::FrameCount m_wanted{0};                // the last delta asked for
  std::size_t m_undoCount = 0;                 // undo steps with our command on top
  std::optional<time::FrameCount> m_maxUp;     // largest accepted delta > 0 (once known)
  std::optional<time::FrameCount> m_maxDown;   // most negative accepted delta (once known)
};

// `ids` plus every clip sharing a non-zero link group with one of them (what snapping must ignore
// because it moves with the drag).
std::set<model::ClipId> withLinkedClips(const model::Sequence& seq, const std::set<model::ClipId>& ids);

// The base of the trim-family tools: press/move/release/cancel around an EdgeGesture, the viewer
// preview and the delta overlay. Subclasses say what a press grabs and how the mouse maps to frames.
class EdgeToolBase : public TimelineTool {
 public:
  explicit EdgeToolBase(ToolHost& host) : TimelineTool(host), m_ctl(host.controller()), m_gesture(m_ctl) {}

  bool press(const ToolInput& in) final;
  void move(const ToolInput& in) final;
  void release(const ToolInput& in) final;
  void cancel() final;
  void paintOverlay(QPainter& painter) const override;

 protected:
  // Takes the gesture at `in` (filling the edit, label and key); false when the press is not ours.
  virtual bool start(const ToolInput& in, DeltaEdit& edit, QString& label, QString& mergeKey) = 0;
  // The wanted delta (frames from the start state) with the mouse at `pos`.
  virtual time::FrameCount wantedDelta(QPoint pos) const = 0;
  // The preview frames of the model as it is now (sequence frames; right < 0 for one frame).
  virtual std::pair<qint64, qint64> previewFrames() const = 0;
  // The sequence frame whose timecode the overlay shows (the dragged edge now).
  virtual time::FramePos overlayFrame() const = 0;
  // The boundaries the gesture moves (sequence frames; a line is drawn at each): the overlay frame by default.
  virtual std::vector<time::FramePos> editPoints() const { return {overlayFrame()}; }
  // Called when the gesture ends (release or cancel) to drop the subclass's state.
  virtual void reset() {}

  // The current sequence, or nullptr.
  const model::Sequence* sequence() const;
  // The clip `id` of the current sequence, or nullptr.
  const model::Clip* clip(model::ClipId id) const;
  // True when `track` of the current sequence is locked (or missing).
  bool trackLocked(model::TrackId track) const;
  // `frame` snapped through the host, ignoring `ids` and their linked clips.
  time::FramePos snapped(time::FramePos frame, const std::set<model::ClipId>& ids) const;
  int pressX() const { return m_pressX; }
  ProjectController& controller() const { return m_ctl; }

 private:
  void showPreview();
  void paintDelta(QPainter& painter, const model::Sequence& seq) const;

  ProjectController& m_ctl;
  EdgeGesture m_gesture;
  bool m_active = false;
  int m_pressX = 0;
  QPoint m_lastPos;
};

}  // namespace postline::ui
