#pragma once
// Helpers of the viewer tests: reading the burnt-in frame number back from a rendered QImage.
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <cstdint>

#include "core/media/frame_number.h"

namespace postline::ui::testing {

// The frame number burnt into a picture of `mediaWidth` pixels wide that fills the width of
// `image` (any render size): 16 blocks read from the green channel at their centres; -1 if unclear.
inline std::int64_t readBurntNumber(const QImage& image, int mediaWidth) {
  if (image.isNull() || mediaWidth <= 0) return -1;
  const double block = double(media::kFrameCodeBlock) * image.width() / mediaWidth;
  std::int64_t n = 0;
  for (int row = 0; row < 4; ++row) {
    for (int col = 0; col < 4; ++col) {
      const int g = qGreen(image.pixel(int((col + 0.5) * block), int((row + 0.5) * block)));
      if (g > 60 && g < 190) return -1;
      if (g >= 190) n |= std::int64_t{1} << (15 - (row * 4 + col));
    }
  }
  return n;
}

// Waits up to `ms` for `pred`; true when it held.
template <class Pred>
bool waitFor(Pred pred, int ms = 20000) {
  return QTest::qWaitFor(pred, ms);
}

}  // namespace postline::ui::testing
