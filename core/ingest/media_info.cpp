#include "core/ingest/media_info.h"

#include <cmath>

namespace postline::ingest {

model::MediaKind mediaKindOf(const media::ProbeResult& probe) {
  if (probe.still) return model::MediaKind::Image;
  if (probe.video) return model::MediaKind::Video;
  return model::MediaKind::Audio;
}

namespace {

std::int64_t ticks(double seconds, const time::Rational& timeBase) {
  if (timeBase.isZero()) return 0;
  return static_cast<std::int64_t>(std::llround(seconds / timeBase.toDouble()));
}

void fillVideo(const media::ProbeResult& probe, model::MediaInfo& info) {
  const media::VideoStreamInfo& v = *probe.video;
  info.width = v.displayWidth;
  info.height = v.displayHeight;
  info.videoCodec = v.codec;
  info.colorSpace = v.color.primaries == "unknown" ? "" : v.color.primaries;
  if (probe.still) {
    info.still = true;
    return;
  }
  info.hasVideo = true;
  info.frameRate = v.frameRate;
  info.variableFrameRate = v.variableFrameRate;
  if (!v.variableFrameRate && !v.frameRate.isZero()) {
    info.timeBase = time::Rational(1).div(v.frameRate).value();
    info.duration = v.frames > 0 ? v.frames : ticks(probe.durationS, info.timeBase);
  } else {
    info.timeBase = v.timeBase;
    info.duration = ticks(probe.durationS, info.timeBase);
  }
}

}  // namespace

model::MediaInfo mediaInfoOf(const media::ProbeResult& probe) {
  model::MediaInfo info;
  info.container = probe.container;
  if (probe.video) fillVideo(probe, info);
  if (probe.audio) {
    info.hasAudio = true;
    info.audioCodec = probe.audio->codec;
    info.sampleRate = probe.audio->sampleRate;
    info.channels = probe.audio->channels;
    if (!probe.video && info.sampleRate > 0) {
      info.timeBase = time::Rational::make(1, info.sampleRate).value();
      info.duration = ticks(probe.durationS, info.timeBase);
    }
  }
  return info;
}

}  // namespace postline::ingest
