#include "chartsview.h"

#include "enginephrases.h"
#include "metricarchive.h"
#include "timeserieschart.h"
#include "topicnames.h"

#include <QComboBox>
#include <QDateTime>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

Q_LOGGING_CATEGORY(lcChartsHistory, "topicscope.ui.charts")

namespace topicscope::ui {

namespace {

const QLatin1String ProducePrefix("produce/");
const QLatin1String ConsumePrefix("consume/");
const QLatin1String LagPrefix("lag/");

// The archived series whose names start with prefix, by the name after it, as chart points. With bucketMs, each
// point is put in the middle of its bucket, so that every series of a downsampled answer has the same moments (each
// bucket's mean time differs a little from series to series, and a series missing at a moment reads 0).
QMap<QString, QList<QPointF>> seriesOf(
    const engine::MetricQueryResult &result, QLatin1String prefix, qint64 bucketMs = 0)
{
    QMap<QString, QList<QPointF>> out;
    const qint64 from = result.query.fromMs;
    for (auto it = result.series.cbegin(); it != result.series.cend(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        QList<QPointF> &points = out[it.key().mid(prefix.size())];
        for (const engine::MetricPoint &p : it.value()) {
            const qint64 t = bucketMs > 0 ? from + (p.timeMs - from) / bucketMs * bucketMs + bucketMs / 2 : p.timeMs;
            points.append(QPointF(double(t), p.value));
        }
    }
    return out;
}

} // namespace

QString ChartsView::produceSeries(const QString &topic)
{
    return ProducePrefix + topic;
}

QString ChartsView::consumeSeries(const QString &topic)
{
    return ConsumePrefix + topic;
}

QString ChartsView::lagSeries(const QString &group)
{
    return LagPrefix + group;
}

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
    m_rangeBox = new QComboBox(this);
    m_rangeBox->setObjectName(QStringLiteral("historyRange"));
    m_rangeBox->addItem(tr("Last hour, live"), qint64(0));
    m_rangeBox->addItem(tr("Last 24 hours"), qint64(24) * 3600 * 1000);
    m_rangeBox->addItem(tr("Last 7 days"), qint64(7) * 24 * 3600 * 1000);
    m_rangeBox->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rangeBox->hide(); // until there is history for the cluster
    scopeRow->addWidget(m_rangeBox);
    connect(m_rangeBox, &QComboBox::currentIndexChanged, this,
        [this] { setHistoryRange(m_rangeBox->currentData().toLongLong()); });
    scopeRow->addStretch(); // keeps the scope box its own width while there is no note
    m_historyNote = new QLabel(this);
    m_historyNote->setObjectName(QStringLiteral("historyNote"));
    m_historyNote->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    // The rest of the row, whatever the text: a long reason (a file path) is elided, never widening the window.
    m_historyNote->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_historyNote->installEventFilter(this);
    m_historyNote->hide();
    scopeRow->addWidget(m_historyNote, 1);
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

ChartsView::~ChartsView()
{
    writePending();
}

void ChartsView::setArchive(engine::MetricArchive *archive)
{
    if (m_archive)
        disconnect(m_archive, nullptr, this, nullptr);
    m_archive = archive;
    if (!archive)
        return;
    connect(archive, &engine::MetricArchive::queryAnswered, this, &ChartsView::onQueryAnswered);
    connect(archive, &engine::MetricArchive::archiveFailed, this, [this](const QString &key, const QString &message) {
        if (key == m_clusterKey)
            setHistoryNote(tr("History is not kept: %1").arg(EnginePhrases::translate(message)), message);
    });
}

QString ChartsView::historyNote() const
{
    return m_historyNoteText;
}

void ChartsView::setHistoryNote(const QString &text, const QString &details)
{
    // The note in full as the tooltip (with the file's path); the label is elided to its row.
    if (m_rangeMs == 0)
        m_liveNote = {text, details}; // said again when the charts come back from a longer range
    m_historyNoteText = text;
    m_historyNote->setToolTip(details.isEmpty() || details == text ? text : text + QLatin1Char('\n') + details);
    m_historyNote->setVisible(!text.isEmpty());
    elideHistoryNote();
}

void ChartsView::elideHistoryNote()
{
    m_historyNote->setText(
        m_historyNote->fontMetrics().elidedText(m_historyNoteText, Qt::ElideMiddle, m_historyNote->width()));
}

bool ChartsView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_historyNote && event->type() == QEvent::Resize)
        elideHistoryNote();
    return QWidget::eventFilter(watched, event);
}

