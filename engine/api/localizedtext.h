#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace topicscope::engine {

// A text a scenario shows (title, description, caption, question, answer) in one or more languages, keyed by
// language code ("en", "ko"). English is the reference: a plain string in a scenario file is English, the headless
// report is English, and a language the text lacks falls back to English. A plain value; usable on any thread.
class LocalizedText {
public:
    static inline const QString English = QStringLiteral("en");

    LocalizedText() = default;
    // Implicit on purpose: a plain string is English, as in a scenario file.
    LocalizedText(const QString &english); // NOLINT(google-explicit-constructor)

    // The text in language, else in English.
    QString text(const QString &language = English) const;
    QString english() const { return m_texts.value(English); }
    bool hasLanguage(const QString &language) const;
    // The languages with a non-empty text, sorted.
    QStringList languages() const { return m_texts.keys(); }
    void setText(const QString &language, const QString &text);
    bool isEmpty() const { return english().isEmpty(); }

    friend bool operator==(const LocalizedText &a, const LocalizedText &b) { return a.m_texts == b.m_texts; }
    // Against a plain string, which is English (as in a file): equal when the English text is.
    friend bool operator==(const LocalizedText &a, const QString &english) { return a.english() == english; }

private:
    QMap<QString, QString> m_texts; // language -> non-empty text
};

} // namespace topicscope::engine
