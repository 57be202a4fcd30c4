#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class QLabel;

namespace topicscope::ui {

class PartitionSkewChart;
class PartitionsModel;
class TableView;

// The partitions of the current topic, and a bar chart of records per partition. On a remote cluster the table adds
// each partition's replicas, in-sync replicas and status (under-replicated, offline). GUI thread.
class PartitionsView : public QWidget {
    Q_OBJECT
public:
    explicit PartitionsView(QWidget *parent = nullptr);
    void setTopic(const QString &topic);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    PartitionsModel *model() const { return m_model; }

Q_SIGNALS:
    void partitionActivated(const QString &topic, int partition);

private:
    void showReplicationColumns(bool show);

    PartitionsModel *m_model = nullptr;
    TableView *m_table = nullptr;
    QLabel *m_title = nullptr;
    PartitionSkewChart *m_skew = nullptr;
};

} // namespace topicscope::ui
