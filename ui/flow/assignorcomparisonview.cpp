#include "assignorcomparisonview.h"

#include "flowlogging.h"

#include "format.h"
#include "ownershipbars.h"
#include "rebalancemodel.h"
#include "tableview.h"

#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QPainter>
#include <QScrollArea>
#include <QStackedLayout>
#include <QVBoxLayout>
#include <algorithm>

namespace topicscope::ui {

namespace {

QString metricName(AssignorComparisonView::Metric metric)
{
    switch (metric) {
    case AssignorComparisonView::Rebalances:
        return AssignorComparisonView::tr("Rebalances");
    case AssignorComparisonView::PartitionsMoved:
        return AssignorComparisonView::tr("Partitions moved");
    case AssignorComparisonView::ProcessingGap:
        return AssignorComparisonView::tr("Processing gap");
    case AssignorComparisonView::Duplicates:
        return AssignorComparisonView::tr("Duplicates");
    case AssignorComparisonView::MetricCount:
        break;
    }
    return {};
}

QString metricText(AssignorComparisonView::Metric metric, qint64 value)
{
    return metric == AssignorComparisonView::ProcessingGap ? QStringLiteral("%1 ms").arg(format::count(value))
                                                           : format::count(value);
}

QFont scaled(QFont font, double factor, bool bold = false)
{
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

} // namespace

AssignorComparisonView::AssignorComparisonView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedLayout(this))
    , m_empty(new QLabel(tr("Choose a scenario and press Compare"), this))
    , m_error(new QLabel(this))
    , m_page(new QWidget)
    , m_pageLayout(new QVBoxLayout(m_page))
    , m_scroll(new QScrollArea(this))
{
    m_empty->setObjectName(QStringLiteral("comparisonEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);
    m_error->setObjectName(QStringLiteral("comparisonError"));
    m_error->setAlignment(Qt::AlignCenter);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_pageLayout->setContentsMargins(8, 8, 8, 8);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_error);
    m_scroll->setObjectName(QStringLiteral("comparisonScroll"));
    m_scroll->setWidget(m_page);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_scroll);
    m_stack->setCurrentWidget(m_empty);
}

void AssignorComparisonView::setComparison(const engine::AssignorComparison &comparison)
{
    m_comparison = comparison;
    rebuild();
}

void AssignorComparisonView::clear()
{
    setComparison({});
}

void AssignorComparisonView::setPresentationMode(bool on)
{
    if (on == m_presentation)
        return;
    m_presentation = on;
    rebuild();
}

qint64 AssignorComparisonView::metricValue(const engine::AssignorRun &run, Metric metric)
{
    switch (metric) {
    case Rebalances:
        return run.rebalances.size();
    case PartitionsMoved:
        return run.partitionsMoved;
    case ProcessingGap:
        return run.processingGapMs;
    case Duplicates:
        return run.duplicates;
    case MetricCount:
        break;
    }
    return 0;
}

bool AssignorComparisonView::isBest(int run, Metric metric) const
{
    const QList<engine::AssignorRun> &runs = m_comparison.runs;
    if (run < 0 || run >= runs.size() || runs.size() < 2)
        return false;
    qint64 lowest = std::numeric_limits<qint64>::max();
    qint64 highest = std::numeric_limits<qint64>::min();
    for (const engine::AssignorRun &r : runs) {
        lowest = std::min(lowest, metricValue(r, metric));
        highest = std::max(highest, metricValue(r, metric));
    }
    // When every assignor scores the same there is nothing to point at.
    return lowest != highest && metricValue(runs.at(run), metric) == lowest;
}

QString AssignorComparisonView::summaryText(int run) const
{
    const engine::AssignorRun &r = m_comparison.runs.at(run);
    QStringList parts;
    for (int m = 0; m < MetricCount; ++m) {
        parts << metricName(Metric(m)).toLower() + QLatin1Char(' ') + metricText(Metric(m), metricValue(r, Metric(m)))
                + (isBest(run, Metric(m)) ? QStringLiteral(" (best)") : QString());
    }
    return parts.join(QStringLiteral(" | "));
}

void AssignorComparisonView::rebuild()
{
    m_bars.clear();
    m_zoomedBars.clear();
    if (m_content) {
        m_pageLayout->removeWidget(m_content);
        delete m_content;
        m_content = nullptr;
    }
    const QFont base = font();
    m_empty->setFont(scaled(base, m_presentation ? 1.8 : 1.3));
    m_error->setFont(scaled(base, m_presentation ? 1.6 : 1.15));
    if (!m_comparison.error.isEmpty()) {
        qCInfo(lcFlow) << "comparison failed:" << m_comparison.error;
        m_state = State::Error;
        m_error->setText(tr("The comparison could not be played:\n%1").arg(m_comparison.error));
        QPalette pal = m_error->palette();
        const bool dark = pal.color(QPalette::Window).lightness() < 128;
        pal.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb7, 0x1c, 0x1c));
        m_error->setPalette(pal);
        m_stack->setCurrentWidget(m_error);
        return;
    }
    if (m_comparison.runs.isEmpty()) {
        m_state = State::Empty;
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_state = State::Comparison;

    // One time axis and one colour per consumer for all runs, so that the columns compare at a glance.
    qint64 endMs = 1000;
    QStringList consumers;
    for (const engine::AssignorRun &run : std::as_const(m_comparison.runs)) {
        endMs = std::max(endMs, run.endMs);
        for (const engine::ScenarioOwnership &o : run.ownership) {
            endMs = std::max(endMs, std::max(o.fromMs, o.toMs));
            if (!consumers.contains(o.consumer))
                consumers << o.consumer;
        }
        for (const engine::ScenarioRebalance &r : run.rebalances) {
            endMs = std::max(endMs, r.timeMs);
            for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it) {
                if (!consumers.contains(it.key()))
                    consumers << it.key();
            }
        }
    }
    // The shared order first (the colours the flow view and the timeline give these consumers), then the rest.
    const QStringList shown = consumers;
    std::sort(consumers.begin(), consumers.end());
    QStringList order = m_consumerOrder;
    for (const QString &c : std::as_const(consumers)) {
        if (!order.contains(c))
            order << c;
    }
    consumers = order;

    m_content = new QWidget(m_page);
    auto *layout = new QVBoxLayout(m_content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(m_presentation ? 10 : 6);
    auto *title = new QLabel(m_comparison.title.isEmpty() ? tr("Assignor comparison") : m_comparison.title);
    title->setObjectName(QStringLiteral("comparisonTitle"));
    title->setFont(scaled(base, m_presentation ? 1.8 : 1.3, true));
    layout->addWidget(title);
    auto *explanation = new QLabel(tr("The same membership script under each assignor. Lower is better; the best "
                                      "value of each metric is marked."));
    explanation->setWordWrap(true);
    explanation->setFont(scaled(base, m_presentation ? 1.3 : 1.0));
    layout->addWidget(explanation);
    // The engine's note on a result that would mislead (why cooperative-sticky shows the longest gap).
    if (!m_comparison.note.isEmpty()) {
        auto *note = new QLabel(m_comparison.note);
        note->setObjectName(QStringLiteral("comparisonNote"));
        note->setWordWrap(true);
        note->setFont(scaled(base, m_presentation ? 1.3 : 1.0));
        layout->addWidget(note);
    }
    layout->addWidget(buildLegend(consumers, shown));

    const std::pair<qint64, qint64> zoom = zoomWindow(m_comparison);
    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(m_presentation ? 12 : 8);
    for (int i = 0; i < m_comparison.runs.size(); ++i) {
        grid->addWidget(buildColumn(i, endMs, zoom, consumers), 0, i);
        grid->setColumnStretch(i, 1);
    }
    layout->addLayout(grid, 1);
    m_pageLayout->addWidget(m_content);
    m_stack->setCurrentWidget(m_scroll);
}

