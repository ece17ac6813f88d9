#pragma once
// What a mix action would do, shown before it is applied: the mix's loudness before -> after
// (integrated LUFS, true peak dBTP, range LU), the action's report lines and warnings; OK applies.
#include <QDialog>
#include <QString>
#include <string>
#include <vector>

#include "core/audio/loudness/analyzer.h"

class QLabel;

namespace postline::ui {

class MixResultDialog : public QDialog {
  Q_OBJECT

 public:
  MixResultDialog(const QString& title, const audio::loudness::LoudnessStats& before,
                  const audio::loudness::LoudnessStats& after, const std::vector<std::string>& report,
                  const std::vector<std::string>& warnings, QWidget* parent = nullptr);

  // The numbers shown (rounded as shown).
  double beforeIntegrated() const { return m_before.integratedLufs; }
  double afterIntegrated() const { return m_after.integratedLufs; }
  double afterTruePeak() const { return m_after.truePeakDbtp; }
  QString reportText() const;

 private:
  audio::loudness::LoudnessStats m_before, m_after;
  QLabel* m_report = nullptr;
};

}  // namespace postline::ui
