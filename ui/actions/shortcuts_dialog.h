#pragma once
// Help -> Keyboard Shortcuts: a searchable two-column list (command, shortcut) grouped by section,
// generated from the actions themselves, so it never disagrees with the keys that work.
#include <QDialog>
#include <QList>
#include <QString>

#include "ui/actions/edit_actions.h"

class QLineEdit;
class QTreeWidget;

namespace postline::ui {

// The shortcut text of `action`: its shortcuts in portable form joined by ", " ("" when it has none).
QString shortcutText(const QAction& action);
// The command name of `action` as a list shows it: its "commandName" property when set (EditActions
// sets it: Undo/Redo texts change with the stack), else its text; mnemonic '&' removed.
QString commandText(const QAction& action);
// The sections as a markdown document: one "### Section" heading and a two-column table each.
QString shortcutsMarkdown(const QList<ActionSection>& sections);

class ShortcutsDialog : public QDialog {
  Q_OBJECT

 public:
  // Lists `sections` (e.g. EditActions::menuSections() plus the main window's own, such as File).
  explicit ShortcutsDialog(const QList<ActionSection>& sections, QWidget* parent = nullptr);

  // Shows only the rows whose command or shortcut contains `text` (case-insensitive); "" shows all.
  void setFilter(const QString& text);
  // Command rows shown now (section headers not counted).
  int visibleRowCount() const;
  QTreeWidget& tree() { return *m_tree; }
  QLineEdit& filterEdit() { return *m_filter; }

 private:
  QLineEdit* m_filter = nullptr;
  QTreeWidget* m_tree = nullptr;
};

}  // namespace postline::ui
