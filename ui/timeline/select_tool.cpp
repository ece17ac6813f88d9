#include "ui/timeline/select_tool.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "core/edit/move.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/clip_audio_drag.h"
#include "ui/timeline/move_drag.h"
#include "ui/timeline/trim_tools.h"

namespace postline::ui {

namespace {

class SelectTool : public TimelineTool {
 public:
  explicit SelectTool(ToolHost& host) : TimelineTool(host), m_move(host), m_audio(host) {}

  Qt::CursorShape cursor(const TimelineHit& hit, Qt::KeyboardModifiers modifiers) const override {
    if (takesAudio(hit, modifiers)) return ClipAudioDrag::cursor(hit.audio);
    const bool edge = hit.part == TimelineHit::Part::InEdge || hit.part == TimelineHit::Part::OutEdge;
    return edge ? Qt::SizeHorCursor : Qt::ArrowCursor;
  }

  bool press(const ToolInput& in) override {
    m_mode = Mode::None;
    m_pressPos = in.pos;
    m_dragged = false;
    if (takesAudio(in.hit, in.modifiers)) return pressAudio(in);
    switch (in.hit.part) {
      case TimelineHit::Part::InEdge:
      case TimelineHit::Part::OutEdge: return pressEdge(in);
      case TimelineHit::Part::Body:
      case TimelineHit::Part::Transition: return pressClip(in);
      case TimelineHit::Part::Empty:
      case TimelineHit::Part::None: return pressEmpty(in);
      default: return false;
    }
  }

  void move(const ToolInput& in) override {
    if (m_mode == Mode::Delegate) return m_delegate->move(in);
    if (m_mode == Mode::Audio) return m_audio.update(in);
    if (m_mode == Mode::Rubber) return rubberTo(in.pos);
    if (m_mode != Mode::Clip) return;
    if (!m_dragged && (in.pos - m_pressPos).manhattanLength() < 4) return;
    if (!m_dragged) m_move.begin(host().controller().selection(), m_pressHit);
    m_dragged = true;
    m_move.update(in);
  }

  void release(const ToolInput& in) override {
    if (m_mode == Mode::Delegate) m_delegate->release(in);
    if (m_mode == Mode::Audio) m_audio.finish();
    if (m_mode == Mode::Clip && m_dragged) m_move.finish();
    if (m_mode == Mode::Clip && !m_dragged && m_collapseOnRelease) host().controller().setSelection({m_pressHit.clip});
    m_mode = Mode::None;
    host().requestRepaint();
  }

  void cancel() override {
    if (m_mode == Mode::Delegate) m_delegate->cancel();
    if (m_mode == Mode::Audio) m_audio.cancel();
    if (m_mode == Mode::Clip && m_dragged) m_move.cancel();
    if (m_mode == Mode::Rubber) host().controller().setSelection(m_base);
    m_mode = Mode::None;
    host().requestRepaint();
  }

  void paintOverlay(QPainter& p) const override {
    if (m_mode == Mode::Delegate) return m_delegate->paintOverlay(p);
    if (m_mode == Mode::Audio) return m_audio.paintOverlay(p);
    if (m_mode != Mode::Rubber) return;
    p.setPen(QPen(QColor(0xff, 0xb8, 0x40), 1, Qt::DashLine));
    p.setBrush(QColor(0xff, 0xb8, 0x40, 40));
    p.drawRect(m_band.normalized());
  }

 private:
  enum class Mode { None, Clip, Rubber, Delegate, Audio };

  // A plain press on an audio clip's gain line or fade handle drags it (Ctrl/Shift: selection as usual).
  static bool takesAudio(const TimelineHit& hit, Qt::KeyboardModifiers modifiers) {
    return hit.audio != TimelineHit::AudioHandle::None && hit.clip.valid() &&
           !(modifiers & (Qt::ControlModifier | Qt::ShiftModifier));
  }

  bool pressAudio(const ToolInput& in) {
    ProjectController& ctl = host().controller();
    const auto& sel = ctl.selection();
    if (std::find(sel.begin(), sel.end(), in.hit.clip) == sel.end()) ctl.setSelection({in.hit.clip});
    if (!m_audio.begin(in)) return false;
    m_mode = Mode::Audio;
    return true;
  }

