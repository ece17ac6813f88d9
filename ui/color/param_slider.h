#pragma once
// A labelled slider with a numeric field for one grade parameter (a double in [min, max]).
// edited() fires while the slider is dragged or a field value is committed; gestureFinished()
// when the drag ends or the field commits (one undoable command per gesture). Double-click on
// the label resets to the default.
#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace postline::ui {

class ParamSlider : public QWidget {
  Q_OBJECT

 public:
  ParamSlider(const QString& label, double min, double max, double defaultValue, int decimals, QWidget* parent = nullptr);

  double value() const { return m_value; }
  void setValue(double value);  // no signal
  QSlider& slider() { return *m_slider; }
  QDoubleSpinBox& field() { return *m_field; }

 signals:
  void edited(double value);
  void gestureFinished();

 protected:
  bool eventFilter(QObject* watched, QEvent* event) override;

 private:
  int position(double value) const;
  void commit(double value, bool finished);

  double m_min, m_max, m_default, m_value;
  QLabel* m_label = nullptr;
  QSlider* m_slider = nullptr;
  QDoubleSpinBox* m_field = nullptr;
  bool m_updating = false;
};

}  // namespace postline::ui
