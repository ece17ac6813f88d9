#pragma once
// How the Audio page shows levels: one decimal, "-inf" for silence; the shown value is what the
// strips' getters return (tests read what a person reads).
#include <QString>
#include <cmath>

namespace postline::ui::mixfmt {

// `v` rounded to the 0.1 the page shows (-inf and NaN stay as they are).
inline double shown(double v) { return std::isfinite(v) ? std::round(v * 10.0) / 10.0 : v; }

// "-23.0", "+3.5" (with `sign`), or "-inf".
inline QString text(double v, bool sign = false) {
  if (!std::isfinite(v)) return QStringLiteral("-inf");
  const double s = shown(v);
  QString t = QString::number(s, 'f', 1);
  if (sign && s > 0.0) t.prepend(QLatin1Char('+'));
  return t.replace(QLatin1Char('-'), QChar(0x2212));
}

}  // namespace postline::ui::mixfmt
