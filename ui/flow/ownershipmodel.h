#pragma once

#include "flowsnapshot.h"

#include <QAbstractItemModel>
#include <QList>
#include <QStringList>

namespace topicscope::ui {

// Who owned which partition when, as the rows OwnershipBars paints: one top-level row per (group, partition) that
// was ever owned or assigned, sorted by group, topic and partition; under it one child per span of that row in
// time order, an ownership interval (a bar, on a lane of its own where intervals overlap because two consumers
// believed they owned it) or a gap the engine computed (nobody processing). Fed by value from FlowSnapshot or
// AssignorRun; it computes rows and lanes only, never gaps. Updates are diffed by key into exact insert, remove
// and dataChanged ranges, since a running scenario sends a snapshot ~30 times a second. GUI thread.
class OwnershipModel : public QAbstractItemModel {
    Q_OBJECT
public:
    // Partition rows: Label ("orders-2", "billing: orders-2" with several groups), Group, From (first owned), Lane
    // (the number of lanes). Spans: Label (the consumer, "" for a gap), Group, From, To (-1: still owned), Lane
    // (-1 for a gap: it spans the row), Generation and EndReason (bars only).
    enum Column { Label, Group, From, To, Lane, Generation, EndReason, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // int(SpanKind), any column
        IndexRole, // int: into ownership() for a bar, into gaps() for a gap, the row for a partition
        TopicRole, // QString
        PartitionRole, // int
        TrailingRole, // bool: a gap nobody has ended yet (it lasts until now)
    };
    enum class SpanKind { Partition, Bar, Gap };
    Q_ENUM(SpanKind)

    struct PartitionRow {
        QString group;
        engine::TopicPartition topicPartition;
        QString label;
        int lanes = 1;
    };

    explicit OwnershipModel(QObject *parent = nullptr);

    // gaps: engine::ownershipGaps() of the same intervals, as FlowSnapshot::gaps and AssignorRun::gaps ship them.
    void setData(const QList<engine::ScenarioOwnership> &ownership, const QList<engine::OwnershipGap> &gaps,
        const QList<engine::ScenarioRebalance> &rebalances, qint64 nowMs);

    const QList<engine::ScenarioOwnership> &ownership() const { return m_ownership; }
    const QList<engine::OwnershipGap> &gaps() const { return m_gaps; }
    const QList<engine::ScenarioRebalance> &rebalances() const { return m_rebalances; }
    qint64 nowMs() const { return m_nowMs; }
    const PartitionRow &partitionRow(int row) const { return m_rows.at(row).row; }
    int rowOfInterval(int ownership) const { return m_rowOf.value(ownership, -1); } // -1: not shown
    int laneOfInterval(int ownership) const { return m_laneOf.value(ownership, 0); }
    int rowOfGap(int gap) const { return m_gapRow.value(gap, -1); }
    QList<int> groupRows(const QString &group) const;
    bool hasMultipleGroups() const { return m_multipleGroups; }
    // Every consumer with an interval or an assignment in the data, sorted.
    const QStringList &consumers() const { return m_consumers; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    // Copies of what a span shows, so that the rows still answer for the previous data while an update is
    // signalled row by row.
    struct Span {
        SpanKind kind = SpanKind::Bar;
        int index = -1;
        QString consumer;
        qint64 fromMs = 0;
        qint64 toMs = 0;
        int lane = -1;
        int generation = -1;
        QString endReason;
        bool trailing = false;
        bool sameSpan(const Span &o) const { return kind == o.kind && fromMs == o.fromMs && consumer == o.consumer; }
        bool operator==(const Span &) const = default;
    };
    struct Row {
        PartitionRow row;
        QList<Span> spans;
        bool sameCells(const Row &o) const;
    };

    QList<Row> buildRows();
    void updateRow(int row, const Row &next);
    QVariant partitionData(int row, int column, int role) const;
    QVariant spanData(const Row &row, const Span &span, int column, int role) const;

    QList<engine::ScenarioOwnership> m_ownership;
    QList<engine::OwnershipGap> m_gaps;
    QList<engine::ScenarioRebalance> m_rebalances;
    qint64 m_nowMs = 0;
    QList<Row> m_rows;
    QList<int> m_rowOf; // per ownership interval
    QList<int> m_laneOf; // per ownership interval
    QList<int> m_gapRow; // per gap
    QStringList m_consumers;
    bool m_multipleGroups = false;
};

} // namespace topicscope::ui
