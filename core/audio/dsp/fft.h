#pragma once
// In-place iterative radix-2 FFT (no external library); for analysis, not for real-time use.
#include <complex>
#include <vector>

namespace postline::audio::dsp {

// Forward DFT in place: X[k] = sum_n x[n] exp(-2 pi i k n / N), no scaling. N = data.size() must
// be a power of two (N <= 1 is left as is; other sizes are left unchanged).
void fftInPlace(std::vector<std::complex<double>>& data);

}  // namespace postline::audio::dsp
