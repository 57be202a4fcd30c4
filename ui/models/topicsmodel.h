#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

struct TopicRow {
    QString name;
    int partitions = 0;
    qint64 records = 0; // sum of logEndOffset - logStartOffset
    qint64 sizeBytes = 0;
    double recordsPerSecond = 0;
    qint64 retentionMs = -1;
    qint64 retentionBytes = -1;
    // A remote cluster's partitions by PartitionHealth (kafka-topics --describe --under-replicated-partitions /
    // --unavailable-partitions); the embedded broker leaves remote false and the counts at 0.
    bool remote = false;
    int underReplicated = 0;
    int offline = 0;
    int errored = 0; // partitions whose leader answered another error
    QList<int> offlinePartitions; // for the tooltip, sorted
    QList<int> underReplicatedPartitions;
};

// Every topic of the cluster, one row each, from the snapshots. GUI thread.
class TopicsModel : public KeyedTableModel<TopicRow, QString> {
    Q_OBJECT
public:
    enum Column { Name, Partitions, Replication, Records, Size, ProduceRate, Retention, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Internal topics (__consumer_offsets) are left out unless shown; off by default, as in Kafka tools.
    void setShowInternal(bool show);
    bool showInternal() const { return m_showInternal; }
    static QList<TopicRow> rowsOf(const engine::BrokerSnapshot &snapshot, bool showInternal = true);
    // A remote cluster (its snapshot lists brokers): the Replication column means something.
    bool isRemote() const { return m_remote; }
    // "2 offline, 1 under-replicated", "ok".
    static QString replicationText(const TopicRow &row);

protected:
    QString keyOf(const TopicRow &row) const override { return row.name; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const TopicRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    engine::BrokerSnapshot m_snapshot;
    bool m_showInternal = false;
    bool m_remote = false;
};

} // namespace topicscope::ui
