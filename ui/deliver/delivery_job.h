#pragma once
// What the Deliver page sends to the export queue: the ticked presets of one delivery, turned into a
// `postline-cli export` command line (docs/CLI.md "export"), and the project snapshot that job reads
// (written beside the project file so relative media paths resolve). No widgets here.
#include <QString>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/result.h"
#include "core/export/preset.h"
#include "core/export/reframe.h"
#include "core/model/project.h"
#include "core/time/time_range.h"

namespace postline::ui::deliver {

// What to do with a range longer than a preset's limit (--over-limit).
enum class OverLimitChoice { Refuse, Trim, Export };

struct DeliveryRequest {
  std::vector<exporting::Preset> presets;       // rendered once, encoded to each
  std::string sequenceName;                     // --sequence
  std::optional<time::FrameRange> range;        // sequence frames (end excluded); nullopt = whole sequence
  exporting::ReframeMode reframe = exporting::ReframeMode::Auto;
  OverLimitChoice overLimit = OverLimitChoice::Refuse;
  std::filesystem::path outDir;                 // --out-dir
};

// "YouTube 1080p", or "YouTube 1080p + Reels / TikTok / Shorts 9:16" for several presets.
QString requestLabel(const DeliveryRequest& request);

// The command line: cli export PROJECT --preset a --preset b [--range IN-OUT] --out-dir DIR
// --sequence NAME --reframe MODE [--over-limit trim|export]. `rate` formats the range as timecodes.
std::vector<std::string> exportArgv(const std::string& cli, const std::filesystem::path& projectFile,
                                    const DeliveryRequest& request, const time::FrameRate& rate);

// `argv` run at a lower CPU priority (`nice -n 10 ...` when nice is found), so that two encoders on
// every core leave the editor's UI thread responsive. The process id stays the program's (nice execs).
std::vector<std::string> lowPriority(std::vector<std::string> argv);

// The presets of `presets` whose duration limit is shorter than `seconds`.
std::vector<exporting::Preset> overLimitPresets(const std::vector<exporting::Preset>& presets, double seconds);

// The hidden snapshot file for job number `n` of `projectFile`: "<dir>/.<stem>.deliver-<n>.postline".
std::filesystem::path snapshotPath(const std::filesystem::path& projectFile, int n);
// Writes `project` to `file` atomically (project::saveProject); the user's project file is never touched.
base::Result<void> writeSnapshot(const model::Project& project, const std::filesystem::path& file);

// "1080x1920" delivery aspect of a preset for a sequence of seqW x seqH ("9x16").
std::string presetAspect(const exporting::Preset& preset, int seqW, int seqH);

// The CLI next to the running program, else "postline-cli" (found in PATH).
QString defaultCliPath();

}  // namespace postline::ui::deliver
