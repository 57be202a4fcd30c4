#pragma once

#include "flowsnapshot.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace topicscope::ui {

// The completed rebalances of a scenario run, one row each in the order they completed (the row is the index into
// FlowSnapshot::rebalances). During a run the list only grows, so a longer list with the same beginning appends
// rows; anything else is a new run and resets. GUI thread.
class RebalanceModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Time,
        Group,
        Generation,
        Cause,
        Assignor,
        Duration,
        Paused,
        PartitionsMoved,
        Assignment,
        ColumnCount
    };
    enum Role {
        // SortRole (Qt::UserRole, format.h) answers the raw value of every column.
        GroupRole = Qt::UserRole + 1, // QString, any column
        GenerationRole, // int, any column
        TimeMsRole, // qint64 completion time, any column
    };

    explicit RebalanceModel(QObject *parent = nullptr);

    void setRebalances(const QList<engine::ScenarioRebalance> &rebalances);
    // The run's ownership gaps (FlowSnapshot::gaps, AssignorRun::gaps), for the Paused column: per rebalance, the
    // time the partitions it handed out had been owned by nobody, summed over those partitions (-1 until the gaps
    // are known).
    void setGaps(const QList<engine::OwnershipGap> &gaps);
    qint64 pausedMs(int row) const;
    const QList<engine::ScenarioRebalance> &rebalances() const { return m_rebalances; }
    const engine::ScenarioRebalance &rebalanceAt(int row) const { return m_rebalances.at(row); }
    int rowOf(const QString &group, int generation) const; // -1 when absent

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    static QString formatTime(qint64 ms); // "+12.300 s"
    static QString formatDuration(qint64 ms); // "300 ms", "2.500 s"
    static QString formatAssignment(const engine::ScenarioRebalance &rebalance); // "c1=[orders-0,orders-1] c2=[]"
    // "3"; under the consumer protocol "epoch 3" or "epoch 3, replaced".
    static QString generationText(const engine::ScenarioRebalance &rebalance);
    // A row of a group under Kafka 4's consumer protocol: its generation is a group epoch.
    static bool isConsumerProtocol(const engine::ScenarioRebalance &rebalance)
    {
        return rebalance.groupType == QLatin1String("consumer");
    }

private:
    QList<engine::ScenarioRebalance> m_rebalances;
    // (group, time a gap ended) -> summed gap ms; a gap ends when a rebalance assigns the partition again.
    QHash<std::pair<QString, qint64>, qint64> m_gapsEndingAt;
    bool m_hasGaps = false;
    QList<engine::OwnershipGap> m_gaps; // the list m_gapsEndingAt was summed from
};

} // namespace topicscope::ui
