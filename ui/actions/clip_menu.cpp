#include "ui/actions/clip_menu.h"

#include <QAction>
#include <QMenu>
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/edit/auto_trim.h"
#include "core/edit/link.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "core/time/convert.h"
#include "ui/actions/action_dialogs.h"
#include "ui/controller/project_controller.h"

namespace postline::ui {

using time::FrameCount;
using time::FramePos;
using EditResult = base::Result<model::ChangeSet>;

namespace {

// `value` rounded to 1/`den` as an exact rational (85.0 % with den 1000 -> 17/20).
time::Rational exact(double value, std::int64_t den) {
  auto r = time::Rational::make(static_cast<std::int64_t>(std::llround(value * static_cast<double>(den))), den);
  return r.ok() ? r.value() : time::Rational(0);
}

// Frames of `seconds` at the current sequence's rate (0 when there is none).
FrameCount secondsAsFrames(const ProjectController& ctl, double seconds) {
  if (ctl.sequence() == nullptr) return FrameCount{0};
  auto f = time::secondsToFrames(exact(seconds, 1000), ctl.sequence()->settings.frameRate);
  return FrameCount{f.ok() ? f->value : 0};
}

// One menu item running `make` (a core edit call) as one command named `label`; disabled, with the
// reason as tooltip, when `make` fails on the project as it is now.
QAction* addEditItem(ProjectController& ctl, QMenu& menu, const QString& id, const QString& text, const QString& label,
                     std::function<EditResult()> make) {
  QAction* a = menu.addAction(text);
  a->setObjectName(id);
  const EditResult probe = make();
  a->setEnabled(probe.ok());
  if (!probe.ok()) a->setToolTip(QString::fromStdString(probe.error().message));
  QObject::connect(a, &QAction::triggered, &ctl, [&ctl, label, make] { ctl.apply(make(), label); });
  return a;
}

// A Custom… item: `run` asks for the value and applies; enabled when `enabled`.
QAction* addCustomItem(QMenu& menu, const QString& id, bool enabled, std::function<void()> run) {
  QAction* a = menu.addAction(QObject::tr("Custom…"));
  a->setObjectName(id);
  a->setEnabled(enabled);
  QObject::connect(a, &QAction::triggered, &menu, [run] { run(); });
  return a;
}

// The sequence context of the menu, shared by the item builders.
struct MenuContext {
  ProjectController& ctl;
  model::SequenceId seq;
  model::ClipId clip;
  bool editable = false;  // the clip exists on an unlocked track
  bool video = false;     // ... on a video track
  QWidget* dialogParent = nullptr;
};

void addSpeedMenu(const MenuContext& m, QMenu& menu) {
  QMenu* sub = menu.addMenu(QObject::tr("Speed"));
  sub->setToolTipsVisible(true);
  ProjectController& ctl = m.ctl;
  for (int percent : {85, 90}) {
    addEditItem(ctl, *sub, QStringLiteral("clip.speed.%1").arg(percent), QStringLiteral("%1 %").arg(percent),
                QStringLiteral("Speed %1 %").arg(percent), [&ctl, m, percent] {
                  return edit::setSpeed(ctl.project(), m.seq, m.clip, exact(percent / 100.0, 1000),
                                        edit::TrimMode::Ripple);
                });
  }
  addCustomItem(*sub, "clip.speed.custom", m.editable, [&ctl, m] {
    const model::Clip* c = ctl.sequence() ? ctl.sequence()->findClip(m.clip) : nullptr;
    const auto choice = askSpeed(m.dialogParent, c ? c->speed.toDouble() * 100.0 : 100.0);
    if (!choice) return;
    const auto mode = choice->ripple ? edit::TrimMode::Ripple : edit::TrimMode::Normal;
    ctl.apply(edit::setSpeed(ctl.project(), m.seq, m.clip, exact(choice->percent / 100.0, 1000), mode),
              QStringLiteral("Speed %1 %").arg(choice->percent));
  });
}

void addFreezeMenu(const MenuContext& m, QMenu& menu) {
  QMenu* sub = menu.addMenu(QObject::tr("Freeze last frame"));
  sub->setToolTipsVisible(true);
  ProjectController& ctl = m.ctl;
  for (double seconds : {0.5, 1.0}) {
    const QString text = QStringLiteral("%1 s").arg(seconds);
    addEditItem(ctl, *sub, QStringLiteral("clip.freeze.%1").arg(seconds), text, QStringLiteral("Freeze Frame"),
                [&ctl, m, seconds] {
                  return edit::freezeFrameHold(ctl.project(), m.seq, m.clip, secondsAsFrames(ctl, seconds));
                });
  }
  addCustomItem(*sub, "clip.freeze.custom", m.editable && m.video, [&ctl, m] {
    const auto s = askSeconds(m.dialogParent, QObject::tr("Freeze Last Frame"), QObject::tr("Hold for"), 0.1, 60.0, 1.0);
    if (!s) return;
    ctl.apply(edit::freezeFrameHold(ctl.project(), m.seq, m.clip, secondsAsFrames(ctl, *s)), "Freeze Frame");
  });
}

void addAutoTrimMenu(const MenuContext& m, QMenu& menu) {
  QMenu* sub = menu.addMenu(QObject::tr("Auto-trim heads and tails"));
  sub->setToolTipsVisible(true);
  ProjectController& ctl = m.ctl;
  const std::vector<model::ClipId> clips = menuTargets(ctl, m.clip);
  for (double seconds : {0.3, 0.5}) {
    addEditItem(ctl, *sub, QStringLiteral("clip.autotrim.%1").arg(seconds), QStringLiteral("%1 s").arg(seconds),
                QStringLiteral("Auto-Trim"), [&ctl, m, clips, seconds] {
                  const FrameCount f = secondsAsFrames(ctl, seconds);
                  return edit::autoTrim(ctl.project(), m.seq, clips, f, f, edit::TrimMode::Ripple);
                });
  }
  addCustomItem(*sub, "clip.autotrim.custom", m.editable, [&ctl, m, clips] {
    const auto s = askSeconds(m.dialogParent, QObject::tr("Auto-Trim Heads and Tails"),
                              QObject::tr("Trim from each end"), 0.3, 0.5, 0.4);
    if (!s) return;
    const FrameCount f = secondsAsFrames(ctl, *s);
    ctl.apply(edit::autoTrim(ctl.project(), m.seq, clips, f, f, edit::TrimMode::Ripple), "Auto-Trim");
  });
}

void addClipItems(const MenuContext& m, QMenu& menu, FramePos reference) {
  ProjectController& ctl = m.ctl;
  const model::Clip* clip = ctl.sequence() ? ctl.sequence()->findClip(m.clip) : nullptr;
  const bool reversed = clip != nullptr && clip->reverse;
  QAction* reverse = addEditItem(ctl, menu, "clip.reverse", QObject::tr("Reverse"), QStringLiteral("Reverse"),
                                 [&ctl, m, reversed] { return edit::setReverse(ctl.project(), m.seq, m.clip, !reversed); });
  reverse->setCheckable(true);
  reverse->setChecked(reversed);
  addFreezeMenu(m, menu);
  menu.addSeparator();
  const auto cut = dissolveCut(ctl, m.clip, reference);
  addEditItem(ctl, menu, "clip.dissolve", QObject::tr("Add cross-dissolve (%1 frames)").arg(kDefaultDissolveFrames),
              QStringLiteral("Add Cross-Dissolve"), [&ctl, m, cut]() -> EditResult {
                if (!cut) return base::makeError(base::ErrorCode::InvalidArgument, "the clip has no neighbour to dissolve to");
                return edit::addTransition(ctl.project(), m.seq, cut->first, cut->second,
                                           FrameCount{kDefaultDissolveFrames}, model::TransitionAlign::CenterOnCut);
              });
  addAutoTrimMenu(m, menu);
  menu.addSeparator();
  const std::vector<model::ClipId> clips = menuTargets(ctl, m.clip);
  addEditItem(ctl, menu, "clip.link", QObject::tr("Link"), QStringLiteral("Link"),
              [&ctl, m, clips] { return edit::link(ctl.project(), m.seq, clips); });
  addEditItem(ctl, menu, "clip.unlink", QObject::tr("Unlink"), QStringLiteral("Unlink"),
              [&ctl, m, clips] { return edit::unlink(ctl.project(), m.seq, clips); });
}

}  // namespace

std::vector<model::ClipId> menuTargets(const ProjectController& ctl, model::ClipId clicked) {
  const auto& sel = ctl.selection();
  if (std::find(sel.begin(), sel.end(), clicked) != sel.end()) return sel;
  return {clicked};
}

std::optional<std::pair<model::ClipId, model::ClipId>> dissolveCut(const ProjectController& ctl, model::ClipId clicked,
                                                                   FramePos reference) {
  const model::Sequence* seq = ctl.sequence();
  const model::Track* track = seq ? seq->trackOfClip(clicked) : nullptr;
  if (track == nullptr) return std::nullopt;
  const auto& clips = track->clips;
  const auto it = std::find_if(clips.begin(), clips.end(), [&](const model::Clip& c) { return c.id == clicked; });
  const std::size_t i = static_cast<std::size_t>(it - clips.begin());
  const bool hasPrev = i > 0 && clips[i - 1].end() == clips[i].start;
  const bool hasNext = i + 1 < clips.size() && clips[i].end() == clips[i + 1].start;
  const auto& sel = ctl.selection();
  const auto selected = [&](std::size_t k) { return std::find(sel.begin(), sel.end(), clips[k].id) != sel.end(); };
  if (sel.size() == 2 && selected(i)) {
    if (hasPrev && selected(i - 1)) return std::pair{clips[i - 1].id, clips[i].id};
    if (hasNext && selected(i + 1)) return std::pair{clips[i].id, clips[i + 1].id};
  }
  const bool nearerEnd = std::llabs((reference - clips[i].end()).value) < std::llabs((reference - clips[i].start).value);
  if (hasNext && (nearerEnd || !hasPrev)) return std::pair{clips[i].id, clips[i + 1].id};
  if (hasPrev) return std::pair{clips[i - 1].id, clips[i].id};
  return std::nullopt;
}

void fillClipMenu(ProjectController& ctl, QMenu& menu, model::ClipId clicked, std::optional<FramePos> reference,
                  QWidget* dialogParent) {
  menu.setToolTipsVisible(true);
  const model::Sequence* seq = ctl.sequence();
  const model::Track* track = seq ? seq->trackOfClip(clicked) : nullptr;
  MenuContext m{ctl, ctl.currentSequence(), clicked};
  m.editable = track != nullptr && !track->locked;
  m.video = track != nullptr && track->kind == model::TrackKind::Video;
  m.dialogParent = dialogParent != nullptr ? dialogParent : menu.parentWidget();
  addSpeedMenu(m, menu);
  addClipItems(m, menu, reference.value_or(ctl.playhead()));
}

}  // namespace postline::ui
