#include "ui/deliver/delivery_job.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include "core/project/project_file.h"
#include "core/time/timecode.h"

namespace postline::ui::deliver {

QString requestLabel(const DeliveryRequest& request) {
  QStringList names;
  for (const exporting::Preset& p : request.presets) names << QString::fromStdString(p.name);
  return names.join(QStringLiteral(" + "));
}

std::vector<std::string> exportArgv(const std::string& cli, const std::filesystem::path& projectFile,
                                    const DeliveryRequest& request, const time::FrameRate& rate) {
  std::vector<std::string> argv{cli, "export", projectFile.string()};
  for (const exporting::Preset& p : request.presets) {
    argv.push_back("--preset");
    argv.push_back(p.id);
  }
  if (request.range) {
    argv.push_back("--range");
    argv.push_back(time::formatTimecode(request.range->start, rate) + "-" + time::formatTimecode(request.range->end, rate));
  }
  if (!request.outDir.empty()) {
    argv.push_back("--out-dir");
    argv.push_back(request.outDir.string());
  }
  if (!request.sequenceName.empty()) {
    argv.push_back("--sequence");
    argv.push_back(request.sequenceName);
  }
  argv.push_back("--reframe");
  argv.push_back(exporting::reframeModeName(request.reframe));
  if (request.overLimit != OverLimitChoice::Refuse) {
    argv.push_back("--over-limit");
    argv.push_back(request.overLimit == OverLimitChoice::Trim ? "trim" : "export");
  }
  return argv;
}

std::vector<std::string> lowPriority(std::vector<std::string> argv) {
  static const QString nice = QStandardPaths::findExecutable(QStringLiteral("nice"));
  if (nice.isEmpty() || argv.empty()) return argv;
  argv.insert(argv.begin(), {nice.toStdString(), "-n", "10"});
  return argv;
}

std::vector<exporting::Preset> overLimitPresets(const std::vector<exporting::Preset>& presets, double seconds) {
  std::vector<exporting::Preset> over;
  for (const exporting::Preset& p : presets) {
    if (p.maxDurationS && seconds > *p.maxDurationS + 1e-6) over.push_back(p);
  }
  return over;
}

std::filesystem::path snapshotPath(const std::filesystem::path& projectFile, int n) {
  return projectFile.parent_path() /
         ("." + projectFile.stem().string() + ".deliver-" + std::to_string(n) + project::kExtension);
}

base::Result<void> writeSnapshot(const model::Project& project, const std::filesystem::path& file) {
  return project::saveProject(project, file);
}

std::string presetAspect(const exporting::Preset& preset, int seqW, int seqH) {
  const auto [w, h] = preset.frameSize(seqW, seqH);
  return exporting::aspectName(w, h);
}

QString defaultCliPath() {
  const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("postline-cli"));
  if (QFileInfo(beside).isExecutable()) return beside;
  return QStringLiteral("postline-cli");
}

}  // namespace postline::ui::deliver
