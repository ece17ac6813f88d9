#pragma once
// The Color page: a program viewer (the GLSL pipeline, with a before/after split wipe), the scopes
// beside it, a clip strip of the timeline's video clips with thumbnails to move between shots, and
// the grade controls in the seed's order: Normalise, Primaries (lift/gamma/gain/offset wheels),
// Curves, Look (LUT + presets), Film look (the timeline grade). Copy/paste/apply grade to the
// selected clips. Every change is a core edit through ProjectController::apply; a drag is one command.
#include <QWidget>
#include <functional>
#include <optional>

#include "core/color/grade.h"
#include "core/model/ids.h"
#include "ui/color/grade_sections.h"

class QTabWidget;
class QToolButton;
class QLabel;

namespace postline::ui {

class ClipStrip;
class CurveEditor;
class ProgramViewer;
class ProjectController;
class ScopesPanel;

class ColorPage : public QWidget, private GradeSink {
  Q_OBJECT

 public:
  explicit ColorPage(ProjectController& controller, QWidget* parent = nullptr);
  ~ColorPage() override;

  ProgramViewer& viewer();
  ScopesPanel& scopes();
  // The clip the grade controls edit: the selected video clip under or nearest the playhead, else
  // the top-most video clip under the playhead (invalid when there is none).
  model::ClipId currentClip() const;

  // --- Added: the page's parts (tests, the main window) ---
  ClipStrip& strip() { return *m_strip; }
  QTabWidget& controls() { return *m_tabs; }
  NormaliseSection& normaliseSection() { return *m_normalise; }
  PrimariesSection& primaries() { return *m_primaries; }
  CurveEditor& curves() { return *m_curves; }
  LookSection& look() { return *m_look; }
  FilmSection& film() { return *m_film; }
  QToolButton& beforeAfterButton() { return *m_beforeAfter; }

  // Grade actions (buttons and the strip's context menu): copy the current clip's grade, paste
  // it onto the selected video clips (or the current clip), apply the current clip's grade to the
  // selected clips, reset the current clip's grade. Each is one undoable command.
  void copyGrade();
  void pasteGrade();
  void applyToSelected();
  void resetGrade();
  bool hasCopiedGrade() const { return m_copied.has_value(); }
  // Matches the current clip (allClips: every clip of the timeline) to the picture of `reference`
  // (an image or video file) off the UI thread; one command; matchFinished says how it went.
  void matchToReference(const QString& reference, bool allClips);

 signals:
  void matchFinished(bool ok, const QString& message);

 private:
  // GradeSink
  void editClip(const std::function<void(color::Grade&)>& change, const QString& label, const QString& mergeKey) override;
  void editTimeline(const std::function<void(color::TimelineGrade&)>& change, const QString& label,
                    const QString& mergeKey) override;
  void endGesture() override;

  QWidget* buildActions();
  QWidget* buildControls();
  void refresh();
  void loadControls();
  void chooseReference(bool allClips);
  std::vector<model::ClipId> selectedVideoClips() const;
  void setStatus(const QString& text);

  ProjectController& m_ctl;
  ClipStrip* m_strip = nullptr;
  ProgramViewer* m_viewer = nullptr;
  ScopesPanel* m_scopes = nullptr;
  QTabWidget* m_tabs = nullptr;
  NormaliseSection* m_normalise = nullptr;
  PrimariesSection* m_primaries = nullptr;
  CurveEditor* m_curves = nullptr;
  LookSection* m_look = nullptr;
  FilmSection* m_film = nullptr;
  QToolButton* m_beforeAfter = nullptr;
  QLabel* m_status = nullptr;
  std::optional<color::Grade> m_copied;
  std::vector<model::ClipId> m_stripClips;
  bool m_matching = false;
};

}  // namespace postline::ui
