#pragma once

#include "clientoptions.h"

#include <QByteArray>
#include <QString>
#include <QVariant>
#include <optional>

namespace topicscope::engine {

struct SerializeResult {
    std::optional<QByteArray> bytes; // nullopt for a null input: Kafka never serializes null
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

struct DeserializeResult {
    // nullopt for a null record key/value (Kafka's deserializers return null for null). Otherwise a QString,
    // QByteArray, QJsonValue, qint32 or qint64 according to the format.
    std::optional<QVariant> value;
    QString error; // empty on success
    bool ok() const { return error.isEmpty(); }
};

// A serializer/deserializer pair of one format (Kafka's Serde). A value type, no state beyond its settings;
// usable on any thread. Failures are values with a message, never exceptions.
class Serializer {
public:
    // acceptsNull = false makes deserialize(nullopt) an error (for a consumer that requires keys, say);
    // Kafka's own deserializers accept null and return null, which is the default here.
    explicit Serializer(SerdeFormat format = SerdeFormat::String, bool acceptsNull = true)
        : m_format(format)
        , m_acceptsNull(acceptsNull)
    { }

    SerdeFormat format() const { return m_format; }
    bool acceptsNull() const { return m_acceptsNull; }
    // Short name for display: "string", "bytes", "json", "int32", "int64".
    QString name() const;
    static QString formatName(SerdeFormat format);
    static std::optional<SerdeFormat> formatFromName(const QString &name);

    // A null input (nullopt, or an invalid QVariant) stays null. A value of the wrong type is an error.
    SerializeResult serialize(const std::optional<QVariant> &value) const;
    DeserializeResult deserialize(const std::optional<QByteArray> &bytes) const;

    // Human-readable rendering of a deserialized value, for logs and explanations ("null" for null).
    static QString display(const std::optional<QVariant> &value);

private:
    SerdeFormat m_format;
    bool m_acceptsNull;
};

} // namespace topicscope::engine
