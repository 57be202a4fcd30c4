#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

// The rebalance history of one group: a row per generation (or group epoch) as the snapshot's GroupHistory carries
// it, oldest first, each saying where it was seen (polling, __consumer_offsets, the embedded coordinator). The same
// rows for the embedded broker and a remote cluster. GUI thread.
class RebalanceHistoryModel : public KeyedTableModel<engine::GroupGeneration, QString> {
    Q_OBJECT
public:
    enum Column { Time, Generation, State, Assignor, Members, Moved, Source, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setGroup(const QString &groupId);
    QString group() const { return m_group; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);

    // "polled + __consumer_offsets", "coordinator".
    static QString sourceText(int sources);
    // "app-1 [orders 0, 1] · app-2 [orders 2]": members by client id (member id when it has none).
    static QString membersText(const engine::GroupGeneration &row);

protected:
    QString keyOf(const engine::GroupGeneration &row) const override;
    int columns() const override { return ColumnCount; }
    QVariant cell(const engine::GroupGeneration &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QString m_group;
};

} // namespace topicscope::ui
