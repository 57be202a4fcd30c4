#pragma once

#include "flowsnapshot.h"

#include <QWidget>

class QPushButton;
class QScrollArea;
class QSplitter;

namespace topicscope::ui {

class ElidedLabel;
class OwnershipBars;
class RebalanceModel;
class TableView;

// The rebalances of a scenario run: a table of every completed rebalance above the ownership bars of every
// partition. Selecting a rebalance (a table row or a line in the bars) picks its generation for time travel;
// clearSelection() goes back to live. GUI thread.
class RebalanceTimeline : public QWidget {
    Q_OBJECT
public:
    explicit RebalanceTimeline(QWidget *parent = nullptr);

    void setSnapshot(const engine::FlowSnapshot &snapshot);
    void selectRebalance(int rebalanceIndex); // as if the user picked that row
    void clearSelection(); // back to live
    int selectedRebalance() const { return m_selected; } // index into FlowSnapshot::rebalances, -1: live
    void setPresentationMode(bool on);
    // The colours of the consumers, in this order (FlowColours::consumers()); replaces the previous order.
    void setConsumerOrder(const QStringList &consumers);
    // The height that shows every bar without scrolling and a few table rows.
    int presentationHeightHint() const;

    RebalanceModel *model() const { return m_model; }
    OwnershipBars *bars() const { return m_bars; }
    TableView *table() const { return m_table; }

Q_SIGNALS:
    void generationSelected(const QString &group, int generation, int rebalanceIndex);
    void liveSelected(); // the selection was cleared (by the user, clearSelection() or a new run)

private:
    void onCurrentRowChanged();
    void onGenerationClicked(const QString &group, int generation);
    void onModelReset();
    void updateStatus();
    void resizeColumns();
    // The table's width up to its cause column (presentation mode puts the bars beside it).
    int presentationTableWidth() const;

    RebalanceModel *m_model = nullptr;
    TableView *m_table = nullptr;
    OwnershipBars *m_bars = nullptr;
    QScrollArea *m_barsScroll = nullptr;
    QSplitter *m_splitter = nullptr;
    ElidedLabel *m_status = nullptr;
    QPushButton *m_liveButton = nullptr;
    int m_selected = -1;
    qint64 m_timeMs = 0;
    QStringList m_consumerOrder;
};

} // namespace topicscope::ui
