#include "liveflow.h"

#include "live/liveprojector.h"
#include "live/liverecorder.h"
#include "live/liverecordingfile.h"
#include "runtime/engine.h"
#include "runtime/kafkaserver.h"

#include <QElapsedTimer>
#include <QTimer>

namespace topicscope::engine {

LiveFlow::LiveFlow(Engine &engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_timer(new QTimer(this))
{
    m_timer->setInterval(PublishIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &LiveFlow::onTick);
    startRecording();
    connect(&engine, &Engine::pauseStateChanged, this, [this] { publishState(); });
    if (KafkaServer *server = engine.kafkaServer())
        m_exchangeSubscription
            = server->apis().subscribeExchanges([this](const WireExchange &exchange) { onExchange(exchange); });
}

LiveFlow::~LiveFlow()
{
    if (KafkaServer *server = m_engine.kafkaServer())
        server->apis().unsubscribeExchanges(m_exchangeSubscription);
    m_engine.events().unsubscribe(m_eventSubscription);
}

void LiveFlow::startRecording()
{
    if (m_eventSubscription)
        m_engine.events().unsubscribe(m_eventSubscription);
    m_projector.reset();
    m_recorder = std::make_unique<LiveRecorder>(m_engine.broker(), m_engine.broker().clock().nowMs());
    m_projector = std::make_unique<LiveProjector>(*m_recorder, m_engine.broker().clock().nowMs());
    m_startedAtMs = m_engine.clock().nowMs();
    m_history.clear();
    m_historyBase = 0;
    m_pendingMovements.clear();
    m_exchanges.clear();
    m_exchangesDropped = 0;
    // After the recorder's subscriptions: the rebalance and its ownership are recorded before the picture is taken.
    m_eventSubscription = m_engine.events().subscribe([this](const Event &event) {
        if (std::holds_alternative<RebalanceCompleted>(event))
            captureHistory();
    });
}

void LiveFlow::onExchange(const WireExchange &exchange)
{
    m_recorder->observe(exchange);
    if (!m_shown)
        return;
    m_exchangesChanged = true;
    m_exchanges << exchange;
    if (m_exchanges.size() > FlowSnapshot::MaxExchanges) {
        m_exchanges.removeFirst();
        ++m_exchangesDropped;
    }
}

void LiveFlow::show(quint64 loadId)
{
    m_loadId = loadId;
    m_shown = true;
    m_error.clear();
    m_exchanges.clear();
    m_exchangesDropped = 0;
    m_timer->start();
    publishState();
    publish();
}

void LiveFlow::hide()
{
    // Nobody sees the pause any more: the real clients go on.
    if (m_engine.pauseState().paused)
        m_engine.resumeBroker();
    m_stepped.reset();
    m_shown = false;
    m_timer->stop();
    m_exchanges.clear();
}

void LiveFlow::restart()
{
    startRecording();
    if (m_shown) {
        publishState();
        publish();
    }
}

void LiveFlow::refuse(const QString &what)
{
    showError(QStringLiteral("%1 works on scenarios; the live broker shows its real clients as they are").arg(what));
}

void LiveFlow::showError(const QString &error)
{
    m_error = error;
    publishState();
}

void LiveFlow::pauseBroker()
{
    m_error.clear();
    m_stepped.reset();
    m_engine.pauseBroker();
    publishState();
}

void LiveFlow::stepBroker()
{
    m_error.clear();
    if (!m_engine.pauseState().paused)
        m_engine.pauseBroker();
    m_stepped = m_engine.stepBroker();
    if (!m_stepped)
        m_error = QStringLiteral("no answer is held: the broker is paused and nothing waits to be released");
    publishState();
    publish();
}

void LiveFlow::resumeBroker()
{
    m_error.clear();
    m_stepped.reset();
    m_engine.resumeBroker();
    publishState();
    publish();
}

ScenarioPlayerState LiveFlow::state() const
{
    ScenarioPlayerState s;
    s.loaded = true;
    s.live = true;
    s.loadId = m_loadId;
    s.title = QStringLiteral("Live broker");
    s.description = QStringLiteral("The embedded broker's own clients (kafka-python, kcat, your apps) as they produce, "
                                   "fetch, commit and rebalance.");
    s.openEnded = true;
    s.brokerPause = m_engine.pauseState();
    s.playing = !s.brokerPause.paused;
    s.stepped = m_stepped;
    s.timeMs = m_recorder->now();
    s.error = m_error;
    return s;
}

FlowSnapshot LiveFlow::snapshot()
{
    FlowSnapshot s = m_projector->snapshot(m_engine.broker());
    s.live = true;
    s.loadId = m_loadId;
    return s;
}

FlowSnapshot LiveFlow::takePicture()
{
    FlowSnapshot picture = snapshot();
    if (m_shown) {
        m_pendingMovements += picture.movements;
        if (m_pendingMovements.size() > FlowSnapshot::MaxMovements)
            m_pendingMovements = m_pendingMovements.mid(m_pendingMovements.size() - FlowSnapshot::MaxMovements);
    }
    return picture;
}

void LiveFlow::captureHistory()
{
    const LiveRecordingPicture picture = LiveRecordingPicture::compact(takePicture(), m_recorder->droppedRebalances());
    while (m_historyBase + m_history.size() < m_recorder->rebalanceCount())
        m_history << picture;
    while (m_history.size() > ScenarioHistoryLimit) {
        m_history.removeFirst();
        ++m_historyBase;
    }
}

std::optional<FlowSnapshot> LiveFlow::historyAt(int rebalanceIndex) const
{
    // The index is the snapshots' (the kept rows); the history counts every rebalance.
    const qint64 dropped = m_recorder->droppedRebalances();
    const qint64 i = dropped + rebalanceIndex - m_historyBase;
    if (rebalanceIndex < 0 || i < 0 || i >= m_history.size())
        return std::nullopt;
    return m_history.at(i).expand(m_projector->rebalances(), dropped, m_recorder->recording().ownership);
}

LiveRecordingFile LiveFlow::recording(bool withJourneys)
{
    LiveRecordingFile f = LiveRecordingFile::capture(
        m_recorder->recording(), takePicture(), m_history, m_historyBase, QStringLiteral("Live broker"), m_startedAtMs);
    if (withJourneys) {
        QElapsedTimer spent;
        spent.start();
        f.addJourneys([this](const TopicPartition &tp, qint64 offset) { return journey(tp, offset); },
            [&spent] { return spent.elapsed() < JourneyBudgetMs; });
    }
    return f;
}

QString LiveFlow::report()
{
    return recording(false).report();
}

bool LiveFlow::saveRecording(const QString &path, QString *error)
{
    return recording(true).save(path, error);
}

RecordJourney LiveFlow::journey(const TopicPartition &topicPartition, qint64 offset) const
{
    return m_projector->journey(m_engine.broker(), topicPartition, offset);
}

void LiveFlow::onTick()
{
    if (m_recorder->takeChanged() || std::exchange(m_exchangesChanged, false) || !m_pendingMovements.isEmpty())
        publish();
    publishState();
}

void LiveFlow::publish()
{
    if (!m_shown || !m_sinks.snapshot)
        return;
    FlowSnapshot s = snapshot();
    s.movements = m_pendingMovements + s.movements;
    m_pendingMovements.clear();
    if (s.movements.size() > FlowSnapshot::MaxMovements) {
        s.movementsDropped += int(s.movements.size()) - FlowSnapshot::MaxMovements;
        s.movements = s.movements.mid(s.movements.size() - FlowSnapshot::MaxMovements);
    }
    s.exchanges = std::exchange(m_exchanges, {});
    s.exchangesDropped = std::exchange(m_exchangesDropped, 0);
    m_sinks.snapshot(s);
}

void LiveFlow::publishState()
{
    if (m_shown && m_sinks.state)
        m_sinks.state(state());
}

} // namespace topicscope::engine
