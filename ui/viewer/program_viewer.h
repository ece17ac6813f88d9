#pragma once
// The program viewer: shows the controller's current sequence at its playhead (or what the
// transport hands it while playing), with the sequence's in/out marks; scrubbing moves the playhead.
#include "ui/controller/project_controller.h"
#include "ui/viewer/viewer_panel.h"

namespace postline::ui {

class ProgramViewer : public ViewerPanel {
  Q_OBJECT

 public:
  explicit ProgramViewer(ProjectController& controller, QWidget* parent = nullptr);

  // Trim preview (the timeline during trims), sequence frames: `left` alone when right < 0,
  // left | right two-up otherwise; (-1, -1) ends the preview and shows the playhead again.
  void showTrimPreview(qint64 left, qint64 right);

  // Before/after split wipe on the widget: the left of the divider shows the ungraded frame.
  void setBeforeAfter(bool on);
  bool beforeAfter() const { return m_before != nullptr; }
  // The render service of the "before" frames (nullptr while before/after is off).
  RenderService* beforeService() { return m_before.get(); }
  // Edit coalescing (the Color page's viewer): while on, a project change that arrives while the
  // frame of the previous change is still rendering waits until that frame is ready (at most
  // kCoalesceMs) and then only the newest state is rendered. A drag then shows a steady stream of
  // frames instead of restarting the render (and dropping its result) on every mouse move.
  void setCoalesceEdits(bool on) { m_coalesce = on; }
  static constexpr int kCoalesceMs = 250;
  // A change waits for the frame in flight (its render starts when that frame is ready).
  bool editPending() const { return m_reloadPending; }
  // True while project changes wait for the viewer to be shown (it was hidden).
  bool isStale() const { return m_stale; }

 protected:
  void onFrameReady(qint64 frame) override;
  void scrubTo(qint64 frame) override;
  void showEvent(QShowEvent* event) override;
  void hideEvent(QHideEvent* event) override;

 private:
  void reloadSequence();
  void updateOffline();
  void markOfflineFrom(const QString& warning);
  void onPlayhead(qint64 frame);
  void onChanged();
  void flushPending();
  // Feeds the before service the ungraded snapshot (rebuild) and asks it for the wanted frame.
  void requestBefore(bool rebuild);

  ProjectController& m_ctl;
  qint64 m_trimLeft = -1;
  qint64 m_trimRight = -1;
  bool m_stale = false;
  bool m_coalesce = false;
  bool m_rendering = false;       // a frame of the newest state is being rendered
  bool m_reloadPending = false;   // a change waits for it
  QTimer m_coalesceTimer;
  std::unique_ptr<RenderService> m_before;
  std::shared_ptr<const model::Project> m_beforeProject;  // what m_before renders
  model::SequenceId m_beforeSequence;
};

}  // namespace postline::ui
