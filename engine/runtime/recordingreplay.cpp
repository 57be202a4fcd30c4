#include "recordingreplay.h"

#include "runtime/scenarioplayer.h"
#include "sim/scenarioformat.h"

#include <QDateTime>
#include <QTimer>
#include <algorithm>

namespace topicscope::engine {

RecordingReplay::RecordingReplay(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    connect(m_timer, &QTimer::timeout, this, &RecordingReplay::onTick);
}

RecordingReplay::~RecordingReplay() = default;

void RecordingReplay::load(LiveRecordingFile recording, const QString &source, quint64 loadId)
{
    setPlaying(false);
    m_recording = std::move(recording);
    m_source = source;
    m_loadId = loadId;
    m_error.clear();
    m_journeys.clear();
    const QList<RecordJourney> &journeys = m_recording->journeys.records;
    for (qsizetype i = 0; i < journeys.size(); ++i)
        m_journeys.insert({journeys.at(i).topicPartition, journeys.at(i).offset}, i);
    showPosition(pictureCount());
}

void RecordingReplay::hide()
{
    setPlaying(false);
}

int RecordingReplay::pictureCount() const
{
    return m_recording ? int(m_recording->history.pictures.size()) : 0;
}

void RecordingReplay::setPlaying(bool playing)
{
    m_playing = playing && m_recording;
    if (m_playing)
        m_timer->start(std::max(1, int(StepIntervalMs / m_speed)));
    else
        m_timer->stop();
}

void RecordingReplay::play()
{
    if (!m_recording)
        return;
    m_error.clear();
    // From the end, a replay starts over.
    if (m_position >= pictureCount())
        showPosition(0);
    setPlaying(m_position < pictureCount());
    publishState();
}

void RecordingReplay::pause()
{
    setPlaying(false);
    publishState();
}

void RecordingReplay::step()
{
    if (!m_recording)
        return;
    setPlaying(false);
    m_error.clear();
    showPosition(m_position >= pictureCount() ? 0 : m_position + 1);
}

void RecordingReplay::restart()
{
    if (!m_recording)
        return;
    setPlaying(false);
    m_error.clear();
    showPosition(0);
}

void RecordingReplay::setSpeed(double speed)
{
    m_speed = std::clamp(speed, ScenarioPlayer::MinSpeed, ScenarioPlayer::MaxSpeed);
    if (m_playing)
        setPlaying(true);
    publishState();
}

void RecordingReplay::setLanguage(const QString &language)
{
    // The recorded texts stay as they were recorded (English, like the timeline of a scenario's report).
    m_language = language;
    publishState();
}

void RecordingReplay::refuse(const QString &what)
{
    showError(QStringLiteral("%1 works on scenarios; a recording replays what its clients did").arg(what));
}

void RecordingReplay::showError(const QString &error)
{
    m_error = error;
    publishState();
}

void RecordingReplay::onTick()
{
    if (!m_recording || m_position >= pictureCount()) {
        setPlaying(false);
        publishState();
        return;
    }
    showPosition(m_position + 1);
    if (m_position >= pictureCount()) {
        setPlaying(false);
        publishState();
    }
}

void RecordingReplay::showPosition(int position)
{
    m_position = std::clamp(position, 0, pictureCount());
    publishState();
    if (!m_sinks.snapshot)
        return;
    FlowSnapshot s = snapshot();
    // Each publication follows the previous one, whichever picture it shows (the view treats a lower sequence as
    // another run).
    s.sequence = ++m_sequence;
    m_sinks.snapshot(s);
}

FlowSnapshot RecordingReplay::snapshot() const
{
    if (!m_recording)
        return {};
    const LiveRecordingFile &r = *m_recording;
    FlowSnapshot s = m_position < pictureCount()
        ? r.history.pictures.at(m_position).expand(r.rebalances.rows, r.rebalances.dropped, r.ownership.intervals)
        : r.finalSnapshot();
    s.loadId = m_loadId;
    return s;
}

std::optional<FlowSnapshot> RecordingReplay::historyAt(int rebalanceIndex) const
{
    if (!m_recording)
        return std::nullopt;
    std::optional<FlowSnapshot> s = m_recording->historyAt(rebalanceIndex);
    if (s)
        s->loadId = m_loadId;
    return s;
}

RecordJourney RecordingReplay::journey(const TopicPartition &topicPartition, qint64 offset) const
{
    if (m_recording) {
        const auto it = m_journeys.constFind({topicPartition, offset});
        if (it != m_journeys.cend())
            return m_recording->journeys.records.at(it.value());
    }
    RecordJourney none;
    none.topicPartition = topicPartition;
    none.offset = offset;
    none.error = QStringLiteral("the journey of %1 offset %2 is not in this recording: it keeps the journeys of the "
                                "records its pictures show (at most %3)")
                     .arg(topicPartition.toString())
                     .arg(offset)
                     .arg(LiveRecordingFile::MaxJourneys);
    return none;
}

ScenarioPlayerState RecordingReplay::state() const
{
    ScenarioPlayerState s;
    s.language = m_language;
    s.speed = m_speed;
    s.error = m_error;
    if (!m_recording)
        return s;
    const LiveRecordingFile &r = *m_recording;
    s.loaded = true;
    s.replay = true;
    s.loadId = m_loadId;
    s.source = m_source;
    s.title = r.title;
    s.description
        = QStringLiteral("Recorded %1 UTC, %2 of broker time: %3 events, %4 rebalances. No broker runs: Step and Play "
                         "show the world after each rebalance, then at the end; time travel and journeys come from "
                         "the file.")
              .arg(QDateTime::fromMSecsSinceEpoch(r.startedAtMs, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                  scenarioTime(r.durationMs).mid(1))
              .arg(r.timeline.trimmed + r.timeline.events.size())
              .arg(r.rebalances.dropped + r.rebalances.rows.size());
    s.playing = m_playing;
    s.timeMs = m_position < pictureCount() ? r.history.pictures.at(m_position).snapshot.timeMs : r.durationMs;
    s.endMs = r.durationMs;
    return s;
}

void RecordingReplay::publishState()
{
    if (m_sinks.state)
        m_sinks.state(state());
}

} // namespace topicscope::engine
