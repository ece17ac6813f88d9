#pragma once
// Brings finished deliveries into the project's 05_Exports bin: the files are probed off the UI
// thread (ingest::planImport), then added and moved into 05_Exports as ONE undoable command.
#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <filesystem>
#include <memory>
#include <vector>

#include "core/base/result.h"
#include "core/model/change_set.h"
#include "core/model/project.h"

namespace postline::ui {
class ProjectController;
}

namespace postline::ui::deliver {

// The import of `files` into `project` followed by the move of the new items into 05_Exports, as one
// ChangeSet; `added` receives the new media ids. Files already in the project are skipped.
base::Result<model::ChangeSet> planExportsImport(const model::Project& project, const std::vector<std::filesystem::path>& files,
                                                 std::vector<model::MediaId>* added = nullptr);

class ExportsImporter : public QObject {
  Q_OBJECT

 public:
  explicit ExportsImporter(ProjectController& controller, QObject* parent = nullptr);
  ~ExportsImporter() override;

  void importFiles(const QStringList& files);

 signals:
  // The files were imported (ids of the new items; empty when all were there already) or failed.
  void imported(const std::vector<postline::model::MediaId>& added);
  void failed(const QString& message);

 private:
  void planned(const std::shared_ptr<const model::Project>& basis, const QStringList& files,
               std::shared_ptr<base::Result<model::ChangeSet>> plan, std::shared_ptr<std::vector<model::MediaId>> added);

  ProjectController& m_ctl;
  QThreadPool m_pool;
};

}  // namespace postline::ui::deliver
