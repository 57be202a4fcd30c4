#include "rebalancemodel.h"
#include "enginephrases.h"

#include "flowlogging.h"

#include <algorithm>

#include "format.h"

#include <QLoggingCategory>

namespace topicscope::ui {

namespace {

bool sameRebalance(const engine::ScenarioRebalance &a, const engine::ScenarioRebalance &b)
{
    return a.timeMs == b.timeMs && a.group == b.group && a.generation == b.generation && a.cause == b.cause
        && a.assignor == b.assignor && a.durationMs == b.durationMs && a.assignment == b.assignment
        && a.partitionsMoved == b.partitionsMoved;
}

} // namespace

RebalanceModel::RebalanceModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

void RebalanceModel::setRebalances(const QList<engine::ScenarioRebalance> &rebalances)
{
    bool extends = rebalances.size() >= m_rebalances.size();
    // Completed rebalances never change, so the newest kept row is enough to recognise the same run; comparing the
    // whole prefix on every snapshot would cost O(n) per tick for nothing.
    if (extends && !m_rebalances.isEmpty())
        extends = sameRebalance(m_rebalances.first(), rebalances.first())
            && sameRebalance(m_rebalances.last(), rebalances.at(m_rebalances.size() - 1));
    if (!extends) {
        qCDebug(lcFlow) << "rebalance list replaced:" << m_rebalances.size() << "->" << rebalances.size() << "rows";
        beginResetModel();
        m_rebalances = rebalances;
        endResetModel();
        return;
    }
    if (rebalances.size() == m_rebalances.size())
        return;
    beginInsertRows({}, int(m_rebalances.size()), int(rebalances.size()) - 1);
    m_rebalances.append(rebalances.mid(m_rebalances.size()));
    endInsertRows();
}

int RebalanceModel::rowOf(const QString &group, int generation) const
{
    for (int i = 0; i < m_rebalances.size(); ++i) {
        if (m_rebalances.at(i).group == group && m_rebalances.at(i).generation == generation)
            return i;
    }
    return -1;
}

int RebalanceModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rebalances.size());
}

int RebalanceModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RebalanceModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::ScenarioRebalance &r = m_rebalances.at(index.row());
    switch (role) {
    case GroupRole:
        return r.group;
    case GenerationRole:
        return r.generation;
    case TimeMsRole:
        return r.timeMs;
    case Qt::TextAlignmentRole:
        switch (Column(index.column())) {
        case Time:
        case Generation:
        case Duration:
        case Paused:
        case PartitionsMoved:
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        switch (Column(index.column())) {
        case Cause:
            return EnginePhrases::translate(r.cause);
        case Generation:
            if (!isConsumerProtocol(r))
                return {};
            return r.superseded ? tr("Group epoch %1 of Kafka 4's consumer protocol. A newer epoch began before every "
                                     "member had reached this one; the assignment shown is this epoch's target.")
                                      .arg(r.generation)
                                : tr("Group epoch %1 of Kafka 4's consumer protocol: every member reached its "
                                     "assignment, each on its own heartbeats, without a group-wide barrier.")
                                      .arg(r.generation);
        case PartitionsMoved:
            return r.partitionsMoved.isEmpty()
                ? tr("No partition changed owner")
                : tr("Changed owner: %1")
                      .arg(engine::ScenarioRebalance::names(r.partitionsMoved).join(QStringLiteral(", ")));
        case Assignment: {
            QStringList lines;
            for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it)
                lines << it.key() + QStringLiteral(": ")
                        + (it.value().isEmpty()
                                ? tr("nothing")
                                : engine::ScenarioRebalance::names(it.value()).join(QStringLiteral(", ")));
            return lines.join(QLatin1Char('\n'));
        }
        default:
            return {};
        }
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool raw = role == SortRole;
    switch (Column(index.column())) {
    case Time:
        return raw ? QVariant(r.timeMs) : QVariant(formatTime(r.timeMs));
    case Group:
        return r.group;
    case Generation:
        if (raw || !isConsumerProtocol(r))
            return r.generation;
        return generationText(r);
    case Cause:
        return raw ? QVariant(r.cause) : QVariant(EnginePhrases::translate(r.cause));
    case Assignor:
        return raw || !isConsumerProtocol(r) ? r.assignor : tr("%1 (broker)").arg(r.assignor);
    case Duration:
        return raw ? QVariant(r.durationMs) : QVariant(QString::number(r.durationMs));
    case Paused: {
        const qint64 paused = pausedMs(index.row());
        return raw || paused >= 0 ? QVariant(paused) : QVariant(QString());
    }
    case PartitionsMoved:
        return int(r.partitionsMoved.size());
    case Assignment:
        return formatAssignment(r);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant RebalanceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && section == PartitionsMoved)
        return tr("Partitions whose owner differs from the previous generation's (assigned, revoked or moved)");
    if (role == Qt::ToolTipRole && section == Paused)
        return tr("How long the partitions this rebalance handed out had been processed by nobody, summed over "
                  "those partitions: eager revokes everything and waits for every member; cooperative-sticky only "
                  "stops what moves");
    if (role == Qt::ToolTipRole && section == Time)
        return tr("Virtual time since the start of the scenario when the group became Stable again (Kafka 4's "
                  "consumer protocol: when every member reached the epoch, or a newer epoch replaced it)");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Time"), QT_TR_NOOP("Group"), QT_TR_NOOP("Generation"),
        QT_TR_NOOP("Cause"), QT_TR_NOOP("Assignor"), QT_TR_NOOP("Duration ms"), QT_TR_NOOP("Paused ms"),
        QT_TR_NOOP("Moved"), QT_TR_NOOP("Assignment")};
    static_assert(std::size(names) == ColumnCount);
    return tr(names[section]);
}

