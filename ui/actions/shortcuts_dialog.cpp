#include "ui/actions/shortcuts_dialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLineEdit>
#include <QRegularExpression>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace postline::ui {

QString shortcutText(const QAction& action) {
  QStringList keys;
  for (const QKeySequence& k : action.shortcuts()) keys << k.toString(QKeySequence::PortableText);
  return keys.join(QStringLiteral(", "));
}

QString commandText(const QAction& action) {
  const QString fixed = action.property("commandName").toString();
  QString text = fixed.isEmpty() ? action.text() : fixed;
  text.remove(QRegularExpression(QStringLiteral("&(?!&)")));
  return text;
}

QString shortcutsMarkdown(const QList<ActionSection>& sections) {
  QString out;
  for (const ActionSection& s : sections) {
    out += QStringLiteral("### %1\n\n| Command | Shortcut |\n|---|---|\n").arg(s.title);
    for (const QAction* a : s.actions) {
      QString keys = shortcutText(*a);
      keys.replace(QStringLiteral("|"), QStringLiteral("\\|"));
      QStringList parts = keys.split(QStringLiteral(", "), Qt::SkipEmptyParts);
      for (QString& p : parts) p = QStringLiteral("`%1`").arg(p);
      out += QStringLiteral("| %1 | %2 |\n").arg(commandText(*a), parts.join(QStringLiteral(", ")));
    }
    out += QStringLiteral("\n");
  }
  return out;
}

ShortcutsDialog::ShortcutsDialog(const QList<ActionSection>& sections, QWidget* parent) : QDialog(parent) {
  setWindowTitle(tr("Keyboard Shortcuts"));
  auto* layout = new QVBoxLayout(this);
  m_filter = new QLineEdit(this);
  m_filter->setObjectName("shortcutFilter");
  m_filter->setPlaceholderText(tr("Search commands or keys"));
  m_filter->setClearButtonEnabled(true);
  layout->addWidget(m_filter);
  m_tree = new QTreeWidget(this);
  m_tree->setObjectName("shortcutTable");
  m_tree->setColumnCount(2);
  m_tree->setHeaderLabels({tr("Command"), tr("Shortcut")});
  m_tree->setRootIsDecorated(false);
  m_tree->setAlternatingRowColors(true);
  m_tree->setSelectionMode(QAbstractItemView::NoSelection);
  for (const ActionSection& s : sections) {
    auto* group = new QTreeWidgetItem(m_tree, {s.title});
    QFont bold = group->font(0);
    bold.setBold(true);
    group->setFont(0, bold);
    group->setFirstColumnSpanned(true);
    for (const QAction* a : s.actions) new QTreeWidgetItem(group, {commandText(*a), shortcutText(*a)});
  }
  m_tree->expandAll();
  m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  m_tree->header()->setStretchLastSection(false);
  layout->addWidget(m_tree);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
  connect(m_filter, &QLineEdit::textChanged, this, &ShortcutsDialog::setFilter);
  resize(480, 640);
}

void ShortcutsDialog::setFilter(const QString& text) {
  if (m_filter->text() != text) m_filter->setText(text);  // comes back here through textChanged
  const QString needle = text.trimmed();
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    QTreeWidgetItem* group = m_tree->topLevelItem(g);
    const bool groupHit = !needle.isEmpty() && group->text(0).contains(needle, Qt::CaseInsensitive);
    int shown = 0;
    for (int i = 0; i < group->childCount(); ++i) {
      QTreeWidgetItem* row = group->child(i);
      const bool hit = needle.isEmpty() || groupHit || row->text(0).contains(needle, Qt::CaseInsensitive) ||
                       row->text(1).contains(needle, Qt::CaseInsensitive);
      row->setHidden(!hit);
      shown += hit ? 1 : 0;
    }
    group->setHidden(shown == 0);
  }
}

int ShortcutsDialog::visibleRowCount() const {
  int n = 0;
  for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
    const QTreeWidgetItem* group = m_tree->topLevelItem(g);
    for (int i = 0; i < group->childCount(); ++i) n += group->child(i)->isHidden() ? 0 : 1;
  }
  return n;
}

}  // namespace postline::ui
