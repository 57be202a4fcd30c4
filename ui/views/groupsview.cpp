#include "groupsview.h"

#include "clusterclient.h"
#include "clusterkind.h"
#include "format.h"
#include "groupmembersmodel.h"
#include "groupoffsetsmodel.h"
#include "groupsmodel.h"
#include "rebalancehistorymodel.h"
#include "resetoffsetsdialog.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace topicscope::ui {

GroupsView::GroupsView(engine::ClusterClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_groups(new GroupsModel(this))
    , m_members(new GroupMembersModel(this))
    , m_offsets(new GroupOffsetsModel(this))
    , m_history(new RebalanceHistoryModel(this))
    , m_groupTable(new TableView(this))
    , m_historyTable(new TableView(this))
    , m_historyNote(new QLabel(this))
    , m_memberTable(new TableView(this))
    , m_offsetTable(new TableView(this))
    , m_summary(new QLabel(this))
    , m_reset(new QPushButton(tr("Reset Offsets…"), this))
    , m_delete(new QPushButton(tr("Delete Group…"), this))
{
    m_delete->setObjectName(QStringLiteral("deleteGroup"));
    m_groupTable->setObjectName(QStringLiteral("groupsTable"));
    m_memberTable->setObjectName(QStringLiteral("membersTable"));
    m_offsetTable->setObjectName(QStringLiteral("groupOffsetsTable"));
    m_reset->setObjectName(QStringLiteral("resetOffsets"));
    m_groupTable->setSourceModel(m_groups);
    m_memberTable->setSourceModel(m_members);
    m_offsetTable->setSourceModel(m_offsets);
    m_historyTable->setObjectName(QStringLiteral("rebalanceHistoryTable"));
    m_historyTable->setSourceModel(m_history);
    // Every column in view at 1280x720, the source included: the members take what is left (their tooltip has
    // the ids and hosts).
    QHeaderView *historyHeader = m_historyTable->horizontalHeader();
    historyHeader->resizeSection(RebalanceHistoryModel::Time, 90);
    historyHeader->resizeSection(RebalanceHistoryModel::Generation, 80);
    historyHeader->resizeSection(RebalanceHistoryModel::State, 80);
    historyHeader->resizeSection(RebalanceHistoryModel::Assignor, 80);
    historyHeader->resizeSection(RebalanceHistoryModel::Moved, 100);
    historyHeader->resizeSection(RebalanceHistoryModel::Source, 175);
    historyHeader->setSectionResizeMode(RebalanceHistoryModel::Members, QHeaderView::Stretch);
    m_historyNote->setObjectName(QStringLiteral("rebalanceHistoryNote"));
    m_historyNote->setWordWrap(true);
    m_groupTable->horizontalHeader()->resizeSection(GroupsModel::Group, 160);
    // What a member holds and where it stands in a rebalance come first: at 1280x720 the rest scrolls.
    m_memberTable->horizontalHeader()->resizeSection(GroupMembersModel::MemberId, 140);
    m_memberTable->horizontalHeader()->resizeSection(GroupMembersModel::AssignedPartitions, 140);
    m_memberTable->horizontalHeader()->resizeSection(GroupMembersModel::Reconciliation, 280);
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);

    auto *details = new QWidget(this);
    auto *dl = new QVBoxLayout(details);
    dl->setContentsMargins(0, 0, 0, 0);
    auto *header = new QHBoxLayout;
    header->addWidget(m_summary, 1);
    header->addWidget(m_reset);
    header->addWidget(m_delete);
    dl->addLayout(header);
    auto *inner = new QSplitter(Qt::Horizontal, details);
    auto wrap = [](const QString &title, QWidget *table, QWidget *parent) {
        auto *box = new QWidget(parent);
        auto *l = new QVBoxLayout(box);
        l->setContentsMargins(0, 0, 0, 0);
        l->addWidget(new QLabel(title, box));
        l->addWidget(table);
        return box;
    };
    inner->addWidget(wrap(tr("Members"), m_memberTable, inner));
    inner->addWidget(wrap(tr("Offsets and lag"), m_offsetTable, inner));
    // Members get the larger share: their assignment and reconciliation are what a rebalance demo points at.
    inner->setStretchFactor(0, 3);
    inner->setStretchFactor(1, 2);
    auto *history = new QWidget(details);
    auto *hl = new QVBoxLayout(history);
    hl->setContentsMargins(0, 0, 0, 0);
    auto *historyTitle = new QHBoxLayout;
    historyTitle->addWidget(new QLabel(tr("Rebalance history"), history));
    historyTitle->addWidget(m_historyNote, 1);
    hl->addLayout(historyTitle);
    hl->addWidget(m_historyTable);
    auto *lower = new QSplitter(Qt::Vertical, details);
    lower->addWidget(inner);
    lower->addWidget(history);
    lower->setStretchFactor(0, 1);
    lower->setStretchFactor(1, 1);
    dl->addWidget(lower, 1);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_groupTable);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_groupTable->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        showGroup();
        Q_EMIT currentGroupChanged(currentGroup());
    });
    connect(m_reset, &QPushButton::clicked, this, &GroupsView::resetOffsets);
    connect(m_delete, &QPushButton::clicked, this, &GroupsView::deleteGroup);
    if (client) {
        connect(client, &engine::ClusterClient::commandFinished, this,
            [this](quint64 id, int error, const QString &message) {
                if (id != m_deleteRequest)
                    return;
                m_deleteRequest = 0;
                if (error == 0)
                    return;
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Delete Group"),
                    tr("The group was not deleted: %1").arg(message.isEmpty() ? tr("error %1").arg(error) : message),
                    QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            });
    }
    showGroup();
}

void GroupsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_groups->setSnapshot(snapshot);
    if (currentGroup().isEmpty() && m_groups->rowCount() > 0)
        m_groupTable->selectSourceRow(0);
    showGroup();
}

QString GroupsView::currentGroup() const
{
    const int row = m_groupTable->currentSourceRow();
    return row >= 0 ? m_groups->rowAt(row).groupId : QString();
}

void GroupsView::selectGroup(const QString &groupId)
{
    const int row = m_groups->rowOf(groupId);
    if (row >= 0)
        m_groupTable->selectSourceRow(row);
}

bool GroupsView::canResetOffsets() const
{
    const int row = m_groups->rowOf(currentGroup());
    return row >= 0 && m_groups->rowAt(row).state == QLatin1String("Empty");
}

void GroupsView::showGroup()
{
    const QString group = currentGroup();
    m_members->setGroup(group);
    m_offsets->setGroup(group);
    m_members->setSnapshot(m_snapshot);
    m_offsets->setSnapshot(m_snapshot);
    m_history->setGroup(group);
    m_history->setSnapshot(m_snapshot);
    m_historyNote->setText(historyNote());
    const int row = m_groups->rowOf(group);
    if (row < 0) {
        m_summary->setText(tr("No consumer group selected."));
        m_reset->setEnabled(false);
        m_delete->setEnabled(false);
        return;
    }
    const GroupRow &g = m_groups->rowAt(row);
    const QString generation = g.generationId < 0 ? tr("—") : QString::number(g.generationId); // -1: not known
    if (g.consumerProtocol) {
        // Kafka 4's protocol: no leader and no generation, but a group epoch and a target assignment epoch.
        m_summary->setText(
            tr("<b>%1</b> · %2 · consumer protocol (KIP-848), assignor %3 on the broker · group epoch %4 "
               "· target epoch %5 · <b>total lag %6</b>")
                .arg(g.groupId.toHtmlEscaped(), g.state, g.protocolName, generation, QString::number(g.assignmentEpoch),
                    format::count(g.totalLag)));
    } else {
        m_summary->setText(
            tr("<b>%1</b> · %2 · %3 %4 · generation %5 · leader %6 · <b>total lag %7</b>")
                .arg(g.groupId.toHtmlEscaped(), g.state, g.protocolType.isEmpty() ? tr("no protocol") : g.protocolType,
                    g.protocolName, generation, g.leader.isEmpty() ? tr("—") : g.leader.toHtmlEscaped(),
                    format::count(g.totalLag)));
    }
    m_reset->setEnabled(canResetOffsets());
    m_delete->setEnabled(canResetOffsets());
    m_delete->setToolTip(canResetOffsets()
            ? tr("Delete the group and its committed offsets")
            : tr("Kafka deletes a group only when it is Empty: stop its consumers first."));
    m_reset->setToolTip(canResetOffsets()
            ? tr("Move the group's committed offsets")
            : tr("Kafka resets offsets only when the group is Empty: stop its consumers first."));
}

QString GroupsView::historyNote() const
{
    using Access = engine::GroupHistory::OffsetsTopicAccess;
    const engine::GroupHistory &h = m_snapshot.groupHistory;
    QString note;
    switch (isRemoteCluster(m_snapshot) ? h.offsetsTopicAccess : Access::NotApplicable) {
    case Access::NotApplicable:
        note = tr("Each generation as the embedded broker's coordinator saw it.");
        break;
    case Access::Reading:
        note = tr("Generations read from %1 and seen by polling.").arg(h.offsetsTopic);
        break;
    case Access::NotTried:
        note = tr("Only what polling saw (%1 not read yet).").arg(h.offsetsTopic);
        break;
    case Access::NotListed:
        note = tr("Only what polling saw: the cluster does not list %1 to this connection (absent, or no permission "
                  "to describe it).")
                   .arg(h.offsetsTopic);
        break;
    case Access::Refused:
        note = tr("Only what polling saw: this connection may not read %1 (%2).")
                   .arg(h.offsetsTopic, h.offsetsTopicError);
        break;
    case Access::Failed:
        note = tr("Only what polling saw: %1 could not be read (%2).").arg(h.offsetsTopic, h.offsetsTopicError);
        break;
    case Access::TurnedOff:
        note = tr("Only what polling saw: reading %1 is turned off for this connection.").arg(h.offsetsTopic);
        break;
    }
    if (!currentGroup().isEmpty() && m_history->rowCount() == 0)
        note += QLatin1Char(' ') + tr("No generation of this group seen yet.");
    return note;
}

void GroupsView::deleteGroup()
{
    if (!canResetOffsets() || !m_client)
        return;
    const QString group = currentGroup();
    const auto answer = QMessageBox::question(this, tr("Delete Group"),
        tr("Delete consumer group %1 and its committed offsets? The next consumer to join it starts where "
           "auto.offset.reset says.")
            .arg(group));
    if (answer == QMessageBox::Yes && currentGroup() == group)
        deleteCurrentGroup();
}

quint64 GroupsView::deleteCurrentGroup()
{
    if (!canResetOffsets() || !m_client)
        return 0;
    m_deleteRequest = m_client->deleteGroup(currentGroup());
    return m_deleteRequest;
}

void GroupsView::resetOffsets()
{
    if (!canResetOffsets() || !m_client)
        return;
    QStringList topics;
    for (const engine::GroupPartitionOffset &o : m_offsets->rows()) {
        if (!topics.contains(o.topicPartition.topic))
            topics.append(o.topicPartition.topic);
    }
    if (topics.isEmpty()) {
        for (const engine::TopicInfo &t : m_snapshot.topics)
            topics.append(t.name);
    }
    ResetOffsetsDialog dialog(m_client, currentGroup(), topics, this);
    dialog.exec();
}

} // namespace topicscope::ui