void ChartsView::followCluster(const engine::BrokerSnapshot &snapshot)
{
    if (!m_archive)
        return;
    if (snapshot.inMemory) {
        if (m_historyNoteText.isEmpty())
            setHistoryNote(tr("History is not kept for an in-memory broker."));
        return;
    }
    // A remote cluster names itself once it has answered; until then there is nothing to key the history by.
    if (snapshot.clusterId.isEmpty() || snapshot.clusterId == m_clusterKey)
        return;
    writePending();
    m_clusterKey = snapshot.clusterId;
    engine::MetricQuery query;
    query.clusterKey = m_clusterKey;
    query.toMs = snapshot.takenAtMs;
    query.fromMs = snapshot.takenAtMs - HistoryLoadMs;
    query.maxPoints = HistoryLoadPoints;
    m_historyRequest = m_archive->query(query);
    m_rangeBox->show();
    setHistoryNote(tr("Reading the history…"));
}

void ChartsView::onQueryAnswered(quint64 requestId, const engine::MetricQueryResult &result)
{
    if (requestId != 0 && requestId == m_historyRequest) {
        m_historyRequest = 0;
        showStoredHistory(result);
    } else if (requestId != 0 && requestId == m_rangeRequest) {
        m_rangeRequest = 0;
        if (m_rangeMs > 0)
            showRange(result);
    }
}

void ChartsView::setHistoryRange(qint64 rangeMs)
{
    {
        const QSignalBlocker blocker(m_rangeBox);
        m_rangeBox->setCurrentIndex(std::max(0, m_rangeBox->findData(rangeMs)));
    }
    if (rangeMs == m_rangeMs)
        return;
    m_rangeMs = rangeMs;
    m_scopeBox->setEnabled(rangeMs == 0);
    m_rangeRequest = 0;
    if (rangeMs == 0) {
        setHistoryNote(m_liveNote.first, m_liveNote.second);
        showLive();
    } else if (m_archive && !m_clusterKey.isEmpty()) {
        requestRange(
            m_produceTopics.lastTimeMs() > 0 ? m_produceTopics.lastTimeMs() : QDateTime::currentMSecsSinceEpoch());
    }
}

void ChartsView::requestRange(qint64 nowMs)
{
    engine::MetricQuery query;
    query.clusterKey = m_clusterKey;
    query.toMs = nowMs;
    query.fromMs = nowMs - m_rangeMs;
    query.maxPoints = RangePoints;
    m_rangeRequestedAtMs = nowMs;
    m_rangeRequest = m_archive->query(query);
}

void ChartsView::showRange(const engine::MetricQueryResult &result)
{
    if (!result.ok()) {
        setHistoryNote(tr("History is not kept: %1").arg(EnginePhrases::translate(result.error)), result.error);
        return;
    }
    const qint64 span = result.query.toMs - result.query.fromMs + 1;
    const qint64 bucketMs = (span + result.query.maxPoints - 1) / result.query.maxPoints;
    // Room for every bucket of the range, and then some: buckets only, no live samples here.
    const int capacity = 2 * result.query.maxPoints;
    MetricHistory produce(capacity, 0);
    MetricHistory consume(capacity, 0);
    MetricHistory lag(capacity, 0);
    produce.addEarlier(seriesOf(result, ProducePrefix, bucketMs));
    consume.addEarlier(seriesOf(result, ConsumePrefix, bucketMs));
    lag.addEarlier(seriesOf(result, LagPrefix, bucketMs));
    m_rate->setTitle(tr("Produce rate per topic"));
    m_consume->setTitle(tr("Consume rate per topic (committed offsets)"));
    m_rate->setHistory(produce);
    m_consume->setHistory(consume);
    m_lag->setHistory(lag);
    setHistoryNote(tr("From the history file: one average per %n minute(s).", nullptr, int(bucketMs / 60000)),
        tr("History file: %1").arg(result.location));
}

