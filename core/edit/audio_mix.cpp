#include "core/edit/audio_mix.h"

#include <utility>

#include "core/model/audio_validate.h"

namespace postline::edit {

namespace {

Result<const model::Track*> audioTrack(const SeqRef& ref, model::TrackId id) {
  const model::Track* t = ref.seq.findTrack(id);
  if (t == nullptr) {
    return base::makeError(base::ErrorCode::NotFound,
                           "sequence '" + ref.seq.name + "' has no track with id " + std::to_string(id.value));
  }
  if (t->kind != model::TrackKind::Audio) return invalid(t->name + " is not an audio track");
  return t;
}

// The header fields of `t` (what TrackUpdated carries; clips are ignored by apply).
model::Track headerOf(const model::Track& t) {
  model::Track h = t;
  h.clips.clear();
  return h;
}

template <typename Change>
Result<ChangeSet> withTrack(const model::Project& project, model::SequenceId seq, model::TrackId track, Change change) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(t, audioTrack(ref, track));
  TrackAudio audio = trackAudioOf(*t);
  change(audio);
  return setTrackAudio(project, seq, track, audio);
}

}  // namespace

TrackAudio trackAudioOf(const model::Track& track) {
  return TrackAudio{track.volumeDb, track.pan, track.muted, track.solo, track.eq, track.compressor};
}

Result<ChangeSet> setTrackAudio(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                const TrackAudio& audio) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY_ASSIGN(t, audioTrack(ref, track));
  const model::Track before = headerOf(*t);
  model::Track after = before;
  after.volumeDb = audio.volumeDb;
  after.pan = audio.pan;
  after.muted = audio.muted;
  after.solo = audio.solo;
  after.eq = audio.eq;
  after.compressor = audio.compressor;
  PL_TRY(model::validateTrackAudio(after, after.name));
  ChangeSet cs;
  if (!(after == before)) cs.add(model::TrackUpdated{seq, before, after});
  return cs;
}

Result<ChangeSet> setTrackFader(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                double volumeDb) {
  return withTrack(project, seq, track, [&](TrackAudio& a) { a.volumeDb = volumeDb; });
}

Result<ChangeSet> setTrackPan(const model::Project& project, model::SequenceId seq, model::TrackId track, double pan) {
  return withTrack(project, seq, track, [&](TrackAudio& a) { a.pan = pan; });
}

Result<ChangeSet> setTrackEq(const model::Project& project, model::SequenceId seq, model::TrackId track,
                             std::vector<model::EqBand> eq) {
  return withTrack(project, seq, track, [&](TrackAudio& a) { a.eq = std::move(eq); });
}

Result<ChangeSet> setTrackCompressor(const model::Project& project, model::SequenceId seq, model::TrackId track,
                                     const model::Compressor& compressor) {
  return withTrack(project, seq, track, [&](TrackAudio& a) { a.compressor = compressor; });
}

Result<ChangeSet> setMixSettings(const model::Project& project, model::SequenceId seq, const model::MixSettings& mix) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY(model::validateMix(mix, "sequence '" + ref.seq.name + "'"));
  ChangeSet cs;
  if (mix == ref.seq.settings.mix) return cs;
  model::SequenceSettings after = ref.seq.settings;
  after.mix = mix;
  cs.add(model::SequenceSettingsChanged{seq, ref.seq.settings, after});
  return cs;
}

Result<ChangeSet> clearVolumeKeys(const model::Project& project, model::SequenceId seq, model::TrackId track) {
  PL_TRY_ASSIGN(ref, resolveSequence(project, seq));
  PL_TRY(audioTrack(ref, track));
  PL_TRY_ASSIGN(t, resolveTrack(ref, track));
  ChangeSet cs;
  for (const model::Clip& clip : t->clips) {
    if (clip.audio.volume.empty()) continue;
    model::Clip after = clip;
    after.audio.volume.clear();
    cs.add(clipUpdate(ref, *t, clip, after));
  }
  return cs;
}

ChangeSet clipChangesOnTrack(const ChangeSet& cs, model::TrackId track) {
  ChangeSet out;
  for (const model::Change& c : cs.changes) {
    const auto* u = std::get_if<model::ClipUpdated>(&c);
    if (u != nullptr && u->track == track) out.add(*u);
  }
  return out;
}

}  // namespace postline::edit
