#pragma once
// The timeline: one custom-painted QAbstractScrollArea over a ProjectController (no widget per clip).
// Draws the ruler, track headers, clips (filmstrips, waveforms, badges), dissolves, markers, in/out and
// the playhead; hosts the mouse tools (select, blade, and the trim tools of trim_tools.h); accepts media
// dragged from the bins (overwrite, Ctrl: insert). Every change goes through the controller as a command.
#include <QAbstractScrollArea>
#include <QMenu>
#include <QMimeData>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include "ui/timeline/timeline_drop.h"
#include "ui/timeline/timeline_geometry.h"
#include "ui/timeline/timeline_tool.h"

namespace postline::ui {

class ProjectController;
class TimelineSummaries;

class TimelineView : public QAbstractScrollArea, public ToolHost {
  Q_OBJECT

 public:
  // Fills the context menu of a clip or transition (`hit` is what was clicked; the clip is selected).
  using ContextMenuProvider = std::function<void(QMenu& menu, const TimelineHit& hit)>;

  explicit TimelineView(ProjectController& ctl, QWidget* parent = nullptr);
  ~TimelineView() override;

  // --- ToolHost ---
  ProjectController& controller() override { return m_ctl; }
  const TimelineGeometry& geometry() const override { return m_geo; }
  time::FramePos snap(time::FramePos frame, const std::set<model::ClipId>& ignore) const override;
  void setTrimPreview(qint64 left, qint64 right) override;
  void requestRepaint() override;

  // The active tool.
  ToolKind tool() const { return m_toolKind; }
  // Called with the menu of a right-clicked clip (the "actions" panel adds Speed…, Reverse, …).
  void setContextMenuProvider(ContextMenuProvider provider) { m_menuProvider = std::move(provider); }
  // Filmstrips and waveforms (tests and benchmarks wait on them).
  TimelineSummaries& summaries() { return *m_summaries; }

  // Viewport pixel of the middle of `frame` on `track`'s row (no point when the track has no row).
  std::optional<QPoint> viewportPoint(time::FramePos frame, model::TrackId track) const;
  // Viewport rectangle of clip `id` (empty when it is not in the current sequence).
  QRect clipViewportRect(model::ClipId id) const;
  // What lies under viewport pixel `p`.
  TimelineHit hitAt(QPoint p) const;
  // The clips a drag in progress would make, and whether the drop inserts (Ctrl) or overwrites.
  const std::vector<DropGhost>& dropGhosts() const { return m_ghosts; }
  bool dropInserts() const { return m_dropInsert; }

 public slots:
  // Tool keys: A select, B blade, R ripple, N roll, Y slip, U slide. Cancels a gesture in progress.
  void setTool(postline::ui::ToolKind tool);
  // Zoom x2 / /2 around the playhead (or the middle when it is off screen).
  void zoomIn();
  void zoomOut();
  // The whole sequence fits the width (`\`).
  void zoomToFit();
  // Single frames: the widest zoom (kMaxPixelsPerFrame) around the playhead.
  void zoomToFrames();
  // Pixels per frame, keeping the frame under viewport-clip-area x `anchorX` in place (-1: the middle).
  void setZoom(double pixelsPerFrame, double anchorX = -1.0);
  // While on (playback), the view pages so the playhead stays visible.
  void setFollowPlayhead(bool on) { m_follow = on; }
  // Adds a track (one command): video above the top video track, audio last with `role`.
  void addTrack(bool video, int role);

 signals:
  void toolChanged(postline::ui::ToolKind tool);
  // The playhead is being dragged in the ruler (true on press, false on release): scrub audio.
  void scrubbing(bool active);
  // Frames the program viewer shows while trimming (see ToolHost::setTrimPreview); (-1, -1) ends it.
  void trimPreview(qint64 left, qint64 right);
  // Pixels per frame changed.
  void zoomChanged(double pixelsPerFrame);

 protected:
  void paintEvent(QPaintEvent* event) override;
  void resizeEvent(QResizeEvent* event) override;
  void scrollContentsBy(int dx, int dy) override;
  void mousePressEvent(QMouseEvent* event) override;
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void wheelEvent(QWheelEvent* event) override;
  void keyPressEvent(QKeyEvent* event) override;
  void leaveEvent(QEvent* event) override;
  void contextMenuEvent(QContextMenuEvent* event) override;
  void dragEnterEvent(QDragEnterEvent* event) override;
  void dragMoveEvent(QDragMoveEvent* event) override;
  void dragLeaveEvent(QDragLeaveEvent* event) override;
  void dropEvent(QDropEvent* event) override;

 private:
  void reload();
  void relayout();
  void updateScrollBars();
  void onChanged(const model::ChangeSet& cs);
  void onPlayhead(qint64 frame);
  std::unique_ptr<TimelineTool> makeTool(ToolKind kind);
  ToolInput inputAt(QPoint viewportPos, Qt::KeyboardModifiers mods) const;
  double contentFrames() const;
  int clipAreaWidth() const;
  bool pressHeader(QPoint pos);
  void scrubTo(int viewportX);
  void updateHoverCursor(QPoint pos, Qt::KeyboardModifiers mods);
  void headerMenu(QMenu& menu, const TimelineHit& hit);
  bool planDrop(const QMimeData* mime, QPoint pos, Qt::KeyboardModifiers mods);
  void paintOverlays(QPainter& p);
  void paintGhosts(QPainter& p);

  ProjectController& m_ctl;
  TimelineGeometry m_geo;
  std::unique_ptr<TimelineSummaries> m_summaries;
  ToolKind m_toolKind = ToolKind::Select;
  std::unique_ptr<TimelineTool> m_tool;
  bool m_gesture = false;      // the tool took the current press
  bool m_scrubbing = false;
  bool m_syncingScroll = false;
  bool m_follow = false;
  std::optional<QPoint> m_hover;  // viewport pixel under the mouse
  ContextMenuProvider m_menuProvider;
  std::vector<DropTarget> m_dropTargets;
  std::vector<DropGhost> m_ghosts;
  time::FramePos m_dropFrame;
  bool m_dropInsert = false;
};

}  // namespace postline::ui
