#pragma once
// Shared fixtures for the core/project tests: temp folders and a project with every field set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "core/model/project.h"
#include "core/model/validate.h"

namespace postline::project::testing {

namespace fs = std::filesystem;

// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "postline-project-XXXXXX").string();
    char* made = ::mkdtemp(pattern.data());
    EXPECT_NE(made, nullptr);
    m_path = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(m_path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return m_path; }

 private:
  fs::path m_path;
};

// Writes `text` to `file`, creating folders as needed.
inline void writeText(const fs::path& file, const std::string& text) {
  fs::create_directories(file.parent_path());
  std::ofstream out(file, std::ios::binary);
  out << text;
}

// The whole contents of `file`.
inline std::string readText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline time::Rational rat(std::int64_t num, std::int64_t den) { return time::Rational::make(num, den).value(); }

// Media items of the full project, with their files created in `mediaDir`.
inline void addFullMedia(model::Project& p, const fs::path& mediaDir) {
  using model::MediaKind;
  auto add = [&](const std::string& file, MediaKind kind, const std::string& bin) {
    model::MediaItem m;
    m.id = model::MediaId{p.nextId++};
    m.path = (mediaDir / file).string();
    m.name = fs::path(file).stem().string();
    m.kind = kind;
    writeText(mediaDir / file, "not really media");
    for (model::Bin& b : p.bins) {
      if (b.name == bin) b.items.push_back(m.id);
    }
    p.media.push_back(m);
  };
  add("Shot_01_Take_03.mov", MediaKind::Video, "01_Source_Clips");
  add("Title Card.png", MediaKind::Image, "03_Graphics");
  add("VO_take2.wav", MediaKind::Audio, "02_Audio");
  model::MediaItem* v = &p.media[0];
  v->info = {"mov,mp4,m4a,3gp,3g2,mj2", true, true, false, 1920, 1080, rat(24000, 1001), true, rat(1001, 24000),
             100000, "h264", "aac", 48000, 2, "bt709"};
  v->shot = 1;
  v->take = 3;
  v->rating = 4;
  v->notes = "good take\n\"quoted\", \xc3\xbcnicode, tab\t, [brackets] {braces}";
  model::MediaItem* img = &p.media[1];
  img->info = {"png_pipe", false, false, true, 3840, 2160, rat(0, 1), false, rat(1, 25), 1, "png", "", 0, 0, ""};
  model::MediaItem* a = &p.media[2];
  a->info = {"wav", false, true, false, 0, 0, rat(0, 1), false, rat(1, 48000), 48000 * 600, "", "pcm_s24le", 48000,
             2, ""};
  a->rating = 5;
}

// A grade with every field set away from its default (the LUT file does not exist).
inline color::Grade fancyGrade() {
  color::Grade g;
  g.normalise = {12.5, -3.25, 0.75, 1.2, 0.2, {0.01, 0.02, 0.03, 0.04}, {1.1, 0.9, 1.05, 0.95},
                 {1.2, 1.1, 0.8, 1.01}, {-0.01, 0.0, 0.02, 0.001}, 1.1, 0.1, -0.05, -0.2};
  g.creative.curves.master = {{0.0, 0.02}, {0.5, 0.55}, {1.0, 0.97}};
  g.creative.curves.red = {{0.0, 0.0}, {1.0, 0.95}};
  g.creative.curves.blue = {{0.25, 0.2}, {0.75, 0.8}};
  g.creative.split = {210.0, 0.3, 40.0, 0.2, -0.25};
  g.creative.lut = {"/luts/film look.cube", 0.65};
  return g;
}

// A timeline grade with every field set away from its default.
inline color::TimelineGrade fancyTimelineGrade() {
  color::TimelineGrade t;
  t.grade.normalise.exposure = -0.25;
  t.grade.normalise.saturation = 0.9;
  t.grade.creative.split = {200.0, 0.1, 35.0, 0.15, 0.1};
  t.film.halation = {0.3, 0.8, 0.02, 0.9};
  t.film.vignette = {0.15, 0.5, 0.6};
  t.film.ceiling = {0.95, 0.75};
  t.film.grain = {0.03, 1.5, 0.6};
  return t;
}

