#pragma once
// Range checks of the audio parameters (core/model/audio_params.h); each error names the field,
// its range and the value found, prefixed by `where` (e.g. "clip 'Shot_01' on A1").
#include <string>

#include "core/base/result.h"
#include "core/model/clip_params.h"
#include "core/model/sequence.h"

namespace postline::model {

// Gain (-96 .. +24 dB), fade lengths (>= 0) and volume keys (offsets >= 0, strictly increasing,
// gains -96 .. +24 dB).
base::Result<void> validateClipAudio(const ClipAudio& audio, const std::string& where);
// Fader (-96 .. +12 dB), pan (-1 .. 1), at most kMaxEqBands bands, each band and the compressor.
base::Result<void> validateTrackAudio(const Track& track, const std::string& where);
base::Result<void> validateEqBand(const EqBand& band, const std::string& where);
base::Result<void> validateCompressor(const Compressor& c, const std::string& where);
// Master gain (-48 .. +24 dB), target (-40 .. -5 LUFS), ceiling (-9 .. 0 dBTP).
base::Result<void> validateMix(const MixSettings& mix, const std::string& where);

}  // namespace postline::model
