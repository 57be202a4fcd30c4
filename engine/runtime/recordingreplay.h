#pragma once

#include "flowsnapshot.h"
#include "live/liverecordingfile.h"
#include "scenarioplayerstate.h"

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

class QTimer;

namespace topicscope::engine {

// Plays a saved live session (LiveRecordingFile) back for the flow view, with no broker: the final picture when
// loaded; Step shows the picture kept after each rebalance in order, then the final one again (and from there starts
// over); Play does the same by itself, one picture per StepIntervalMs at 1× (the speed divides it) and stops at the
// end; Restart goes back to the first picture. Time travel and journeys answer from the file; what the file does not
// hold is said so. The scenario actions and skipping ahead do not apply and answer with an error in the state.
// It reads nothing but its value and does little per command (ScenarioControl reads the file on a pool thread), so it
// lives with ScenarioControl on the GUI thread.
class RecordingReplay : public QObject {
    Q_OBJECT
public:
    static constexpr int StepIntervalMs = 1000;

    struct Sinks {
        std::function<void(const FlowSnapshot &)> snapshot;
        std::function<void(const ScenarioPlayerState &)> state;
    };

    explicit RecordingReplay(QObject *parent = nullptr);
    ~RecordingReplay() override;

    void setSinks(Sinks sinks) { m_sinks = std::move(sinks); }
    // Replaces what was replayed; shows the final picture, paused. source: the file, for the state.
    void load(LiveRecordingFile recording, const QString &source, quint64 loadId);
    bool isLoaded() const { return m_recording.has_value(); }
    // Stops playing (the view shows something else).
    void hide();

    void play();
    void pause();
    void step();
    void restart();
    void setSpeed(double speed);
    void setLanguage(const QString &language);
    // The error for a command that does not apply to a recording, in the next state.
    void refuse(const QString &what);
    // An error for the state (kept until the next command), e.g. another recording that could not be opened.
    void showError(const QString &error);

    RecordJourney journey(const TopicPartition &topicPartition, qint64 offset) const;
    std::optional<FlowSnapshot> historyAt(int rebalanceIndex) const;
    ScenarioPlayerState state() const;
    // The picture shown now.
    FlowSnapshot snapshot() const;
    // Which picture: 0 .. pictureCount() - 1 are the rebalance pictures, pictureCount() the final one.
    int position() const { return m_position; }
    int pictureCount() const;
    const LiveRecordingFile *recording() const { return m_recording ? &*m_recording : nullptr; }

private:
    void showPosition(int position);
    void onTick();
    void setPlaying(bool playing);
    void publishState();

    std::optional<LiveRecordingFile> m_recording;
    QHash<std::pair<TopicPartition, qint64>, qsizetype> m_journeys; // -> index into the recording's journeys
    QString m_source;
    quint64 m_loadId = 0;
    quint64 m_sequence = 0; // of the published snapshots
    int m_position = 0;
    bool m_playing = false;
    double m_speed = 1.0;
    QString m_language = QStringLiteral("en");
    QString m_error;
    QTimer *m_timer = nullptr;
    Sinks m_sinks;
};

} // namespace topicscope::engine
