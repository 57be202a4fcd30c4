#include "rebalancetimeline.h"

#include "elidedlabel.h"
#include "flowlogging.h"

#include "assignornames.h"
#include "ownershipbars.h"
#include "rebalancemodel.h"
#include "tableview.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLoggingCategory>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>

namespace topicscope::ui {

RebalanceTimeline::RebalanceTimeline(QWidget *parent)
    : QWidget(parent)
    , m_model(new RebalanceModel(this))
    , m_table(new TableView(this))
    , m_bars(new OwnershipBars)
    , m_barsScroll(new QScrollArea(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_status(new ElidedLabel(this))
    , m_liveButton(new QPushButton(tr("Back to live"), this))
{
    m_table->setObjectName(QStringLiteral("rebalanceTable"));
    m_table->setSourceModel(m_model);
    resizeColumns();

    m_bars->setObjectName(QStringLiteral("ownershipBars"));
    m_barsScroll->setWidget(m_bars);
    m_barsScroll->setWidgetResizable(true);
    m_barsScroll->setFrameShape(QFrame::NoFrame);

    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_barsScroll);
    m_splitter->setStretchFactor(0, 2);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setChildrenCollapsible(false);
    // The bars are the point; the table needs a few rows (the splitter keeps this ratio when resized).
    m_splitter->setSizes({1000, 2000});

    m_status->setObjectName(QStringLiteral("timelineStatus"));
    m_liveButton->setObjectName(QStringLiteral("backToLive"));
    m_liveButton->setToolTip(tr("Show the world as it is now instead of at the selected generation"));
    auto *top = new QHBoxLayout;
    top->setContentsMargins(4, 2, 4, 2);
    top->addWidget(m_status, 1);
    top->addWidget(m_liveButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_splitter, 1);

    // Only a click picks a generation: a table that took the window's initial focus would make itself current
    // and start time travel on its own.
    m_table->setFocusPolicy(Qt::ClickFocus);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        &RebalanceTimeline::onCurrentRowChanged);
    connect(m_bars, &OwnershipBars::generationClicked, this, &RebalanceTimeline::onGenerationClicked);
    connect(m_model, &QAbstractItemModel::modelReset, this, &RebalanceTimeline::onModelReset);
    connect(m_liveButton, &QPushButton::clicked, this, &RebalanceTimeline::clearSelection);
    updateStatus();
}

void RebalanceTimeline::setSnapshot(const engine::FlowSnapshot &snapshot)
{
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool followTail = m_selected < 0 && scroll->value() == scroll->maximum();
    m_timeMs = snapshot.timeMs;
    m_model->setRebalances(snapshot.rebalances);
    m_model->setGaps(snapshot.gaps);
    m_bars->setData(snapshot.ownership, snapshot.gaps, snapshot.rebalances, snapshot.timeMs);
    if (followTail)
        m_table->scrollToBottom();
    updateStatus();
}

void RebalanceTimeline::selectRebalance(int rebalanceIndex)
{
    if (rebalanceIndex < 0 || rebalanceIndex >= m_model->rowCount()) {
        clearSelection();
        return;
    }
    m_table->selectSourceRow(rebalanceIndex);
}

void RebalanceTimeline::clearSelection()
{
    // Clearing the current index reports the change through onCurrentRowChanged, which announces live.
    m_table->selectionModel()->clear();
    if (m_selected >= 0)
        onCurrentRowChanged();
}

void RebalanceTimeline::setPresentationMode(bool on)
{
    m_bars->setPresentationMode(on);
    QFont f = font();
    if (on && f.pointSizeF() > 0)
        f.setPointSizeF(f.pointSizeF() * 1.4);
    m_table->setFont(on ? f : font());
    m_table->horizontalHeader()->setFont(on ? f : font());
    m_status->setFont(on ? f : font());
    m_liveButton->setFont(on ? f : font());
    m_table->verticalHeader()->setDefaultSectionSize(QFontMetrics(m_table->font()).height() + 8);
    resizeColumns();
    // On a projector the bars are what the room looks at. They stand beside the table, with the timeline's whole
    // height: under it, a 720p screen left them less than one row. The table is as wide as its columns up to the
    // cause (Time, Group, Cause), at most two fifths of the width, and keeps that width when the window is resized.
    m_splitter->setOrientation(on ? Qt::Horizontal : Qt::Vertical);
    // Why a group rebalanced is what the room asks; its generation is on the bars too: the cause comes first.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(
        header->visualIndex(RebalanceModel::Cause), on ? RebalanceModel::Generation : RebalanceModel::Cause);
    m_splitter->setStretchFactor(0, on ? 0 : 2);
    m_splitter->setStretchFactor(1, on ? 1 : 3);
    if (on) {
        const int total = std::max(m_splitter->width(), 1000);
        const int table = std::min(total * 2 / 5, presentationTableWidth());
        m_splitter->setSizes({table, total - table});
    } else {
        m_splitter->setSizes({1000, 2000});
    }
}

