#include "chartsview.h"

#include "timeserieschart.h"
#include "topicnames.h"

#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace topicscope::ui {

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
    , m_scopeBox(new QComboBox(this))
    , m_rate(new TimeSeriesChart(tr("Produce rate per topic"), tr("records/s"), this))
    , m_consume(new TimeSeriesChart(tr("Consume rate per topic"), tr("records/s"), this))
    , m_lag(new TimeSeriesChart(tr("Lag per consumer group"), tr("records"), this))
{
    m_rate->setObjectName(QStringLiteral("rateChart"));
    m_consume->setObjectName(QStringLiteral("consumeChart"));
    m_lag->setObjectName(QStringLiteral("lagChart"));
    m_scopeBox->setObjectName(QStringLiteral("chartScope"));
    m_scopeBox->addItem(tr("All topics (one line per topic)"), QString());
    m_scopeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_consume->setToolTip(tr("Records consumed per second: how fast the consumer groups' committed offsets advance "
                             "(summed over groups, averaged over 10 s)."));
    auto *layout = new QVBoxLayout(this);
    auto *scopeRow = new QHBoxLayout;
    scopeRow->addWidget(new QLabel(tr("Rates of:"), this));
    scopeRow->addWidget(m_scopeBox);
    scopeRow->addStretch();
    layout->addLayout(scopeRow);
    // Produce and consume side by side above lag: three charts stacked leave each too short for its axis labels.
    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *rates = new QSplitter(Qt::Horizontal, splitter);
    splitter->addWidget(rates);
    for (TimeSeriesChart *chart : {m_rate, m_consume, m_lag}) {
        QSplitter *parentSplitter = chart == m_lag ? splitter : rates;
        auto *box = new QWidget(parentSplitter);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->addWidget(chart, 1);
        auto *buttons = new QHBoxLayout;
        buttons->addStretch();
        auto *png = new QPushButton(tr("Export PNG…"), box);
        auto *csv = new QPushButton(tr("Export CSV…"), box);
        buttons->addWidget(png);
        buttons->addWidget(csv);
        v->addLayout(buttons);
        connect(png, &QPushButton::clicked, this, [this, chart] { exportChart(chart, false); });
        connect(csv, &QPushButton::clicked, this, [this, chart] { exportChart(chart, true); });
        parentSplitter->addWidget(box);
    }
    layout->addWidget(splitter);
    connect(
        m_scopeBox, &QComboBox::currentIndexChanged, this, [this] { setScope(m_scopeBox->currentData().toString()); });
}

void ChartsView::setScope(const QString &topic)
{
    if (m_scopeBox->findData(topic) < 0)
        m_scopeBox->addItem(tr("%1 (one line per partition)").arg(topic), topic);
    {
        const QSignalBlocker blocker(m_scopeBox);
        m_scopeBox->setCurrentIndex(m_scopeBox->findData(topic));
    }
    if (topic == m_scope)
        return;
    m_scope = topic;
    showHistories();
}

void ChartsView::updateScopes(const engine::BrokerSnapshot &snapshot)
{
    QStringList topics;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (!engine::TopicNames::isInternal(t.name))
            topics.append(t.name);
    }
    QStringList shown;
    for (int i = 1; i < m_scopeBox->count(); ++i)
        shown.append(m_scopeBox->itemData(i).toString());
    if (shown == topics)
        return;
    const QSignalBlocker blocker(m_scopeBox);
    while (m_scopeBox->count() > 1)
        m_scopeBox->removeItem(1);
    for (const QString &t : std::as_const(topics))
        m_scopeBox->addItem(tr("%1 (one line per partition)").arg(t), t);
    const int current = m_scopeBox->findData(m_scope);
    m_scopeBox->setCurrentIndex(std::max(0, current));
    if (current < 0 && !m_scope.isEmpty()) { // the topic went away
        m_scope.clear();
        showHistories();
    }
}

void ChartsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    updateScopes(snapshot);
    QMap<QString, double> produceTopics;
    QMap<QString, double> producePartitions;
    QMap<QString, double> consumeTopics;
    QMap<QString, double> consumePartitions;
    m_partitionSeries.clear();
    for (const engine::TopicInfo &t : snapshot.topics) {
        // The broker's own bookkeeping (a commit is a record of __consumer_offsets) is not the traffic charted.
        if (engine::TopicNames::isInternal(t.name))
            continue;
        double produced = 0;
        double consumed = 0;
        QStringList &names = m_partitionSeries[t.name];
        for (const engine::PartitionInfo &p : t.partitions) {
            const engine::TopicPartition tp {t.name, p.partition};
            const QString series = tp.toString();
            const double in = snapshot.partitionRates.value(tp).recordsPerSecond;
            const double out = snapshot.partitionConsumeRates.value(tp);
            names.append(series);
            producePartitions.insert(series, in);
            consumePartitions.insert(series, out);
            produced += in;
            consumed += out;
        }
        produceTopics.insert(t.name, produced);
        consumeTopics.insert(t.name, consumed);
    }
    QMap<QString, double> lags;
    for (const engine::GroupOffsets &g : snapshot.groupOffsets)
        lags.insert(g.groupId, double(g.totalLag));
    // All histories sample together (the same minimum interval), so one answer says whether a sample was taken.
    const bool sampled = m_produceTopics.add(snapshot.takenAtMs, produceTopics);
    m_producePartitions.add(snapshot.takenAtMs, producePartitions);
    m_consumeTopics.add(snapshot.takenAtMs, consumeTopics);
    m_consumePartitions.add(snapshot.takenAtMs, consumePartitions);
    if (m_lags.add(snapshot.takenAtMs, lags))
        m_lag->setHistory(m_lags);
    if (sampled)
        showHistories();
}

void ChartsView::showHistories()
{
    if (m_scope.isEmpty()) {
        m_rate->setTitle(tr("Produce rate per topic"));
        m_consume->setTitle(tr("Consume rate per topic (committed offsets)"));
        m_rate->setHistory(m_produceTopics);
        m_consume->setHistory(m_consumeTopics);
        return;
    }
    const QStringList names = m_partitionSeries.value(m_scope);
    m_rate->setTitle(tr("Produce rate per partition of %1").arg(m_scope));
    m_consume->setTitle(tr("Consume rate per partition of %1 (committed offsets)").arg(m_scope));
    m_rate->setHistory(m_producePartitions.select(names));
    m_consume->setHistory(m_consumePartitions.select(names));
}

void ChartsView::exportChart(TimeSeriesChart *chart, bool csv)
{
    const QString path = QFileDialog::getSaveFileName(this, csv ? tr("Export Chart Data") : tr("Export Chart"),
        QString(), csv ? tr("CSV files (*.csv)") : tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (!(csv ? chart->exportCsv(path) : chart->exportPng(path)))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

} // namespace topicscope::ui
