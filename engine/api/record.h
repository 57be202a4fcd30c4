#pragma once

#include <QByteArray>
#include <QList>
#include <optional>

namespace topicscope::engine {

enum class TimestampType { CreateTime = 0, LogAppendTime = 1 };

struct RecordHeader {
    QByteArray key; // UTF-8 on the wire; kept as bytes
    std::optional<QByteArray> value;
    bool operator==(const RecordHeader &) const = default;
};

// One Kafka record. A null key or value (std::nullopt) is distinct from an empty one, as in Kafka.
struct Record {
    qint64 offset = -1; // absolute; -1 until the log assigns it
    qint64 timestamp = -1;
    std::optional<QByteArray> key;
    std::optional<QByteArray> value;
    QList<RecordHeader> headers;
    bool operator==(const Record &) const = default;
};

} // namespace topicscope::engine
