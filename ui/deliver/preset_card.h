#pragma once
// One delivery preset on the Deliver page: its name, its facts for the current sequence (size, fps,
// codec, bitrate window, loudness target, duration limit), a tick box ("send with the others") and
// "Export now" (this preset alone).
#include <QFrame>
#include <QStringList>

#include "core/export/preset.h"

class QCheckBox;
class QLabel;
class QPushButton;

namespace postline::ui::deliver {

// The facts shown on a card, one line each: "1920×1080 · 24 fps (sequence)",
// "H.264 High · 16–24 Mbit/s", "AAC 320 kb/s · −14 LUFS", "no duration limit" / "max 90 s".
QStringList presetFacts(const exporting::Preset& preset, int seqW, int seqH, const time::Rational& seqFps);

class PresetCard : public QFrame {
  Q_OBJECT

 public:
  explicit PresetCard(exporting::Preset preset, QWidget* parent = nullptr);

  const exporting::Preset& preset() const { return m_preset; }
  // Re-reads the facts for a sequence of this size and rate.
  void setSequence(int seqW, int seqH, const time::Rational& seqFps);
  bool isTicked() const;
  void setTicked(bool ticked);
  QString factsText() const;
  QCheckBox& tickBox() { return *m_tick; }
  QPushButton& exportNowButton() { return *m_now; }

 signals:
  void exportNowClicked(const QString& presetId);
  void tickChanged();

 private:
  exporting::Preset m_preset;
  QCheckBox* m_tick = nullptr;
  QLabel* m_facts = nullptr;
  QPushButton* m_now = nullptr;
};

}  // namespace postline::ui::deliver
