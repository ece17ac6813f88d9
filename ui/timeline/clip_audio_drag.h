#pragma once
// A clip-audio drag of the select tool (ui/timeline/clip_audio_overlay.h): the gain line moves
// vertically (edit::setClipGain, 0.1 dB steps, -96 .. +12 dB), a fade handle horizontally
// (edit::setClipFades, whole frames, clamped by edit::clampFade). Each step applies with a merge key
// and the release closes the gesture, so a drag is one undoable command; while dragging a label by
// the mouse shows the value.
#include <QString>

#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

// Merge keys (and the labels of their commands: "Clip Gain", "Fade In", "Fade Out").
inline constexpr const char* kClipGainMergeKey = "timeline-clip-gain";
inline constexpr const char* kClipFadeMergeKey = "timeline-clip-fade";

class ClipAudioDrag {
 public:
  explicit ClipAudioDrag(ToolHost& host) : m_host(host) {}

  // Starts dragging the control `in.hit.audio` of `in.hit.clip`; false when there is none.
  bool begin(const ToolInput& in);
  void update(const ToolInput& in);
  void finish();
  void cancel();
  // The value label by the mouse.
  void paintOverlay(QPainter& p) const;

  // The cursor over a control.
  static Qt::CursorShape cursor(TimelineHit::AudioHandle handle);

 private:
  const model::Clip* clip() const;
  void updateGain(const ToolInput& in, const model::Clip& c);
  void updateFade(const ToolInput& in, const model::Clip& c);

  ToolHost& m_host;
  TimelineHit::AudioHandle m_handle = TimelineHit::AudioHandle::None;
  model::ClipId m_clip;
  model::TrackId m_track;
  QPoint m_press;
  double m_grab = 0.0;     // gain: y of the line at the press; fades: press x minus the fade's x
  QPoint m_mouse;
  QString m_label;
  bool m_any = false;
};

}  // namespace postline::ui
