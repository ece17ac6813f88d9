// Property test: 1,000 random real edits through the undo stack; every state stays valid;
// undo all -> identical to the start; redo all -> identical to the end (and every step between).
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "../edit/edit_fixture.h"
#include "core/commands/undo_stack.h"
#include "core/edit/auto_trim.h"
#include "core/edit/link.h"
#include "core/edit/markers.h"
#include "core/edit/move.h"
#include "core/edit/placement.h"
#include "core/edit/razor.h"
#include "core/edit/removal.h"
#include "core/edit/slip_slide.h"
#include "core/edit/speed.h"
#include "core/edit/transitions.h"
#include "core/edit/trim.h"

namespace postline::edit::test {
namespace {

using time::FrameCount;
using time::FramePos;

class RandomEditor {
 public:
  RandomEditor(EditFixture& f, std::uint64_t seed) : m_f(f), m_rng(seed) {}

  // One random edit request; an error (a legal refusal) is fine, a broken model is not.
  base::Result<model::ChangeSet> next() {
    const auto& p = m_f.project;
    const auto s = m_f.seq;
    switch (pick(18)) {
      case 0: return append(p, s, m_f.v1, span(), m_f.a1);
      case 1: return insert(p, s, anyTrack(), pos(), span());
      case 2: return overwrite(p, s, anyTrack(), pos(), span());
      case 3: return razor(p, s, pos(), {});
      case 4: return lift(p, s, {anyClip()});
      case 5: return rippleDelete(p, s, {anyClip()});
      case 6: return trimIn(p, s, anyClip(), delta(), mode());
      case 7: return trimOut(p, s, anyClip(), delta(), mode());
      case 8: return roll(p, s, anyClip(), delta());
      case 9: return slip(p, s, anyClip(), delta());
      case 10: return slide(p, s, anyClip(), delta());
      case 11: return setSpeed(p, s, anyClip(), speed(), mode());
      case 12: return setReverse(p, s, anyClip(), pick(2) == 0);
      case 13: return freezeFrameHold(p, s, anyClip(), FrameCount{1 + pick(30)});
      case 14: return addTransition(p, s, anyClip(), anyClip(), FrameCount{2 + pick(20)}, model::TransitionAlign::CenterOnCut);
      case 15: return moveClips(p, s, {anyClip()}, delta(), 0);
      case 16: return addMarker(p, s, pos(), "m");
      default: return autoTrim(p, s, {anyClip()}, FrameCount{pick(13)}, FrameCount{pick(13)}, mode());
    }
  }

 private:
  std::int64_t pick(std::int64_t n) { return std::uniform_int_distribution<std::int64_t>(0, n - 1)(m_rng); }
  FramePos pos() { return FramePos{pick(std::max<std::int64_t>(48, m_f.sequence().end().value + 24))}; }
  FrameCount delta() { return FrameCount{pick(61) - 30}; }
  TrimMode mode() { return pick(2) == 0 ? TrimMode::Normal : TrimMode::Ripple; }
  time::Rational speed() {
    static const std::int64_t pct[] = {50, 85, 90, 100, 125, 200};
    return time::Rational::make(pct[pick(6)], 100).value();
  }
  model::TrackId anyTrack() {
    const model::TrackId ids[] = {m_f.v1, m_f.v2, m_f.a1, m_f.a2};
    return ids[pick(4)];
  }
  SourceSpan span() {
    const model::MediaId media[] = {m_f.video, m_f.video, m_f.wav};
    const model::MediaId m = media[pick(3)];
    const std::int64_t scale = m == m_f.wav ? 2000 : 1;  // 48 kHz ticks per 24 fps frame
    const std::int64_t in = pick(100) * scale;
    return SourceSpan{m, in, in + (1 + pick(100)) * scale};
  }
  model::ClipId anyClip() {
    std::vector<model::ClipId> ids;
    for (const auto& t : m_f.sequence().tracks) {
      for (const auto& c : t.clips) ids.push_back(c.id);
    }
    return ids.empty() ? model::ClipId{} : ids[static_cast<std::size_t>(pick(static_cast<std::int64_t>(ids.size())))];
  }

  EditFixture& m_f;
  std::mt19937_64 m_rng;
};

class RandomEdits : public ::testing::TestWithParam<std::uint64_t> {};

TEST_P(RandomEdits, ThousandEditsUndoAndRedoExactly) {
  EditFixture f;
  commands::UndoStack stack(f.project);
  RandomEditor editor(f, GetParam());
  std::vector<model::Project> states{f.project};
  int attempts = 0;
  while (states.size() <= 1000 && attempts < 50000) {
    ++attempts;
    auto cs = editor.next();
    if (!cs.ok() || cs->empty()) continue;
    ASSERT_TRUE(stack.push({"edit", std::move(cs).value(), {}}).ok());
    auto valid = model::validate(f.project);
    ASSERT_TRUE(valid.ok()) << "after edit " << states.size() << ": " << valid.error().message;
    states.push_back(f.project);
  }
  ASSERT_EQ(states.size(), 1001u) << "only " << states.size() - 1 << " edits succeeded in " << attempts << " tries";
  for (std::size_t i = states.size() - 1; i > 0; --i) {
    ASSERT_TRUE(stack.undo().ok());
    ASSERT_EQ(f.project, states[i - 1]) << "undo of edit " << i;
  }
  EXPECT_FALSE(stack.canUndo());
  for (std::size_t i = 1; i < states.size(); ++i) {
    ASSERT_TRUE(stack.redo().ok());
    ASSERT_EQ(f.project, states[i]) << "redo of edit " << i;
  }
  EXPECT_FALSE(stack.canRedo());
}

INSTANTIATE_TEST_SUITE_P(Seeds, RandomEdits, ::testing::Values(20261126u, 7u, 1234567u));

}  // namespace
}  // namespace postline::edit::test
