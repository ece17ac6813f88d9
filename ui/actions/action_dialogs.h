#pragma once
// The small modal dialogs of the edit actions: a custom speed, a number of seconds, a marker name.
// Each returns nullopt when cancelled. Their widgets carry object names so tests can fill them.
#include <QString>
#include <optional>

class QWidget;

namespace postline::ui {

// What the custom speed dialog answers.
struct SpeedChoice {
  double percent = 100.0;  // 1 .. 1000 %, 100 = normal speed
  bool ripple = true;      // later clips move by the change in length
};

// "Speed…": a percent spin box ("speedPercent") and a "Ripple" check box ("speedRipple").
std::optional<SpeedChoice> askSpeed(QWidget* parent, double currentPercent);

// A number of seconds in [minSeconds, maxSeconds] (spin box "seconds", 0.1 s steps).
std::optional<double> askSeconds(QWidget* parent, const QString& title, const QString& label, double minSeconds,
                                 double maxSeconds, double value);

// A marker's name (line edit "markerName").
std::optional<QString> askMarkerName(QWidget* parent, const QString& current);

}  // namespace postline::ui
