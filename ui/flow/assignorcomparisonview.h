#pragma once

#include "flowsnapshot.h"

#include <QList>
#include <QWidget>
#include <utility>

class QLabel;
class QScrollArea;
class QStackedLayout;
class QVBoxLayout;

namespace topicscope::ui {

class OwnershipBars;

// The same membership script played under range, roundrobin, sticky and cooperative-sticky, side by side: per
// assignor a summary (rebalances, partitions moved, processing gap, duplicates, the best of each highlighted),
// compact ownership bars on a shared time axis and the list of its rebalances. GUI thread.
class AssignorComparisonView : public QWidget {
    Q_OBJECT
public:
    enum Metric { Rebalances, PartitionsMoved, ProcessingGap, Duplicates, MetricCount };
    enum class State { Empty, Error, Comparison };

    explicit AssignorComparisonView(QWidget *parent = nullptr);

    void setComparison(const engine::AssignorComparison &comparison);
    void clear(); // back to the empty state
    State state() const { return m_state; }
    const engine::AssignorComparison &comparison() const { return m_comparison; }
    void setPresentationMode(bool on);
    // Consumers get their colours in this order (FlowColours::consumers(), as in the flow view and the timeline);
    // those missing from it follow, sorted. Takes effect with the next comparison.
    void setConsumerOrder(const QStringList &consumers) { m_consumerOrder = consumers; }

    // Lower is better for every metric; the lowest is "best" unless every run has it.
    static qint64 metricValue(const engine::AssignorRun &run, Metric metric);
    bool isBest(int run, Metric metric) const;
    OwnershipBars *barsOf(int run) const { return m_bars.value(run); } // the whole run
    OwnershipBars *zoomedBarsOf(int run) const { return m_zoomedBars.value(run); } // around the later rebalances
    // The window of the zoomed bars: the rebalances after each run's first, with a margin; empty when none.
    static std::pair<qint64, qint64> zoomWindow(const engine::AssignorComparison &comparison);
    QString summaryText(int run) const; // "rebalances 2 | moved 9 | gap 1800 ms | duplicates 3", for tests

private:
    void rebuild();
    QWidget *buildColumn(int run, qint64 endMs, std::pair<qint64, qint64> zoom, const QStringList &consumers);
    QWidget *buildLegend(const QStringList &consumers, const QStringList &shown);

    engine::AssignorComparison m_comparison;
    State m_state = State::Empty;
    bool m_presentation = false;
    QStackedLayout *m_stack = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_error = nullptr;
    QWidget *m_page = nullptr;
    QVBoxLayout *m_pageLayout = nullptr;
    QScrollArea *m_scroll = nullptr; // around m_page: a comparison never makes the window taller or wider
    QStringList m_consumerOrder;
    QWidget *m_content = nullptr; // rebuilt for every comparison
    QList<OwnershipBars *> m_bars;
    QList<OwnershipBars *> m_zoomedBars;
};

} // namespace topicscope::ui
