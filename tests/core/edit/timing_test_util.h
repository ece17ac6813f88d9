// Helpers for the timing-edit tests (trim, roll, slip, slide, speed, freeze, transitions, auto-trim).
#pragma once
#include <gtest/gtest.h>

#include <string>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/clip_timing.h"
#include "tests/core/edit/edit_fixture.h"

namespace postline::edit::test {

// Checks that `r` failed with `code` and that its message contains every one of `parts`.
inline ::testing::AssertionResult failsWith(const base::Result<model::ChangeSet>& r, base::ErrorCode code,
                                            std::initializer_list<std::string> parts) {
  if (r.ok()) return ::testing::AssertionFailure() << "the edit succeeded";
  if (r.error().code != code) {
    return ::testing::AssertionFailure() << "code " << base::errorCodeName(r.error().code) << ": " << r.error().message;
  }
  for (const std::string& p : parts) {
    if (r.error().message.find(p) == std::string::npos) {
      return ::testing::AssertionFailure() << "message '" << r.error().message << "' lacks '" << p << "'";
    }
  }
  return ::testing::AssertionSuccess();
}

// A video item at `fps` with the given time base and length in ticks, added to `f`.
inline model::MediaId addMediaAt(EditFixture& f, const std::string& name, time::Rational fps, time::Rational timeBase,
                                 std::int64_t ticks) {
  model::MediaId id = f.addVideoMedia(name, ticks);
  model::MediaItem* m = f.project.findMedia(id);
  m->info.frameRate = fps;
  m->info.timeBase = timeBase;
  return id;
}

// Count of changes of type C in `cs`.
template <class C>
int countOf(const model::ChangeSet& cs) {
  int n = 0;
  for (const auto& c : cs.changes) n += std::holds_alternative<C>(c) ? 1 : 0;
  return n;
}

// Source tick shown at `pos` by clip `id` in project `p` (fails the test when it cannot be computed).
inline std::int64_t tickAt(const model::Project& p, model::SequenceId seq, model::ClipId id, std::int64_t pos) {
  const model::Sequence* s = p.findSequence(seq);
  const model::Clip* c = s->findClip(id);
  auto r = model::sourceTickAt(*c, time::FramePos{pos}, *p.findMedia(c->media), s->settings.frameRate);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : -1;
}

inline time::FrameCount frames(std::int64_t n) { return time::FrameCount{n}; }

}  // namespace postline::edit::test
