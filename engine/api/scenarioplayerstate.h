#pragma once

#include "brokerpause.h"

#include <QList>
#include <QMetaType>
#include <QString>
#include <optional>

namespace topicscope::engine {

// One expectation of a scenario file, checked at the end of a run.
struct ScenarioExpectationResult {
    QString path;
    QString description;
    bool passed = false;
    QString actual;
};

// How many rebalances back the flow view can travel in time (the player keeps a snapshot per rebalance).
inline constexpr int ScenarioHistoryLimit = 500;

// What the scenario controls show: which scenario, playing or not, how fast.
struct ScenarioPlayerState {
    bool loaded = false;
    // One per load of a file or of the sandbox, kept by a restart and a change of language: what a view keys
    // per-scenario state by (colours, a comparison). FlowSnapshot::loadId carries the same number.
    quint64 loadId = 0;
    QString title;
    QString description;
    QString source; // the file it came from (":/scenarios/..." for a built-in), "" for the sandbox
    bool openEnded = false; // the sandbox, or a scenario continued after its end
    bool live = false; // the live broker's wire clients (ScenarioClient::loadLive), not a scenario
    // A saved live session played back without a broker (ScenarioClient::loadRecording); source is its file.
    bool replay = false;
    // Live: the real broker's pause (playing = !brokerPause.paused) and, after a step, what the released answer
    // carried.
    BrokerPauseState brokerPause;
    std::optional<WireExchange> stepped;
    bool playing = false;
    bool finished = false; // the scenario reached its end and its checks ran (results); stays true once continued
    bool continued = false; // finished, then played on or acted on: the world runs on open-ended
    QString language = QStringLiteral("en"); // of title and description (and of the snapshots' captions)
    double speed = 1.0;
    qint64 timeMs = 0;
    qint64 endMs = -1;
    QString error; // the last load or command error, "" when the last one succeeded
    QList<ScenarioExpectationResult> results; // once finished (kept after it continued)
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::ScenarioPlayerState)
