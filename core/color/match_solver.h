#pragma once
// A small bounded Levenberg-Marquardt least-squares solver for colour match (internal).
#include <functional>
#include <vector>

namespace postline::color {

// Residual function: fills r (any length, the same on every call) for parameters p.
using ResidualFn = std::function<void(const std::vector<double>& p, std::vector<double>& r)>;

// Minimises sum r(p)^2 over the `active` parameters (the others keep their values), each kept
// within [lower, upper]; forward-difference Jacobian; at most `iterations` accepted-or-rejected
// steps. p holds the start on entry and the best point found on return.
void solveLeastSquares(const ResidualFn& residuals, std::vector<double>& p, const std::vector<bool>& active,
                       const std::vector<double>& lower, const std::vector<double>& upper, int iterations);

}  // namespace postline::color
