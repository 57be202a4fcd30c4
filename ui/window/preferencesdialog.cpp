#include "preferencesdialog.h"

#include "language.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>

namespace topicscope::ui {

PreferencesDialog::PreferencesDialog(const Appearance &current, const QString &languageSetting, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("preferencesDialog"));
    setWindowTitle(tr("Preferences"));
    m_theme = new QComboBox(this);
    m_theme->setObjectName(QStringLiteral("themeChoice"));
    m_theme->addItem(tr("As the desktop"), int(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), int(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(current.theme)));

    m_fontPercent = new QSpinBox(this);
    m_fontPercent->setObjectName(QStringLiteral("fontPercent"));
    m_fontPercent->setRange(Appearance::MinFontPercent, Appearance::MaxFontPercent);
    m_fontPercent->setSingleStep(10);
    m_fontPercent->setSuffix(QStringLiteral(" %"));
    m_fontPercent->setValue(current.fontPercent);
    m_fontPercent->setToolTip(tr("Text size of the whole window, of the desktop's size (Ctrl++ / Ctrl+- also zoom)"));

    m_debugLog = new QCheckBox(tr("Write debug log lines to the terminal"), this);
    m_debugLog->setObjectName(QStringLiteral("debugLog"));
    m_debugLog->setChecked(current.debugLog);
    m_debugLog->setToolTip(tr("For bug reports: the topicscope.* debug categories (QT_LOGGING_RULES overrides this)"));

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("languageChoice"));
    m_language->addItem(Language::systemChoiceLabel(), QString());
    for (const Language::Choice &choice : Language::available())
        m_language->addItem(choice.nativeName, choice.code);
    m_language->setCurrentIndex(std::max(0, m_language->findData(languageSetting)));
    auto *languageNote = new QLabel(Language::restartNotice(), this);
    languageNote->setWordWrap(true);
    languageNote->setEnabled(false); // a quieter colour: a note, not a control

    m_form = new QFormLayout;
    m_form->addRow(tr("Language:"), m_language);
    m_form->addRow(QString(), languageNote);
    m_form->addRow(tr("Theme:"), m_theme);
    m_form->addRow(tr("Text size:"), m_fontPercent);
    m_form->addRow(tr("Logging:"), m_debugLog);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(buttons);
}

QString PreferencesDialog::languageSetting() const
{
    return m_language->currentData().toString();
}

Appearance PreferencesDialog::appearance() const
{
    Appearance a;
    a.theme = Appearance::Theme(m_theme->currentData().toInt());
    a.fontPercent = m_fontPercent->value();
    a.debugLog = m_debugLog->isChecked();
    return a;
}

} // namespace topicscope::ui
