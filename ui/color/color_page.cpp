#include "ui/color/color_page.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <cstdlib>

#include "core/edit/grade.h"
#include "ui/color/clip_strip.h"
#include "ui/color/curve_editor.h"
#include "ui/controller/project_controller.h"
#include "ui/scopes/scopes_panel.h"
#include "ui/viewer/program_viewer.h"

namespace postline::ui {

ColorPage::ColorPage(ProjectController& controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
  auto* col = new QVBoxLayout(this);
  col->setContentsMargins(4, 4, 4, 4);
  m_strip = new ClipStrip(controller, this);
  m_viewer = new ProgramViewer(controller, this);
  m_viewer->resolutionBox().setCurrentIndex(1);  // Half: grading stays interactive
  m_viewer->setCoalesceEdits(true);
  m_scopes = new ScopesPanel(this);
  m_scopes->follow(&m_viewer->widget());
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(m_viewer);
  split->addWidget(m_scopes);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* vsplit = new QSplitter(Qt::Vertical, this);
  vsplit->addWidget(split);
  vsplit->addWidget(buildControls());
  vsplit->setStretchFactor(0, 3);
  vsplit->setStretchFactor(1, 2);
  col->addWidget(m_strip);
  col->addWidget(buildActions());
  col->addWidget(vsplit, 1);
  connect(&m_ctl, &ProjectController::projectReplaced, this, [this] {
    m_stripClips.clear();  // ids of another project: rebuild the strip
    refresh();
  });
  connect(&m_ctl, &ProjectController::changed, this, &ColorPage::refresh);
  connect(&m_ctl, &ProjectController::currentSequenceChanged, this, &ColorPage::refresh);
  connect(&m_ctl, &ProjectController::selectionChanged, this, &ColorPage::refresh);
  connect(&m_ctl, &ProjectController::playheadChanged, this, &ColorPage::refresh);
  refresh();
}

ColorPage::~ColorPage() = default;

ProgramViewer& ColorPage::viewer() { return *m_viewer; }
ScopesPanel& ColorPage::scopes() { return *m_scopes; }

QWidget* ColorPage::buildActions() {
  auto* bar = new QWidget(this);
  auto* row = new QHBoxLayout(bar);
  row->setContentsMargins(0, 0, 0, 0);
  struct Act { const char* text; const char* tip; void (ColorPage::*slot)(); };
  const Act acts[] = {{"Copy grade", "Copy the current clip's grade", &ColorPage::copyGrade},
                      {"Paste grade", "Paste the copied grade onto the selected clips (or the current clip)", &ColorPage::pasteGrade},
                      {"Apply to selected", "Give the selected clips the current clip's grade", &ColorPage::applyToSelected},
                      {"Reset grade", "Reset the current clip's grade", &ColorPage::resetGrade}};
  for (const Act& a : acts) {
    auto* b = new QPushButton(tr(a.text), bar);
    b->setObjectName(QString::fromLatin1(a.text).remove(QLatin1Char(' ')));
    b->setToolTip(tr(a.tip));
    connect(b, &QPushButton::clicked, this, a.slot);
    row->addWidget(b);
    QAction* menuAction = m_strip->contextMenu().addAction(tr(a.text));
    connect(menuAction, &QAction::triggered, this, a.slot);
  }
  row->addStretch(1);
  m_status = new QLabel(bar);
  row->addWidget(m_status);
  m_beforeAfter = new QToolButton(bar);
  m_beforeAfter->setText(tr("Before / After"));
  m_beforeAfter->setToolTip(tr("Split wipe: the ungraded picture left of the divider"));
  m_beforeAfter->setCheckable(true);
  connect(m_beforeAfter, &QToolButton::toggled, this, [this](bool on) { m_viewer->setBeforeAfter(on); });
  row->addWidget(m_beforeAfter);
  return bar;
}

QWidget* ColorPage::buildControls() {
  m_tabs = new QTabWidget(this);
  m_normalise = new NormaliseSection(*this, m_tabs);
  m_primaries = new PrimariesSection(*this, m_tabs);
  m_curves = new CurveEditor(m_tabs);
  m_look = new LookSection(*this, m_tabs);
  m_film = new FilmSection(*this, m_tabs);
  m_tabs->addTab(m_normalise, tr("Normalise"));
  m_tabs->addTab(m_primaries, tr("Primaries"));
  m_tabs->addTab(m_curves, tr("Curves"));
  m_tabs->addTab(m_look, tr("Look"));
  m_tabs->addTab(m_film, tr("Film look"));
  m_tabs->setCurrentWidget(m_primaries);
  connect(m_curves, &CurveEditor::edited, this, [this](const color::Curves& c) {
    editClip([&](color::Grade& g) { g.creative.curves = c; }, tr("Curves"), QStringLiteral("clip-curves"));
  });
  connect(m_curves, &CurveEditor::gestureFinished, this, &ColorPage::endGesture);
  connect(m_normalise->matchButton, &QPushButton::clicked, this, [this] { chooseReference(false); });
  connect(m_normalise->normaliseAllButton, &QPushButton::clicked, this, [this] { chooseReference(true); });
  return m_tabs;
}

model::ClipId ColorPage::currentClip() const {
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr) return {};
  const qint64 ph = m_ctl.playhead().value;
  const auto& sel = m_ctl.selection();
  model::ClipId best, top;
  qint64 bestDistance = -1;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Video) continue;
    for (const model::Clip& c : t.clips) {
      const bool under = c.start.value <= ph && ph < c.end().value;
      if (under) top = c.id;  // later video tracks are above
      if (std::find(sel.begin(), sel.end(), c.id) == sel.end()) continue;
      const qint64 d = under ? 0 : std::min(std::llabs(c.start.value - ph), std::llabs(c.end().value - 1 - ph));
      if (bestDistance < 0 || d < bestDistance) {
        best = c.id;
        bestDistance = d;
      }
    }
  }
  return best.valid() ? best : top;
}

