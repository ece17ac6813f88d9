#include "ui/timeline/timeline_view.h"

#include <QPainter>
#include <QScrollBar>
#include <algorithm>
#include <cmath>

#include "core/edit/move.h"
#include "core/edit/tracks.h"
#include "core/media/summary_cache.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/select_tool.h"
#include "ui/timeline/timeline_paint.h"
#include "ui/timeline/timeline_summaries.h"
#include "ui/timeline/trim_tools.h"

namespace postline::ui {

using G = TimelineGeometry;

TimelineView::TimelineView(ProjectController& ctl, QWidget* parent)
    : QAbstractScrollArea(parent), m_ctl(ctl), m_summaries(std::make_unique<TimelineSummaries>()) {
  setObjectName("TimelineView");
  setAcceptDrops(true);
  viewport()->setAcceptDrops(true);
  viewport()->setMouseTracking(true);
  viewport()->setAttribute(Qt::WA_OpaquePaintEvent);
  setFocusPolicy(Qt::StrongFocus);
  setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
  setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
  setMinimumSize(400, 160);
  m_tool = makeTool(ToolKind::Select);
  connect(m_summaries.get(), &TimelineSummaries::updated, this, [this] { viewport()->update(); });
  connect(&m_ctl, &ProjectController::projectReplaced, this, &TimelineView::reload);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, &TimelineView::reload);
  connect(&m_ctl, &ProjectController::changed, this, &TimelineView::onChanged);
  connect(&m_ctl, &ProjectController::playheadChanged, this, &TimelineView::onPlayhead);
  for (auto sig : {&ProjectController::selectionChanged, &ProjectController::inOutChanged,
                   &ProjectController::targetsChanged, &ProjectController::mediaStatusChanged}) {
    connect(&m_ctl, sig, viewport(), qOverload<>(&QWidget::update));
  }
  reload();
}

TimelineView::~TimelineView() = default;

void TimelineView::reload() {
  // A gesture of the old project is dropped, not cancelled (its undo would reach the new project's stack).
  if (m_gesture) {
    if (auto fresh = makeTool(m_toolKind)) m_tool = std::move(fresh);
  }
  m_gesture = false;
  if (m_scrubbing) emit scrubbing(false);
  m_scrubbing = false;
  m_ghosts.clear();
  m_dropTargets.clear();
  const auto file = m_ctl.filePath();
  m_summaries->setCacheFolder(file.empty() ? std::filesystem::path{} : media::SummaryCache::folderFor(file));
  relayout();
  zoomToFit();
}

void TimelineView::relayout() {
  if (const model::Sequence* seq = m_ctl.sequence()) m_geo.layout(*seq);
  updateScrollBars();
  viewport()->update();
}

void TimelineView::onChanged(const model::ChangeSet& cs) {
  const bool tracks = std::any_of(cs.changes.begin(), cs.changes.end(), [](const model::Change& c) {
    return std::holds_alternative<model::TrackAdded>(c) || std::holds_alternative<model::TrackRemoved>(c) ||
           std::holds_alternative<model::TrackUpdated>(c) || std::holds_alternative<model::SequenceRemoved>(c);
  });
  if (tracks) {
    relayout();
  } else {
    updateScrollBars();
    viewport()->update();
  }
}

void TimelineView::onPlayhead(qint64 frame) {
  if (m_follow && !m_scrubbing) {
    const double x = m_geo.xOfFrame(time::FramePos{frame});
    if (x < 0 || x >= clipAreaWidth()) {  // page: the playhead goes to the left edge
      m_geo.setFirstVisibleFrame(static_cast<double>(frame));
      updateScrollBars();
    }
  }
  viewport()->update();
}

int TimelineView::clipAreaWidth() const { return std::max(1, viewport()->width() - G::kHeaderWidth); }

double TimelineView::contentFrames() const {
  const model::Sequence* seq = m_ctl.sequence();
  const double end = seq ? static_cast<double>(seq->end().value) : 0.0;
  const double visible = clipAreaWidth() / m_geo.pixelsPerFrame();
  return std::max(end + visible * 0.5, visible);
}

