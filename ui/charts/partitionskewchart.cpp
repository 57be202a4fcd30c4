#include "partitionskewchart.h"

#include "chartstyle.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QVBoxLayout>
#include <QValueAxis>

namespace topicscope::ui {

PartitionSkewChart::PartitionSkewChart(QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
    , m_series(new QBarSeries)
    , m_set(new QBarSet(tr("records")))
    , m_x(new QBarCategoryAxis)
    , m_y(new QValueAxis)
{
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->hide();
    m_series->append(m_set);
    m_chart->addSeries(m_series);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    auto *view = new QChartView(m_chart, this);
    view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(view);
    applyPaletteTheme(m_chart, palette());
}

void PartitionSkewChart::setRecords(const QString &topic, const QList<qint64> &recordsPerPartition)
{
    m_chart->setTitle(tr("Records per partition of %1").arg(topic));
    if (recordsPerPartition == m_shown)
        return;
    m_shown = recordsPerPartition;
    QStringList categories;
    QList<qreal> values;
    qint64 top = 0;
    for (int i = 0; i < recordsPerPartition.size(); ++i) {
        categories.append(QString::number(i));
        values.append(qreal(recordsPerPartition.at(i)));
        top = std::max(top, recordsPerPartition.at(i));
    }
    m_x->setCategories(categories);
    m_set->remove(0, m_set->count());
    m_set->append(values);
    m_y->setRange(0, top > 0 ? double(top) * 1.1 : 1);
    m_y->applyNiceNumbers();
}

void PartitionSkewChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPaletteTheme(m_chart, palette());
    QWidget::changeEvent(event);
}

} // namespace topicscope::ui
