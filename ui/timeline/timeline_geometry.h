#pragma once
// The timeline's mapping between the model and the view: time <-> x, track <-> y, zoom, scroll,
// and hit testing. Pure (no QWidget): the view, its tools and the benchmarks share it.
//
// x: view pixels, 0 at the left of the clip area (right of the track headers). A frame f covers
// [xOfFrame(f), xOfFrame(f + 1)). y: view pixels, 0 at the top of the ruler. Video tracks are drawn
// above audio tracks, the highest video track (V2) at the top, V1 just above A1.
#include <QPoint>
#include <QRect>
#include <optional>
#include <vector>

#include "core/model/sequence.h"
#include "core/time/units.h"

namespace postline::ui {

// One track's row.
struct TrackRow {
  model::TrackId id;
  int index = 0;          // index in Sequence::tracks
  bool video = true;
  int top = 0;            // view y of the row's top (after vertical scroll)
  int height = 0;         // pixels
};

// What lies under a point.
struct TimelineHit {
  enum class Part {
    None,        // empty area below the tracks
    Ruler,       // the timecode ruler
    Header,      // a track header
    Empty,       // a track row where there is no clip
    Body,        // the middle of a clip
    InEdge,      // the first kEdgePixels of a clip (its start)
    OutEdge,     // the last kEdgePixels of a clip (its end)
    Transition,  // a dissolve's box on a cut
  };
  // A clip-audio control of an audio clip (ui/timeline/clip_audio_overlay.h) under the point, on top
  // of `part`: only the select tool uses it; for the other tools the point is what `part` says.
  enum class AudioHandle { None, Gain, FadeIn, FadeOut };
  Part part = Part::None;
  AudioHandle audio = AudioHandle::None;
  model::TrackId track;           // Header/Empty/Body/edges/Transition
  model::ClipId clip;             // Body/edges: the clip; Transition: the outgoing (left) clip
  model::ClipId neighbour;        // edges: the clip that touches this edge (the cut's other side), if any
  model::TransitionId transition; // Transition
  time::FramePos frame;           // frame under the point (floor), clamped to >= 0
};

class TimelineGeometry {
 public:
  static constexpr int kHeaderWidth = 150;   // track header column, pixels
  static constexpr int kRulerHeight = 28;    // ruler, pixels
  static constexpr int kVideoHeight = 64;    // default row heights
  static constexpr int kAudioHeight = 48;
  static constexpr int kEdgePixels = 6;      // grab zone at each clip edge
  static constexpr double kMinPixelsPerFrame = 1e-4;
  static constexpr double kMaxPixelsPerFrame = 64.0;  // single frames wide enough to see

  // Zoom: pixels per sequence frame (clamped to [kMin, kMax]).
  double pixelsPerFrame() const { return m_ppf; }
  void setPixelsPerFrame(double ppf);
  // Horizontal scroll: the frame (fractional) at x = 0.
  double firstVisibleFrame() const { return m_firstFrame; }
  void setFirstVisibleFrame(double frame);
  // Vertical scroll in pixels (rows move up by this much).
  int scrollY() const { return m_scrollY; }
  void setScrollY(int pixels) { m_scrollY = pixels < 0 ? 0 : pixels; }

  // x of a frame's left edge / the frame covering x (floor) / the frame boundary nearest x.
  double xOfFrame(time::FramePos frame) const { return (static_cast<double>(frame.value) - m_firstFrame) * m_ppf; }
  time::FramePos frameAtX(double x) const;
  time::FramePos nearestBoundaryAtX(double x) const;

  // Lays the rows out for `seq` (call after every change of the sequence's tracks).
  void layout(const model::Sequence& seq);
  const std::vector<TrackRow>& rows() const { return m_rows; }
  // Total height of all rows plus the ruler (for the vertical scroll range).
  int contentHeight() const;
  // The row at view y (y >= kRulerHeight), or nullptr.
  const TrackRow* rowAtY(int y) const;
  const TrackRow* row(model::TrackId id) const;
  // The rectangle (clip-area x, view y) of `clip` on the row of `track`.
  QRect clipRect(const TrackRow& row, const model::Clip& clip) const;

  // What is at `p` (x relative to the clip area: negative x = the header column).
  TimelineHit hitTest(const model::Sequence& seq, QPoint p) const;

 private:
  double m_ppf = 4.0;
  double m_firstFrame = 0.0;
  int m_scrollY = 0;
  std::vector<TrackRow> m_rows;
};

}  // namespace postline::ui
