#pragma once

#include "appearance.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QSpinBox;

namespace topicscope::ui {

// Edit > Preferences: theme, font size and debug logging (Appearance), and the language (saved as Language's
// setting: "" follows the system; it applies at the next start, as the dialog says). The owner applies and saves
// the result when the dialog is accepted. GUI thread.
class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    PreferencesDialog(const Appearance &current, const QString &languageSetting, QWidget *parent = nullptr);

    Appearance appearance() const;
    QString languageSetting() const; // "", "ko", "en"

protected:
    QFormLayout *form() const { return m_form; }

private:
    QFormLayout *m_form = nullptr;
    QComboBox *m_theme = nullptr;
    QComboBox *m_language = nullptr;
    QSpinBox *m_fontPercent = nullptr;
    QCheckBox *m_debugLog = nullptr;
};

} // namespace topicscope::ui
