// The Color page's grade actions: copy/paste/apply/reset, and the colour match to a reference
// (one clip or all), which runs off the UI thread and lands as one command.
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QApplication>
#include <QThreadPool>
#include <memory>

#include "core/edit/grade.h"
#include "core/model/bin.h"
#include "core/render/decoded_pictures.h"
#include "core/render/normalise_all.h"
#include "ui/color/color_page.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

namespace {
// What the match worker hands back to the UI thread.
struct MatchOutcome {
  std::vector<edit::ClipNormalise> normalises;
  QString error;
};

// The match itself (worker thread): `only` limits it to one clip (invalid: every clip).
MatchOutcome runMatch(std::shared_ptr<const model::Project> project, model::SequenceId seq, const std::string& reference,
                      model::ClipId only) {
  MatchOutcome out;
  auto ref = render::referencePicture(reference);
  if (!ref.ok()) {
    out.error = QString::fromStdString(ref.error().message);
    return out;
  }
  render::DecodedPictures pictures;
  const color::ImageF& picture = ref.value();
  auto matches = render::normaliseAll(render::Snapshot{project, seq}, [&](const model::MediaItem&) { return &picture; }, pictures);
  if (!matches.ok()) {
    out.error = QString::fromStdString(matches.error().message);
    return out;
  }
  for (const render::ClipMatch& m : matches.value()) {
    if (!only.valid() || m.clip == only) out.normalises.push_back({m.clip, m.normalise});
  }
  return out;
}
}  // namespace

std::vector<model::ClipId> ColorPage::selectedVideoClips() const {
  std::vector<model::ClipId> out;
  const model::Sequence* seq = m_ctl.sequence();
  if (seq == nullptr) return out;
  for (const model::Track& t : seq->tracks) {
    if (t.kind != model::TrackKind::Video) continue;
    for (const model::Clip& c : t.clips) {
      if (std::find(m_ctl.selection().begin(), m_ctl.selection().end(), c.id) != m_ctl.selection().end()) out.push_back(c.id);
    }
  }
  return out;
}

void ColorPage::copyGrade() {
  const model::ClipId id = currentClip();
  const model::Clip* clip = id.valid() ? m_ctl.sequence()->findClip(id) : nullptr;
  if (clip == nullptr) return;
  m_copied = clip->grade;
  setStatus(tr("Copied the grade of %1.").arg(QString::fromStdString(clip->name)));
}

void ColorPage::pasteGrade() {
  if (!m_copied) return;
  std::vector<model::ClipId> targets = selectedVideoClips();
  if (targets.empty() && currentClip().valid()) targets.push_back(currentClip());
  if (targets.empty()) return;
  if (m_ctl.apply(edit::applyGradeToClips(m_ctl.project(), m_ctl.currentSequence(), targets, *m_copied), tr("Paste Grade"))) {
    setStatus(tr("Pasted the grade onto %n clip(s).", nullptr, int(targets.size())));
  }
}

void ColorPage::applyToSelected() {
  const model::ClipId id = currentClip();
  const model::Clip* clip = id.valid() ? m_ctl.sequence()->findClip(id) : nullptr;
  const std::vector<model::ClipId> targets = selectedVideoClips();
  if (clip == nullptr || targets.empty()) return;
  m_ctl.apply(edit::applyGradeToClips(m_ctl.project(), m_ctl.currentSequence(), targets, clip->grade), tr("Apply Grade to Selected"));
}

void ColorPage::resetGrade() {
  const model::ClipId id = currentClip();
  if (!id.valid()) return;
  m_ctl.apply(edit::resetClipGrade(m_ctl.project(), m_ctl.currentSequence(), id), tr("Reset Grade"));
}

void ColorPage::chooseReference(bool allClips) {
  QMenu menu(this);
  for (const model::MediaItem* m : m_ctl.project().mediaUnderBin(model::kStandardBins[3])) {
    const QString path = QString::fromStdString(m->path);
    menu.addAction(QString::fromStdString(m->name), this, [this, path, allClips] { matchToReference(path, allClips); });
  }
  if (!menu.isEmpty()) menu.addSeparator();
  menu.addAction(tr("Choose a file..."), this, [this, allClips] {
    const QString file = QFileDialog::getOpenFileName(this, tr("Reference picture"), QString(),
                                                      tr("Pictures and clips (*.png *.jpg *.jpeg *.tif *.tiff *.exr *.mp4 *.mov *.mkv);;All files (*)"));
    if (!file.isEmpty()) matchToReference(file, allClips);
  });
  QPushButton* from = allClips ? m_normalise->normaliseAllButton : m_normalise->matchButton;
  menu.exec(from->mapToGlobal(QPoint(0, from->height())));
}

void ColorPage::matchToReference(const QString& reference, bool allClips) {
  const model::ClipId only = allClips ? model::ClipId{} : currentClip();
  if (m_matching || (!allClips && !only.valid())) return;
  m_matching = true;
  m_normalise->status->setText(tr("Matching to %1...").arg(QFileInfo(reference).fileName()));
  QPointer<ColorPage> self(this);
  auto project = m_ctl.snapshot();
  const model::SequenceId seq = m_ctl.currentSequence();
  const std::string ref = reference.toStdString();
  const QString label = allClips ? tr("Normalise All Clips") : tr("Match to Reference");
  QThreadPool::globalInstance()->start([self, project, seq, ref, only, label] {
    auto outcome = std::make_shared<MatchOutcome>(runMatch(project, seq, ref, only));
    QMetaObject::invokeMethod(qApp, [self, outcome, seq, label] {
      if (!self) return;
      self->m_matching = false;
      bool ok = outcome->error.isEmpty();
      QString message = outcome->error;
      if (ok) {
        ok = self->m_ctl.apply(edit::setClipNormalises(self->m_ctl.project(), seq, outcome->normalises), label);
        message = ok ? tr("Matched %n clip(s).", nullptr, int(outcome->normalises.size())) : tr("The match could not be applied.");
      }
      self->m_normalise->status->setText(message);
      emit self->matchFinished(ok, message);
    }, Qt::QueuedConnection);
  });
}

}  // namespace postline::ui
