#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QMenuBar;

namespace topicscope::ui {

// Help > Keyboard Shortcuts: every menu command that has a shortcut, read from the menu bar itself (so the sheet
// never goes stale), followed by the keys of the Flow tab, which are not menu commands. GUI thread.
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    // (what it does, key) pairs shown after the menu commands.
    using Keys = QList<QPair<QString, QString>>;

    ShortcutsDialog(const QMenuBar *menuBar, const Keys &otherKeys, QWidget *parent = nullptr);

    // The rows shown: (menu > command, key sequence as text).
    const Keys &rows() const { return m_rows; }

    static Keys menuShortcuts(const QMenuBar *menuBar);

private:
    Keys m_rows;
};

} // namespace topicscope::ui
