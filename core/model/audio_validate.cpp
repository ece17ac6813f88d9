#include "core/model/audio_validate.h"

#include <cmath>
#include <sstream>

namespace postline::model {

using base::ErrorCode;
using base::makeError;
using base::Result;

namespace {

// OutOfRange naming `where`, the field, its range and the value (NaN and infinities included).
Result<void> inRange(double v, double lo, double hi, const std::string& where, const char* field) {
  if (std::isfinite(v) && v >= lo && v <= hi) return {};
  std::ostringstream s;
  s << where << ": " << field << " must be within " << lo << " .. " << hi << ", found " << v;
  return makeError(ErrorCode::OutOfRange, s.str());
}

}  // namespace

Result<void> validateClipAudio(const ClipAudio& a, const std::string& where) {
  PL_TRY(inRange(a.gainDb, -96.0, 24.0, where, "audio gain (dB)"));
  if (a.fadeIn.value < 0 || a.fadeOut.value < 0) {
    return makeError(ErrorCode::OutOfRange, where + ": a fade length is negative");
  }
  for (std::size_t i = 0; i < a.volume.size(); ++i) {
    const GainKey& k = a.volume[i];
    if (k.offset < 0 || (i > 0 && k.offset <= a.volume[i - 1].offset)) {
      return makeError(ErrorCode::OutOfRange, where + ": volume keys must have increasing offsets from 0 (key " +
                                                  std::to_string(i) + " at " + std::to_string(k.offset) + ")");
    }
    PL_TRY(inRange(k.gainDb, -96.0, 24.0, where, "volume key gain (dB)"));
  }
  return {};
}

Result<void> validateEqBand(const EqBand& b, const std::string& where) {
  PL_TRY(inRange(b.frequencyHz, 20.0, 20000.0, where, "EQ frequency (Hz)"));
  PL_TRY(inRange(b.gainDb, -24.0, 24.0, where, "EQ gain (dB)"));
  return inRange(b.q, 0.1, 100.0, where, "EQ Q");
}

Result<void> validateCompressor(const Compressor& c, const std::string& where) {
  PL_TRY(inRange(c.thresholdDb, -60.0, 0.0, where, "compressor threshold (dBFS)"));
  PL_TRY(inRange(c.ratio, 1.0, 20.0, where, "compressor ratio"));
  PL_TRY(inRange(c.attackMs, 0.1, 200.0, where, "compressor attack (ms)"));
  PL_TRY(inRange(c.releaseMs, 5.0, 2000.0, where, "compressor release (ms)"));
  PL_TRY(inRange(c.kneeDb, 0.0, 24.0, where, "compressor knee (dB)"));
  return inRange(c.makeupDb, 0.0, 24.0, where, "compressor make-up (dB)");
}

Result<void> validateTrackAudio(const Track& t, const std::string& where) {
  PL_TRY(inRange(t.volumeDb, -96.0, 12.0, where, "fader (dB)"));
  PL_TRY(inRange(t.pan, -1.0, 1.0, where, "pan"));
  if (t.eq.size() > static_cast<std::size_t>(kMaxEqBands)) {
    return makeError(ErrorCode::OutOfRange, where + ": at most " + std::to_string(kMaxEqBands) + " EQ bands, found " +
                                                std::to_string(t.eq.size()));
  }
  for (const EqBand& b : t.eq) PL_TRY(validateEqBand(b, where));
  return validateCompressor(t.compressor, where);
}

Result<void> validateMix(const MixSettings& m, const std::string& where) {
  PL_TRY(inRange(m.masterGainDb, -48.0, 24.0, where, "master gain (dB)"));
  PL_TRY(inRange(m.targetLufs, -40.0, -5.0, where, "loudness target (LUFS)"));
  return inRange(m.ceilingDbtp, -9.0, 0.0, where, "true-peak ceiling (dBTP)");
}

}  // namespace postline::model
