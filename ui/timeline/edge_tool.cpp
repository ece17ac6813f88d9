// The edge tools: trim (the select tool on an edge; Ctrl makes it a ripple), ripple and roll.
#include "core/edit/trim.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/edge_gesture.h"
#include "ui/timeline/trim_tools.h"

namespace postline::ui {

namespace {

using Part = TimelineHit::Part;
using time::FrameCount;
using time::FramePos;

bool isEdge(const TimelineHit& hit) {
  return (hit.part == Part::InEdge || hit.part == Part::OutEdge) && hit.clip.valid();
}

class EdgeTool final : public EdgeToolBase {
 public:
  EdgeTool(ToolHost& host, EdgeMode mode) : EdgeToolBase(host), m_mode(mode) {}

  Qt::CursorShape cursor(const TimelineHit& hit, Qt::KeyboardModifiers modifiers) const override {
    (void)modifiers;
    if (!isEdge(hit)) return Qt::ArrowCursor;
    if (trackLocked(hit.track)) return Qt::ForbiddenCursor;
    if (m_mode == EdgeMode::Roll) return hit.neighbour.valid() ? Qt::SplitHCursor : Qt::ForbiddenCursor;
    return Qt::SizeHorCursor;
  }

 protected:
  bool start(const ToolInput& in, DeltaEdit& edit, QString& label, QString& key) override {
    const TimelineHit& hit = in.hit;
    if (!isEdge(hit) || trackLocked(hit.track) || sequence() == nullptr) return false;
    const bool ok = m_mode == EdgeMode::Roll ? startRoll(hit, edit) : startTrim(hit, in.modifiers, edit);
    if (!ok) return false;
    const bool roll = m_mode == EdgeMode::Roll;
    label = roll ? QStringLiteral("Roll") : m_ripple ? QStringLiteral("Ripple Trim") : QStringLiteral("Trim");
    key = roll ? QStringLiteral("timeline-roll")
               : m_ripple ? QStringLiteral("timeline-ripple") : QStringLiteral("timeline-trim");
    m_grabOffset = in.pos.x() - host().geometry().xOfFrame(m_edge0);
    return true;
  }

  FrameCount wantedDelta(QPoint pos) const override {
    const FramePos at = host().geometry().nearestBoundaryAtX(pos.x() - m_grabOffset);
    return snapped(at, m_ignore) - m_edge0;
  }

  std::pair<qint64, qint64> previewFrames() const override {
    const model::Clip* c = clip(m_clip);
    if (c == nullptr) return {-1, -1};
    if (m_mode == EdgeMode::Roll) return {c->end().value - 1, c->end().value};  // outgoing last | incoming first
    return {m_head ? c->start.value : c->end().value - 1, -1};
  }

  FramePos overlayFrame() const override {
    const model::Clip* c = clip(m_clip);
    if (c == nullptr) return m_edge0;
    return m_head && m_mode != EdgeMode::Roll ? c->start : c->end();
  }

  void reset() override {
    m_clip = {};
    m_ignore.clear();
  }

 private:
  // Roll of the cut at the hit edge: the clip ending on the cut is the one the core edit names.
  bool startRoll(const TimelineHit& hit, DeltaEdit& edit) {
    if (!hit.neighbour.valid()) return false;
    const bool out = hit.part == Part::OutEdge;
    const model::Clip* left = clip(out ? hit.clip : hit.neighbour);
    const model::Clip* right = clip(out ? hit.neighbour : hit.clip);
    if (left == nullptr || right == nullptr || left->end() != right->start) return false;
    m_clip = left->id;
    m_edge0 = left->end();
    m_ignore = {left->id, right->id};
    const model::SequenceId seq = controller().currentSequence();
    const model::ClipId id = left->id;
    edit = [seq, id](const model::Project& p, FrameCount d) { return edit::roll(p, seq, id, d); };
    return true;
  }

  // Trim (or ripple) of the hit edge of the hit clip.
  bool startTrim(const TimelineHit& hit, Qt::KeyboardModifiers modifiers, DeltaEdit& edit) {
    const model::Clip* c = clip(hit.clip);
    if (c == nullptr) return false;
    m_ripple = m_mode == EdgeMode::Ripple || modifiers.testFlag(Qt::ControlModifier);
    m_head = hit.part == Part::InEdge;
    m_clip = c->id;
    m_edge0 = m_head ? c->start : c->end();
    m_ignore = {c->id};
    const model::SequenceId seq = controller().currentSequence();
    const model::ClipId id = c->id;
    const edit::TrimMode mode = m_ripple ? edit::TrimMode::Ripple : edit::TrimMode::Normal;
    if (m_head) {
      edit = [seq, id, mode](const model::Project& p, FrameCount d) { return edit::trimIn(p, seq, id, d, mode); };
    } else {
      edit = [seq, id, mode](const model::Project& p, FrameCount d) { return edit::trimOut(p, seq, id, d, mode); };
    }
    return true;
  }

  EdgeMode m_mode;
  bool m_ripple = false;              // this gesture ripples (Ripple mode, or Trim with Ctrl)
  bool m_head = false;                // the in edge (else the out edge; roll: the cut)
  model::ClipId m_clip;               // the trimmed clip; roll: the outgoing (left) clip
  FramePos m_edge0;                   // the dragged edge's frame when the gesture started
  double m_grabOffset = 0.0;          // press x minus the edge's x, pixels
  std::set<model::ClipId> m_ignore;   // clips whose edges must not attract the drag
};

}  // namespace

std::unique_ptr<TimelineTool> makeEdgeTool(ToolHost& host, EdgeMode mode) {
  return std::make_unique<EdgeTool>(host, mode);
}

}  // namespace postline::ui
