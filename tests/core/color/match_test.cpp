#include "core/color/match.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "core/color/color_science.h"
#include "core/color/grade_cpu.h"
#include "tests/core/color/match_scenes.h"

namespace postline::color {
namespace {

using namespace match_scenes;

// A cast in linear light: y = gain_c * 2^stops * x^gamma + offset_c.
struct Cast {
  const char* name;
  Rgb gain;
  double stops;
  double gamma;
  Rgb offset;
};

const Cast kCasts[] = {
    {"cool -0.4 stops", {0.85f, 0.97f, 1.15f}, -0.4, 1.0, {0, 0, 0}},
    {"warm +0.3 stops", {1.18f, 1.0f, 0.82f}, 0.3, 1.0, {0.002f, 0.001f, 0.0f}},
    {"contrasty, slightly magenta", {1.06f, 0.95f, 1.04f}, 0.2, 1.25, {0, 0, 0}},
    {"flat, lifted, green", {0.95f, 1.08f, 0.97f}, -0.2, 0.85, {0.004f, 0.005f, 0.004f}},
    {"strong tungsten, beyond WB", {1.5f, 1.0f, 0.55f}, 0.0, 1.1, {0, 0, 0.002f}},
};

ImageF applyCast(const ImageF& src, const Cast& cast) {
  ImageF out = src;
  const double k = std::exp2(cast.stops);
  for (std::size_t i = 0; i < out.pixels(); ++i)
    for (int c = 0; c < 3; ++c) {
      float& v = out.rgba[i * 4 + c];
      v = static_cast<float>(cast.gain[c] * k * std::pow(v, cast.gamma) + cast.offset[c]);
    }
  return out;
}

ImageF graded(const ImageF& src, const Normalise& n) {
  ImageF out = src;
  for (std::size_t i = 0; i < out.pixels(); ++i) {
    float* p = &out.rgba[i * 4];
    const Rgb c = applyNormalise({p[0], p[1], p[2]}, n);
    p[0] = c[0], p[1] = c[1], p[2] = c[2];
  }
  return out;
}

double meanDeltaE(const ImageF& a, const ImageF& b) {
  double sum = 0.0;
  for (std::size_t i = 0; i < a.pixels(); ++i) {
    const float* p = &a.rgba[i * 4];
    const float* q = &b.rgba[i * 4];
    sum += deltaE2000(rec709ToLab({p[0], p[1], p[2]}), rec709ToLab({q[0], q[1], q[2]}));
  }
  return sum / static_cast<double>(a.pixels());
}

TEST(MatchTest, MatchesCastsBackToTheReferenceOnSeveralScenes) {
  for (int scene = 0; scene < 3; ++scene) {
    const ImageF reference = makeScene(scene);
    for (const Cast& cast : kCasts) {
      const ImageF clip = applyCast(reference, cast);
      const auto match = matchGrade(clip, reference);
      ASSERT_TRUE(match.ok()) << match.error().message;
      const double before = meanDeltaE(clip, reference);
      const double after = meanDeltaE(graded(clip, *match), reference);
      std::printf("scene %d, %-28s mean dE00 before %6.2f after %5.2f (T %.1f, tint %.1f, exp %.2f, contrast %.2f)\n",
                  scene, cast.name, before, after, match->temperature, match->tint, match->exposure, match->contrast);
      EXPECT_GT(before, 4.0) << "scene " << scene << ", " << cast.name;
      EXPECT_LE(after, 2.0) << "scene " << scene << ", " << cast.name;
      EXPECT_LT(after, before / 3.0) << "scene " << scene << ", " << cast.name;
    }
  }
}

// A cast, an exposure error and a contrast error together, on every scene.
TEST(MatchTest, MatchesCastWithExposureAndContrastErrors) {
  const Cast combined[] = {
      {"warm, +1 stop, flat", {1.12f, 1.0f, 0.86f}, 1.0, 0.8, {0, 0, 0}},
      {"cool, -1 stop, contrasty", {0.9f, 1.0f, 1.12f}, -1.0, 1.3, {0, 0, 0}},
  };
  for (int scene = 0; scene < 3; ++scene) {
    const ImageF reference = makeScene(scene);
    for (const Cast& cast : combined) {
      const ImageF clip = applyCast(reference, cast);
      const auto match = matchGrade(clip, reference);
      ASSERT_TRUE(match.ok()) << match.error().message;
      const double before = meanDeltaE(clip, reference);
      const double after = meanDeltaE(graded(clip, *match), reference);
      std::printf("scene %d, %-26s mean dE00 before %6.2f after %5.2f (T %.1f, tint %.1f, exp %.2f, contrast %.2f)\n",
                  scene, cast.name, before, after, match->temperature, match->tint, match->exposure, match->contrast);
      EXPECT_LE(after, 2.0) << "scene " << scene << ", " << cast.name;
      EXPECT_LT(after, before / 3.0) << "scene " << scene << ", " << cast.name;
    }
  }
}

// A clip two stops under (with and without a slight cast) is brought back by exposure.
TEST(MatchTest, MatchesAClipTwoStopsDarker) {
  const Cast dark[] = {
      {"2 stops under", {1.0f, 1.0f, 1.0f}, -2.0, 1.0, {0, 0, 0}},
      {"2 stops under, slightly cool", {0.95f, 1.0f, 1.06f}, -2.0, 1.0, {0, 0, 0}},
  };
  for (int scene = 0; scene < 3; ++scene) {
    const ImageF reference = makeScene(scene);
    for (const Cast& cast : dark) {
      const ImageF clip = applyCast(reference, cast);
      const auto match = matchGrade(clip, reference);
      ASSERT_TRUE(match.ok()) << match.error().message;
      const double before = meanDeltaE(clip, reference);
      const double after = meanDeltaE(graded(clip, *match), reference);
      std::printf("scene %d, %-28s mean dE00 before %6.2f after %5.2f (T %.1f, tint %.1f, exp %.2f, contrast %.2f)\n",
                  scene, cast.name, before, after, match->temperature, match->tint, match->exposure, match->contrast);
      EXPECT_LE(after, 2.0) << "scene " << scene << ", " << cast.name;
      EXPECT_GT(match->exposure, 1.5) << "scene " << scene << ", " << cast.name;  // exposure, not the wheels
    }
  }
}

// A rectangle of a picture, as fractions of its width and height.
struct Region {
  float x0, y0, x1, y1;
};

// CIELAB chroma of the mean colour of a region: 0 for a neutral grey.
double chromaOf(const ImageF& img, const Region& r) {
  Vec3 sum{0, 0, 0};
  int count = 0;
  for (int y = static_cast<int>(r.y0 * img.height); y < static_cast<int>(r.y1 * img.height); ++y)
    for (int x = static_cast<int>(r.x0 * img.width); x < static_cast<int>(r.x1 * img.width); ++x, ++count)
      for (int c = 0; c < 3; ++c) sum[c] += img.at(x, y)[c];
  for (double& v : sum) v /= count;
  const Vec3 lab = rec709ToLab(sum);
  return std::hypot(lab[1], lab[2]);
}

// A shot and where its neutral grey is.
struct Shot {
  const char* name;
  ImageF image;
  Region grey;
};

void expectPlausible(const Normalise& n, const std::string& what) {
  const MatchRange& p = kMatchPlausible;
  EXPECT_LE(std::abs(n.temperature), p.temperature) << what;
  EXPECT_LE(std::abs(n.tint), p.tint) << what;
  EXPECT_LE(std::abs(n.exposure), p.exposure) << what;
  EXPECT_GE(n.contrast, p.contrastMin) << what;
  EXPECT_LE(n.contrast, p.contrastMax) << what;
  for (int c = 0; c < 4; ++c) {
    EXPECT_LE(std::abs(n.lift[c]), p.lift) << what << ", lift " << c;
    EXPECT_GE(n.gamma[c], p.gammaMin) << what << ", gamma " << c;
    EXPECT_LE(n.gamma[c], p.gammaMax) << what << ", gamma " << c;
    EXPECT_GE(n.gain[c], p.gainMin) << what << ", gain " << c;
    EXPECT_LE(n.gain[c], p.gainMax) << what << ", gain " << c;
    EXPECT_EQ(n.offset[c], 0.0) << what;
  }
  EXPECT_EQ(n.saturation, 1.0) << what;
}

// Matching shots of different content (the real use that once gave temperature -100, gamma 7.4)
// gives moderate values and does not turn a neutral grey in the clip into a colour.
TEST(MatchTest, DifferentContentGivesPlausibleValuesAndKeepsNeutralsNeutral) {
  const Region card{kCardX + 0.02f, kCardY + 0.03f, 0.98f, 0.97f};
  const Region chartGrey{(3 + 0.2f) / 6, (3 + 0.2f) / 4, (3 + 0.8f) / 6, (3 + 0.8f) / 4};
  const Region sceneGrey{0.21f, 0.82f, 0.29f, 0.88f};
  const Shot coffee{"coffee", makeCoffee(), card}, kitchen{"kitchen", makeKitchen(), card};
  const Shot chart{"chart", makeChart(), chartGrey}, scene0{"scene 0", makeScene(0), sceneGrey};
  const Shot scene1{"scene 1", makeScene(1), sceneGrey};
  const std::pair<const Shot*, const Shot*> pairs[] = {{&coffee, &kitchen}, {&kitchen, &coffee}, {&coffee, &chart},
                                                       {&chart, &coffee},   {&scene0, &chart},   {&chart, &scene1},
                                                       {&coffee, &scene1},  {&kitchen, &scene0}};
  for (const auto& [clip, reference] : pairs) {
    const std::string what = std::string(clip->name) + " to " + reference->name;
    const auto match = matchGrade(clip->image, reference->image);
    ASSERT_TRUE(match.ok()) << match.error().message;
    const Normalise& n = *match;
    const double before = chromaOf(clip->image, clip->grey);
    const double after = chromaOf(graded(clip->image, n), clip->grey);
    std::printf("%-18s grey C* %4.2f -> %4.2f | T %5.1f tint %5.1f exp %5.2f con %4.2f lift %+.3f gamma %.2f gain %.2f"
                " | RGB lift %+.3f %+.3f %+.3f gamma %.2f %.2f %.2f gain %.2f %.2f %.2f\n",
                what.c_str(), before, after, n.temperature, n.tint, n.exposure, n.contrast, n.lift[3], n.gamma[3],
                n.gain[3], n.lift[0], n.lift[1], n.lift[2], n.gamma[0], n.gamma[1], n.gamma[2], n.gain[0], n.gain[1],
                n.gain[2]);
    expectPlausible(n, what);
    EXPECT_LE(after, before + 1.5) << what;  // C*ab
  }
}

// A clip over-exposed by a stop (highlights clipped at 1) and with noise still gets its cast
// corrected: clipped quantiles are left out and noisy shadows do not read as different content.
TEST(MatchTest, ClippedHighlightsAndNoiseStillMatchTheCast) {
  const ImageF reference = makeScene(0);
  for (const Cast& base : {kCasts[0], kCasts[1]}) {
    Cast cast = base;
    cast.stops += 1.0;
    ImageF clip = applyCast(reference, cast);
    for (std::size_t i = 0; i < clip.rgba.size(); ++i) {
      const float noise = 0.017f * (2.0f * hashNoise(static_cast<int>(i), 3, 99) - 1.0f);
      if (i % 4 != 3) clip.rgba[i] = std::min(1.0f, clip.rgba[i] + noise);
    }
    const auto match = matchGrade(clip, reference);
    ASSERT_TRUE(match.ok());
    const double before = meanDeltaE(clip, reference);
    const double after = meanDeltaE(graded(clip, *match), reference);
    std::printf("%-28s +1 stop, clipped, noisy: mean dE00 before %6.2f after %5.2f (T %.1f, exp %.2f)\n",
                base.name, before, after, match->temperature, match->exposure);
    EXPECT_LT(after, before / 2.0) << base.name;  // clipping and noise stay
    // It warms a cool cast and cools a warm one.
    EXPECT_GT(match->temperature * (base.gain[2] - base.gain[0]), 0.0) << base.name;
  }
}

// A crop of another part of the same scene is, statistically, different content: the match may
// not undo the cast, but must not make the picture worse.
TEST(MatchTest, ReframedShotIsNotMadeWorse) {
  const ImageF wide = makeScene(1, 480, 270);
  const auto crop = [&](int x0, int y0) {
    ImageF out(320, 180);
    for (int y = 0; y < 180; ++y)
      for (int x = 0; x < 320; ++x) std::copy_n(wide.at(x0 + x, y0 + y), 4, out.at(x, y));
    return out;
  };
  const ImageF reference = crop(0, 0), truth = crop(160, 90);
  for (const Cast& cast : kCasts) {
    const ImageF clip = applyCast(truth, cast);
    const auto match = matchGrade(clip, reference);
    ASSERT_TRUE(match.ok());
    const double before = meanDeltaE(clip, truth);
    const double after = meanDeltaE(graded(clip, *match), truth);
    std::printf("reframed, %-28s mean dE00 before %6.2f after %5.2f (T %.1f, tint %.1f, exp %.2f)\n", cast.name, before,
                after, match->temperature, match->tint, match->exposure);
    expectPlausible(*match, cast.name);
    EXPECT_LE(after, before + 1.0) << cast.name;
  }
}

// Without colour, white balance and the channel wheels stay at identity.
TEST(MatchTest, WithoutColourOnlyToneIsMatched) {
  const ImageF reference = makeScene(2);
  const auto match = matchGrade(applyCast(reference, kCasts[0]), reference, MatchOptions{.colour = false});
  ASSERT_TRUE(match.ok());
  EXPECT_EQ(match->temperature, 0.0);
  EXPECT_EQ(match->tint, 0.0);
  for (int c = 0; c < 3; ++c) {
    EXPECT_EQ(match->lift[c], 0.0);
    EXPECT_EQ(match->gamma[c], 1.0);
    EXPECT_EQ(match->gain[c], 1.0);
  }
  EXPECT_GT(match->exposure, 0.2);  // the clip is 0.4 stops under
}

TEST(MatchTest, CoolCastGivesWarmerAndBrighterValues) {
  const ImageF reference = makeScene(1);
  const auto match = matchGrade(applyCast(reference, kCasts[0]), reference);
  ASSERT_TRUE(match.ok());
  EXPECT_GT(match->temperature, 20.0);  // the clip is too blue: warm it up
  EXPECT_GT(match->exposure + std::log2(match->gamma[3]), 0.0);  // and brighten it
}

TEST(MatchTest, MatchingAPictureToItselfGivesNearIdentity) {
  for (int scene = 0; scene < 3; ++scene) {
    const ImageF img = makeScene(scene);
    const auto match = matchGrade(img, img);
    ASSERT_TRUE(match.ok());
    const Normalise& n = *match;
    EXPECT_NEAR(n.temperature, 0.0, 0.5);
    EXPECT_NEAR(n.tint, 0.0, 0.5);
    EXPECT_NEAR(n.exposure, 0.0, 0.01);
    EXPECT_NEAR(n.contrast, 1.0, 0.01);
    for (int c = 0; c < 4; ++c) {
      EXPECT_NEAR(n.lift[c], 0.0, 0.005) << c;
      EXPECT_NEAR(n.gamma[c], 1.0, 0.01) << c;
      EXPECT_NEAR(n.gain[c], 1.0, 0.01) << c;
      EXPECT_EQ(n.offset[c], 0.0);
    }
    EXPECT_EQ(n.saturation, 1.0);
    EXPECT_LT(meanDeltaE(graded(img, n), img), 0.05);
  }
}

TEST(MatchTest, DifferentSizesAreMatchedByStatistics) {
  const ImageF reference = makeScene(2, 640, 360);
  const ImageF clip = applyCast(makeScene(2, 320, 180), kCasts[1]);
  const auto match = matchGrade(clip, reference);
  ASSERT_TRUE(match.ok());
  EXPECT_LE(meanDeltaE(graded(clip, *match), makeScene(2, 320, 180)), 2.0);
}

TEST(MatchTest, MatchAllMatchesEveryClip) {
  const ImageF reference = makeScene(0);
  std::vector<ImageF> clips;
  for (const Cast& cast : kCasts) clips.push_back(applyCast(reference, cast));
  const auto all = matchAll(clips, reference);
  ASSERT_TRUE(all.ok()) << all.error().message;
  ASSERT_EQ(all->size(), clips.size());
  for (std::size_t i = 0; i < clips.size(); ++i) {
    const auto one = matchGrade(clips[i], reference);
    ASSERT_TRUE(one.ok());
    EXPECT_EQ((*all)[i], *one) << i;
    EXPECT_LE(meanDeltaE(graded(clips[i], (*all)[i]), reference), 2.0) << i;
  }
  EXPECT_TRUE(matchAll({}, reference).ok());
}

TEST(MatchTest, EmptyOrMismatchedInputsAreInvalidArguments) {
  const ImageF good = makeScene(0, 64, 36);
  ImageF broken(64, 36);
  broken.rgba.resize(10);  // buffer does not match width*height*4
  ImageF nans(8, 8);
  std::fill(nans.rgba.begin(), nans.rgba.end(), std::nanf(""));
  for (const auto& r : {matchGrade(ImageF{}, good), matchGrade(good, ImageF{}), matchGrade(broken, good),
                        matchGrade(good, broken), matchGrade(nans, good)}) {
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.error().code, base::ErrorCode::InvalidArgument);
    EXPECT_NE(r.error().message.find("colour match"), std::string::npos) << r.error().message;
  }
  const auto badOptions = matchGrade(good, good, MatchOptions{.maxSamples = 10});
  ASSERT_FALSE(badOptions.ok());
  EXPECT_EQ(badOptions.error().code, base::ErrorCode::InvalidArgument);
  std::vector<ImageF> clips{good, ImageF{}};
  const auto all = matchAll(clips, good);
  ASSERT_FALSE(all.ok());
  EXPECT_NE(all.error().message.find("clip 1"), std::string::npos) << all.error().message;
}

}  // namespace
}  // namespace postline::color
