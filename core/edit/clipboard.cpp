#include "core/edit/clipboard.h"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <utility>

#include "core/edit/link.h"
#include "core/edit/razor.h"

namespace postline::edit {

using time::FrameCount;
using time::FramePos;
using time::FrameRange;

FrameCount ClipboardContent::length() const {
  FramePos end{0};
  for (const CopiedClip& c : clips) end = std::max(end, c.clip.end());
  return end - FramePos{0};
}

Result<ClipboardContent> copyClips(const model::Project& project, model::SequenceId seq,
                                   const std::vector<model::ClipId>& ids) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(found, withLinkedPartners(ref, ids));
  FramePos first = found.front().clip->start;
  for (const ClipOnTrack& c : found) first = std::min(first, c.clip->start);
  ClipboardContent out;
  for (const ClipOnTrack& c : found) {
    model::Clip clip = *c.clip;
    clip.start = FramePos{(clip.start - first).value};
    out.clips.push_back({c.track->id, std::move(clip)});
  }
  return out;
}

namespace {

// The pasted clips of one track (at their final place) and the track.
struct TrackPaste {
  const model::Track* track = nullptr;
  std::vector<model::Clip> clips;
};

// Fresh link groups: a group two or more copied clips share gets one new id; others become 0.
std::unordered_map<std::uint64_t, std::uint64_t> freshGroups(const model::Project& project,
                                                             const ClipboardContent& content, ChangeSet& cs) {
  std::map<std::uint64_t, int> counts;
  for (const CopiedClip& c : content.clips) {
    if (c.clip.linkGroup != 0) ++counts[c.clip.linkGroup];
  }
  std::unordered_map<std::uint64_t, std::uint64_t> out;
  for (const auto& [group, n] : counts) out[group] = n >= 2 ? model::reserveIds(project, cs, 1) : 0;
  return out;
}

// The copied clips placed at `at` with fresh ids and groups, grouped by track (in content order).
Result<std::vector<TrackPaste>> placeCopies(const SeqRef& ref, const ClipboardContent& content, FramePos at,
                                            ChangeSet& cs) {
  const std::uint64_t first = model::reserveIds(ref.project, cs, content.clips.size());
  const auto groups = freshGroups(ref.project, content, cs);
  std::vector<TrackPaste> out;
  for (std::size_t i = 0; i < content.clips.size(); ++i) {
    const CopiedClip& copied = content.clips[i];
    PL_TRY_ASSIGN(track, resolveTrack(ref, copied.track));
    model::Clip c = copied.clip;
    c.id = model::ClipId{first + i};
    c.start = at + FrameCount{copied.clip.start.value};
    c.linkGroup = c.linkGroup == 0 ? 0 : groups.at(c.linkGroup);
    PL_TRY(checkClipFits(ref, *track, c));
    auto it = std::find_if(out.begin(), out.end(), [&](const TrackPaste& p) { return p.track == track; });
    if (it == out.end()) it = out.insert(out.end(), TrackPaste{track, {}});
    it->clips.push_back(std::move(c));
  }
  for (TrackPaste& p : out) {
    std::sort(p.clips.begin(), p.clips.end(), [](const auto& a, const auto& b) { return a.start < b.start; });
    for (std::size_t i = 1; i < p.clips.size(); ++i) {
      if (p.clips[i - 1].end() > p.clips[i].start) {
        return conflict("pasted clips '" + p.clips[i - 1].name + "' and '" + p.clips[i].name + "' overlap on " +
                        p.track->name);
      }
    }
  }
  return out;
}

// The parts of `clip` outside every range of `cover` (sorted, disjoint).
std::vector<FrameRange> keptRanges(const model::Clip& clip, const std::vector<model::Clip>& cover) {
  std::vector<FrameRange> keep;
  FramePos cur = clip.start;
  for (const model::Clip& r : cover) {
    if (r.end() <= cur) continue;
    if (r.start >= clip.end()) break;
    if (r.start > cur) keep.push_back({cur, r.start});
    cur = std::max(cur, r.end());
  }
  if (cur < clip.end()) keep.push_back({cur, clip.end()});
  return keep;
}

// `clip` cut down to `range` (inside it), with id `id`.
Result<model::Clip> cutTo(const SeqRef& ref, const model::Clip& clip, FrameRange range, model::ClipId id) {
  model::Clip piece = clip;
  if (range.start > clip.start) {
    PL_TRY_ASSIGN(parts, splitClip(ref, piece, range.start, id));
    piece = parts.right;
  }
  if (range.end < piece.end()) {
    PL_TRY_ASSIGN(parts, splitClip(ref, piece, range.end, id));
    piece = parts.left;
  }
  return piece;
}

// The pieces left of the clips of `paste.track` under the pasted clips: trimmed, split or removed.
Result<void> clearUnder(const SeqRef& ref, const TrackPaste& paste, std::vector<ClipPieces>& pieces, ChangeSet& cs) {
  const FramePos from = paste.clips.front().start;
  const FramePos to = paste.clips.back().end();
  for (const model::Clip& c : paste.track->clips) {
    if (c.end() <= from || c.start >= to) continue;
    const std::vector<FrameRange> keep = keptRanges(c, paste.clips);
    if (keep.size() == 1 && keep.front() == c.record()) continue;  // in a gap between pasted clips
    ClipPieces p{paste.track, c, {}};
    for (std::size_t k = 0; k < keep.size(); ++k) {
      const model::ClipId id = k == 0 ? c.id : model::ClipId{model::reserveIds(ref.project, cs, 1)};
      PL_TRY_ASSIGN(piece, cutTo(ref, c, keep[k], id));
      p.after.push_back(std::move(piece));
    }
    pieces.push_back(std::move(p));
  }
  return {};
}

}  // namespace

Result<ChangeSet> pasteClips(const model::Project& project, model::SequenceId seq, const ClipboardContent& content,
                             FramePos at) {
  if (content.empty()) return invalid("there are no copied clips to paste");
  if (at.value < 0) return outOfRange("cannot paste before the sequence start (frame " + std::to_string(at.value) + ")");
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  ChangeSet cs;
  PL_TRY_ASSIGN(pastes, placeCopies(ref, content, at, cs));
  std::vector<ClipPieces> pieces;
  for (const TrackPaste& p : pastes) PL_TRY(clearUnder(ref, p, pieces, cs));
  relinkSplitParts(project, newParts(pieces), cs);
  PL_TRY(reconcileTransitions(ref, pieces, UnfitTransition::Remove, cs));
  emitPieces(ref, pieces, cs);
  for (const TrackPaste& p : pastes) {
    for (const model::Clip& c : p.clips) cs.add(model::ClipAdded{ref.seq.id, p.track->id, c});
  }
  return cs;
}

}  // namespace postline::edit