// A clip with every field set away from its default.
inline model::Clip fancyClip(model::Project& p, model::MediaId media) {
  model::Clip c;
  c.id = model::ClipId{p.nextId++};
  c.media = media;
  c.start = time::FramePos{10};
  c.duration = time::FrameCount{50};
  c.sourceIn = 100;
  c.speed = rat(17, 20);
  c.enabled = false;
  c.linkGroup = 7;
  c.name = "Shot 1 \xe2\x80\x94 hero";
  c.audio.gainDb = -6.25;
  c.audio.fadeIn = time::FrameCount{5};
  c.audio.fadeOut = time::FrameCount{7};
  c.audio.fadeShape = model::FadeShape::SCurve;
  c.audio.volume = {{0, 0.0}, {4800, -9.0}, {24000, -9.0}, {30000, 1.5}};
  c.audio.preservePitch = false;
  c.grade = fancyGrade();
  c.reframe = {1.25, 0.1, -0.05, 2.5};
  return c;
}

// A plain clip of `duration` frames at `start`.
inline model::Clip plainClip(model::Project& p, model::MediaId media, std::int64_t start, std::int64_t duration,
                             std::int64_t sourceIn, const std::string& name) {
  model::Clip c;
  c.id = model::ClipId{p.nextId++};
  c.media = media;
  c.start = time::FramePos{start};
  c.duration = time::FrameCount{duration};
  c.sourceIn = sourceIn;
  c.name = name;
  return c;
}

// A project with every model field set to a non-default value somewhere; media files live in `mediaDir`.
inline model::Project makeFullProject(const fs::path& mediaDir) {
  model::Project p = model::Project::createDefault("Demo Project");
  addFullMedia(p, mediaDir);
  const model::MediaId video = p.media[0].id, image = p.media[1].id, audio = p.media[2].id;
  model::Bin selects{model::BinId{p.nextId++}, "Selects", p.bins[0].id, {video, image}};
  p.bins.push_back(selects);
  model::Sequence& s = p.sequences[0];
  s.settings = {3840, 2160, time::FrameRate::make(rat(30000, 1001)).value(), model::ColorSpace::Rec2020, 48000,
                fancyTimelineGrade(), model::MixSettings{-2.5, -23.0, -2.0, false}};
  model::Track& v2 = model::addTrack(p, s, model::TrackKind::Video);
  v2.muted = true;
  v2.clips.push_back(plainClip(p, image, 5, 24, 0, "Title"));
  v2.clips.back().reverse = true;
  v2.clips.back().freeze = true;
  model::Track& v1 = s.tracks[0];
  v1.clips.push_back(fancyClip(p, video));
  v1.clips.push_back(plainClip(p, video, 60, 40, 1000, "Shot 2"));
  s.transitions.push_back({model::TransitionId{p.nextId++}, v1.id, v1.clips[0].id, v1.clips[1].id,
                           model::TransitionKind::CrossDissolve, time::FrameCount{8},
                           model::TransitionAlign::CenterOnCut});
  model::Track* a1 = &s.tracks[2];
  a1->locked = true;
  a1->volumeDb = -3.5;
  a1->pan = -0.25;
  a1->solo = true;
  a1->eq.push_back({model::EqBandType::Notch, 3150.0, 0.0, 12.0, true});
  a1->eq.push_back({model::EqBandType::HighPass, 80.0, 0.0, 0.707, false});
  a1->compressor = {true, -18.0, 3.0, 5.0, 250.0, 4.0, 2.0};
  a1->clips.push_back(plainClip(p, audio, 10, 50, 48000, "VO 1"));
  a1->clips.back().linkGroup = 7;
  a1->clips.push_back(plainClip(p, audio, 60, 30, 200000, "VO 2"));
  s.transitions.push_back({model::TransitionId{p.nextId++}, a1->id, a1->clips[0].id, a1->clips[1].id,
                           model::TransitionKind::AudioCrossfade, time::FrameCount{6}, model::TransitionAlign::EndAtCut});
  s.markers.push_back({model::MarkerId{p.nextId++}, time::FramePos{12}, time::FrameCount{24}, "Beat", "red", "cut here"});
  s.markers.push_back({model::MarkerId{p.nextId++}, time::FramePos{0}, time::FrameCount{0}, "", "blue", ""});
  model::Sequence alt = model::makeDefaultSequence(p, "Alt (9:16)");
  alt.settings.width = 1080;
  alt.settings.height = 1920;
  p.sequences.push_back(std::move(alt));
  return p;
}

}  // namespace postline::project::testing
