// Shared test fixture for core/edit tests: a default project with a few media items and
// helpers to place clips directly (test setup only) and to check a returned ChangeSet.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/model/change_set.h"
#include "core/model/clip_timing.h"
#include "core/model/project.h"
#include "core/model/validate.h"

namespace postline::edit::test {

// A project at 24 fps with tracks V1, V2, A1..A5 and three media items:
//  - video: "Shot_01_Take_01.mov", 24 fps video + 48 kHz stereo audio, timeBase 1/24, 240 ticks (10 s)
//  - wav:   "music.wav", audio only, timeBase 1/48000, 480000 ticks (10 s)
//  - still: "logo.png", a still image, timeBase 1/24, duration 0 (any source range is valid)
struct EditFixture {
  model::Project project;
  model::SequenceId seq;
  model::TrackId v1, v2, a1, a2;
  model::MediaId video, wav, still;

  EditFixture() {
    project = model::Project::createDefault("Edit Test");
    model::Sequence& s = project.sequences.front();
    seq = s.id;
    model::addTrack(project, s, model::TrackKind::Video);
    v1 = s.tracks[0].id;
    v2 = s.tracks[1].id;
    a1 = s.tracks[2].id;
    a2 = s.tracks[3].id;
    video = addVideoMedia("Shot_01_Take_01.mov", 240);
    wav = addMedia(makeWav());
    still = addMedia(makeStill());
  }

  model::Sequence& sequence() { return *project.findSequence(seq); }
  model::Track& track(model::TrackId id) { return *sequence().findTrack(id); }
  const model::Clip* clip(model::ClipId id) { return sequence().findClip(id); }

  // Adds a 24 fps video+audio item of `ticks` frames (timeBase 1/24) to the source bin.
  model::MediaId addVideoMedia(const std::string& name, std::int64_t ticks, int shot = 0, int take = 0,
                               int rating = 0) {
    model::MediaItem m;
    m.path = "/media/" + name;
    m.name = name;
    m.kind = model::MediaKind::Video;
    m.info.container = "mov,mp4,m4a,3gp,3g2,mj2";
    m.info.hasVideo = true;
    m.info.hasAudio = true;
    m.info.width = 1920;
    m.info.height = 1080;
    m.info.frameRate = time::Rational(24);
    m.info.timeBase = time::Rational::make(1, 24).value();
    m.info.duration = ticks;
    m.info.sampleRate = 48000;
    m.info.channels = 2;
    m.shot = shot;
    m.take = take;
    m.rating = rating;
    return addMedia(std::move(m));
  }

  // Adds `m` with a fresh id to the first standard bin; returns its id.
  model::MediaId addMedia(model::MediaItem m) {
    m.id = model::MediaId{project.nextId++};
    project.media.push_back(m);
    project.bins.front().items.push_back(m.id);
    return m.id;
  }

  // Places a clip directly (test setup, not an edit): [start, start + duration) frames, source from sourceIn ticks.
  model::ClipId place(model::TrackId trackId, model::MediaId media, std::int64_t start, std::int64_t duration,
                      std::int64_t sourceIn = 0, const std::string& name = "") {
    model::Clip c;
    c.id = model::ClipId{project.nextId++};
    c.media = media;
    c.start = time::FramePos{start};
    c.duration = time::FrameCount{duration};
    c.sourceIn = sourceIn;
    c.name = name.empty() ? "clip" + std::to_string(c.id.value) : name;
    auto& clips = track(trackId).clips;
    auto pos = std::upper_bound(clips.begin(), clips.end(), c.start,
                                [](time::FramePos s, const model::Clip& k) { return s < k.start; });
    clips.insert(pos, c);
    return c.id;
  }

 private:
  static model::MediaItem makeWav() {
    model::MediaItem m;
    m.path = "/media/music.wav";
    m.name = "music.wav";
    m.kind = model::MediaKind::Audio;
    m.info.container = "wav";
    m.info.hasAudio = true;
    m.info.timeBase = time::Rational::make(1, 48000).value();
    m.info.duration = 480000;
    m.info.audioCodec = "pcm_s16le";
    m.info.sampleRate = 48000;
    m.info.channels = 2;
    return m;
  }
  static model::MediaItem makeStill() {
    model::MediaItem m;
    m.path = "/media/logo.png";
    m.name = "logo.png";
    m.kind = model::MediaKind::Image;
    m.info.container = "png_pipe";
    m.info.hasVideo = true;
    m.info.still = true;
    m.info.width = 1920;
    m.info.height = 1080;
    m.info.timeBase = time::Rational::make(1, 24).value();
    m.info.duration = 0;
    return m;
  }
};

// Checks that `cs` applies to a copy of `before`, the result validates, and its inverse
// restores `before` exactly. On success `after` (when given) receives the edited project.
inline ::testing::AssertionResult appliesAndUndoes(const model::Project& before, const model::ChangeSet& cs,
                                                   model::Project* after = nullptr) {
  model::Project p = before;
  if (auto r = model::apply(p, cs); !r.ok()) return ::testing::AssertionFailure() << "apply: " << r.error().message;
  if (auto r = model::validate(p); !r.ok()) return ::testing::AssertionFailure() << "validate: " << r.error().message;
  if (after != nullptr) *after = p;
  if (auto r = model::apply(p, model::inverse(cs)); !r.ok()) {
    return ::testing::AssertionFailure() << "apply(inverse): " << r.error().message;
  }
  if (!(p == before)) return ::testing::AssertionFailure() << "apply(inverse) did not restore the project";
  return ::testing::AssertionSuccess();
}

// The source tick shown at each timeline frame of [from, to) on track `trackId` (-1 where no clip is),
// via model::sourceTickAt: compares what a timeline shows before and after an edit.
inline std::vector<std::int64_t> shownTicks(const model::Project& p, model::SequenceId seqId, model::TrackId trackId,
                                            std::int64_t from, std::int64_t to) {
  const model::Sequence* s = p.findSequence(seqId);
  const model::Track* t = s ? s->findTrack(trackId) : nullptr;
  std::vector<std::int64_t> out;
  for (std::int64_t f = from; f < to; ++f) {
    const model::Clip* c = t ? model::clipAt(*t, time::FramePos{f}) : nullptr;
    const model::MediaItem* m = c ? p.findMedia(c->media) : nullptr;
    auto tick = m ? model::sourceTickAt(*c, time::FramePos{f}, *m, s->settings.frameRate)
                  : base::Result<std::int64_t>(std::int64_t{-1});
    out.push_back(tick.ok() ? tick.value() : -2);
  }
  return out;
}

}  // namespace postline::edit::test
