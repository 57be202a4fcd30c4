#include "ownershipmodel.h"

#include "flowlogging.h"
#include "format.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>

namespace topicscope::ui {

namespace {

using RowKey = std::pair<QString, engine::TopicPartition>;

// Top-level indexes carry 0; a span carries its partition row + 1.
constexpr quintptr TopLevel = 0;

} // namespace

bool OwnershipModel::Row::sameCells(const Row &o) const
{
    return row.label == o.row.label && row.lanes == o.row.lanes
        && (spans.isEmpty() ? -1 : spans.first().fromMs) == (o.spans.isEmpty() ? -1 : o.spans.first().fromMs);
}

OwnershipModel::OwnershipModel(QObject *parent)
    : QAbstractItemModel(parent)
{ }

void OwnershipModel::setData(const QList<engine::ScenarioOwnership> &ownership, const QList<engine::OwnershipGap> &gaps,
    const QList<engine::ScenarioRebalance> &rebalances, qint64 nowMs)
{
    m_ownership = ownership;
    m_gaps = gaps;
    m_rebalances = rebalances;
    m_nowMs = nowMs;
    QList<Row> next = buildRows();

    // Both lists are sorted by key: walk them together, removing, inserting and updating rows in place.
    int i = 0;
    for (int j = 0; j < next.size() || i < m_rows.size();) {
        const bool removeOld = j == next.size()
            || (i < m_rows.size()
                && RowKey(m_rows.at(i).row.group, m_rows.at(i).row.topicPartition)
                    < RowKey(next.at(j).row.group, next.at(j).row.topicPartition));
        if (removeOld) {
            beginRemoveRows({}, i, i);
            m_rows.removeAt(i);
            endRemoveRows();
            continue;
        }
        const bool insertNew = i == m_rows.size()
            || RowKey(next.at(j).row.group, next.at(j).row.topicPartition)
                < RowKey(m_rows.at(i).row.group, m_rows.at(i).row.topicPartition);
        if (insertNew) {
            beginInsertRows({}, i, i);
            m_rows.insert(i, next.at(j));
            endInsertRows();
        } else {
            updateRow(i, next.at(j));
        }
        ++i;
        ++j;
    }
}

QList<OwnershipModel::Row> OwnershipModel::buildRows()
{
    // Rows: every partition that was ever owned or assigned, by group, topic, partition.
    QList<RowKey> keys;
    QStringList consumers;
    for (const engine::ScenarioOwnership &o : std::as_const(m_ownership)) {
        keys.append({o.group, o.topicPartition});
        consumers << o.consumer;
    }
    for (const engine::ScenarioRebalance &r : std::as_const(m_rebalances)) {
        for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it) {
            consumers << it.key();
            for (const engine::TopicPartition &tp : it.value())
                keys.append({r.group, tp});
        }
    }
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    consumers.removeAll(QString());
    consumers.sort();
    consumers.removeDuplicates();
    m_consumers = consumers;
    m_multipleGroups = !keys.isEmpty() && keys.first().first != keys.last().first;

    QList<Row> rows;
    QHash<RowKey, int> rowIndex;
    for (const RowKey &k : std::as_const(keys)) {
        Row row;
        row.row.group = k.first;
        row.row.topicPartition = k.second;
        row.row.label = m_multipleGroups ? k.first + QStringLiteral(": ") + k.second.toString() : k.second.toString();
        rowIndex.insert(k, int(rows.size()));
        rows << row;
    }

    // Lanes per row, from the intervals sorted by start: an interval takes the first lane free at its start.
    m_rowOf = QList<int>(m_ownership.size(), -1);
    m_laneOf = QList<int>(m_ownership.size(), 0);
    QList<QList<int>> intervalsOfRow(rows.size());
    for (int i = 0; i < m_ownership.size(); ++i) {
        const engine::ScenarioOwnership &o = m_ownership.at(i);
        m_rowOf[i] = rowIndex.value({o.group, o.topicPartition}, -1);
        if (m_rowOf[i] >= 0)
            intervalsOfRow[m_rowOf[i]] << i;
    }
    for (int row = 0; row < rows.size(); ++row) {
        QList<int> &list = intervalsOfRow[row];
        std::stable_sort(list.begin(), list.end(),
            [this](int a, int b) { return m_ownership.at(a).fromMs < m_ownership.at(b).fromMs; });
        QList<qint64> laneEnds;
        for (int i : std::as_const(list)) {
            const engine::ScenarioOwnership &o = m_ownership.at(i);
            const qint64 end = o.toMs < 0 ? m_nowMs : o.toMs;
            int lane = 0;
            while (lane < laneEnds.size() && laneEnds.at(lane) > o.fromMs)
                ++lane;
            if (lane == laneEnds.size())
                laneEnds << end;
            else
                laneEnds[lane] = end;
            m_laneOf[i] = lane;
            rows[row].spans << Span {
                SpanKind::Bar, i, o.consumer, o.fromMs, o.toMs, lane, o.generation, o.endReason, false};
        }
        rows[row].row.lanes = std::max<int>(1, int(laneEnds.size()));
    }

