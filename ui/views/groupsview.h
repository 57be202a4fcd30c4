#pragma once

#include "brokersnapshot.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

class GroupMembersModel;
class GroupOffsetsModel;
class GroupsModel;
class RebalanceHistoryModel;
class TableView;

// Consumer groups: the list, and for the current group its members with their assigned partitions, its
// committed offsets, end offsets and lag, and its rebalance history (a row per generation, with where it was seen).
// Offsets can be reset only while the group is Empty. GUI thread.
class GroupsView : public QWidget {
    Q_OBJECT
public:
    explicit GroupsView(engine::ClusterClient *client, QWidget *parent = nullptr);
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    QString currentGroup() const;
    void selectGroup(const QString &groupId);
    bool canResetOffsets() const;
    void resetOffsets(); // opens the dialog
    // Kafka's DeleteGroups for the current group, Empty only (as resetting offsets): asks first, then
    // deleteCurrentGroup(). A refusal (the group came back meanwhile) is shown when it answers.
    void deleteGroup();
    quint64 deleteCurrentGroup(); // without asking; 0 when the group cannot be deleted

    GroupsModel *groupsModel() const { return m_groups; }
    GroupMembersModel *membersModel() const { return m_members; }
    GroupOffsetsModel *offsetsModel() const { return m_offsets; }
    RebalanceHistoryModel *historyModel() const { return m_history; }
    // The plain sentence above the history: where its rows come from, or why a source is unavailable.
    QString historyNote() const;

Q_SIGNALS:
    void currentGroupChanged(const QString &groupId);

private:
    void showGroup();

    QPointer<engine::ClusterClient> m_client;
    engine::BrokerSnapshot m_snapshot;
    GroupsModel *m_groups = nullptr;
    GroupMembersModel *m_members = nullptr;
    GroupOffsetsModel *m_offsets = nullptr;
    RebalanceHistoryModel *m_history = nullptr;
    TableView *m_groupTable = nullptr;
    TableView *m_historyTable = nullptr;
    QLabel *m_historyNote = nullptr;
    TableView *m_memberTable = nullptr;
    TableView *m_offsetTable = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_reset = nullptr;
    QPushButton *m_delete = nullptr;
    quint64 m_deleteRequest = 0; // the DeleteGroups answer awaited
};

} // namespace topicscope::ui
