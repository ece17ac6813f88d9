#include "ui/deliver/exports_import.h"

#include <QMetaObject>
#include <algorithm>

#include "core/edit/bins.h"
#include "core/ingest/import.h"
#include "ui/controller/project_controller.h"

namespace postline::ui::deliver {

base::Result<model::ChangeSet> planExportsImport(const model::Project& project,
                                                 const std::vector<std::filesystem::path>& files,
                                                 std::vector<model::MediaId>* added) {
  const auto bin = std::find_if(project.bins.begin(), project.bins.end(),
                                [](const model::Bin& b) { return !b.parent.valid() && b.name == "05_Exports"; });
  if (bin == project.bins.end()) return base::makeError(base::ErrorCode::NotFound, "the project has no 05_Exports bin");
  PL_TRY_ASSIGN(report, ingest::planImport(project, files));
  model::ChangeSet cs = report.changes;
  if (added) *added = report.added;
  if (report.added.empty()) return cs;
  model::Project after = project;
  PL_TRY(model::apply(after, cs));
  PL_TRY_ASSIGN(move, edit::moveMediaToBin(after, report.added, bin->id));
  cs.append(move);
  return cs;
}

ExportsImporter::ExportsImporter(ProjectController& controller, QObject* parent) : QObject(parent), m_ctl(controller) {
  m_pool.setMaxThreadCount(1);
}

ExportsImporter::~ExportsImporter() { m_pool.waitForDone(); }

void ExportsImporter::importFiles(const QStringList& files) {
  if (files.isEmpty()) return;
  std::shared_ptr<const model::Project> basis = m_ctl.snapshot();
  std::vector<std::filesystem::path> paths;
  for (const QString& f : files) paths.emplace_back(f.toStdString());
  m_pool.start([this, basis, paths, files] {
    auto added = std::make_shared<std::vector<model::MediaId>>();
    auto plan = std::make_shared<base::Result<model::ChangeSet>>(planExportsImport(*basis, paths, added.get()));
    QMetaObject::invokeMethod(this, [this, basis, files, plan, added] { planned(basis, files, plan, added); },
                              Qt::QueuedConnection);
  });
}

void ExportsImporter::planned(const std::shared_ptr<const model::Project>& basis, const QStringList& files,
                              std::shared_ptr<base::Result<model::ChangeSet>> plan,
                              std::shared_ptr<std::vector<model::MediaId>> added) {
  if (basis != m_ctl.snapshot()) {
    importFiles(files);  // the project changed while probing: plan again against the new one
    return;
  }
  if (!plan->ok()) {
    emit failed(QString::fromStdString(plan->error().message));
    return;
  }
  if (!plan->value().changes.empty() && !m_ctl.apply(std::move(*plan), QStringLiteral("Import Exports"))) {
    emit failed(QStringLiteral("the exports could not be added to 05_Exports"));
    return;
  }
  emit imported(*added);
}

}  // namespace postline::ui::deliver
