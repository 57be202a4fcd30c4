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
};

// Every topic of the cluster, one row each, from the snapshots. GUI thread.
class TopicsModel : public KeyedTableModel<TopicRow, QString> {
    Q_OBJECT
public:
    enum Column { Name, Partitions, Records, Size, ProduceRate, Retention, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // Internal topics (__consumer_offsets) are left out unless shown; off by default, as in Kafka tools.
    void setShowInternal(bool show);
    bool showInternal() const { return m_showInternal; }
    static QList<TopicRow> rowsOf(const engine::BrokerSnapshot &snapshot, bool showInternal = true);

protected:
    QString keyOf(const TopicRow &row) const override { return row.name; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const TopicRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    engine::BrokerSnapshot m_snapshot;
    bool m_showInternal = false;
};

} // namespace topicscope::ui
