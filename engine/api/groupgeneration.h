#pragma once

#include "topicpartition.h"

#include <QList>
#include <QMetaType>
#include <QString>

namespace topicscope::engine {

// One member of a group generation as seen: who it was and what it was assigned.
struct GenerationMember {
    QString memberId;
    QString clientId;
    QString clientHost;
    QList<TopicPartition> assignment; // sorted
    bool operator==(const GenerationMember &) const = default;
};

// One generation of a consumer group (or, for a consumer-protocol group, one group epoch) as the explorer saw it:
// the rows of a group's rebalance history, on the embedded broker and on a remote cluster alike. A value, built on
// the engine's or the remote cluster's worker thread.
struct GroupGeneration {
    // Where a row came from; a row known from more than one source carries each (merged by group and generation).
    enum Source {
        Polled = 0x1, // DescribeGroups answers compared poll after poll (a remote cluster)
        OffsetsTopic = 0x2, // GroupMetadata or consumer-protocol records read from __consumer_offsets
        Coordinator = 0x4, // the embedded broker's own group coordinator
    };

    qint64 timeMs = 0; // when the generation began (GroupMetadata's currentStateTimestamp) or was first seen
    QString groupId;
    QString groupType = QStringLiteral("classic"); // or "consumer" (KIP-848): generation is the group epoch
    qint32 generation = -1; // -1: unknown (librdkafka's DescribeConsumerGroups does not give it)
    QString state; // the group's state when seen ("Stable", "Empty", ...); "" when only a record told of it
    QString protocolType; // "consumer", or "" for a group that only commits
    QString assignor; // the classic protocol's name ("range", "cooperative-sticky") or the server assignor
    QString leader;
    QList<GenerationMember> members; // by member id
    QList<TopicPartition> partitionsMoved; // sorted: whose owner differs from the previous row's of the group
    int sources = 0; // Source flags

    bool operator==(const GroupGeneration &) const = default;
    bool hasSource(Source s) const { return (sources & s) != 0; }
};

// The rebalance history of every group, as one snapshot carries it: bounded in size (the newest rows of each
// group, at most MaxRowsPerGroup, and at most MaxGroups groups), oldest first within a group.
struct GroupHistory {
    static constexpr int MaxRowsPerGroup = 50;
    static constexpr int MaxGroups = 200;

    // Whether __consumer_offsets can be read on a remote cluster's connection, as a value the view words in its
    // language. The embedded broker's rows come from its coordinator: NotApplicable.
    enum class OffsetsTopicAccess {
        NotApplicable,
        NotTried, // not yet (before the first poll that could)
        Reading,
        NotListed, // the metadata does not list it: absent, or no Describe permission on it
        Refused, // an authorization error, or librdkafka says it does not know the topic
        Failed, // another error; offsetsTopicError says which
        TurnedOff, // the connection's settings say not to read it (RemoteClusterOptions::readOffsetsTopic)
    };

    QList<GroupGeneration> rows; // by group id, then in the order they happened
    OffsetsTopicAccess offsetsTopicAccess = OffsetsTopicAccess::NotApplicable;
    QString offsetsTopic; // the topic read ("__consumer_offsets")
    QString offsetsTopicError; // librdkafka's words for Refused and Failed

    bool operator==(const GroupHistory &) const = default;
};

} // namespace topicscope::engine

Q_DECLARE_TYPEINFO(topicscope::engine::GenerationMember, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(topicscope::engine::GroupGeneration, Q_RELOCATABLE_TYPE);
