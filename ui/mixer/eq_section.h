#pragma once
// A strip's EQ: the band list (type, frequency, gain, Q), the selected band's controls, "+ Band",
// "+ Notch", remove, and "De-resonate 2-4 kHz" (core's deresonate, measured off the UI thread; its
// report is shown under the buttons).
#include <QGroupBox>
#include <vector>

#include "core/model/sequence.h"

class QListWidget;
class QComboBox;
class QDoubleSpinBox;
class QCheckBox;
class QPushButton;
class QLabel;
class QGridLayout;
class QHBoxLayout;

namespace postline::ui {

class ProjectController;

class EqSection : public QGroupBox {
  Q_OBJECT

 public:
  EqSection(ProjectController& controller, model::TrackId track, QWidget* parent = nullptr);

  // Shows the bands of `track` (the model after a change).
  void refresh(const model::Track& track);
  // Runs De-resonate (what its button does); the result arrives later (deresonateFinished).
  void deresonate();
  bool deresonating() const { return m_busy; }
  QString reportText() const;
  int bandCount() const { return static_cast<int>(m_bands.size()); }
  QPushButton* deresonateButton() const { return m_deres; }

 signals:
  void deresonateFinished(bool ok);

 private:
  QGridLayout* buildEditors();
  QHBoxLayout* buildButtons();
  void showSelected();
  void editSelected();
  void addBand(model::EqBandType type);
  void removeSelected();
  void applyBands(std::vector<model::EqBand> bands, const QString& label);

  ProjectController& m_controller;
  model::TrackId m_track;
  std::vector<model::EqBand> m_bands;
  QListWidget* m_list = nullptr;
  QComboBox* m_type = nullptr;
  QDoubleSpinBox* m_freq = nullptr;
  QDoubleSpinBox* m_gain = nullptr;
  QDoubleSpinBox* m_q = nullptr;
  QCheckBox* m_enabled = nullptr;
  QPushButton* m_deres = nullptr;
  QLabel* m_report = nullptr;
  bool m_busy = false;
};

}  // namespace postline::ui
