#include "core/color/match_solver.h"

#include <algorithm>
#include <cmath>

namespace postline::color {
namespace {

double sumSquares(const std::vector<double>& r) {
  double s = 0.0;
  for (double v : r) s += v * v;
  return s;
}

// Solves A x = b (n x n, row-major) by Gaussian elimination with partial pivoting; false when
// singular.
bool solveLinear(std::vector<double> a, std::vector<double> b, int n, std::vector<double>& x) {
  for (int col = 0; col < n; ++col) {
    int pivot = col;
    for (int row = col + 1; row < n; ++row)
      if (std::abs(a[row * n + col]) > std::abs(a[pivot * n + col])) pivot = row;
    if (std::abs(a[pivot * n + col]) < 1e-300) return false;
    if (pivot != col) {
      for (int k = 0; k < n; ++k) std::swap(a[col * n + k], a[pivot * n + k]);
      std::swap(b[col], b[pivot]);
    }
    for (int row = col + 1; row < n; ++row) {
      const double f = a[row * n + col] / a[col * n + col];
      for (int k = col; k < n; ++k) a[row * n + k] -= f * a[col * n + k];
      b[row] -= f * b[col];
    }
  }
  x.assign(n, 0.0);
  for (int row = n - 1; row >= 0; --row) {
    double s = b[row];
    for (int k = row + 1; k < n; ++k) s -= a[row * n + k] * x[k];
    x[row] = s / a[row * n + row];
  }
  return true;
}

// Forward-difference Jacobian of the residuals over the active parameters (column-major).
std::vector<double> jacobian(const ResidualFn& f, std::vector<double> p, const std::vector<int>& idx,
                             const std::vector<double>& r0) {
  constexpr double kStep = 1e-4;
  std::vector<double> jac(r0.size() * idx.size());
  std::vector<double> r;
  for (std::size_t j = 0; j < idx.size(); ++j) {
    const double saved = p[idx[j]];
    p[idx[j]] = saved + kStep;
    f(p, r);
    p[idx[j]] = saved;
    for (std::size_t i = 0; i < r0.size(); ++i) jac[j * r0.size() + i] = (r[i] - r0[i]) / kStep;
  }
  return jac;
}

// J^T J (n x n) and -J^T r of a column-major Jacobian with n columns.
void normalEquations(const std::vector<double>& jac, const std::vector<double>& r, int n, std::vector<double>& a,
                     std::vector<double>& g) {
  const std::size_t m = r.size();
  a.assign(static_cast<std::size_t>(n) * n, 0.0);
  g.assign(n, 0.0);
  for (int j = 0; j < n; ++j) {
    for (int k = 0; k <= j; ++k) {
      double s = 0.0;
      for (std::size_t i = 0; i < m; ++i) s += jac[j * m + i] * jac[k * m + i];
      a[j * n + k] = a[k * n + j] = s;
    }
    for (std::size_t i = 0; i < m; ++i) g[j] -= jac[j * m + i] * r[i];
  }
}

}  // namespace

void solveLeastSquares(const ResidualFn& residuals, std::vector<double>& p, const std::vector<bool>& active,
                       const std::vector<double>& lower, const std::vector<double>& upper, int iterations) {
  std::vector<int> idx;
  for (std::size_t i = 0; i < p.size(); ++i)
    if (active[i]) idx.push_back(static_cast<int>(i));
  const int n = static_cast<int>(idx.size());
  std::vector<double> r;
  residuals(p, r);
  double cost = sumSquares(r);
  double lambda = 1e-3;
  std::vector<double> jac = jacobian(residuals, p, idx, r);
  for (int it = 0; it < iterations && n > 0; ++it) {
    std::vector<double> a, g, step;
    normalEquations(jac, r, n, a, g);
    for (int j = 0; j < n; ++j) a[j * n + j] += lambda * (a[j * n + j] + 1e-9);
    if (!solveLinear(a, g, n, step)) break;
    std::vector<double> trial = p;
    double stepSize = 0.0;
    for (int j = 0; j < n; ++j) {
      trial[idx[j]] = std::clamp(p[idx[j]] + step[j], lower[idx[j]], upper[idx[j]]);
      stepSize = std::max(stepSize, std::abs(trial[idx[j]] - p[idx[j]]));
    }
    std::vector<double> rTrial;
    residuals(trial, rTrial);
    const double trialCost = sumSquares(rTrial);
    if (trialCost < cost) {
      p = std::move(trial);
      r = std::move(rTrial);
      const bool converged = cost - trialCost < 1e-12 * (1.0 + cost) && stepSize < 1e-7;
      cost = trialCost;
      lambda = std::max(lambda / 3.0, 1e-9);
      if (converged) break;
      jac = jacobian(residuals, p, idx, r);
    } else {
      lambda *= 4.0;
      if (lambda > 1e8) break;
    }
  }
}

}  // namespace postline::color
