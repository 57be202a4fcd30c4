#include "chartsview.h"

#include "timeserieschart.h"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace topicscope::ui {

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
    , m_rate(new TimeSeriesChart(tr("Produce rate per topic"), tr("records/s"), this))
    , m_lag(new TimeSeriesChart(tr("Lag per consumer group"), tr("records"), this))
{
    m_rate->setObjectName(QStringLiteral("rateChart"));
    m_lag->setObjectName(QStringLiteral("lagChart"));
    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    for (TimeSeriesChart *chart : {m_rate, m_lag}) {
        auto *box = new QWidget(splitter);
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
        splitter->addWidget(box);
    }
    layout->addWidget(splitter);
}

void ChartsView::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    QMap<QString, double> rates;
    for (const engine::TopicInfo &t : snapshot.topics) {
        double r = 0;
        for (const engine::PartitionInfo &p : t.partitions)
            r += snapshot.partitionRates.value({t.name, p.partition}).recordsPerSecond;
        rates.insert(t.name, r);
    }
    QMap<QString, double> lags;
    for (const engine::GroupOffsets &g : snapshot.groupOffsets)
        lags.insert(g.groupId, double(g.totalLag));
    if (m_rates.add(snapshot.takenAtMs, rates))
        m_rate->setHistory(m_rates);
    if (m_lags.add(snapshot.takenAtMs, lags))
        m_lag->setHistory(m_lags);
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
