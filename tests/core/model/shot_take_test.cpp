#include <gtest/gtest.h>

#include "core/model/shot_take.h"

using postline::model::parseShotTake;

TEST(ShotTake, ReadsCommonGeneratorNames) {
  EXPECT_EQ(parseShotTake("Shot_01_Take_03.mp4").shot, 1);
  EXPECT_EQ(parseShotTake("Shot_01_Take_03.mp4").take, 3);
  EXPECT_EQ(parseShotTake("shot-12 take 2").shot, 12);
  EXPECT_EQ(parseShotTake("shot-12 take 2").take, 2);
  EXPECT_EQ(parseShotTake("SHOT07_TAKE10.mov").take, 10);
  EXPECT_EQ(parseShotTake("veo_sh010_tk2.mp4").shot, 10);
  EXPECT_EQ(parseShotTake("veo_sh010_tk2.mp4").take, 2);
}

TEST(ShotTake, NamesWithoutNumbersGiveZero) {
  EXPECT_EQ(parseShotTake("Music_Bed.wav").shot, 0);
  EXPECT_EQ(parseShotTake("Music_Bed.wav").take, 0);
  EXPECT_EQ(parseShotTake("screenshot.png").shot, 0);  // "shot" inside a word is not a shot number
  EXPECT_EQ(parseShotTake("Shot_1234567").shot, 0);
  EXPECT_EQ(parseShotTake("Shot_A_Take_B").take, 0);
}
