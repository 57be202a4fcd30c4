#include "flowjson.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace topicscope::engine::flowjson {

namespace {

// A JSON integer within [min, max]. Qt keeps integers that fit in 64 bits exactly; a number with a fraction, or one
// written with an exponent beyond 2^53, is not an integer of the file.
bool readInteger(const QJsonValue &json, qint64 min, qint64 max, qint64 *out, Reader &reader)
{
    if (!json.isDouble())
        return reader.fail(QStringLiteral("expected an integer"));
    const qint64 value = json.toInteger(std::numeric_limits<qint64>::min());
    const bool integral = value != std::numeric_limits<qint64>::min() || json.toInteger(0) != 0;
    if (!integral)
        return reader.fail(QStringLiteral("expected an integer, got %1").arg(json.toDouble()));
    if (value < min || value > max)
        return reader.fail(QStringLiteral("%1 is out of range [%2, %3]").arg(value).arg(min).arg(max));
    *out = value;
    return true;
}

} // namespace

bool Reader::fail(const QString &message)
{
    if (m_error.isEmpty()) {
        const QString where = path();
        m_error = where.isEmpty() ? message : where + QStringLiteral(": ") + message;
    }
    return false;
}

QString Reader::path() const
{
    QString out;
    for (const Part &part : m_path) {
        if (part.index >= 0) {
            out += QLatin1Char('[') + QString::number(part.index) + QLatin1Char(']');
            continue;
        }
        if (!out.isEmpty())
            out += QLatin1Char('.');
        out += part.name ? QString::fromLatin1(part.name) : QLatin1Char('"') + part.key + QLatin1Char('"');
    }
    return out;
}

bool ObjectReader::finish()
{
    if (m_reader.failed())
        return false;
    if (qsizetype(m_names.size()) == m_object.size())
        return true;
    // Every listed field was found, so some key is not one of them.
    for (auto it = m_object.constBegin(); it != m_object.constEnd(); ++it) {
        const QString key = it.key();
        const bool known = std::any_of(
            m_names.cbegin(), m_names.cend(), [&key](const char *name) { return key == QLatin1String(name); });
        if (!known)
            return m_reader.fail(QStringLiteral("unknown field \"%1\"").arg(key));
    }
    return true;
}

QJsonValue toJson(bool value)
{
    return value;
}

QJsonValue toJson(int value)
{
    return value;
}

QJsonValue toJson(qint64 value)
{
    return value;
}

QJsonValue toJson(double value)
{
    // JSON has no NaN or infinity (Qt would write null, which no reader takes for a number).
    return std::isfinite(value) ? value : 0.0;
}

QJsonValue toJson(const QString &value)
{
    return value;
}

QJsonValue toJson(const QByteArray &value)
{
    return QString::fromLatin1(value.toBase64());
}

bool fromJson(const QJsonValue &json, bool &value, Reader &reader)
{
    if (!json.isBool())
        return reader.fail(QStringLiteral("expected true or false"));
    value = json.toBool();
    return true;
}

bool fromJson(const QJsonValue &json, int &value, Reader &reader)
{
    qint64 v = 0;
    if (!readInteger(json, std::numeric_limits<int>::min(), std::numeric_limits<int>::max(), &v, reader))
        return false;
    value = int(v);
    return true;
}

bool fromJson(const QJsonValue &json, qint64 &value, Reader &reader)
{
    return readInteger(
        json, std::numeric_limits<qint64>::min() + 1, std::numeric_limits<qint64>::max(), &value, reader);
}

bool fromJson(const QJsonValue &json, double &value, Reader &reader)
{
    if (!json.isDouble())
        return reader.fail(QStringLiteral("expected a number"));
    value = json.toDouble();
    return true;
}

bool fromJson(const QJsonValue &json, QString &value, Reader &reader)
{
    if (!json.isString())
        return reader.fail(QStringLiteral("expected a string"));
    value = json.toString();
    return true;
}

bool fromJson(const QJsonValue &json, QByteArray &value, Reader &reader)
{
    if (!json.isString())
        return reader.fail(QStringLiteral("expected a base64 string"));
    const QString text = json.toString();
    QByteArray latin = text.toLatin1();
    // toLatin1() turns what is not Latin-1 into '?', which base64 refuses anyway; checked to name the problem.
    const auto decoded = QByteArray::fromBase64Encoding(std::move(latin), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return reader.fail(QStringLiteral("not valid base64"));
    value = *decoded;
    return true;
}

} // namespace topicscope::engine::flowjson
