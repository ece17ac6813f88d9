#pragma once
// The edits behind the editor's keyboard and menu actions. Each function reads the controller's
// editor state (playhead, selection, targets, source viewer), makes ONE core edit call and pushes it
// through ProjectController::apply (one undoable command; a failure emits editFailed with the
// core's message and changes nothing). They return apply()'s answer. No editing logic lives here
// beyond choosing the arguments.
#include <QString>
#include <optional>

#include "core/edit/clipboard.h"
#include "core/edit/placement.h"
#include "ui/controller/project_controller.h"

namespace postline::ui::commands {

// The source viewer's media as a span: its in/out marks (source frames at the media's rate, the
// sequence rate when the media has none; out included) converted to ticks, else the whole media.
base::Result<edit::SourceSpan> sourceSpan(const ProjectController& ctl);

// The lowest targeted unlocked track of `kind` in the current sequence (invalid when none).
model::TrackId targetTrack(const ProjectController& ctl, model::TrackKind kind);

// `,` (insert = true) or `.` (overwrite): the source span at the program playhead on the lowest
// targeted video track, linked audio on the targeted audio track (audio-only media: on the targeted
// audio track). The playhead then moves to the end of the new clip.
bool placeFromSource(ProjectController& ctl, bool insert);

// Ctrl+K: razor at the playhead. Selected clips under the playhead: their tracks (and their linked
// partners' tracks); otherwise every unlocked track with a clip there.
bool razorAtPlayhead(ProjectController& ctl);

// The clip under the playhead on the first targeted track (sequence order) that has one.
const model::Clip* targetedClipAtPlayhead(const ProjectController& ctl);

// Q (head = true): ripple-trims the head of the targeted clip under the playhead up to the playhead
// (the playhead then moves to the clip's start, where that frame now is). W: ripple-trims its tail
// back to the playhead (the playhead frame is the first one removed).
bool rippleTrimToPlayhead(ProjectController& ctl, bool head);

// Delete (ripple = false: lift) or Shift+Delete (ripple delete) of the selected clips. No selection:
// nothing happens, false.
bool removeSelection(ProjectController& ctl, bool ripple);

// M: a point marker at the playhead named `name` (empty: "Marker <n>", n = markers + 1).
bool addMarkerAtPlayhead(ProjectController& ctl, const QString& name = {});

// The marker Shift+M renames: the last one starting at or before the playhead (invalid when none).
model::MarkerId markerAtOrBeforePlayhead(const ProjectController& ctl);

// Renames marker `id` (one command "Rename Marker").
bool renameMarker(ProjectController& ctl, model::MarkerId id, const QString& name);

// Ctrl+C: the selected clips and their linked partners (nullopt when nothing is selected).
std::optional<edit::ClipboardContent> copySelection(const ProjectController& ctl);

// Ctrl+V: pastes `content` at the playhead (overwrite); the playhead moves to the end of the pasted range.
bool pasteAtPlayhead(ProjectController& ctl, const edit::ClipboardContent& content);

// Moves the program playhead by `frames` (clamped at 0).
void stepFrames(ProjectController& ctl, qint64 frames);
// Moves the program playhead by `seconds` whole seconds at the sequence rate (24 frames at 23.976).
void stepSeconds(ProjectController& ctl, int seconds);
// End: the first frame after the last clip of the sequence.
void goToEnd(ProjectController& ctl);

// Ctrl+A: every clip of the current sequence.
void selectAll(ProjectController& ctl);

}  // namespace postline::ui::commands
