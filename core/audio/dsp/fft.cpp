#include "core/audio/dsp/fft.h"

#include <bit>
#include <numbers>
#include <utility>

namespace postline::audio::dsp {

void fftInPlace(std::vector<std::complex<double>>& data) {
  const std::size_t n = data.size();
  if (n <= 1 || !std::has_single_bit(n)) return;
  for (std::size_t i = 1, j = 0; i < n; ++i) {  // bit-reversal permutation
    std::size_t bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) std::swap(data[i], data[j]);
  }
  for (std::size_t len = 2; len <= n; len <<= 1) {
    const double angle = -2.0 * std::numbers::pi / static_cast<double>(len);
    const std::size_t half = len / 2;
    for (std::size_t k = 0; k < half; ++k) {
      const std::complex<double> w = std::polar(1.0, angle * static_cast<double>(k));
      for (std::size_t i = k; i < n; i += len) {
        const std::complex<double> u = data[i], v = data[i + half] * w;
        data[i] = u + v;
        data[i + half] = u - v;
      }
    }
  }
}

}  // namespace postline::audio::dsp
