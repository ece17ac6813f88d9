// Clip audio edits: a clip's gain and its fade lengths (model::ClipAudio). Each validates and returns
// a ChangeSet without touching the model. Only clips on audio tracks carry them; a clip on a locked
// track is a Conflict, as for every edit. The timeline's gain line and fade handles call these.
#pragma once
#include "core/edit/edit_context.h"

namespace postline::edit {

// The range of a clip's gain (model::validateClipAudio): -96 .. +24 dB.
inline constexpr double kMinClipGainDb = -96.0;
inline constexpr double kMaxClipGainDb = 24.0;

// Sets clip `clip`'s gain to `gainDb` (one ClipUpdated; empty when it already has it). A gain
// outside kMinClipGainDb .. kMaxClipGainDb (or not finite) is InvalidArgument naming the clip; a
// clip on a video track is InvalidArgument naming it; an unknown clip is NotFound.
Result<ChangeSet> setClipGain(const model::Project& project, model::SequenceId seq, model::ClipId clip, double gainDb);

// Sets clip `clip`'s fade-in and fade-out lengths (sequence frames from each end). A negative
// length, a fade longer than the clip, or fades that together exceed the clip's length are
// InvalidArgument naming the clip; otherwise as setClipGain.
Result<ChangeSet> setClipFades(const model::Project& project, model::SequenceId seq, model::ClipId clip,
                               time::FrameCount fadeIn, time::FrameCount fadeOut);

// The fade-in (`in`) or fade-out length nearest `wanted` that setClipFades accepts for `clip` with
// its other fade kept: clamped to 0 .. duration - the other fade.
time::FrameCount clampFade(const model::Clip& clip, bool in, time::FrameCount wanted);

}  // namespace postline::edit