int RebalanceTimeline::presentationTableWidth() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    int width = m_table->verticalScrollBar()->sizeHint().width() + 2 * m_table->frameWidth();
    for (int visual = 0; visual <= header->visualIndex(RebalanceModel::Cause); ++visual)
        width += header->sectionSize(header->logicalIndex(visual));
    return width;
}

void RebalanceTimeline::setConsumerOrder(const QStringList &consumers)
{
    if (consumers == m_consumerOrder)
        return;
    m_consumerOrder = consumers;
    m_bars->setConsumerOrder(consumers);
}

int RebalanceTimeline::presentationHeightHint() const
{
    const int rows = std::clamp(m_model->rowCount(), 1, 3);
    const int table = m_table->horizontalHeader()->sizeHint().height()
        + rows * m_table->verticalHeader()->defaultSectionSize() + 2 * m_table->frameWidth();
    const int bars = m_bars->minimumSizeHint().height() + 2 * m_barsScroll->frameWidth();
    // Side by side in presentation mode (setPresentationMode), one under the other otherwise.
    const int body = m_splitter->orientation() == Qt::Horizontal ? std::max(table, bars)
                                                                 : table + m_splitter->handleWidth() + bars;
    return m_status->sizeHint().height() + 4 + body + 4;
}

void RebalanceTimeline::resizeColumns()
{
    QHeaderView *header = m_table->horizontalHeader();
    const QFontMetrics fm(m_table->font());
    header->resizeSection(RebalanceModel::Time, fm.horizontalAdvance(QStringLiteral("+000.000 s")) + 24);
    header->resizeSection(RebalanceModel::Group, fm.horizontalAdvance(QStringLiteral("billing-service")) + 16);
    // Wide enough for a consumer-protocol row's "epoch 99, replaced" too.
    engine::ScenarioRebalance widest;
    widest.generation = 99;
    widest.groupType = QStringLiteral("consumer");
    widest.superseded = true;
    header->resizeSection(RebalanceModel::Generation,
        std::max(fm.horizontalAdvance(tr("Generation")), fm.horizontalAdvance(RebalanceModel::generationText(widest)))
            + 24);
    header->resizeSection(
        RebalanceModel::Cause, fm.horizontalAdvance(QLatin1Char('x')) * (m_bars->isPresentationMode() ? 26 : 46));
    int assignorWidth = 0;
    for (const QString &name : engine::builtInAssignorNames())
        assignorWidth = std::max(assignorWidth, fm.horizontalAdvance(name));
    header->resizeSection(RebalanceModel::Assignor, assignorWidth + 16);
    header->resizeSection(RebalanceModel::Duration, fm.horizontalAdvance(tr("Duration ms")) + 24);
    header->resizeSection(RebalanceModel::PartitionsMoved, fm.horizontalAdvance(tr("Moved")) + 28);
}

void RebalanceTimeline::onCurrentRowChanged()
{
    const int row = m_table->currentSourceRow();
    if (row == m_selected)
        return;
    m_selected = row;
    if (row < 0) {
        m_bars->clearSelectedGeneration();
        qCDebug(lcFlow) << "back to live";
        updateStatus();
        Q_EMIT liveSelected();
        return;
    }
    const engine::ScenarioRebalance &r = m_model->rebalanceAt(row);
    m_bars->setSelectedGeneration(r.group, r.generation);
    updateStatus();
    Q_EMIT generationSelected(r.group, r.generation, row);
}

void RebalanceTimeline::onGenerationClicked(const QString &group, int generation)
{
    const int row = m_model->rowOf(group, generation);
    if (row >= 0)
        selectRebalance(row);
}

void RebalanceTimeline::onModelReset()
{
    // A new run: its generations are not the ones that were selected.
    if (m_selected < 0)
        return;
    m_selected = -1;
    m_bars->clearSelectedGeneration();
    updateStatus();
    Q_EMIT liveSelected();
}

void RebalanceTimeline::updateStatus()
{
    m_liveButton->setEnabled(m_selected >= 0);
    if (m_selected >= 0 && m_selected < m_model->rowCount()) {
        const engine::ScenarioRebalance &r = m_model->rebalanceAt(m_selected);
        m_status->setText(
            (RebalanceModel::isConsumerProtocol(r) ? tr("Showing group %1 at epoch %2 (%3, at %4)")
                                                   : tr("Showing group %1 at generation %2 (%3, stable at %4)"))
                .arg(r.group)
                .arg(r.generation)
                .arg(r.assignor, RebalanceModel::formatTime(r.timeMs)));
        return;
    }
    const int n = m_model->rowCount();
    m_status->setText(n == 0 ? tr("Live: no rebalance yet")
                             : tr("Live at %1: %n rebalance(s); select one to see the world at its generation", "", n)
                                   .arg(RebalanceModel::formatTime(m_timeMs)));
}

} // namespace topicscope::ui
