#pragma once
// Private to core/project (not a public header): the model <-> JSON mapping of the current schema.
#include <filesystem>
#include <vector>

#include "core/base/result.h"
#include "core/color/grade.h"
#include "core/model/project.h"
#include "core/project/json_fields.h"

namespace postline::project::detail {

// The whole project as a document of the current schema. Media paths are written relative to
// `projectDir` (an absolute, normalised folder) with the absolute path as a fallback.
Json writeProject(const model::Project& project, const std::filesystem::path& projectDir);
// One sequence (settings, timeline grade, tracks with clips, transitions, markers); LUT paths are
// written relative to `projectDir` like media paths.
Json writeSequence(const model::Sequence& sequence, const std::filesystem::path& projectDir);
// A grade: the `normalise` and `creative` sections that differ from the identity (empty object
// for the identity).
Json writeGrade(const color::Grade& grade, const std::filesystem::path& projectDir);
// A timeline grade: `grade` and `film`, each only when it differs from the identity.
Json writeTimelineGrade(const color::TimelineGrade& grade, const std::filesystem::path& projectDir);

// Reads a document of the current schema (format and version already checked). Each media path
// is resolved against `projectDir` first, then its absolute fallback; media found at neither is
// appended to `missing`. Errors are Parse errors naming the field path.
base::Result<model::Project> readProject(const Json& doc, const std::filesystem::path& projectDir,
                                         std::vector<model::MediaId>& missing);
// Reads one sequence object found at `at`; LUT paths resolve against `projectDir`.
base::Result<void> readSequence(const Json& obj, const Where& at, const std::filesystem::path& projectDir,
                                model::Sequence& out);
// Reads a grade object found at `at` into `out` (absent sections stay the identity). A LUT's
// `path` is resolved against `projectDir` first, then its `absolute_path` fallback.
base::Result<void> readGrade(const Json& obj, const Where& at, const std::filesystem::path& projectDir,
                             color::Grade& out);
// Reads a timeline grade object found at `at` into `out`.
base::Result<void> readTimelineGrade(const Json& obj, const Where& at, const std::filesystem::path& projectDir,
                                     color::TimelineGrade& out);

// Audio groups (core/project/json_audio.cpp): a clip's `audio`, a track's `mixer` (pan, solo, EQ,
// compressor; written only when not the default) and a sequence's `settings.mix`.
Json writeClipAudio(const model::ClipAudio& audio);
bool isDefaultMixer(const model::Track& track);
Json writeTrackMixer(const model::Track& track);
Json writeMix(const model::MixSettings& mix);
base::Result<void> readClipAudio(const Json& obj, const Where& at, model::ClipAudio& out);
base::Result<void> readTrackMixer(const Json& obj, const Where& at, model::Track& out);
base::Result<void> readMix(const Json& obj, const Where& at, model::MixSettings& out);

// Reads every element of array member `key` of `o` with `readOne` and appends it to `out`.
template <class T, class Fn>
base::Result<void> readList(const Json& o, const Where& at, const char* key, std::vector<T>& out, Fn readOne) {
  PL_TRY_ASSIGN(arr, arrayMember(o, at, key));
  const Where listAt(at, key);
  for (std::size_t i = 0; i < arr->size(); ++i) {
    T item;
    PL_TRY(readOne((*arr)[i], Where(listAt, i), item));
    out.push_back(std::move(item));
  }
  return {};
}

// `mediaPath` relative to `projectDir` in generic form ('/'), or the path itself when no
// relative form exists (another root) or it is empty.
std::string relativeMediaPath(const std::string& mediaPath, const std::filesystem::path& projectDir);

}  // namespace postline::project::detail
