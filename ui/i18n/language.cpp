#include "language.h"

#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QTranslator>
#include <algorithm>

Q_LOGGING_CATEGORY(lcLanguage, "topicscope.ui.language")

namespace topicscope::ui {

namespace {

const QString Korean = QStringLiteral("ko");
const QString English = QStringLiteral("en");

QString &currentCode()
{
    static QString code = English;
    return code;
}

bool &installedOnce()
{
    static bool installed = false;
    return installed;
}

// Loads file from dir into a translator owned by app and installs it. Qt searches the translators installed
// last first, so the order of calls is the order of fallback, last call first.
bool installCatalogue(QCoreApplication *app, const QString &file, const QString &dir)
{
    auto *translator = new QTranslator(app);
    if (!translator->load(file, dir)) {
        qCInfo(lcLanguage) << "no catalogue" << file << "in" << dir;
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    return true;
}

} // namespace

QList<Language::Choice> Language::available()
{
    return {{Korean, QStringLiteral("한국어")}, {English, QStringLiteral("English")}};
}

bool Language::isAvailable(const QString &code)
{
    const QList<Choice> choices = available();
    return std::any_of(choices.cbegin(), choices.cend(), [&](const Choice &c) { return c.code == code; });
}

QString Language::settingsKey()
{
    return QStringLiteral("ui/language");
}

QString Language::forLocale(const QLocale &locale)
{
    return locale.language() == QLocale::Korean ? Korean : English;
}

QString Language::resolve(const QString &option, const QString &setting, const QLocale &system)
{
    if (isAvailable(option))
        return option;
    if (isAvailable(setting))
        return setting;
    return forLocale(system);
}

bool Language::install(QCoreApplication *app, const QString &code)
{
    const QString resources = QStringLiteral(":/i18n");
    bool loaded = installCatalogue(app, QStringLiteral("topicscope_en"), resources);
    if (code != English) {
        // Qt's catalogue first, ours after it: ours wins where both have a text (none today).
        installCatalogue(app, QStringLiteral("qtbase_") + code, QLibraryInfo::path(QLibraryInfo::TranslationsPath));
        loaded = installCatalogue(app, QStringLiteral("topicscope_") + code, resources);
    }
    currentCode() = code;
    installedOnce() = true;
    if (loaded)
        qCInfo(lcLanguage).noquote() << "user interface language:" << code;
    else
        qCWarning(lcLanguage).noquote() << "user interface language:" << code << "(its catalogue did not load)";
    return loaded;
}

void Language::ensureInstalled(QCoreApplication *app)
{
    if (!installedOnce())
        install(app, English);
}

QString Language::current()
{
    return currentCode();
}

QString Language::systemChoiceLabel(const QLocale &system)
{
    const QString code = forLocale(system);
    const QList<Choice> choices = available();
    const auto it = std::find_if(choices.cbegin(), choices.cend(), [&](const Choice &c) { return c.code == code; });
    return tr("System language (%1)").arg(it->nativeName);
}

QString Language::restartNotice()
{
    return tr("The new language is used the next time Topicscope starts.");
}

} // namespace topicscope::ui
