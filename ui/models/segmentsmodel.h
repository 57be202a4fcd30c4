#pragma once

#include "clustertypes.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

// The segment files of one partition of the embedded broker, one row per segment, with what will happen to each by
// the topic's rules: the active segment is neither deleted by time nor cleaned until it rolls (at segment.bytes or
// segment.ms); a closed one is deleted once its newest record is older than retention.ms, and compacted by the
// cleaner when cleanup.policy says compact. Kafka's classic questions, "why did retention not delete my records yet?"
// and "why is my compacted topic not compacted?", are answered by the active segment. GUI thread.
class SegmentsModel : public KeyedTableModel<engine::SegmentSummary, qint64> {
    Q_OBJECT
public:
    enum Column { Base, Offsets, Size, Newest, Fate, ColumnCount };
    using KeyedTableModel::KeyedTableModel;

    void setSegments(const engine::PartitionSegments &segments);
    const engine::PartitionSegments &segments() const { return m_segments; }

    // What the topic's rules do to this segment, in a sentence ("Active: ...", "Deleted by retention.ms at ...").
    static QString fate(const engine::SegmentSummary &segment, const engine::PartitionSegments &partition);
    // One line above the table: how many segments, and the rules (segment.bytes, retention, cleanup.policy), or why
    // there are none to show.
    static QString summary(const engine::PartitionSegments &partition);

protected:
    qint64 keyOf(const engine::SegmentSummary &row) const override { return row.baseOffset; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const engine::SegmentSummary &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    engine::PartitionSegments m_segments;
};

} // namespace topicscope::ui
