// postline-cli title: a text title placed on a video track, saved back to the project (docs/CLI.md).
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <optional>

#include "app/cli/cli_common.h"
#include "app/cli/titles.h"
#include "core/model/validate.h"
#include "core/project/project_file.h"
#include "core/time/timecode.h"

namespace postline::cli {

int runTitle(const Args& args) {
  const auto text = args.value("--text");
  const auto at = args.value("--at");
  if (args.positional.size() != 1 || !text || text->empty() || !at || !args.value("--duration")) {
    return usageError("title needs PROJECT, --text TEXT, --at TIMECODE and --duration SECONDS");
  }
  model::TitleSpec spec;
  spec.text = *text;
  TitlePlacement placement;
  placement.track = args.value("--track").value_or("V2");
  for (const auto& [name, value] : {std::pair{"--duration", &placement.seconds}, {"--size", &spec.size}, {"--y", &spec.y}}) {
    if (auto r = readNumber(args, name, *value); !r) return usageError(r.error().message);
  }
  const std::string file = args.positional[0];
  auto loaded = project::loadProject(file);
  if (!loaded) return fail(loaded.error());
  model::Project& p = loaded->project;
  auto found = findSequence(p, args.value("--sequence"), file);
  if (!found) return fail(found.error());
  const model::Sequence* seq = found.value();
  auto frame = time::parseTimecode(*at, seq->settings.frameRate);
  if (!frame) return usageError("--at: " + frame.error().message);
  placement.at = frame.value();
  int steps = 0;
  auto added = addTitle(p, seq->id, spec, placement, [&](const std::string&, model::ChangeSet cs) {
    ++steps;
    return model::apply(p, cs);
  });
  if (!added) return fail(added.error());
  if (auto valid = model::validate(p); !valid) return fail(valid.error());
  if (auto r = project::saveProject(p, file); !r) return fail(r.error());
  std::cout << "title \"" << spec.text << "\" placed on " << placement.track << " at " << *at << " for "
            << fixed(placement.seconds, 2) << " s (" << steps << " change(s)) and saved to " << file << "\n";
  return kExitOk;
}

}  // namespace postline::cli
