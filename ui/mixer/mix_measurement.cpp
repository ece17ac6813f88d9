#include "ui/mixer/mix_measurement.h"

#include "core/audio/mix_actions.h"
#include "core/audio/mix_plan.h"
#include "core/audio/offline_mix.h"
#include "core/model/change_set.h"

namespace postline::ui {

namespace {

base::Result<audio::loudness::LoudnessStats> measure(const model::Project& project, model::SequenceId seq) {
  PL_TRY_ASSIGN(plan, audio::planMix(project, seq));
  return audio::measureMix(plan);
}

MixMeasurement failed(const std::string& message) {
  MixMeasurement m;
  m.error = message;
  return m;
}

}  // namespace

MixMeasurement measureRoleLevels(const model::Project& project, model::SequenceId seq) {
  auto action = audio::balanceRoles(project, seq);
  if (!action) return failed(action.error().message);
  auto before = measure(project, seq);
  if (!before) return failed(before.error().message);
  model::Project after = project;
  if (auto applied = model::apply(after, action.value().changes); !applied) return failed(applied.error().message);
  auto afterStats = measure(after, seq);
  if (!afterStats) return failed(afterStats.error().message);
  MixMeasurement m;
  m.ok = true;
  m.changes = std::move(action.value().changes);
  m.before = before.value();
  m.after = afterStats.value();
  m.report = std::move(action.value().report);
  m.warnings = std::move(action.value().warnings);
  return m;
}

MixMeasurement measureNormalise(const model::Project& project, model::SequenceId seq, double targetLufs) {
  auto r = audio::normaliseMix(project, seq, targetLufs);
  if (!r) return failed(r.error().message);
  MixMeasurement m;
  m.ok = true;
  m.changes = std::move(r.value().action.changes);
  m.before = r.value().before;
  m.after = r.value().after;
  m.report = std::move(r.value().action.report);
  m.warnings = std::move(r.value().action.warnings);
  return m;
}

}  // namespace postline::ui
