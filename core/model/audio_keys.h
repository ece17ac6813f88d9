#pragma once
// Volume automation of a clip (model::GainKey lists, offsets in 48 kHz samples from the clip's
// first timeline sample): evaluation and the re-basing that edits need so the sound stays put
// when a clip's head moves, the clip is cut in two or its speed changes.
#include <cstdint>
#include <vector>

#include "core/model/audio_params.h"

namespace postline::model {

// Gain in dB at `offset` samples from the clip's start: linear in dB between keys, held before
// the first key and after the last; 0 dB when `keys` is empty.
double automationDb(const std::vector<GainKey>& keys, double offset);

// The automation of the same clip after its head moved `delta` samples later (delta < 0: earlier,
// into the handle), re-based to the new head so every kept sample keeps its gain. delta > 0: keys
// at or after delta move by -delta, a key at 0 holds the gain at delta when a key lay before it;
// delta <= 0: every key moves by -delta. Keys past the clip's end are kept. Empty in, empty out.
std::vector<GainKey> keysFromHead(const std::vector<GainKey>& keys, std::int64_t delta);

// The automation of the part of a clip that starts `from` samples after its old start and lasts
// `length` (> 0) samples, re-based to 0: keys in [from, from + length - 1] moved by -from, plus a
// key at 0 holding the gain at `from` and one at length - 1 holding the gain at from + length - 1
// where keys lay outside that span, so the part sounds as before. Empty in (or length <= 0), empty out.
std::vector<GainKey> keysForSpan(const std::vector<GainKey>& keys, std::int64_t from, std::int64_t length);

// Keys of a clip whose timeline length is multiplied by `factor` (> 0; a speed change from s0 to s1
// gives s0 / s1): offsets scaled and rounded to the nearest sample; where two keys land on one
// sample the first stays, so offsets stay strictly increasing.
std::vector<GainKey> scaleKeys(const std::vector<GainKey>& keys, double factor);

}  // namespace postline::model
