#include "shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace topicscope::ui {

namespace {

QString plainText(const QAction *action)
{
    QString text = action->text();
    text.remove(QRegularExpression(QStringLiteral("\\(&.\\)$"))); // "제목(&J)" style mnemonics
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return text.trimmed();
}

void collect(const QMenu *menu, const QString &path, ShortcutsDialog::Keys *rows)
{
    for (const QAction *action : menu->actions()) {
        if (action->isSeparator())
            continue;
        const QString name = path + QStringLiteral(" › ") + plainText(action);
        if (action->menu())
            collect(action->menu(), name, rows);
        else if (!action->shortcut().isEmpty())
            rows->append({name, action->shortcut().toString(QKeySequence::NativeText)});
    }
}

} // namespace

ShortcutsDialog::Keys ShortcutsDialog::menuShortcuts(const QMenuBar *menuBar)
{
    Keys rows;
    for (const QAction *top : menuBar->actions()) {
        if (top->menu())
            collect(top->menu(), plainText(top), &rows);
    }
    return rows;
}

ShortcutsDialog::ShortcutsDialog(const QMenuBar *menuBar, const Keys &otherKeys, QWidget *parent)
    : QDialog(parent)
    , m_rows(menuShortcuts(menuBar) + otherKeys)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    auto *table = new QTableWidget(int(m_rows.size()), 2, this);
    table->setHorizontalHeaderLabels({tr("Command"), tr("Key")});
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (int row = 0; row < m_rows.size(); ++row) {
        table->setItem(row, 0, new QTableWidgetItem(m_rows.at(row).first));
        table->setItem(row, 1, new QTableWidgetItem(m_rows.at(row).second));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(table);
    layout->addWidget(buttons);
    resize(520, 480);
}

} // namespace topicscope::ui
