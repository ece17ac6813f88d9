#pragma once
// Small pieces the Audio page's strips share: the compact spin box, and slider gestures that merge
// into one undo command (a drag merges under a key; the release closes the gesture).
#include <QAbstractSlider>
#include <QDoubleSpinBox>
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
