#include <filesystem>
#include <iostream>
#include <system_error>

#include "app/cli/cli_common.h"
#include "core/model/project.h"
#include "core/project/project_file.h"

namespace postline::cli {

namespace fs = std::filesystem;

int runNew(const Args& args) {
  if (args.positional.size() != 1) return usageError("'new' takes one DIR or FILE.postline");
  const fs::path file = fs::absolute(projectFileFor(args.positional[0]));
  std::error_code ec;
  if (fs::exists(file, ec)) {
    return fail({base::ErrorCode::Conflict, "'" + file.string() + "' already exists; not overwriting it"});
  }
  fs::create_directories(file.parent_path(), ec);
  if (ec) return fail({base::ErrorCode::Io, "cannot create folder '" + file.parent_path().string() + "': " + ec.message()});
  const model::Project p = model::Project::createDefault(file.stem().string());
  auto saved = project::saveProject(p, file);
  if (!saved.ok()) return fail(saved.error());
  std::cout << "Created " << file.string() << "\n";
  return kExitOk;
}

}  // namespace postline::cli