void TimelineView::updateScrollBars() {
  m_syncingScroll = true;
  const double ppf = m_geo.pixelsPerFrame();
  const int w = clipAreaWidth();
  const double totalPx = contentFrames() * ppf;
  QScrollBar* h = horizontalScrollBar();
  h->setRange(0, static_cast<int>(std::min(2.0e9, std::max(0.0, totalPx - w))));
  h->setPageStep(w);
  h->setSingleStep(std::max(1, w / 20));
  if (m_geo.firstVisibleFrame() * ppf > h->maximum()) m_geo.setFirstVisibleFrame(h->maximum() / ppf);
  h->setValue(static_cast<int>(std::lround(m_geo.firstVisibleFrame() * ppf)));
  QScrollBar* v = verticalScrollBar();
  const int h0 = m_geo.contentHeight() + 24;
  v->setRange(0, std::max(0, h0 - viewport()->height()));
  v->setPageStep(viewport()->height());
  v->setSingleStep(16);
  if (m_geo.scrollY() > v->maximum()) {
    m_geo.setScrollY(v->maximum());
    if (const model::Sequence* seq = m_ctl.sequence()) m_geo.layout(*seq);
  }
  v->setValue(m_geo.scrollY());
  m_syncingScroll = false;
}

void TimelineView::scrollContentsBy(int, int) {
  if (m_syncingScroll) return;
  m_geo.setFirstVisibleFrame(horizontalScrollBar()->value() / m_geo.pixelsPerFrame());
  m_geo.setScrollY(verticalScrollBar()->value());
  if (const model::Sequence* seq = m_ctl.sequence()) m_geo.layout(*seq);
  viewport()->update();
}

void TimelineView::resizeEvent(QResizeEvent* event) {
  QAbstractScrollArea::resizeEvent(event);
  updateScrollBars();
}

void TimelineView::setZoom(double ppf, double anchorX) {
  const double oldPpf = m_geo.pixelsPerFrame();
  if (anchorX < 0) anchorX = clipAreaWidth() / 2.0;
  const double anchorFrame = m_geo.firstVisibleFrame() + anchorX / oldPpf;
  m_geo.setPixelsPerFrame(ppf);
  m_geo.setFirstVisibleFrame(anchorFrame - anchorX / m_geo.pixelsPerFrame());
  updateScrollBars();
  viewport()->update();
  if (m_geo.pixelsPerFrame() != oldPpf) emit zoomChanged(m_geo.pixelsPerFrame());
}

namespace {
// The playhead's x in the clip area when it is visible, else the middle.
double zoomAnchor(const TimelineGeometry& g, time::FramePos playhead, int width) {
  const double x = g.xOfFrame(playhead);
  return x >= 0 && x <= width ? x : width / 2.0;
}
}  // namespace

void TimelineView::zoomIn() { setZoom(m_geo.pixelsPerFrame() * 2.0, zoomAnchor(m_geo, m_ctl.playhead(), clipAreaWidth())); }
void TimelineView::zoomOut() { setZoom(m_geo.pixelsPerFrame() / 2.0, zoomAnchor(m_geo, m_ctl.playhead(), clipAreaWidth())); }

void TimelineView::zoomToFrames() {
  setZoom(G::kMaxPixelsPerFrame, zoomAnchor(m_geo, m_ctl.playhead(), clipAreaWidth()));
}

void TimelineView::zoomToFit() {
  const model::Sequence* seq = m_ctl.sequence();
  const double fps = seq ? seq->settings.frameRate.fps().toDouble() : 24.0;
  const double frames = std::max<double>(seq ? static_cast<double>(seq->end().value) : 0.0, fps * 10.0);
  const double oldPpf = m_geo.pixelsPerFrame();
  m_geo.setPixelsPerFrame((clipAreaWidth() - 12) / frames);
  m_geo.setFirstVisibleFrame(0.0);
  updateScrollBars();
  viewport()->update();
  if (m_geo.pixelsPerFrame() != oldPpf) emit zoomChanged(m_geo.pixelsPerFrame());
}

