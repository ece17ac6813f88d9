#pragma once
// The Deliver page's reframe view: its own ProgramViewer with the crop window of a 4:5, 9:16 or 1:1
// delivery drawn over the clip under the playhead (exporting::Reframer, planned off the UI thread
// whenever the project, the aspect or the letterbox choice changes, and only while shown). Dragging
// the window sets a reframe key at the playhead's source picture (one command); "Clear keys"
// removes the clip's keys for the aspect; "Letterbox" makes jobs of that aspect letterbox.
#include <QWidget>
#include <QThreadPool>
#include <QTimer>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "core/export/reframe.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace postline::ui {
class ProjectController;
class ProgramViewer;
}  // namespace postline::ui

namespace postline::ui::deliver {

class ReframeOverlay;

class ReframeView : public QWidget {
  Q_OBJECT

 public:
  explicit ReframeView(ProjectController& controller, QWidget* parent = nullptr);
  ~ReframeView() override;

  ProgramViewer& viewer() { return *m_viewer; }
  ReframeOverlay& overlay() { return *m_overlay; }
  // The aspect shown: "4x5", "9x16" or "1x1".
  std::string aspect() const;
  void setAspect(const std::string& aspect);
  // Whether jobs of `aspect` are letterboxed (the tick box of that aspect).
  bool letterbox(const std::string& aspect) const;
  void setLetterbox(bool on);
  // The plan for the current project, aspect and mode (null while planning).
  std::shared_ptr<const exporting::Reframer> reframer() const { return m_reframer; }
  // The clip under the playhead whose window is drawn (invalid = none).
  model::ClipId currentClip() const;
  // Sets a key on the clip under the playhead so that its window centres on (cx, cy) of the frame.
  bool setWindowCentre(double cx, double cy);
  bool clearKeys();

 signals:
  void planned();
  void letterboxChanged(const QString& aspect, bool on);

 protected:
  void showEvent(QShowEvent* event) override;

 private:
  void schedulePlan();
  void plan();
  void planReady(int generation, std::shared_ptr<const exporting::Reframer> reframer, const QString& error);
  void updateWindow();
  std::pair<int, int> outSize() const;

  ProjectController& m_ctl;
  ProgramViewer* m_viewer = nullptr;
  ReframeOverlay* m_overlay = nullptr;
  QComboBox* m_aspect = nullptr;
  QCheckBox* m_letterbox = nullptr;
  QPushButton* m_clear = nullptr;
  QLabel* m_status = nullptr;
  std::map<std::string, bool> m_letterboxed;
  std::shared_ptr<const exporting::Reframer> m_reframer;
  int m_generation = 0;
  bool m_stale = true;
  QTimer m_planTimer;
  QThreadPool m_pool;
};

}  // namespace postline::ui::deliver
