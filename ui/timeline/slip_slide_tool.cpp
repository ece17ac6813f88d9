// The slip tool (drag a clip's source under its fixed timeline range) and the slide tool (drag a
// clip between its neighbours, which trim to keep the track closed).
#include <cmath>

#include "core/edit/slip_slide.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/edge_gesture.h"
#include "ui/timeline/trim_tools.h"

namespace postline::ui {

namespace {

using Part = TimelineHit::Part;
using time::FrameCount;
using time::FramePos;

bool onClip(const TimelineHit& hit) {
  return (hit.part == Part::Body || hit.part == Part::InEdge || hit.part == Part::OutEdge) && hit.clip.valid();
}

// Slip: the source follows the mouse, so dragging right shows earlier source (a negative slip).
class SlipTool final : public EdgeToolBase {
 public:
  using EdgeToolBase::EdgeToolBase;

  Qt::CursorShape cursor(const TimelineHit& hit, Qt::KeyboardModifiers) const override {
    if (!onClip(hit)) return Qt::ArrowCursor;
    return trackLocked(hit.track) ? Qt::ForbiddenCursor : Qt::OpenHandCursor;
  }

 protected:
  bool start(const ToolInput& in, DeltaEdit& edit, QString& label, QString& key) override {
    if (!onClip(in.hit) || trackLocked(in.hit.track) || clip(in.hit.clip) == nullptr) return false;
    m_clip = in.hit.clip;
    const model::SequenceId seq = controller().currentSequence();
    const model::ClipId id = m_clip;
    edit = [seq, id](const model::Project& p, FrameCount d) { return edit::slip(p, seq, id, d); };
    label = QStringLiteral("Slip");
    key = QStringLiteral("timeline-slip");
    return true;
  }

  FrameCount wantedDelta(QPoint pos) const override {
    const double frames = (pos.x() - pressX()) / host().geometry().pixelsPerFrame();
    return FrameCount{-static_cast<std::int64_t>(std::lround(frames))};
  }

  std::pair<qint64, qint64> previewFrames() const override {
    const model::Clip* c = clip(m_clip);
    if (c == nullptr) return {-1, -1};
    return {c->start.value, c->end().value - 1};  // the clip's first | last frame
  }

  FramePos overlayFrame() const override {
    const model::Clip* c = clip(m_clip);
    return c != nullptr ? c->start : FramePos{0};
  }

  std::vector<FramePos> editPoints() const override {
    const model::Clip* c = clip(m_clip);
    return c != nullptr ? std::vector<FramePos>{c->start, c->end()} : std::vector<FramePos>{};
  }

  void reset() override { m_clip = {}; }

 private:
  model::ClipId m_clip;
};

// Slide: the clip's start follows the mouse (snapping by its start or its end).
class SlideTool final : public EdgeToolBase {
 public:
  using EdgeToolBase::EdgeToolBase;

  Qt::CursorShape cursor(const TimelineHit& hit, Qt::KeyboardModifiers) const override {
    if (!onClip(hit)) return Qt::ArrowCursor;
    return trackLocked(hit.track) ? Qt::ForbiddenCursor : Qt::SizeHorCursor;
  }

 protected:
  bool start(const ToolInput& in, DeltaEdit& edit, QString& label, QString& key) override {
    if (!onClip(in.hit) || trackLocked(in.hit.track)) return false;
    const model::Clip* c = clip(in.hit.clip);
    const model::Track* track = sequence()->trackOfClip(in.hit.clip);
    if (c == nullptr || track == nullptr) return false;
    m_clip = c->id;
    m_start0 = c->start;
    m_duration = c->duration;
    m_grabOffset = in.pos.x() - host().geometry().xOfFrame(m_start0);
    m_ignore = {c->id};
    const model::Clip* left = model::clipAt(*track, c->start - FrameCount{1});
    const model::Clip* right = model::clipAt(*track, c->end());
    if (left != nullptr && left->end() == c->start) m_ignore.insert(left->id);
    if (right != nullptr && right->start == c->end()) m_ignore.insert(right->id);
    const model::SequenceId seq = controller().currentSequence();
    const model::ClipId id = m_clip;
    edit = [seq, id](const model::Project& p, FrameCount d) { return edit::slide(p, seq, id, d); };
    label = QStringLiteral("Slide");
    key = QStringLiteral("timeline-slide");
    return true;
  }

  FrameCount wantedDelta(QPoint pos) const override {
    const FramePos at = host().geometry().nearestBoundaryAtX(pos.x() - m_grabOffset);
    FramePos start = snapped(at, m_ignore);
    if (start == at) start = snapped(at + m_duration, m_ignore) - m_duration;
    return start - m_start0;
  }

  std::pair<qint64, qint64> previewFrames() const override {
    const model::Clip* c = clip(m_clip);
    if (c == nullptr) return {-1, -1};
    const qint64 left = c->start.value > 0 ? c->start.value - 1 : c->start.value;
    return {left, c->end().value};  // the left neighbour's last | the right neighbour's first frame
  }

  FramePos overlayFrame() const override {
    const model::Clip* c = clip(m_clip);
    return c != nullptr ? c->start : m_start0;
  }

  std::vector<FramePos> editPoints() const override {
    const model::Clip* c = clip(m_clip);
    return c != nullptr ? std::vector<FramePos>{c->start, c->end()} : std::vector<FramePos>{};
  }

  void reset() override {
    m_clip = {};
    m_ignore.clear();
  }

 private:
  model::ClipId m_clip;
  FramePos m_start0;                  // the clip's start when the gesture started
  FrameCount m_duration{0};
  double m_grabOffset = 0.0;          // press x minus the clip start's x, pixels
  std::set<model::ClipId> m_ignore;   // the clip and its adjacent neighbours
};

}  // namespace

std::unique_ptr<TimelineTool> makeSlipTool(ToolHost& host) { return std::make_unique<SlipTool>(host); }

std::unique_ptr<TimelineTool> makeSlideTool(ToolHost& host) { return std::make_unique<SlideTool>(host); }

}  // namespace postline::ui
