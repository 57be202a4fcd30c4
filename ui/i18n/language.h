#pragma once

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

namespace topicscope::ui {

// The language of the user interface: which one to use (command line > saved setting > system locale), loading
// its catalogues, and what a settings switch offers. Used on the GUI thread at start-up, before any window
// exists: tr() texts are read once when widgets are built, so a change takes effect at the next start.
class Language {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::Language)

public:
    // One choice of a language switch. code is what --lang and the "ui/language" setting hold.
    struct Choice {
        QString code; // "ko", "en"
        QString nativeName; // as its speakers write it: "한국어", "English"
    };

    // The languages Topicscope has a catalogue for, in the order a settings switch lists them.
    static QList<Choice> available();
    static bool isAvailable(const QString &code);

    // The QSettings key of the saved choice: "ko", "en", or "" (or missing) for the system's language.
    static QString settingsKey();

    // The language for a system locale: Korean for a Korean locale, else English.
    static QString forLocale(const QLocale &locale);

    // The language to use: the command line's (--lang) if given, else the saved setting if it names a language
    // we have, else the system locale's. Always one of available().
    static QString resolve(const QString &option, const QString &setting, const QLocale &system);

    // Installs our catalogue for code and, for Korean, Qt's own (qtbase_ko.qm from Qt's translations directory,
    // when installed) so that standard dialogs' buttons are Korean too. Installs the English catalogue under
    // every language: it holds the English plural forms ("1 topic"), and a Korean string not yet translated
    // falls back to it. Remembers code as current(). Returns false when our catalogue for code did not load.
    static bool install(QCoreApplication *app, const QString &code);

    // English, for a window built where nobody chose a language (tests, tools): without its catalogue plural
    // texts read "1 topic(s)". Does nothing once install() has run.
    static void ensureInstalled(QCoreApplication *app);

    // The language install() was given ("en" before it is called). The scenario engine is told this one.
    static QString current();

    // Label of the "follow the system" entry of a settings switch, e.g. "System language (한국어)".
    static QString systemChoiceLabel(const QLocale &system = QLocale::system());
    // Said next to a language switch: the choice applies when Topicscope starts again.
    static QString restartNotice();
};

} // namespace topicscope::ui
