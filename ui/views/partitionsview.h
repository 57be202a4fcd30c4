#pragma once

#include "brokersnapshot.h"

#include <QWidget>

class QLabel;
class QTabWidget;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

class PartitionSkewChart;
class PartitionsModel;
class SegmentsModel;
class TableView;

// The partitions of the current topic; below them a bar chart of records per partition and the selected partition's
// segment files with what retention and the cleaner will do to each (asked of the ClusterClient, refreshed with each
// snapshot). On a remote cluster the table adds each partition's replicas, in-sync replicas and status
// (under-replicated, offline). GUI thread.
class PartitionsView : public QWidget {
    Q_OBJECT
public:
    explicit PartitionsView(QWidget *parent = nullptr);
    // Where the selected partition's segments are asked for; none: the Segments tab says nothing is selected.
    void setClient(engine::ClusterClient *client);
    // Shows the Segments tab (the tests and a tree click on a partition).
    void showSegments();
    SegmentsModel *segmentsModel() const { return m_segmentsModel; }
    void setTopic(const QString &topic);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    PartitionsModel *model() const { return m_model; }
    int currentPartition() const; // the selected row's partition, -1 when none

Q_SIGNALS:
    void partitionActivated(const QString &topic, int partition);

private:
    void showReplicationColumns(bool show);
    void requestSegments();

    PartitionsModel *m_model = nullptr;
    TableView *m_table = nullptr;
    QLabel *m_title = nullptr;
    PartitionSkewChart *m_skew = nullptr;
    QTabWidget *m_below = nullptr;
    SegmentsModel *m_segmentsModel = nullptr;
    TableView *m_segmentsTable = nullptr;
    QLabel *m_segmentsSummary = nullptr;
    engine::ClusterClient *m_client = nullptr;
    quint64 m_segmentsRequest = 0; // the answer wanted; older ones are dropped
};

} // namespace topicscope::ui
