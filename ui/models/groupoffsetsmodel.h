#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

// Committed offset, end offset and lag of one group on each partition it committed or is assigned.
// GUI thread.
class GroupOffsetsModel : public KeyedTableModel<engine::GroupPartitionOffset, engine::TopicPartition> {
    Q_OBJECT
public:
    enum Column { Topic, Partition, Committed, LogEnd, Lag, Member, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setGroup(const QString &groupId);
    QString group() const { return m_group; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    qint64 totalLag() const { return m_totalLag; }

protected:
    engine::TopicPartition keyOf(const engine::GroupPartitionOffset &row) const override { return row.topicPartition; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const engine::GroupPartitionOffset &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QString m_group;
    qint64 m_totalLag = 0;
};

} // namespace topicscope::ui
