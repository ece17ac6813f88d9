#pragma once
// Drawing of the timeline (ruler, track headers, clips, transitions, markers, playhead), shared by
// TimelineView and the benchmarks. Pure painting from the model and the geometry: no state of its own.
#include <QPainter>
#include <QRect>
#include <optional>
#include <set>
#include <vector>

#include "core/model/project.h"
#include "ui/timeline/timeline_geometry.h"

namespace postline::ui {

class TimelineSummaries;

// The toggles of a track header.
enum class HeaderButton { Target, Mute, Solo, Lock };

// Everything one paint reads.
struct TimelinePaintInput {
  const model::Project* project = nullptr;
  const model::Sequence* seq = nullptr;
  const TimelineGeometry* geo = nullptr;
  QSize viewport;                                  // pixels, headers included
  time::FramePos playhead;
  std::optional<time::FramePos> in, out;           // out is the last frame included
  std::set<model::ClipId> selection;
  std::set<model::TrackId> targets;
  const std::set<model::MediaId>* offline = nullptr;
  TimelineSummaries* summaries = nullptr;          // filmstrips and waveforms (nullptr: none)
  model::TrackId hoverTrack;                       // a drop ghost's track (highlighted header), if any
};

// Paints the whole viewport: rows, clips, transitions, in/out, markers, ruler, headers, playhead.
void paintTimeline(QPainter& painter, const TimelinePaintInput& in);

// A header button's rectangle in viewport pixels (Solo only on audio rows).
QRect headerButtonRect(const TrackRow& row, HeaderButton button);
// The header button under `p` (viewport pixels) on `row`, if any.
std::optional<HeaderButton> headerButtonAt(const TrackRow& row, QPoint p);
// The label a header shows: "V1", "A1 Dialogue" (name, then the role when the name lacks it).
QString trackLabel(const model::Track& track);

// A role as headers and menus show it: "Dialogue", "SFX", "Foley", "Music", "Ambient".
QString roleLabel(model::AudioRole role);

// Fill colour of a clip on a track of that kind.
QColor clipColor(bool video, bool selected);

}  // namespace postline::ui
