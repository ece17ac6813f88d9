// Sync by links: a ripple on one track carries over to every track holding a linked partner of a
// clip it moves, so linked clips (a video clip and its audio) never drift apart. This is the one
// place that decides which tracks ripple together; EditPlan::finish() applies it to every edit.
#pragma once
#include <cstdint>
#include <vector>

#include "core/edit/edit_context.h"

namespace postline::edit {

// A ripple on one track: every clip whose start is >= `from` moves by `delta` frames. `key` names
// the edit it belongs to: the ripples of a clip and of its linked partners (at other frames when
// their edges differ) share one key.
struct Ripple {
  const model::Track* track = nullptr;  // a track of the sequence the ripples are on
  time::FramePos from;
  time::FrameCount delta;
  std::uint64_t key = 0;
};

// The ripples to add so linked clips stay in sync with `ripples` (all in original positions):
// when a ripple moves a clip (start >= from) with a linked partner (same non-zero linkGroup) on
// another track, that track ripples by the same delta at the same frame with the same key,
// transitively. A track that already has a ripple with that key, or with the same from and
// delta (the same removed or inserted time), gets nothing more. Tracks holding no partner of a
// moved clip are left alone. Returns only the added ripples, in the order found.
// Work: O(tracks^2) plus one backward scan per (rippled track, partner track) pair, which stops at
// the last clip linked across (the first one looked at for A/V pairs).
std::vector<Ripple> syncRipples(const SeqRef& ref, const std::vector<Ripple>& ripples);

}  // namespace postline::edit
