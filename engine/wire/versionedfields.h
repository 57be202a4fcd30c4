#pragma once

#include "wire/messagefields.h"

#include <QList>
#include <QString>
#include <optional>

// Fields whose nullability starts at a version (Kafka's "nullableVersions" narrower than "versions"), for message
// descriptions: a topic name that may be null only since topic ids came (Metadata v10+, DeleteTopics v6+), a topic
// list that may be null only from Metadata v1. The message keeps them as std::optional in every version; where the
// version has no null, decoding always gives a value and encoding writes a null as the empty value, as Kafka's
// error responses do ("the response does not allow null, so convert to empty string"). Pure value code.
namespace topicscope::engine::wire {

inline void maybeNullString(FieldDecoder &io, std::optional<QString> &v, bool nullable)
{
    if (nullable) {
        io.nullableString(v);
        return;
    }
    QString value;
    io.string(value);
    v = std::move(value);
}

inline void maybeNullString(FieldEncoder &io, const std::optional<QString> &v, bool nullable)
{
    if (nullable)
        io.nullableString(v);
    else
        io.string(v.value_or(QString()));
}

template <class T, class Each>
void maybeNullArray(FieldDecoder &io, std::optional<QList<T>> &list, bool nullable, int minElementSize, Each &&each)
{
    if (nullable) {
        io.nullableArray(list, minElementSize, std::forward<Each>(each));
        return;
    }
    list.emplace();
    io.array(*list, minElementSize, std::forward<Each>(each));
}

template <class T, class Each>
void maybeNullArray(
    FieldEncoder &io, const std::optional<QList<T>> &list, bool nullable, int minElementSize, Each &&each)
{
    if (nullable)
        io.nullableArray(list, minElementSize, std::forward<Each>(each));
    else
        io.array(list ? *list : QList<T> {}, minElementSize, std::forward<Each>(each));
}

} // namespace topicscope::engine::wire
