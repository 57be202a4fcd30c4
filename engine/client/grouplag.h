#pragma once

#include "brokersnapshot.h"

#include <QHash>
#include <QMap>

namespace topicscope::engine {

// kafka-consumer-groups --describe's arithmetic: a group's partitions (committed or assigned), each with its
// committed offset, log end, lag and owner, and the total lag. Shared by the embedded broker's explorer and the
// remote cluster backend so that both show lag alike. A pure function.
class GroupLag {
public:
    // assignment: memberId -> its partitions, sorted. A partition missing from logEnd counts as empty.
    static GroupOffsets compute(const QString &groupId, const QMap<QString, QList<TopicPartition>> &assignment,
        const QHash<TopicPartition, qint64> &committed, const QHash<TopicPartition, qint64> &logEnd);
};

} // namespace topicscope::engine
