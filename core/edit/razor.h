// Razor (blade) cuts, and the clip-splitting helpers other edits share.
#pragma once
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// The two parts of a clip cut at one timeline frame.
struct SplitParts {
  model::Clip left;   // [clip.start, at) frames; keeps the clip's id
  model::Clip right;  // [at, clip.end) frames; gets the id asked for
};

// Cuts `clip` at timeline frame `at` (clip.start < at < clip.end, else InvalidArgument). Each part
// keeps showing the same source frames: the right part's sourceIn advances by the ticks of the
// left part's frames at the clip's speed; for a reversed clip the LEFT part keeps the END of the
// source range instead. A freeze frame keeps sourceIn in both parts. The fade-in stays on the left
// part and the fade-out on the right part (each clamped to its part's length). Volume automation
// sounds as before: the left part keeps the clip's keys, the right part's are re-based to its start.
Result<SplitParts> splitClip(const SeqRef& ref, const model::Clip& clip, time::FramePos at, model::ClipId rightId);

// One clip of a track and what replaces it after an edit: pieces sorted by start; a piece with
// the clip's own id updates it, other pieces are new clips; no pieces means it is removed.
struct ClipPieces {
  const model::Track* track = nullptr;
  model::Clip before;
  std::vector<model::Clip> after;
};

// The new parts (ids other than their original's) among `pieces`, pointing into them.
std::vector<model::Clip*> newParts(std::vector<ClipPieces>& pieces);

// Adds the ClipUpdated / ClipAdded / ClipRemoved changes that turn each `before` into its pieces.
void emitPieces(const SeqRef& ref, const std::vector<ClipPieces>& pieces, ChangeSet& cs);

// What to do with a transition whose range no longer fits inside the pieces at its cut.
enum class UnfitTransition { Remove, Fail };

// Transition changes for clips replaced by pieces: a transition follows the pieces that keep its
// cut (the piece ending where its left clip ended, the piece starting where its right clip started),
// is removed when no piece keeps the cut, and is removed (or the edit fails) when its range no
// longer fits inside those pieces.
Result<void> reconcileTransitions(const SeqRef& ref, const std::vector<ClipPieces>& pieces, UnfitTransition mode,
                                  ChangeSet& cs);

// Gives new right-hand parts of split clips their own link groups: parts whose originals shared a
// group share one fresh group (id reserved in `cs`); a lone part is unlinked (group 0).
void relinkSplitParts(const model::Project& project, const std::vector<model::Clip*>& parts, ChangeSet& cs);

// Splits every clip that strictly contains timeline frame `at` on `tracks` (empty = every
// unlocked track); a clip starting exactly at `at` is not cut. Right parts get new ids; a
// transition that used a cut clip as its left side moves to the right part. No clip to cut is
// InvalidArgument "nothing to cut at <timecode>"; a named locked track is a Conflict; a cut inside
// a transition's range is a Conflict.
Result<ChangeSet> razor(const model::Project& project, model::SequenceId seq, time::FramePos at,
                        std::vector<model::TrackId> tracks);

}  // namespace postline::edit