QWidget *AssignorComparisonView::buildLegend(const QStringList &consumers, const QStringList &shown)
{
    auto *legend = new QWidget;
    legend->setObjectName(QStringLiteral("comparisonLegend"));
    auto *row = new QHBoxLayout(legend);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(m_presentation ? 10 : 6);
    const QFont f = scaled(font(), m_presentation ? 1.3 : 1.0);
    const int h = QFontMetrics(f).height();
    auto addItem = [&](const QPixmap &swatch, const QString &text) {
        auto *icon = new QLabel;
        icon->setPixmap(swatch);
        auto *label = new QLabel(text);
        label->setFont(f);
        row->addWidget(icon);
        row->addWidget(label);
        row->addSpacing(m_presentation ? 14 : 10);
    };
    for (int i = 0; i < consumers.size(); ++i) {
        if (!shown.contains(consumers.at(i)))
            continue;
        QPixmap swatch(h * 3 / 2, h - 4);
        swatch.fill(OwnershipBars::paletteColor(i));
        addItem(swatch, consumers.at(i));
    }
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    addItem(OwnershipBars::gapSwatch(QSize(h * 3 / 2, h - 4), dark), tr("nobody processing"));
    QPixmap line(h / 2, h);
    line.fill(Qt::transparent);
    {
        QPainter p(&line);
        QPen pen(palette().color(QPalette::Text), 1, Qt::DashLine);
        p.setPen(pen);
        p.drawLine(h / 4, 0, h / 4, h);
    }
    addItem(line, tr("rebalance (gN = generation N, eN = epoch N)"));
    row->addStretch(1);
    return legend;
}

