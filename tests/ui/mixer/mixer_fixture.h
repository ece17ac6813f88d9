#pragma once
// The Audio page tests' fixture: a controller with the default sequence (A1 Dialogue .. A5
// Ambient), the playback sound without a device (system clock), the page shown, and helpers that
// write test signals as WAV files and place them on a track from frame 0.
#include <gtest/gtest.h>

#include <QDoubleSpinBox>
#include <QStyle>
#include <QStyleOptionSlider>
#include <QTest>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/audio/loudness/meter.h"
#include "core/audio/mix_plan.h"
#include "core/audio/offline_mix.h"
#include "core/edit/audio_mix.h"
#include "core/edit/placement.h"
#include "tests/ui/ui_fixtures.h"
#include "ui/controller/project_controller.h"
#include "ui/mixer/audio_page.h"
#include "ui/mixer/channel_strip.h"
#include "ui/mixer/master_strip.h"
#include "ui/playback/playback_audio.h"

namespace postline::ui::testing {

constexpr double kRate = 48000.0;

// Interleaved stereo: a sine of `hz` at peak amplitude `amp` on both channels for `seconds`.
inline std::vector<float> sinePair(double hz, double amp, double seconds) {
  const auto n = static_cast<std::size_t>(seconds * kRate);
  std::vector<float> s(2 * n);
  for (std::size_t i = 0; i < n; ++i) {
    s[2 * i] = s[2 * i + 1] = static_cast<float>(amp * std::sin(2.0 * M_PI * hz * static_cast<double>(i) / kRate));
  }
  return s;
}

// White noise (sigma `sigma`), the same on both channels.
inline std::vector<float> noisePair(double seconds, double sigma, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<float> d(0.0f, static_cast<float>(sigma));
  std::vector<float> s(2 * static_cast<std::size_t>(seconds * kRate));
  for (std::size_t i = 0; i < s.size(); i += 2) s[i] = s[i + 1] = d(rng);
  return s;
}

// Integrated loudness of interleaved stereo `s` (core's BS.1770 meter).
inline double integratedLufs(const std::vector<float>& s) {
  auto meter = audio::loudness::Meter::create({audio::loudness::ChannelWeight::Left, audio::loudness::ChannelWeight::Right});
  meter.value().add(s.data(), s.size() / 2);
  return meter.value().integratedLufs();
}

// The audio track `n` (1-based: A1 .. A5) of the current sequence.
inline const model::Track& audioTrack(const ProjectController& ctl, int n) {
  int seen = 0;
  for (const model::Track& t : ctl.sequence()->tracks) {
    if (t.kind == model::TrackKind::Audio && ++seen == n) return t;
  }
  throw std::runtime_error("no such audio track");
}

struct MixerFixture : ::testing::Test {
  MixerFixture() : audio(ctl, noDevice()), page(ctl, audio) {
    page.resize(1500, 980);
  }
  ~MixerFixture() override { audio.engine().pause(); }

  static audio::PlaybackEngine::Options noDevice() {
    audio::PlaybackEngine::Options o;
    o.useDevice = false;
    return o;
  }

  void showPage() {
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
  }

  // Writes `samples` as `name`.wav (16-bit PCM), imports it and places all of it on audio track n at frame 0.
  void placeSignal(int n, const std::string& name, const std::vector<float>& samples) {
    static const fs::path dir = freshDir("mixer_media");
    media::ffmpeg::AudioSpec spec;
    spec.samples = samples;
    const fs::path file = dir / (name + ".wav");
    ASSERT_TRUE(media::ffmpeg::writeAudio(file, spec).ok());
    const auto ids = importFiles(ctl, {file});
    ASSERT_EQ(ids.size(), 1u);
    const model::MediaItem* m = ctl.project().findMedia(ids[0]);
    ASSERT_NE(m, nullptr);
    edit::SourceSpan span{ids[0], 0, m->info.duration};
    ASSERT_TRUE(ctl.apply(edit::append(ctl.project(), ctl.currentSequence(), audioTrack(ctl, n).id, span), "Place"));
  }

  ChannelStrip* strip(int n) { return page.strip(audioTrack(ctl, n).id); }

  // The integrated loudness of the whole mix as the project now stands (core's offline mixer).
  double mixLufs() {
    auto plan = audio::planMix(ctl.project(), ctl.currentSequence());
    EXPECT_TRUE(plan.ok());
    auto stats = audio::measureMix(plan.value());
    EXPECT_TRUE(stats.ok());
    return stats.value().integratedLufs;
  }

  // Plays from 0 until the engine's clock passes `seconds` (the page polls its meters meanwhile).
  bool playFor(double seconds) {
    audio.engine().play(0);
    const auto until = static_cast<std::int64_t>(seconds * kRate);
    return QTest::qWaitFor([&] { return audio.engine().position() >= until; }, static_cast<int>(seconds * 1000) + 5000);
  }

  ProjectController ctl;
  PlaybackAudio audio;
  AudioPage page;
};

// Centre of `slider`'s handle, in its own coordinates.
inline QPoint handleCentre(QSlider* slider) {
  QStyleOptionSlider opt;
  opt.initFrom(slider);
  opt.orientation = slider->orientation();
  opt.minimum = slider->minimum();
  opt.maximum = slider->maximum();
  opt.sliderPosition = slider->sliderPosition();
  opt.sliderValue = slider->value();
  opt.singleStep = slider->singleStep();
  opt.pageStep = slider->pageStep();
  opt.upsideDown = slider->orientation() == Qt::Vertical ? !slider->invertedAppearance() : slider->invertedAppearance();
  opt.tickPosition = slider->tickPosition();
  opt.tickInterval = slider->tickInterval();
  opt.subControls = QStyle::SC_SliderHandle;
  return slider->style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, slider).center();
}

}  // namespace postline::ui::testing
