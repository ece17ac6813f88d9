#pragma once
// Small pieces the Audio page's strips share: the compact spin box, and slider gestures that merge
// into one undo command (a drag merges under a key; the release closes the gesture).
#include <QAbstractSlider>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QSlider>
#include <QString>

#include "ui/controller/project_controller.h"

namespace postline::ui {

// A keyboard-untracked spin box (a typed value is one edit) for `min .. max`.
inline QDoubleSpinBox* compactSpin(double min, double max, double step, int decimals, const QString& suffix) {
  auto* s = new QDoubleSpinBox;
  s->setRange(min, max);
  s->setSingleStep(step);
  s->setDecimals(decimals);
  s->setSuffix(suffix);
  s->setKeyboardTracking(false);
  s->setAccelerated(true);
  s->setButtonSymbols(QAbstractSpinBox::NoButtons);
  s->setAlignment(Qt::AlignRight);
  return s;
}

// Sets `s` to `v` without emitting (a refresh from the model is not an edit).
// A strip's vertical fader in tenths of a dB (ticks every 6 dB); `filter` sees its double-clicks.
inline QSlider* makeFader(const QString& name, int minTenths, int maxTenths, const QString& tip, QObject* filter) {
  auto* fader = new QSlider(Qt::Vertical);
  fader->setObjectName(name);
  fader->setRange(minTenths, maxTenths);
  fader->setPageStep(30);
  fader->setTickPosition(QSlider::TicksBothSides);
  fader->setTickInterval(60);
  fader->setToolTip(tip);
  fader->installEventFilter(filter);
  return fader;
}

// The small monospace text beside a strip's meter (its numbers).
inline QLabel* makeMeterReadout() {
  auto* readout = new QLabel;
  readout->setStyleSheet("font-family: monospace; font-size: 11px;");
  readout->setAlignment(Qt::AlignLeft | Qt::AlignTop);
  return readout;
}

inline void setQuietly(QDoubleSpinBox* s, double v) {
  const QSignalBlocker block(s);
  s->setValue(v);
}
inline void setQuietly(QAbstractSlider* s, int v) {
  if (s->isSliderDown()) return;  // the user holds it: the model follows the slider
  const QSignalBlocker block(s);
  s->setValue(v);
}

// The merge key of an edit from `slider`: `key` while it is held (one command per drag), else none.
inline QString gestureKey(const QAbstractSlider* slider, const QString& key) {
  return slider->isSliderDown() ? key : QString();
}

// Ends the controller's gesture when `slider` is released.
inline void closeOnRelease(QAbstractSlider* slider, ProjectController& ctl) {
  QObject::connect(slider, &QAbstractSlider::sliderReleased, &ctl, [&ctl] { ctl.closeGesture(); });
}

}  // namespace postline::ui