    m_gapRow = QList<int>(m_gaps.size(), -1);
    for (int g = 0; g < m_gaps.size(); ++g) {
        const engine::OwnershipGap &gap = m_gaps.at(g);
        m_gapRow[g] = rowIndex.value({gap.group, gap.topicPartition}, -1);
        if (m_gapRow[g] < 0) {
            qCWarning(lcFlow) << "a gap of" << gap.group << gap.topicPartition.toString() << "without intervals";
            continue;
        }
        rows[m_gapRow[g]].spans << Span {
            SpanKind::Gap, g, QString(), gap.fromMs, gap.toMs, -1, -1, QString(), gap.trailing};
    }
    for (Row &row : rows) {
        std::stable_sort(
            row.spans.begin(), row.spans.end(), [](const Span &a, const Span &b) { return a.fromMs < b.fromMs; });
    }
    return rows;
}

void OwnershipModel::updateRow(int row, const Row &next)
{
    Row &current = m_rows[row];
    if (!current.sameCells(next)) {
        current.row = next.row;
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    current.row = next.row; // the key is the same; the label may follow a change in the number of groups
    const QModelIndex parent = index(row, 0);
    // Spans only grow at the end while a run goes on, and the last ones change (an interval closes, a trailing gap
    // grows): keep the common beginning, update what changed in it, replace the rest.
    qsizetype common = 0;
    while (common < current.spans.size() && common < next.spans.size()
        && current.spans.at(common).sameSpan(next.spans.at(common)))
        ++common;
    int firstChanged = -1;
    int lastChanged = -1;
    for (qsizetype s = 0; s < common; ++s) {
        if (current.spans.at(s) == next.spans.at(s))
            continue;
        current.spans[s] = next.spans.at(s);
        if (firstChanged < 0)
            firstChanged = int(s);
        lastChanged = int(s);
    }
    if (firstChanged >= 0)
        Q_EMIT dataChanged(index(firstChanged, 0, parent), index(lastChanged, ColumnCount - 1, parent));
    if (common < current.spans.size()) {
        beginRemoveRows(parent, int(common), int(current.spans.size()) - 1);
        current.spans.resize(common);
        endRemoveRows();
    }
    if (common < next.spans.size()) {
        beginInsertRows(parent, int(common), int(next.spans.size()) - 1);
        current.spans.append(next.spans.mid(common));
        endInsertRows();
    }
}

QList<int> OwnershipModel::groupRows(const QString &group) const
{
    QList<int> rows;
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).row.group == group)
            rows << i;
    }
    return rows;
}

QModelIndex OwnershipModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, parent.isValid() ? quintptr(parent.row()) + 1 : TopLevel);
}

QModelIndex OwnershipModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == TopLevel)
        return {};
    return createIndex(int(child.internalId() - 1), 0, TopLevel);
}

int OwnershipModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_rows.size());
    if (parent.internalId() != TopLevel || parent.column() != 0)
        return 0;
    return int(m_rows.at(parent.row()).spans.size());
}

int OwnershipModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant OwnershipModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == TopLevel)
        return partitionData(index.row(), index.column(), role);
    const Row &row = m_rows.at(int(index.internalId() - 1));
    switch (role) {
    case TopicRole:
        return row.row.topicPartition.topic;
    case PartitionRole:
        return row.row.topicPartition.partition;
    default:
        return spanData(row, row.spans.at(index.row()), index.column(), role);
    }
}

QVariant OwnershipModel::partitionData(int row, int column, int role) const
{
    const Row &r = m_rows.at(row);
    switch (role) {
    case KindRole:
        return int(SpanKind::Partition);
    case IndexRole:
        return row;
    case TopicRole:
        return r.row.topicPartition.topic;
    case PartitionRole:
        return r.row.topicPartition.partition;
    case TrailingRole:
        return false;
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    switch (Column(column)) {
    case Label:
        return r.row.label;
    case Group:
        return r.row.group;
    case From:
        return r.spans.isEmpty() ? QVariant() : QVariant(r.spans.first().fromMs);
    case Lane:
        return r.row.lanes;
    default:
        return {};
    }
}

QVariant OwnershipModel::spanData(const Row &row, const Span &span, int column, int role) const
{
    switch (role) {
    case KindRole:
        return int(span.kind);
    case IndexRole:
        return span.index;
    case TrailingRole:
        return span.trailing;
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool bar = span.kind == SpanKind::Bar;
    switch (Column(column)) {
    case Label:
        return span.consumer;
    case Group:
        return row.row.group;
    case From:
        return span.fromMs;
    case To:
        return span.toMs;
    case Lane:
        return span.lane;
    case Generation:
        return bar ? QVariant(span.generation) : QVariant();
    case EndReason:
        return bar ? QVariant(span.endReason) : QVariant();
    case ColumnCount:
        break;
    }
    return {};
}

QVariant OwnershipModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Partition / owner"), QT_TR_NOOP("Group"), QT_TR_NOOP("From ms"),
        QT_TR_NOOP("To ms"), QT_TR_NOOP("Lane"), QT_TR_NOOP("Generation"), QT_TR_NOOP("Ended")};
    static_assert(std::size(names) == ColumnCount);
    return tr(names[section]);
}

} // namespace topicscope::ui