void ChartsView::showLive()
{
    if (m_rangeMs > 0)
        return; // the charts show a range read from the archive
    m_lag->setHistory(m_lags);
    showHistories();
}

void ChartsView::showStoredHistory(const engine::MetricQueryResult &result)
{
    if (!result.ok()) {
        qCWarning(lcChartsHistory).noquote()
            << "no chart history for cluster" << result.query.clusterKey << ":" << result.error;
        setHistoryNote(tr("History is not kept: %1").arg(EnginePhrases::translate(result.error)), result.error);
        return;
    }
    const qint64 days = m_archive ? m_archive->retentionMs() / (24 * 3600 * 1000) : 0;
    qint64 first = 0;
    for (const QList<engine::MetricPoint> &points : result.series) {
        if (!points.isEmpty() && (first == 0 || points.first().timeMs < first))
            first = points.first().timeMs;
    }
    if (first == 0) {
        setHistoryNote(tr("Recording history for this cluster (kept %n day(s)).", nullptr, int(days)),
            tr("History file: %1").arg(result.location));
        return;
    }
    m_produceTopics.addEarlier(seriesOf(result, ProducePrefix));
    m_consumeTopics.addEarlier(seriesOf(result, ConsumePrefix));
    m_lags.addEarlier(seriesOf(result, LagPrefix));
    showLive();
    const QDateTime since = QDateTime::fromMSecsSinceEpoch(first);
    const QString when = since.date() == QDate::currentDate() ? QLocale().toString(since.time(), QLocale::ShortFormat)
                                                              : QLocale().toString(since, QLocale::ShortFormat);
    setHistoryNote(tr("Since %1 from the history file, then live (kept %n day(s)).", nullptr, int(days)).arg(when),
        tr("History file: %1").arg(result.location));
}

void ChartsView::recordForArchive(qint64 timeMs, const QMap<QString, double> &values)
{
    if (!m_archive || m_clusterKey.isEmpty())
        return;
    if (m_pending.isEmpty())
        m_pendingFirstMs = timeMs;
    m_pendingLastMs = timeMs;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto &[sum, count] = m_pending[it.key()];
        sum += it.value();
        ++count;
    }
    if (timeMs - m_pendingFirstMs >= ArchiveWriteIntervalMs)
        writePending();
}

void ChartsView::writePending()
{
    if (m_pending.isEmpty())
        return;
    QList<engine::MetricSample> batch;
    batch.reserve(m_pending.size());
    // One moment per batch (the newest sample's): every series of a batch lines up when read back.
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
        batch.append({m_pendingLastMs, it.key(), it->first / it->second});
    m_pending.clear();
    if (m_archive)
        m_archive->append(m_clusterKey, batch);
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
    followCluster(snapshot);
    // All histories sample together (the same minimum interval), so one answer says whether a sample was taken.
    const bool sampled = m_produceTopics.add(snapshot.takenAtMs, produceTopics);
    if (sampled) {
        QMap<QString, double> archived;
        for (auto it = produceTopics.cbegin(); it != produceTopics.cend(); ++it)
            archived.insert(produceSeries(it.key()), it.value());
        for (auto it = consumeTopics.cbegin(); it != consumeTopics.cend(); ++it)
            archived.insert(consumeSeries(it.key()), it.value());
        for (auto it = lags.cbegin(); it != lags.cend(); ++it)
            archived.insert(lagSeries(it.key()), it.value());
        recordForArchive(snapshot.takenAtMs, archived);
    }
    m_producePartitions.add(snapshot.takenAtMs, producePartitions);
    m_consumeTopics.add(snapshot.takenAtMs, consumeTopics);
    m_consumePartitions.add(snapshot.takenAtMs, consumePartitions);
    m_lags.add(snapshot.takenAtMs, lags);
    if (sampled)
        showLive();
    if (m_rangeMs > 0 && m_rangeRequest == 0 && m_archive && !m_clusterKey.isEmpty()
        && snapshot.takenAtMs - m_rangeRequestedAtMs >= RangeRefreshMs)
        requestRange(snapshot.takenAtMs);
}

void ChartsView::showHistories()
{
    if (m_rangeMs > 0)
        return; // the charts show a range read from the archive
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
