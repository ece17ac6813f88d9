#pragma once
// A small project for model tests: one 10 s 24 fps video with audio (timeBase 1/24).
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::model::testing {

inline MediaItem videoMedia(MediaId id, const std::string& name, std::int64_t frames = 240) {
  MediaItem m;
  m.id = id;
  m.name = name;
  m.path = "/media/" + name + ".mp4";
  m.kind = MediaKind::Video;
  m.info.hasVideo = true;
  m.info.hasAudio = true;
  m.info.width = 1920;
  m.info.height = 1080;
  m.info.frameRate = time::Rational(24);
  m.info.timeBase = time::Rational::make(1, 24).value();
  m.info.duration = frames;
  return m;
}

struct ModelFixture {
  Project project = Project::createDefault("Test");
  SequenceId seq;
  TrackId v1;
  MediaId media;

  ModelFixture() {
    seq = project.sequences[0].id;
    v1 = project.sequences[0].tracks[0].id;
    media = MediaId{project.nextId++};
    project.media.push_back(videoMedia(media, "Shot_01_Take_01"));
    project.bins[0].items.push_back(media);
  }

  Clip clip(std::int64_t start, std::int64_t duration, std::int64_t sourceIn = 0) {
    Clip c;
    c.id = ClipId{project.nextId++};
    c.media = media;
    c.start = time::FramePos{start};
    c.duration = time::FrameCount{duration};
    c.sourceIn = sourceIn;
    c.name = "clip" + std::to_string(c.id.value);
    return c;
  }

  Track& track() { return *project.sequences[0].findTrack(v1); }
};

}  // namespace postline::model::testing
