#include "core/edit/razor.h"
#include "ui/controller/project_controller.h"
#include "ui/timeline/select_tool.h"

namespace postline::ui {

namespace {

class BladeTool : public TimelineTool {
 public:
  using TimelineTool::TimelineTool;

  Qt::CursorShape cursor(const TimelineHit&, Qt::KeyboardModifiers) const override { return Qt::IBeamCursor; }

  bool press(const ToolInput& in) override {
    const bool allTracks = in.modifiers & Qt::ShiftModifier;
    if (!allTracks && !in.hit.clip.valid()) return false;
    ProjectController& ctl = host().controller();
    std::vector<model::TrackId> tracks;
    if (!allTracks) tracks.push_back(in.hit.track);
    ctl.apply(edit::razor(ctl.project(), ctl.currentSequence(), bladeFrame(host(), in.hit), tracks), "Razor");
    return true;
  }
  void move(const ToolInput&) override {}
  void release(const ToolInput&) override {}
};

}  // namespace

time::FramePos bladeFrame(const ToolHost& host, const TimelineHit& hit) {
  std::set<model::ClipId> ignore;
  if (hit.clip.valid()) ignore.insert(hit.clip);  // its own edges would pull the cut off the clip
  return host.snap(hit.frame, ignore);
}

std::unique_ptr<TimelineTool> makeBladeTool(ToolHost& host) { return std::make_unique<BladeTool>(host); }

}  // namespace postline::ui
