#pragma once

#include "appearance.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;

namespace topicscope::ui {

// Edit > Preferences: theme, font size and debug logging (Appearance). The owner applies and saves the result
// when the dialog is accepted. GUI thread.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Appearance &current, QWidget *parent = nullptr);

    Appearance appearance() const;

protected:
    QFormLayout *form() const { return m_form; }

private:
    QFormLayout *m_form = nullptr;
    QComboBox *m_theme = nullptr;
    QSpinBox *m_fontPercent = nullptr;
    QCheckBox *m_debugLog = nullptr;
};

} // namespace topicscope::ui