void ColorPage::refresh() {
  const model::Sequence* seq = m_ctl.sequence();
  std::vector<model::ClipId> ids;
  if (seq != nullptr) {
    for (const model::Track& t : seq->tracks) {
      if (t.kind != model::TrackKind::Video) continue;
      for (const model::Clip& c : t.clips) ids.push_back(c.id);
    }
  }
  if (ids != m_stripClips) {
    m_stripClips = ids;
    m_strip->reload();
  } else {
    m_strip->syncSelection();
  }
  m_strip->setCurrent(currentClip());
  loadControls();
}

void ColorPage::loadControls() {
  const model::Sequence* seq = m_ctl.sequence();
  const model::ClipId id = currentClip();
  const model::Clip* clip = seq && id.valid() ? seq->findClip(id) : nullptr;
  const color::Grade grade = clip ? clip->grade : color::Grade{};
  const color::TimelineGrade timeline = seq ? seq->settings.timelineGrade : color::TimelineGrade{};
  m_normalise->load(grade.normalise);
  m_primaries->load(grade.normalise);
  m_curves->setCurves(grade.creative.curves);
  m_look->load(grade, timeline);
  m_film->load(timeline.film);
  for (QWidget* w : {static_cast<QWidget*>(m_normalise), static_cast<QWidget*>(m_primaries),
                     static_cast<QWidget*>(m_curves), static_cast<QWidget*>(m_look)}) {
    w->setEnabled(clip != nullptr);
  }
  m_film->setEnabled(seq != nullptr);
}

void ColorPage::editClip(const std::function<void(color::Grade&)>& change, const QString& label, const QString& mergeKey) {
  const model::Sequence* seq = m_ctl.sequence();
  const model::ClipId id = currentClip();
  const model::Clip* clip = seq && id.valid() ? seq->findClip(id) : nullptr;
  if (clip == nullptr) {
    setStatus(tr("No video clip under the playhead to grade."));
    loadControls();
    return;
  }
  color::Grade g = clip->grade;
  change(g);
  if (g == clip->grade) {
    loadControls();
    return;
  }
  if (!m_ctl.apply(edit::setClipGrade(m_ctl.project(), m_ctl.currentSequence(), id, g), label, mergeKey)) loadControls();
}

void ColorPage::editTimeline(const std::function<void(color::TimelineGrade&)>& change, const QString& label,
                             const QString& mergeKey) {
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr) return;
  color::TimelineGrade g = seq->settings.timelineGrade;
  change(g);
  if (g == seq->settings.timelineGrade) {
    loadControls();
    return;
  }
  if (!m_ctl.apply(edit::setTimelineGrade(m_ctl.project(), m_ctl.currentSequence(), g), label, mergeKey)) loadControls();
}

void ColorPage::endGesture() { m_ctl.closeGesture(); }

void ColorPage::setStatus(const QString& text) { m_status->setText(text); }

}  // namespace postline::ui
