// Shared helpers of the timing edits (trim, roll, slip, slide, speed, transitions, auto-trim):
// timeline-side handles, trimmed copies of a clip, linked partners and transition handle checks.
#pragma once
#include <string>
#include <vector>

#include "core/edit/edit_context.h"
#include "core/model/transition.h"

namespace postline::edit {

// Frames of unused source that can be shown before the clip's first timeline frame
// (reverse-aware: a reversed clip's head shows its source end; freeze frames and stills unlimited).
Result<time::FrameCount> roomBefore(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media);
// Frames of unused source that can be shown after the clip's last timeline frame (same rules).
Result<time::FrameCount> roomAfter(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media);

// clip.audio.volume re-based for a head that moves from timeline frame clip.start to `head` (later or
// earlier) while the sound stays where it was: model::keysFromHead of the distance in 48 kHz samples
// (time::framesToSamples of both frames, the mixer's own conversion).
Result<std::vector<model::GainKey>> volumeFromHead(const SeqRef& ref, const model::Clip& clip, time::FramePos head);

// `clip` with d frames removed from its timeline head (d < 0 extends into the head handle).
// The frames that stay show the same source and keep their volume automation (volumeFromHead);
// moveStart keeps the clip's end in place (a normal trim), otherwise the start stays (a ripple trim).
// `what` names the edit in errors ("trim of 'X' by 3 frames").
Result<model::Clip> headTrimmed(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media,
                                time::FrameCount d, bool moveStart, const std::string& what);
// `clip` with d frames added to its timeline tail (d < 0 shortens it); the start stays.
Result<model::Clip> tailTrimmed(const SeqRef& ref, const model::Clip& clip, const model::MediaItem& media,
                                time::FrameCount d, const std::string& what);

// Which edge of a clip a linked partner must share to be edited with it.
enum class LinkEdge { Head, Tail, Whole };
// Clips linked to `c` (same non-zero linkGroup) on other tracks whose head (start frame), tail
// (end frame, excluded) or whole range equals c's. O(tracks * log clips).
std::vector<ClipRef> linkedPartners(const SeqRef& ref, const ClipRef& c, LinkEdge edge);

// "'Name'" — a clip's name quoted for messages.
std::string quoted(const model::Clip& clip);
// "5 frames" / "1 frame".
std::string framesText(time::FrameCount n);
// "the 12-frame cross dissolve between 'A' and 'B'".
std::string transitionText(const model::Transition& t, const model::Clip& left, const model::Clip& right);

// Checks that transition `t` over the cut left.end() == right.start() fits inside both clips and
// their handles; OutOfRange naming the transition, both clips and the available handle otherwise.
// The clips are passed in their (possibly planned) final state.
Result<void> checkTransitionFits(const SeqRef& ref, const model::Transition& t, const model::Clip& left,
                                 const model::Clip& right, const std::string& what);

}  // namespace postline::edit
