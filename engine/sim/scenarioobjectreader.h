#pragma once

#include "sim/scenario.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::engine {

// Reads one JSON object of a scenario file with its path ("steps[2]"), remembering the first error. Every field
// is checked for its type and every key must be known, so that a typo in a workshop file is reported instead of
// silently ignored. All readers of one parse share the same error string: the first failure anywhere wins and
// every later read is a no-op check, which is what lets ScenarioParser stop at the first problem.
// A short-lived helper of ScenarioParser; usable on any thread.
class ScenarioObjectReader {
public:
    ScenarioObjectReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool ok() const { return m_error->isEmpty(); }
    // "steps[2]", or empty for the top level.
    const QString &path() const { return m_path; }
    QString fieldPath(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue raw(const QString &key) const { return m_object.value(key); }

    // Records "path.key: message" unless an error is already recorded; an empty key names the object itself.
    void fail(const QString &key, const QString &message);
    // Fails on the first key (in sorted order) that is not one of keys.
    void allowOnly(const QStringList &keys);

    QString string(const QString &key, const QString &fallback = {}, bool required = false);
    // A shown text: a plain string (English) or {"en": "...", "ko": "..."} with an English text, so that every
    // language can fall back to it.
    LocalizedText text(const QString &key, bool required = false);
    // A string or null.
    std::optional<QString> nullableString(const QString &key, const std::optional<QString> &fallback);
    qint64 integer(const QString &key, qint64 fallback, qint64 min, qint64 max, bool required = false);
    double number(const QString &key, double fallback, double min, double max);
    bool boolean(const QString &key, bool fallback);
    QString choice(const QString &key, const QStringList &choices, const QString &fallback);
    QJsonArray array(const QString &key, bool required = false);
    QStringList stringList(const QString &key, bool required = false);
    // "key": "k" | null, or "keys": ["a", null, ...]; neither = null keys.
    QList<ScenarioKey> keys();
    SerdeFormat serde(const QString &key);
    std::optional<int> partition(const QString &key = QStringLiteral("partition"));

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

} // namespace topicscope::engine
