#pragma once
// The timeline's clip context menu: speed, reverse, freeze frame, cross-dissolve, auto-trim,
// link/unlink. Every item is one core edit call pushed through ProjectController::apply (one
// undoable command). An item whose edit cannot apply to the project as it is now is disabled, its
// tooltip saying why (the menu evaluates each preset edit once when it is filled: edits are pure).
//
// Item object names (for tests and scripts): clip.speed.85, clip.speed.90, clip.speed.custom,
// clip.reverse, clip.freeze.0.5, clip.freeze.1, clip.freeze.custom, clip.dissolve,
// clip.autotrim.0.3, clip.autotrim.0.5, clip.autotrim.custom, clip.link, clip.unlink.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "core/model/ids.h"
#include "core/time/units.h"

class QMenu;
class QWidget;

namespace postline::ui {

class ProjectController;

// Frames of the cross-dissolve the menu adds (12 frames, centred on the cut).
inline constexpr std::int64_t kDefaultDissolveFrames = 12;

// The clips a context-menu edit acts on: the selection when it holds `clicked`, else `clicked` alone.
std::vector<model::ClipId> menuTargets(const ProjectController& ctl, model::ClipId clicked);

// The cut "Add cross-dissolve" uses for `clicked`: (left, right) clip ids. Two selected adjacent clips
// on its track give their cut; otherwise the clip's end nearer to `reference` that touches a
// neighbour (the other end when only that one does). nullopt when neither end meets a clip.
std::optional<std::pair<model::ClipId, model::ClipId>> dissolveCut(const ProjectController& ctl, model::ClipId clicked,
                                                                   time::FramePos reference);

// Appends the clip items for `clicked` to `menu` (submenus Speed, Freeze last frame, Auto-trim).
// `reference` is the frame the menu was opened at (the playhead when not given); `dialogParent`
// parents the Custom… dialogs.
void fillClipMenu(ProjectController& ctl, QMenu& menu, model::ClipId clicked,
                  std::optional<time::FramePos> reference = std::nullopt, QWidget* dialogParent = nullptr);

}  // namespace postline::ui
