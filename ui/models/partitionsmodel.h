#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"
#include "partitionhealth.h"

namespace topicscope::ui {

struct PartitionRow {
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    qint64 sizeBytes = 0;
    qint64 lastAppendTimeMs = -1;
    double recordsPerSecond = 0;
    qint64 snapshotMs = 0; // "3 s ago" is relative to the snapshot
    // Replication, on a remote cluster only (remote = the snapshot lists brokers): broker ids from Metadata. The
    // embedded broker is the single replica of everything: leader 0, no replica lists, always Ok.
    bool remote = false;
    int leader = 0; // -1 = none
    QList<int> replicas;
    QList<int> isr;
    PartitionHealth::State health = PartitionHealth::Ok;
    int error = 0;
    QString healthExplanation;
};

// The partitions of one topic; on a remote cluster with their leader, replicas, in-sync replicas and a status
// (PartitionHealth). GUI thread.
class PartitionsModel : public KeyedTableModel<PartitionRow, int> {
    Q_OBJECT
public:
    enum Column {
        Partition,
        LogStartOffset,
        LogEndOffset,
        Records,
        Size,
        LastAppend,
        Leader,
        Replicas, // remote clusters only: the view hides Replicas, Isr and Status for the embedded broker
        Isr,
        Status,
        Rate,
        ColumnCount
    };
    enum Role {
        // SortRole (Qt::UserRole, format.h) answers the raw value of every column.
        HealthRole = Qt::UserRole + 1, // int PartitionHealth::State, any column
    };
    using KeyedTableModel::KeyedTableModel;

    void setTopic(const QString &topic); // rows come with the next snapshot
    QString topic() const { return m_topic; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Whether the last snapshot was of a remote cluster (it listed brokers): the replication columns apply.
    bool isRemote() const { return m_remote; }

protected:
    int keyOf(const PartitionRow &row) const override { return row.partition; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const PartitionRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QString m_topic;
    bool m_remote = false;
};

} // namespace topicscope::ui
