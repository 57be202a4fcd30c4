#pragma once

#include "consumeroffsetsrecords.h"
#include "groupdescription.h"
#include "groupgeneration.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QMap>
#include <optional>

namespace topicscope::engine {

// The rebalance history of a cluster's groups, built from two kinds of evidence: group descriptions compared poll
// after poll (observe: a row whenever a settled group shows another generation, other members or another
// assignment) and the records of __consumer_offsets (addOffsetsRecord: GroupMetadata values carry each classic
// generation; consumer-protocol records each group epoch). history() merges them: a row known from both is shown
// once, with both sources. Bounded: at most GroupHistory::MaxRowsPerGroup rows per group and source, at most
// GroupHistory::MaxGroups groups (the ones least recently changed are forgotten first). Pure: time comes in as
// arguments. Lives on the thread that owns it (a remote cluster's worker, or the engine thread).
class GenerationHistory {
public:
    using Assignments = QHash<QString, QMap<QString, QList<TopicPartition>>>; // group -> member -> partitions

    // pollSource: what observe() rows say they are (Polled for a remote cluster, Coordinator for the embedded one).
    explicit GenerationHistory(GroupGeneration::Source pollSource = GroupGeneration::Polled);

    // One poll. decoded: members' partitions when the caller has them decoded (librdkafka does); otherwise each
    // member's assignment bytes are decoded here (ConsumerProtocolAssignment), or a consumer-protocol member's
    // assignedPartitions used. generationsKnown: false when the descriptions carry no generation (librdkafka 2.0's
    // DescribeConsumerGroups), then rows have generation -1 and merge by their members and assignment.
    void observe(
        const QList<GroupDescription> &groups, const Assignments &decoded, bool generationsKnown, qint64 nowMs);

    // One record of __consumer_offsets (null value: a tombstone). Records that are not group metadata (offset
    // commits) or do not decode are ignored.
    void addOffsetsRecord(QByteArrayView key, const std::optional<QByteArray> &value, qint64 timestampMs);

    GroupHistory history() const;

    // The merge, on its own: rows seen (polled or from the coordinator) and rows recorded (from __consumer_offsets),
    // any groups. Per group: a seen row with a known generation joins the recorded row of that generation; one
    // without joins the next recorded row (in generation order, after the last one joined) with the same members
    // and assignment. The richer row's fields win, the other fills what it lacks, sources are or-ed, the time is
    // the earlier. Result by group id, then by time; partitionsMoved computed against the previous row.
    static QList<GroupGeneration> merge(const QList<GroupGeneration> &seen, const QList<GroupGeneration> &recorded);

    // "g gen 2 Stable range leader=m1 [m1=t-0,t-1 m2=t-2] moved [t-2] polled+offsets": one line per row, for tests
    // and logs.
    static QString describe(const GroupGeneration &row);

private:
    // A consumer-protocol group as its records tell it so far.
    struct ConsumerGroupState {
        qint32 groupEpoch = -1;
        QMap<QString, ConsumerGroupMemberMetadataRecordValue> metadata; // by member id
        QMap<QString, QList<ConsumerGroupTopicPartitions>> assigned; // by member id
        qint64 epochTimeMs = 0;
    };

    void addSeen(GroupGeneration row);
    void addRecorded(GroupGeneration row);
    void recordConsumerGroup(const QString &group, qint64 timestampMs);
    ConsumerGroupState &consumerGroup(const QString &group, qint64 timestampMs);
    void forgetOldGroups();

    GroupGeneration::Source m_pollSource;
    QHash<QString, GroupGeneration> m_lastSeen; // the last settled description of each group
    QHash<QString, QList<GroupGeneration>> m_seen; // per group, oldest first
    QHash<QString, QList<GroupGeneration>> m_recorded; // per group, by generation
    QHash<QString, ConsumerGroupState> m_consumerGroups;
    ConsumerGroupState m_forgotten; // what consumerGroup() hands out for a group too old to keep
    QHash<TopicId, QString> m_topicNames; // from ConsumerGroupPartitionMetadata records
    QHash<QString, qint64> m_lastChangeMs; // per group: which to forget first
    // history()'s merged rows, kept until addSeen or addRecorded changes what they come from: a snapshot of an
    // unchanged history (most of them) costs no merge.
    mutable std::optional<QList<GroupGeneration>> m_merged;
};

} // namespace topicscope::engine
