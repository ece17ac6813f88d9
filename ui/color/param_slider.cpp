#include "ui/color/param_slider.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace postline::ui {

namespace {
constexpr int kSteps = 1000;
}

ParamSlider::ParamSlider(const QString& label, double min, double max, double defaultValue, int decimals, QWidget* parent)
    : QWidget(parent), m_min(min), m_max(max), m_default(defaultValue), m_value(defaultValue) {
  auto* row = new QHBoxLayout(this);
  row->setContentsMargins(0, 0, 0, 0);
  row->setSpacing(6);
  m_label = new QLabel(label, this);
  m_label->setMinimumWidth(92);
  m_label->setToolTip(tr("Double-click resets"));
  m_label->installEventFilter(this);
  m_slider = new QSlider(Qt::Horizontal, this);
  m_slider->setRange(0, kSteps);
  m_field = new QDoubleSpinBox(this);
  m_field->setRange(min, max);
  m_field->setDecimals(decimals);
  m_field->setSingleStep(std::pow(10.0, -std::max(0, decimals - 1)));
  m_field->setKeyboardTracking(false);
  m_field->setMinimumWidth(72);
  setObjectName(label.toLower().remove(QLatin1Char(' ')));
  row->addWidget(m_label);
  row->addWidget(m_slider, 1);
  row->addWidget(m_field);
  connect(m_slider, &QSlider::valueChanged, this, [this](int pos) {
    if (!m_updating) commit(m_min + (m_max - m_min) * pos / kSteps, !m_slider->isSliderDown());
  });
  connect(m_slider, &QSlider::sliderReleased, this, &ParamSlider::gestureFinished);
  connect(m_field, &QDoubleSpinBox::valueChanged, this, [this](double v) {
    if (!m_updating) commit(v, true);
  });
  setValue(defaultValue);
}

int ParamSlider::position(double value) const {
  return int(std::lround((value - m_min) / (m_max - m_min) * kSteps));
}

void ParamSlider::setValue(double value) {
  m_value = std::clamp(value, m_min, m_max);
  m_updating = true;
  if (!m_slider->isSliderDown()) m_slider->setValue(position(m_value));
  m_field->setValue(m_value);
  m_updating = false;
}

void ParamSlider::commit(double value, bool finished) {
  setValue(value);
  emit edited(m_value);
  if (finished) emit gestureFinished();
}

bool ParamSlider::eventFilter(QObject* watched, QEvent* event) {
  if (watched == m_label && event->type() == QEvent::MouseButtonDblClick) {
    commit(m_default, true);
    return true;
  }
  return QWidget::eventFilter(watched, event);
}

}  // namespace postline::ui
