#include "timeserieschart.h"

#include "chartstyle.h"

#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QFile>
#include <QLineSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace topicscope::ui {

TimeSeriesChart::TimeSeriesChart(const QString &title, const QString &unit, QWidget *parent)
    : QWidget(parent)
    , m_chart(new QChart)
{
    m_chart->setTitle(title);
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_x = new QDateTimeAxis;
    m_x->setFormat(QStringLiteral("HH:mm:ss"));
    m_x->setTickCount(4); // HH:mm:ss labels stay whole in a half-width chart
    m_y = new QValueAxis;
    m_y->setTitleText(unit);
    m_y->setLabelFormat(QStringLiteral("%.0f"));
    m_y->setRange(0, 5);
    m_chart->addAxis(m_x, Qt::AlignBottom);
    m_chart->addAxis(m_y, Qt::AlignLeft);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(now - 60000), QDateTime::fromMSecsSinceEpoch(now));
    m_view = new QChartView(m_chart, this);
    m_view->setRenderHint(QPainter::Antialiasing);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    applyPaletteTheme(m_chart, palette());
}

void TimeSeriesChart::setTitle(const QString &title)
{
    m_chart->setTitle(title);
}

QString TimeSeriesChart::title() const
{
    return m_chart->title();
}

int TimeSeriesChart::seriesCount() const
{
    return int(m_chart->series().size());
}

QList<QPointF> TimeSeriesChart::plottedPoints(const QString &series) const
{
    for (QAbstractSeries *s : m_chart->series()) {
        if (s->name() == series)
            return static_cast<QLineSeries *>(s)->points();
    }
    return {};
}

void TimeSeriesChart::setHistory(const MetricHistory &history)
{
    m_history = history;
    const QStringList names = history.seriesNames();
    // Drop series that are gone, add new ones, then replace every series' points in one call each.
    for (QAbstractSeries *s : m_chart->series()) {
        if (!names.contains(s->name())) {
            m_chart->removeSeries(s);
            delete s;
        }
    }
    for (const QString &name : names) {
        QLineSeries *line = nullptr;
        for (QAbstractSeries *s : m_chart->series()) {
            if (s->name() == name)
                line = static_cast<QLineSeries *>(s);
        }
        if (!line) {
            line = new QLineSeries;
            line->setName(name);
            m_chart->addSeries(line);
            line->attachAxis(m_x);
            line->attachAxis(m_y);
        }
        line->replace(history.points(name));
    }
    if (history.sampleCount() > 0) {
        const qint64 last = history.lastTimeMs();
        const qint64 first = std::min(history.firstTimeMs(), last - 60000);
        m_x->setRange(QDateTime::fromMSecsSinceEpoch(first), QDateTime::fromMSecsSinceEpoch(last));
        // Days of history (read back from the archive) need the date; the live hour does not.
        m_x->setFormat(last - first > 20 * 3600 * 1000 ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm:ss"));
    }
    const double top = history.maxValue();
    // At least 0-5: whole-number labels (%.0f) of a smaller range would repeat ("0 0 1 1").
    m_y->setRange(0, std::max(top * 1.15, 5.0));
    m_y->applyNiceNumbers();
}

bool TimeSeriesChart::exportPng(const QString &path) const
{
    return m_view->grab().save(path, "PNG");
}

bool TimeSeriesChart::exportCsv(const QString &path) const
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(m_history.toCsv().toUtf8()) >= 0;
}

void TimeSeriesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange)
        applyPaletteTheme(m_chart, palette());
    QWidget::changeEvent(event);
}

} // namespace topicscope::ui
