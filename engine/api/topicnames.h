#pragma once

#include "errorcode.h"

#include <QString>

namespace topicscope::engine {

// Kafka's rules for topic names, as pure functions: the broker applies them when it creates a topic, and a dialog
// can check a name before it asks. Any thread.
class TopicNames {
public:
    static constexpr int MaxLength = 249;

    // 1-249 characters of [a-zA-Z0-9._-], not "." or "..": None, or INVALID_TOPIC_EXCEPTION and *why says why.
    static ErrorCode validate(const QString &name, QString *why = nullptr);
    // Kafka maps '.' to '_' in metric names, so it refuses a topic whose name differs from an existing one only
    // there. Two names collide when their metric names are equal.
    static QString metricName(const QString &topic);
    // Kafka's internal topics (Topic.isInternal): __consumer_offsets, __transaction_state, __share_group_state.
    // Only the broker writes them, Metadata flags them, auto-creation never creates them, views hide them unless
    // asked, and scenario recordings leave them out.
    static bool isInternal(const QString &topic);
};

} // namespace topicscope::engine