  bool pressEdge(const ToolInput& in) {
    if (!m_delegate) m_delegate = makeEdgeTool(host(), EdgeMode::Trim);
    if (!m_delegate || !m_delegate->press(in)) return pressClip(in);
    m_mode = Mode::Delegate;
    return true;
  }

  bool pressClip(const ToolInput& in) {
    if (!in.hit.clip.valid()) return pressEmpty(in);
    ProjectController& ctl = host().controller();
    std::vector<model::ClipId> sel = ctl.selection();
    const bool selected = std::find(sel.begin(), sel.end(), in.hit.clip) != sel.end();
    m_collapseOnRelease = false;
    if (in.modifiers & Qt::ControlModifier) {
      if (selected) sel.erase(std::find(sel.begin(), sel.end(), in.hit.clip));
      else sel.push_back(in.hit.clip);
    } else if (in.modifiers & Qt::ShiftModifier) {
      extendTo(sel, in.hit);
    } else if (!selected) {
      sel = {in.hit.clip};
    } else {
      m_collapseOnRelease = sel.size() > 1;
    }
    ctl.setSelection(sel);
    if (!(in.modifiers & Qt::ShiftModifier)) m_anchor = in.hit.clip;
    m_pressHit = in.hit;
    const bool nowSelected = std::find(sel.begin(), sel.end(), in.hit.clip) != sel.end();
    m_mode = nowSelected ? Mode::Clip : Mode::None;
    return true;
  }

  // Adds the clips between the anchor and `hit`'s clip on the clicked track (or just that clip).
  void extendTo(std::vector<model::ClipId>& sel, const TimelineHit& hit) {
    const model::Sequence* seq = host().controller().sequence();
    const model::Track* t = seq ? seq->findTrack(hit.track) : nullptr;
    const model::Clip* c = t ? model::findClipOnTrack(*t, hit.clip) : nullptr;
    if (c == nullptr) return;
    const model::Clip* a = model::findClipOnTrack(*t, m_anchor);
    const time::FramePos lo = a ? std::min(a->start, c->start) : c->start;
    const time::FramePos hi = a ? std::max(a->start, c->start) : c->start;
    for (const model::Clip& x : t->clips) {
      if (x.start < lo || x.start > hi) continue;
      if (std::find(sel.begin(), sel.end(), x.id) == sel.end()) sel.push_back(x.id);
    }
  }

  bool pressEmpty(const ToolInput& in) {
    ProjectController& ctl = host().controller();
    const bool add = in.modifiers & (Qt::ControlModifier | Qt::ShiftModifier);
    m_base = add ? ctl.selection() : std::vector<model::ClipId>{};
    if (!add) ctl.setSelection({});
    m_band = QRect(in.pos, in.pos);
    m_mode = Mode::Rubber;
    return true;
  }

  void rubberTo(QPoint pos) {
    m_band = QRect(m_pressPos, pos);
    const QRect band = m_band.normalized();
    const model::Sequence* seq = host().controller().sequence();
    std::vector<model::ClipId> sel = m_base;
    const TimelineGeometry& g = host().geometry();
    for (const TrackRow& r : g.rows()) {
      if (r.top > band.bottom() || r.top + r.height < band.top()) continue;
      for (const model::Clip& c : seq->tracks[static_cast<std::size_t>(r.index)].clips) {
        if (!g.clipRect(r, c).intersects(band)) continue;
        if (std::find(sel.begin(), sel.end(), c.id) == sel.end()) sel.push_back(c.id);
      }
    }
    host().controller().setSelection(sel);
    host().requestRepaint();
  }

  Mode m_mode = Mode::None;
  QPoint m_pressPos;
  TimelineHit m_pressHit;
  bool m_dragged = false;
  bool m_collapseOnRelease = false;
  model::ClipId m_anchor;
  std::vector<model::ClipId> m_base;
  QRect m_band;
  MoveDrag m_move;
  ClipAudioDrag m_audio;
  std::unique_ptr<TimelineTool> m_delegate;
};

}  // namespace

std::unique_ptr<TimelineTool> makeSelectTool(ToolHost& host) { return std::make_unique<SelectTool>(host); }

}  // namespace postline::ui
