#include "scenarioobjectreader.h"

#include "client/serializer.h"

#include <algorithm>
#include <cmath>

namespace topicscope::engine {

void ScenarioObjectReader::fail(const QString &key, const QString &message)
{
    if (ok())
        *m_error = (key.isEmpty() ? (m_path.isEmpty() ? QStringLiteral("(top level)") : m_path) : fieldPath(key))
            + QStringLiteral(": ") + message;
}

void ScenarioObjectReader::allowOnly(const QStringList &keys)
{
    QStringList sorted = m_object.keys();
    std::sort(sorted.begin(), sorted.end());
    for (const QString &key : std::as_const(sorted)) {
        if (!keys.contains(key)) {
            fail(key, QStringLiteral("unknown field (expected one of: %1)").arg(keys.join(QStringLiteral(", "))));
            return;
        }
    }
}

QString ScenarioObjectReader::string(const QString &key, const QString &fallback, bool required)
{
    if (!has(key)) {
        if (required)
            fail(key, QStringLiteral("missing (a string is required)"));
        return fallback;
    }
    const QJsonValue v = raw(key);
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string"));
        return fallback;
    }
    return v.toString();
}

LocalizedText ScenarioObjectReader::text(const QString &key, bool required)
{
    if (!has(key)) {
        if (required)
            fail(key, QStringLiteral("missing (a string or an object of texts by language is required)"));
        return {};
    }
    const QJsonValue v = raw(key);
    if (v.isString())
        return LocalizedText(v.toString());
    if (!v.isObject()) {
        fail(key, QStringLiteral("must be a string or an object of texts by language ({\"en\": ..., \"ko\": ...})"));
        return {};
    }
    const QJsonObject texts = v.toObject();
    LocalizedText out;
    QStringList languages = texts.keys();
    std::sort(languages.begin(), languages.end());
    for (const QString &language : std::as_const(languages)) {
        const QString path = key + QLatin1Char('.') + language;
        const bool code = (language.size() == 2 || language.size() == 3)
            && std::all_of(language.cbegin(), language.cend(),
                [](QChar c) { return c >= QLatin1Char('a') && c <= QLatin1Char('z'); });
        if (!code) {
            fail(path, QStringLiteral("not a language code (two or three lowercase letters, e.g. \"en\", \"ko\")"));
            return {};
        }
        if (!texts.value(language).isString()) {
            fail(path, QStringLiteral("must be a string"));
            return {};
        }
        out.setText(language, texts.value(language).toString());
    }
    if (!out.hasLanguage(LocalizedText::English))
        fail(key + QStringLiteral(".en"), QStringLiteral("missing (every text needs its English version)"));
    return out;
}

std::optional<QString> ScenarioObjectReader::nullableString(const QString &key, const std::optional<QString> &fallback)
{
    if (!has(key))
        return fallback;
    const QJsonValue v = raw(key);
    if (v.isNull())
        return std::nullopt;
    if (!v.isString()) {
        fail(key, QStringLiteral("must be a string or null"));
        return fallback;
    }
    return v.toString();
}

qint64 ScenarioObjectReader::integer(const QString &key, qint64 fallback, qint64 min, qint64 max, bool required)
{
    if (!has(key)) {
        if (required)
            fail(key, QStringLiteral("missing (an integer is required)"));
        return fallback;
    }
    const QJsonValue v = raw(key);
    const double d = v.toDouble();
    if (!v.isDouble() || d != std::floor(d)) {
        fail(key, QStringLiteral("must be an integer"));
        return fallback;
    }
    if (d < double(min) || d > double(max)) {
        fail(key, QStringLiteral("%1 is out of range [%2, %3]").arg(qint64(d)).arg(min).arg(max));
        return fallback;
    }
    return qint64(d);
}

double ScenarioObjectReader::number(const QString &key, double fallback, double min, double max)
{
    if (!has(key))
        return fallback;
    const QJsonValue v = raw(key);
    if (!v.isDouble()) {
        fail(key, QStringLiteral("must be a number"));
        return fallback;
    }
    if (v.toDouble() < min || v.toDouble() > max) {
        fail(key, QStringLiteral("%1 is out of range [%2, %3]").arg(v.toDouble()).arg(min).arg(max));
        return fallback;
    }
    return v.toDouble();
}

bool ScenarioObjectReader::boolean(const QString &key, bool fallback)
{
    if (!has(key))
        return fallback;
    if (!raw(key).isBool()) {
        fail(key, QStringLiteral("must be true or false"));
        return fallback;
    }
    return raw(key).toBool();
}

QString ScenarioObjectReader::choice(const QString &key, const QStringList &choices, const QString &fallback)
{
    const QString v = string(key, fallback);
    if (ok() && !choices.contains(v))
        fail(key, QStringLiteral("\"%1\" is not one of: %2").arg(v, choices.join(QStringLiteral(", "))));
    return v;
}

QJsonArray ScenarioObjectReader::array(const QString &key, bool required)
{
    if (!has(key)) {
        if (required)
            fail(key, QStringLiteral("missing (an array is required)"));
        return {};
    }
    if (!raw(key).isArray()) {
        fail(key, QStringLiteral("must be an array"));
        return {};
    }
    return raw(key).toArray();
}

QStringList ScenarioObjectReader::stringList(const QString &key, bool required)
{
    const QJsonArray a = array(key, required);
    QStringList out;
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        if (!a.at(i).isString())
            fail(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be a string"));
        else
            out << a.at(i).toString();
    }
    return out;
}

QList<ScenarioKey> ScenarioObjectReader::keys()
{
    if (has(QStringLiteral("key")) && has(QStringLiteral("keys"))) {
        fail(QStringLiteral("keys"), QStringLiteral("give either \"key\" or \"keys\", not both"));
        return {};
    }
    if (has(QStringLiteral("key")))
        return {nullableString(QStringLiteral("key"), std::nullopt)};
    const QJsonArray a = array(QStringLiteral("keys"));
    QList<ScenarioKey> out;
    for (qsizetype i = 0; i < a.size() && ok(); ++i) {
        if (a.at(i).isNull())
            out << std::nullopt;
        else if (a.at(i).isString())
            out << a.at(i).toString();
        else
            fail(QStringLiteral("keys[%1]").arg(i), QStringLiteral("must be a string or null"));
    }
    if (ok() && has(QStringLiteral("keys")) && out.isEmpty())
        fail(QStringLiteral("keys"), QStringLiteral("must not be empty"));
    return out;
}

SerdeFormat ScenarioObjectReader::serde(const QString &key)
{
    const QString name = string(key, QStringLiteral("string"));
    const std::optional<SerdeFormat> f = Serializer::formatFromName(name);
    if (ok() && !f)
        fail(key, QStringLiteral("unknown serde \"%1\" (string, bytes, json, int32, int64)").arg(name));
    return f.value_or(SerdeFormat::String);
}

std::optional<int> ScenarioObjectReader::partition(const QString &key)
{
    if (!has(key))
        return std::nullopt;
    return int(integer(key, 0, 0, 100000));
}

} // namespace topicscope::engine