void RebalanceModel::setGaps(const QList<engine::OwnershipGap> &gaps)
{
    // Snapshots arrive ~30 times a second; the list only changes at rebalances and crashes, and an unchanged one
    // still shares the data of the previous snapshot's.
    if (m_hasGaps && gaps.isSharedWith(m_gaps))
        return;
    m_gaps = gaps;
    // A gap that someone ended ends where the next interval starts: the instant a rebalance assigned the partition
    // again. A trailing gap has not been ended by any rebalance yet.
    QHash<std::pair<QString, qint64>, qint64> sums;
    for (const engine::OwnershipGap &gap : gaps) {
        if (!gap.trailing)
            sums[{gap.group, gap.toMs}] += gap.toMs - gap.fromMs;
    }
    if (m_hasGaps && sums == m_gapsEndingAt)
        return;
    m_gapsEndingAt = std::move(sums);
    m_hasGaps = true;
    if (!m_rebalances.isEmpty())
        Q_EMIT dataChanged(index(0, Paused), index(rowCount() - 1, Paused));
}

qint64 RebalanceModel::pausedMs(int row) const
{
    if (!m_hasGaps || row < 0 || row >= m_rebalances.size())
        return -1;
    const engine::ScenarioRebalance &r = m_rebalances.at(row);
    return m_gapsEndingAt.value({r.group, r.timeMs}, 0);
}

QString RebalanceModel::formatTime(qint64 ms)
{
    return QStringLiteral("+%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
}

QString RebalanceModel::formatDuration(qint64 ms)
{
    if (ms < 1000)
        return QStringLiteral("%1 ms").arg(ms);
    return QStringLiteral("%1 s").arg(double(ms) / 1000.0, 0, 'f', 3);
}

QString RebalanceModel::generationText(const engine::ScenarioRebalance &r)
{
    if (!isConsumerProtocol(r))
        return QString::number(r.generation);
    return r.superseded ? tr("epoch %1, replaced").arg(r.generation) : tr("epoch %1").arg(r.generation);
}

QString RebalanceModel::formatAssignment(const engine::ScenarioRebalance &rebalance)
{
    QStringList parts;
    for (auto it = rebalance.assignment.cbegin(); it != rebalance.assignment.cend(); ++it)
        parts << it.key() + QStringLiteral("=[") + engine::ScenarioRebalance::names(it.value()).join(QLatin1Char(','))
                + QLatin1Char(']');
    return parts.join(QLatin1Char(' '));
}

} // namespace topicscope::ui
