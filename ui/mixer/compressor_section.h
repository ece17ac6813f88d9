#pragma once
// A strip's compressor: on/off, the seed's "2:1 at -12 dB" preset, threshold, ratio, attack,
// release and makeup, and the gain reduction it applies now (from the live meters).
#include <QGroupBox>

#include "core/model/sequence.h"

class QCheckBox;
class QDoubleSpinBox;
class QLabel;

namespace postline::ui {

class ProjectController;

class CompressorSection : public QGroupBox {
  Q_OBJECT

 public:
  CompressorSection(ProjectController& controller, model::TrackId track, QWidget* parent = nullptr);

  void refresh(const model::Track& track);
  // The gain reduction shown (dB, >= 0).
  void setGainReduction(double db);
  double gainReductionShown() const { return m_grShown; }
  // What the preset button does: the compressor on at 2:1 above -12 dBFS (other defaults).
  void applyPreset();
  QCheckBox* enabledBox() const { return m_on; }

 private:
  void editCompressor();

  ProjectController& m_controller;
  model::TrackId m_track;
  model::Compressor m_current;
  QCheckBox* m_on = nullptr;
  QDoubleSpinBox* m_threshold = nullptr;
  QDoubleSpinBox* m_ratio = nullptr;
  QDoubleSpinBox* m_attack = nullptr;
  QDoubleSpinBox* m_release = nullptr;
  QDoubleSpinBox* m_makeup = nullptr;
  QLabel* m_gr = nullptr;
  double m_grShown = 0.0;
};

}  // namespace postline::ui
