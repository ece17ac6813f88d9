#pragma once
// The Deliver page: one button per delivery preset with its facts (size, fps, codec, bitrate,
// loudness target, duration limit), ticked and sent together ("render once, encode many"); a reframe
// view over a program viewer for 4:5, 9:16 and 1:1 (the auto window per clip, dragged to override
// with a key at the playhead, letterbox as an option); the over-limit check before a job starts; and
// the queue (exporting::ExportQueue: each job a separate `postline-cli export` process) with
// progress, fps, ETA, status, cancel, retry, reveal, report. Finished files join the 05_Exports bin.
#include <QString>
#include <QWidget>
#include <optional>
#include <vector>

#include "core/export/preset.h"
#include "core/model/ids.h"
#include "core/time/time_range.h"

class QButtonGroup;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QVBoxLayout;

namespace postline::ui {

class ProjectController;

namespace deliver {
class ExportsImporter;
class PresetCard;
class QueuePanel;
class ReframeView;
}  // namespace deliver

class DeliverPage : public QWidget {
  Q_OBJECT

 public:
  explicit DeliverPage(ProjectController& controller, QWidget* parent = nullptr);
  ~DeliverPage() override;

  // The postline-cli program jobs run (default: beside the running program, else found in PATH).
  void setCliPath(const QString& path);
  QString cliPath() const;

  // --- Added for the window and the tests ----------------------------------------------------
  // Re-reads the presets (shipped + the user's) and rebuilds the cards.
  void reloadPresets();
  const std::vector<exporting::Preset>& presets() const { return m_presets; }
  deliver::PresetCard* card(const QString& presetId) const;
  deliver::QueuePanel& queue() { return *m_queue; }
  deliver::ReframeView& reframeView() { return *m_reframe; }
  QPushButton& exportButton() { return *m_export; }

  // The range exported: the whole sequence, or the in/out marks (when set).
  enum class RangeChoice { WholeSequence, InOut };
  void setRangeChoice(RangeChoice choice);
  RangeChoice rangeChoice() const;
  // Sequence frames delivered (end excluded); nullopt = the whole sequence.
  std::optional<time::FrameRange> exportRange() const;
  // Folder the files go to (default: 05_Exports beside the project file).
  void setOutputFolder(const QString& folder);
  QString outputFolder() const;

  // Sends the ticked presets / one preset to the queue after the checks (a saved project, the
  // duration limits); returns the queue rows added (empty when nothing was queued).
  std::vector<int> exportTicked();
  std::vector<int> exportPreset(const QString& presetId);

 signals:
  void jobQueued(int row);
  // Finished deliveries were added to 05_Exports (the new media ids).
  void exportsImported(const std::vector<postline::model::MediaId>& added);

 private:
  QWidget* buildPresetColumn();
  QWidget* buildOptions();
  void rebuildCards();
  void updateSequenceFacts();
  void updateRangeText();
  void updateDefaultFolder();
  std::vector<int> submit(std::vector<exporting::Preset> presets);
  bool ensureSaved();
  bool checkLimits(const std::vector<exporting::Preset>& presets, int& overLimit);
  std::optional<int> queueGroup(const std::vector<exporting::Preset>& presets, bool letterbox, int overLimit);

  ProjectController& m_ctl;
  QString m_cli;
  std::vector<exporting::Preset> m_presets;
  std::vector<deliver::PresetCard*> m_cards;
  QVBoxLayout* m_cardLayout = nullptr;
  QLabel* m_presetProblems = nullptr;
  QRadioButton* m_whole = nullptr;
  QRadioButton* m_inOut = nullptr;
  QLabel* m_rangeText = nullptr;
  QLineEdit* m_folder = nullptr;
  bool m_folderChosen = false;
  QPushButton* m_export = nullptr;
  deliver::ReframeView* m_reframe = nullptr;
  deliver::QueuePanel* m_queue = nullptr;
  deliver::ExportsImporter* m_importer = nullptr;
  int m_jobCounter = 0;
};

}  // namespace postline::ui