time::FramePos TimelineView::snap(time::FramePos frame, const std::set<model::ClipId>& ignore) const {
  const model::Sequence* seq = m_ctl.sequence();
  if (!m_ctl.snapping() || !seq) return frame;
  std::vector<time::FramePos> targets =
      edit::snapTargets(*seq, m_ctl.playhead(), std::vector<model::ClipId>(ignore.begin(), ignore.end()));
  if (m_ctl.inPoint()) targets.push_back(*m_ctl.inPoint());
  if (m_ctl.outPoint()) targets.push_back(*m_ctl.outPoint() + time::FrameCount{1});
  std::sort(targets.begin(), targets.end());
  const time::FrameCount tolerance{static_cast<std::int64_t>(std::floor(8.0 / m_geo.pixelsPerFrame()))};
  return edit::snap(frame, targets, tolerance);
}

void TimelineView::setTrimPreview(qint64 left, qint64 right) { emit trimPreview(left, right); }

void TimelineView::requestRepaint() { viewport()->update(); }

std::unique_ptr<TimelineTool> TimelineView::makeTool(ToolKind kind) {
  switch (kind) {
    case ToolKind::Select: return makeSelectTool(*this);
    case ToolKind::Blade: return makeBladeTool(*this);
    case ToolKind::Ripple: return makeEdgeTool(*this, EdgeMode::Ripple);
    case ToolKind::Roll: return makeEdgeTool(*this, EdgeMode::Roll);
    case ToolKind::Slip: return makeSlipTool(*this);
    case ToolKind::Slide: return makeSlideTool(*this);
  }
  return makeSelectTool(*this);
}

void TimelineView::setTool(ToolKind kind) {
  if (m_gesture && m_tool) m_tool->cancel();
  m_gesture = false;
  if (kind == m_toolKind && m_tool) return;
  std::unique_ptr<TimelineTool> tool = makeTool(kind);
  if (!tool) return;  // a tool that is not available (yet)
  m_tool = std::move(tool);
  m_toolKind = kind;
  viewport()->update();
  emit toolChanged(kind);
}

std::optional<QPoint> TimelineView::viewportPoint(time::FramePos frame, model::TrackId track) const {
  const TrackRow* r = m_geo.row(track);
  if (!r) return std::nullopt;
  const double x = (m_geo.xOfFrame(frame) + m_geo.xOfFrame(frame + time::FrameCount{1})) / 2.0;
  return QPoint(static_cast<int>(std::floor(x)) + G::kHeaderWidth, r->top + r->height / 2);
}

QRect TimelineView::clipViewportRect(model::ClipId id) const {
  const model::Sequence* seq = m_ctl.sequence();
  const model::Track* t = seq ? seq->trackOfClip(id) : nullptr;
  const TrackRow* r = t ? m_geo.row(t->id) : nullptr;
  if (!r) return {};
  return m_geo.clipRect(*r, *model::findClipOnTrack(*t, id)).translated(G::kHeaderWidth, 0);
}

TimelineHit TimelineView::hitAt(QPoint p) const {
  const model::Sequence* seq = m_ctl.sequence();
  if (!seq) return {};
  return m_geo.hitTest(*seq, p - QPoint(G::kHeaderWidth, 0));
}

void TimelineView::paintEvent(QPaintEvent*) {
  QPainter p(viewport());
  TimelinePaintInput in;
  in.project = &m_ctl.project();
  in.seq = m_ctl.sequence();
  in.geo = &m_geo;
  in.viewport = viewport()->size();
  in.playhead = m_ctl.playhead();
  in.in = m_ctl.inPoint();
  in.out = m_ctl.outPoint();
  in.selection = std::set<model::ClipId>(m_ctl.selection().begin(), m_ctl.selection().end());
  in.targets = m_ctl.targetTracks();
  in.offline = &m_ctl.offlineMedia();
  in.summaries = m_summaries.get();
  if (!m_ghosts.empty()) in.hoverTrack = m_ghosts.front().track;
  paintTimeline(p, in);
  paintOverlays(p);
}

}  // namespace postline::ui
