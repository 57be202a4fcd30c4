#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

struct GroupMemberRow {
    QString memberId;
    QString groupInstanceId;
    QString clientId;
    QString clientHost;
    QList<engine::TopicPartition> assigned;
    bool isLeader = false;
    qint32 sessionTimeoutMs = 0;
    qint64 sinceHeartbeatMs = -1; // at the snapshot's time; -1 when unknown
    // Consumer-protocol members (KIP-848): where the member stands in moving to its target assignment.
    bool consumerProtocol = false;
    qint32 memberEpoch = -1;
    QString memberState; // "stable", "unrevoked_partitions", "unreleased_partitions"
    QList<engine::TopicPartition> revoking; // must be given up before anyone else gets them
    QList<engine::TopicPartition> waitingFor; // in its target, still held by a member that has not revoked them
};

// The members of one group with their decoded assignments, session timeouts and how long ago the coordinator last
// heard from each (at the snapshot's time: the member's session expires when that reaches its timeout). GUI
// thread.
class GroupMembersModel : public KeyedTableModel<GroupMemberRow, QString> {
    Q_OBJECT
public:
    enum Column {
        MemberId,
        AssignedPartitions,
        Reconciliation,
        ClientId,
        Host,
        SessionTimeout,
        LastHeartbeat,
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;

    void setGroup(const QString &groupId);
    QString group() const { return m_group; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    // "orders-0, orders-2" (or "orders: 0, 2" grouped per topic).
    static QString partitionList(const QList<engine::TopicPartition> &partitions);
    // "3.2 s ago", "1 min 5 s ago", "—" when unknown.
    static QString heartbeatAge(qint64 ms);
    // "epoch 4 · stable", "epoch 3 · revoking orders [2]", "epoch 4 · waiting for orders [1]"; "—" for a classic
    // member.
    static QString reconciliation(const GroupMemberRow &row);

protected:
    QString keyOf(const GroupMemberRow &row) const override { return row.memberId; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const GroupMemberRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QString m_group;
};

} // namespace topicscope::ui
