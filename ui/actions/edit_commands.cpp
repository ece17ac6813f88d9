#include "ui/actions/edit_commands.h"

#include <algorithm>
#include <set>
#include <variant>

#include "core/edit/link.h"
#include "core/edit/markers.h"
#include "core/edit/razor.h"
#include "core/edit/removal.h"
#include "core/edit/trim.h"
#include "core/time/convert.h"

namespace postline::ui::commands {

using time::FrameCount;
using time::FramePos;

namespace {

base::Error failure(const std::string& message) { return base::makeError(base::ErrorCode::InvalidArgument, message); }

// Reports `message` through the controller (editFailed) without changing anything.
bool fail(ProjectController& ctl, const std::string& message, const QString& label) {
  return ctl.apply(failure(message), label);
}

// Source frame `frame` (at `fps` frames per second) in ticks of `timeBase`.
base::Result<std::int64_t> frameToTicks(std::int64_t frame, const time::Rational& fps, const time::Rational& timeBase) {
  PL_TRY_ASSIGN(unit, time::Rational(1).div(fps));
  return time::rescale(frame, unit, timeBase);
}

// The clip the last ClipAdded of `cs` puts on `track` (the placed clip comes after split parts).
std::optional<model::Clip> lastAddedOn(const model::ChangeSet& cs, model::TrackId track) {
  std::optional<model::Clip> out;
  for (const model::Change& c : cs.changes) {
    if (const auto* a = std::get_if<model::ClipAdded>(&c); a != nullptr && a->track == track) out = a->clip;
  }
  return out;
}

}  // namespace

base::Result<edit::SourceSpan> sourceSpan(const ProjectController& ctl) {
  const model::MediaItem* media = ctl.project().findMedia(ctl.sourceMedia());
  if (media == nullptr) return failure("the source viewer shows no media");
  edit::SourceSpan span{media->id, 0, media->info.still ? 0 : media->info.duration};
  if (media->info.still && !(ctl.sourceIn() && ctl.sourceOut())) return span;
  const time::Rational fps = media->info.frameRate.num() > 0 || ctl.sequence() == nullptr
                                 ? media->info.frameRate
                                 : ctl.sequence()->settings.frameRate.fps();
  if (fps.num() <= 0) return span;
  if (ctl.sourceIn()) {
    PL_TRY_ASSIGN(in, frameToTicks(ctl.sourceIn()->value, fps, media->info.timeBase));
    span.in = in;
  }
  if (ctl.sourceOut()) {
    PL_TRY_ASSIGN(out, frameToTicks(ctl.sourceOut()->value + 1, fps, media->info.timeBase));
    span.out = media->info.still ? out : std::min(out, media->info.duration);
  }
  return span;
}

model::TrackId targetTrack(const ProjectController& ctl, model::TrackKind kind) {
  const model::Sequence* seq = ctl.sequence();
  if (seq == nullptr) return {};
  for (const model::Track& t : seq->tracks) {
    if (t.kind == kind && !t.locked && ctl.targetTracks().contains(t.id)) return t.id;
  }
  return {};
}

bool placeFromSource(ProjectController& ctl, bool insert) {
  const QString label = insert ? QStringLiteral("Insert") : QStringLiteral("Overwrite");
  auto span = sourceSpan(ctl);
  if (!span.ok()) return ctl.apply(span.error(), label);
  const model::MediaItem* media = ctl.project().findMedia(span->media);
  const bool audioOnly = media->kind == model::MediaKind::Audio;
  const model::TrackId audio = targetTrack(ctl, model::TrackKind::Audio);
  const model::TrackId main = audioOnly ? audio : targetTrack(ctl, model::TrackKind::Video);
  if (!main.valid()) return fail(ctl, audioOnly ? "no audio track is targeted" : "no video track is targeted", label);
  const FramePos at = ctl.playhead();
  const model::TrackId linked = audioOnly ? model::TrackId{} : audio;
  auto cs = insert ? edit::insert(ctl.project(), ctl.currentSequence(), main, at, *span, linked)
                   : edit::overwrite(ctl.project(), ctl.currentSequence(), main, at, *span, linked);
  const std::optional<model::Clip> placed = cs.ok() ? lastAddedOn(*cs, main) : std::nullopt;
  if (!ctl.apply(std::move(cs), label)) return false;
  if (placed) ctl.setPlayhead(placed->end());
  return true;
}

bool razorAtPlayhead(ProjectController& ctl) {
  const model::Sequence* seq = ctl.sequence();
  if (seq == nullptr) return false;
  const FramePos at = ctl.playhead();
  std::vector<model::ClipId> under;
  for (model::ClipId id : ctl.selection()) {
    const model::Clip* c = seq->findClip(id);
    if (c != nullptr && c->start < at && at < c->end()) under.push_back(id);
  }
  std::vector<model::TrackId> tracks;
  if (!under.empty()) {
    const edit::SeqRef ref{ctl.project(), *seq};
    auto clips = edit::withLinkedPartners(ref, under);
    std::set<model::TrackId> unique;
    if (clips.ok()) {
      for (const edit::ClipOnTrack& c : *clips) unique.insert(c.track->id);
    }
    tracks.assign(unique.begin(), unique.end());
  }
  return ctl.apply(edit::razor(ctl.project(), ctl.currentSequence(), at, tracks), QStringLiteral("Razor"));
}

const model::Clip* targetedClipAtPlayhead(const ProjectController& ctl) {
  const model::Sequence* seq = ctl.sequence();
  if (seq == nullptr) return nullptr;
  for (const model::Track& t : seq->tracks) {
    if (!ctl.targetTracks().contains(t.id)) continue;
    if (const model::Clip* c = model::clipAt(t, ctl.playhead())) return c;
  }
  return nullptr;
}

bool rippleTrimToPlayhead(ProjectController& ctl, bool head) {
  const QString label = head ? QStringLiteral("Ripple Trim Start") : QStringLiteral("Ripple Trim End");
  const model::Clip* clip = targetedClipAtPlayhead(ctl);
  if (clip == nullptr) return fail(ctl, "no clip under the playhead on the targeted tracks", label);
  const FramePos at = ctl.playhead();
  const FramePos start = clip->start;
  auto cs = head ? edit::trimIn(ctl.project(), ctl.currentSequence(), clip->id, at - start, edit::TrimMode::Ripple)
                 : edit::trimOut(ctl.project(), ctl.currentSequence(), clip->id, -(clip->end() - at),
                                 edit::TrimMode::Ripple);
  if (!ctl.apply(std::move(cs), label)) return false;
  if (head) ctl.setPlayhead(start);
  return true;
}

bool removeSelection(ProjectController& ctl, bool ripple) {
  if (ctl.selection().empty()) return false;
  const std::vector<model::ClipId> ids = ctl.selection();
  if (ripple) return ctl.apply(edit::rippleDelete(ctl.project(), ctl.currentSequence(), ids), "Ripple Delete");
  return ctl.apply(edit::lift(ctl.project(), ctl.currentSequence(), ids), "Lift");
}

bool addMarkerAtPlayhead(ProjectController& ctl, const QString& name) {
  const model::Sequence* seq = ctl.sequence();
  if (seq == nullptr) return false;
  const QString text = name.isEmpty() ? QStringLiteral("Marker %1").arg(seq->markers.size() + 1) : name;
  return ctl.apply(edit::addMarker(ctl.project(), ctl.currentSequence(), ctl.playhead(), text.toStdString()),
                   QStringLiteral("Add Marker"));
}

model::MarkerId markerAtOrBeforePlayhead(const ProjectController& ctl) {
  const model::Sequence* seq = ctl.sequence();
  if (seq == nullptr) return {};
  const model::Marker* best = nullptr;
  for (const model::Marker& m : seq->markers) {
    if (m.position <= ctl.playhead() && (best == nullptr || m.position >= best->position)) best = &m;
  }
  return best != nullptr ? best->id : model::MarkerId{};
}

bool renameMarker(ProjectController& ctl, model::MarkerId id, const QString& name) {
  const QString label = QStringLiteral("Rename Marker");
  if (!id.valid()) return fail(ctl, "there is no marker to rename", label);
  return ctl.apply(edit::renameMarker(ctl.project(), ctl.currentSequence(), id, name.toStdString()), label);
}

std::optional<edit::ClipboardContent> copySelection(const ProjectController& ctl) {
  if (ctl.selection().empty()) return std::nullopt;
  auto content = edit::copyClips(ctl.project(), ctl.currentSequence(), ctl.selection());
  if (!content.ok()) return std::nullopt;
  return std::move(content).value();
}

bool pasteAtPlayhead(ProjectController& ctl, const edit::ClipboardContent& content) {
  const FramePos at = ctl.playhead();
  if (!ctl.apply(edit::pasteClips(ctl.project(), ctl.currentSequence(), content, at), QStringLiteral("Paste"))) {
    return false;
  }
  ctl.setPlayhead(at + content.length());
  return true;
}

void stepFrames(ProjectController& ctl, qint64 frames) {
  ctl.setPlayhead(FramePos{std::max<qint64>(0, ctl.playhead().value + frames)});
}

void stepSeconds(ProjectController& ctl, int seconds) {
  if (ctl.sequence() == nullptr) return;
  auto one = time::secondsToFrames(time::Rational(1), ctl.sequence()->settings.frameRate);
  if (one.ok()) stepFrames(ctl, one->value * seconds);
}

void goToEnd(ProjectController& ctl) {
  if (ctl.sequence() != nullptr) ctl.setPlayhead(ctl.sequence()->end());
}

void selectAll(ProjectController& ctl) {
  std::vector<model::ClipId> all;
  if (const model::Sequence* seq = ctl.sequence()) {
    for (const model::Track& t : seq->tracks) {
      for (const model::Clip& c : t.clips) all.push_back(c.id);
    }
  }
  ctl.setSelection(std::move(all));
}

}  // namespace postline::ui::commands
