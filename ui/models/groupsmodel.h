#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

struct GroupRow {
    QString groupId;
    QString state;
    bool consumerProtocol = false; // Kafka 4's consumer group protocol (KIP-848), else classic
    QString protocolType;
    QString protocolName;
    int generationId = 0; // the group epoch of a consumer-protocol group; -1 when the cluster did not say
    int assignmentEpoch = -1; // consumer protocol: the epoch of the target assignment
    QString leader;
    int members = 0;
    qint64 totalLag = 0;
};

// Every consumer group (in-app and wire clients alike). GUI thread.
class GroupsModel : public KeyedTableModel<GroupRow, QString> {
    Q_OBJECT
public:
    enum Column { Group, State, Type, ProtocolType, Assignor, Generation, Leader, Members, TotalLag, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const engine::BrokerSnapshot &snapshot);

protected:
    QString keyOf(const GroupRow &row) const override { return row.groupId; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const GroupRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;
};

} // namespace topicscope::ui
