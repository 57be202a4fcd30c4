#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

struct PartitionRow {
    int partition = 0;
    qint64 logStartOffset = 0;
    qint64 logEndOffset = 0;
    qint64 sizeBytes = 0;
    qint64 lastAppendTimeMs = -1;
    double recordsPerSecond = 0;
    qint64 snapshotMs = 0; // "3 s ago" is relative to the snapshot
};

// The partitions of one topic. GUI thread.
class PartitionsModel : public KeyedTableModel<PartitionRow, int> {
    Q_OBJECT
public:
    enum Column { Partition, LogStartOffset, LogEndOffset, Records, Size, LastAppend, Leader, Rate, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setTopic(const QString &topic); // rows come with the next snapshot
    QString topic() const { return m_topic; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);

protected:
    int keyOf(const PartitionRow &row) const override { return row.partition; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const PartitionRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QString m_topic;
};

} // namespace topicscope::ui