std::pair<qint64, qint64> AssignorComparisonView::zoomWindow(const engine::AssignorComparison &comparison)
{
    qint64 from = std::numeric_limits<qint64>::max();
    qint64 to = std::numeric_limits<qint64>::min();
    for (const engine::AssignorRun &run : comparison.runs) {
        // The first rebalance of a run is its initial assignment; what differs between assignors comes after.
        for (qsizetype i = 1; i < run.rebalances.size(); ++i) {
            const engine::ScenarioRebalance &r = run.rebalances.at(i);
            from = std::min(from, r.timeMs - r.durationMs);
            to = std::max(to, r.timeMs);
        }
    }
    if (from > to)
        return {0, 0};
    const qint64 margin = std::max<qint64>(200, (to - from) / 4);
    return {std::max<qint64>(0, from - margin), to + margin};
}

QWidget *AssignorComparisonView::buildColumn(
    int run, qint64 endMs, std::pair<qint64, qint64> zoom, const QStringList &consumers)
{
    const engine::AssignorRun &r = m_comparison.runs.at(run);
    auto *column = new QFrame;
    column->setObjectName(QStringLiteral("assignorColumn-") + r.assignor);
    column->setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(column);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(m_presentation ? 8 : 5);

    const bool consumerProtocol = r.groupProtocol == QLatin1String("consumer");
    auto *name = new QLabel(consumerProtocol ? tr("%1 · consumer protocol").arg(r.assignor) : r.assignor);
    name->setObjectName(QStringLiteral("assignorName"));
    if (consumerProtocol)
        name->setToolTip(tr("Kafka 4's consumer group protocol (KIP-848, group.protocol=consumer): no JoinGroup or "
                            "SyncGroup, the broker's %1 assignor, each member reconciling on its own heartbeats")
                             .arg(r.assignor));
    name->setFont(scaled(font(), m_presentation ? 1.7 : 1.25, true));
    layout->addWidget(name);

    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QString bestStyle = dark
        ? QStringLiteral("QLabel { background: #1e4620; color: #c8f7c5; font-weight: bold; padding: 1px 4px; }")
        : QStringLiteral("QLabel { background: #d4f1d4; color: #14501a; font-weight: bold; padding: 1px 4px; }");
    auto *metrics = new QGridLayout;
    metrics->setHorizontalSpacing(10);
    metrics->setVerticalSpacing(2);
    const QFont metricFont = scaled(font(), m_presentation ? 1.4 : 1.0);
    for (int m = 0; m < MetricCount; ++m) {
        const Metric metric = Metric(m);
        auto *label = new QLabel(metricName(metric));
        label->setFont(metricFont);
        const bool best = isBest(run, metric);
        auto *value = new QLabel(metricText(metric, metricValue(r, metric)) + (best ? tr("  best") : QString()));
        value->setObjectName(QStringLiteral("metric-%1").arg(m));
        value->setFont(metricFont);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setProperty("best", best);
        if (best)
            value->setStyleSheet(bestStyle);
        metrics->addWidget(label, m, 0);
        metrics->addWidget(value, m, 1);
    }
    metrics->setColumnStretch(0, 1);
    layout->addLayout(metrics);

    auto *bars = new OwnershipBars;
    bars->setObjectName(QStringLiteral("comparisonBars"));
    bars->setCompact(!m_presentation);
    bars->setPresentationMode(m_presentation);
    bars->setLegendVisible(false);
    bars->setConsumerOrder(consumers);
    bars->setData(r.ownership, r.gaps, r.rebalances, r.endMs);
    bars->setTimeWindow(0, endMs);
    m_bars << bars;
    layout->addWidget(bars);

    if (zoom.second > zoom.first) {
        auto *caption
            = new QLabel(tr("Zoomed to %1 – %2")
                             .arg(RebalanceModel::formatTime(zoom.first), RebalanceModel::formatTime(zoom.second)));
        caption->setFont(metricFont);
        caption->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(caption);
        auto *zoomed = new OwnershipBars;
        zoomed->setObjectName(QStringLiteral("comparisonZoomedBars"));
        zoomed->setCompact(!m_presentation);
        zoomed->setPresentationMode(m_presentation);
        zoomed->setLegendVisible(false);
        zoomed->setConsumerOrder(consumers);
        zoomed->setData(r.ownership, r.gaps, r.rebalances, r.endMs);
        zoomed->setTimeWindow(zoom.first, zoom.second);
        m_zoomedBars << zoomed;
        layout->addWidget(zoomed);
    } else {
        m_zoomedBars << nullptr;
    }

    auto *model = new RebalanceModel(column);
    model->setRebalances(r.rebalances);
    model->setGaps(r.gaps);
    auto *table = new TableView;
    table->setObjectName(QStringLiteral("comparisonRebalances"));
    table->setSourceModel(model);
    table->setFont(metricFont);
    table->verticalHeader()->setDefaultSectionSize(QFontMetrics(metricFont).height() + 6);
    for (int c = 0; c < RebalanceModel::ColumnCount; ++c) {
        const bool shown = c == RebalanceModel::Generation || c == RebalanceModel::Cause
            || c == RebalanceModel::PartitionsMoved || c == RebalanceModel::Duration || c == RebalanceModel::Paused;
        table->setColumnHidden(c, !shown);
    }
    // Cause last, so that it takes what is left and elides there.
    QHeaderView *header = table->horizontalHeader();
    header->moveSection(header->visualIndex(RebalanceModel::Cause), RebalanceModel::ColumnCount - 1);
    const QFontMetrics fm(metricFont);
    header->resizeSection(RebalanceModel::Generation, fm.horizontalAdvance(tr("Generation")) + 20);
    header->resizeSection(RebalanceModel::PartitionsMoved, fm.horizontalAdvance(tr("Moved")) + 24);
    header->resizeSection(RebalanceModel::Duration, fm.horizontalAdvance(tr("Duration ms")) + 16);
    header->resizeSection(RebalanceModel::Paused, fm.horizontalAdvance(tr("Paused ms")) + 16);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    table->setFocusPolicy(Qt::NoFocus);
    // As tall as its rows (up to eight), so that the bars get the rest.
    const int visibleRows = std::clamp(int(r.rebalances.size()), 1, 8);
    table->setMaximumHeight(header->sizeHint().height() + visibleRows * table->verticalHeader()->defaultSectionSize()
        + 2 * table->frameWidth() + 2);
    layout->addWidget(table);
    layout->addStretch(1);
    return column;
}

} // namespace topicscope::ui
