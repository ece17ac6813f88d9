#pragma once
// One track's processing in the mixer: its voices summed (each through its envelope), then EQ,
// compressor, fader and pan into the master bus. Not thread-safe (the mixing worker owns it).
#include <cstdint>
#include <string>
#include <vector>

#include "core/audio/dsp/compressor.h"
#include "core/audio/dsp/eq.h"
#include "core/audio/mix_plan.h"
#include "core/audio/voice_reader.h"

namespace postline::audio {

// A clip that cannot sound (missing or unreadable file): reported once, then left silent.
struct ClipProblem {
  model::ClipId clip;
  std::string message;   // names the file, the clip and the problem
};

class TrackBus {
 public:
  // `maxFrames`: the largest block process() will be asked for.
  TrackBus(const TrackPlan& plan, int maxFrames);

  // Takes a new plan for the same track: readers of unchanged voices and the DSP state are kept.
  void update(const TrackPlan& plan);
  // Forgets filter and compressor state (after a seek).
  void reset();
  // Adds this track's sound for sequence samples [t0, t0 + n) into the planar master bus; the
  // post-fader track signal is left in trackLeft()/trackRight(). Clips whose file fails are
  // silenced and appended to `problems`.
  void process(std::int64_t t0, int n, float* masterL, float* masterR, std::vector<ClipProblem>& problems);

  const TrackPlan& plan() const { return m_plan; }
  const float* trackLeft() const { return m_l.data(); }
  const float* trackRight() const { return m_r.data(); }
  double gainReductionDb() const { return m_comp.gainReductionDb(); }

 private:
  struct Slot {
    VoiceReader reader;
    bool failed = false;
  };
  void addVoice(Slot& slot, std::int64_t t0, int n, std::vector<ClipProblem>& problems);

  TrackPlan m_plan;
  std::vector<Slot> m_slots;
  dsp::StereoEq m_eq;
  dsp::StereoCompressor m_comp;
  std::vector<float> m_l, m_r, m_vl, m_vr, m_env;
};

// Replaces every NaN or infinity in x[0, n) by 0; true when one was found.
bool sanitize(float* x, int n);

// Writes the envelope of `voice` for sequence samples [t0, t0 + n) into `gains`, sample by sample
// (TrackBus uses one gain instead where Voice::steadyOver says nothing changes).
void fillEnvelope(const Voice& voice, std::int64_t t0, int n, float* gains);

}  // namespace postline::audio
