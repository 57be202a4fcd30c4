#pragma once

#include "flowsnapshot.h"
#include "live/liverecordingpicture.h"
#include "scenarioevent.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <functional>
#include <optional>
#include <utility>

namespace topicscope::engine {

struct ScenarioRecording;

// Records a group of clients (or one client) produced, fetched and was handed again.
struct LiveRecordingCounts {
    qint64 produced = 0;
    qint64 fetched = 0;
    qint64 redelivered = 0;
};

// A saved live session: what the Flow tab showed of the live broker's wire clients, as a value that a file holds and
// that replays without a broker (RecordingReplay) — the timeline, the rebalances with their ownership and gaps, the
// final picture and one picture per rebalance for time travel, and the journeys of the records those pictures show.
// The file is versioned JSON ("format": "topicscope-live-recording", "version": 1), documented in docs/engine.md
// ("Live recordings"); loading checks it strictly and either gives the whole recording or an error naming the
// problem, never part of one. report() prints it in the style of a scenario's headless report. A plain value; any
// thread (LiveFlow captures one on the engine's worker thread, ScenarioControl loads one on a pool thread).
class LiveRecordingFile {
public:
    static constexpr int Version = 1;
    // A larger file is refused before it is read (a recording within the bounds below stays well under it).
    static constexpr qint64 MaxFileBytes = 256LL * 1024 * 1024;
    // Journeys kept: the records the final picture shows first, then those of the rebalance pictures from the newest
    // back (shownRecords()).
    static constexpr int MaxJourneys = 20'000;
    // Groups and clients counted one by one: those with the most records; the rest are only in the totals.
    static constexpr int MaxCounted = 1'000;
    static QString formatName() { return QStringLiteral("topicscope-live-recording"); }

    // The file's sections (docs/engine.md, "Live recordings"), each as the file spells it.
    struct Counters {
        qint64 produced = 0; // records wire clients produced
        qint64 fetched = 0; // records fetch answers handed out
        qint64 redelivered = 0; // records a group fetched again (after a rebalance or a restart)
        QMap<QString, LiveRecordingCounts> byGroup;
        qint64 groupsOmitted = 0;
        QMap<QString, LiveRecordingCounts> byClient; // producers by connection, group members by member name
        qint64 clientsOmitted = 0;
    };
    struct Timeline {
        qint64 trimmed = 0; // older events left out (the recorder's window)
        QList<ScenarioEvent> events;
    };
    struct Rebalances {
        qint64 dropped = 0; // older rows left out: rows[i] is rebalance number dropped + i
        QList<ScenarioRebalance> rows;
    };
    struct Ownership {
        qint64 dropped = 0; // intervals left out with the rebalances they belonged to
        QList<ScenarioOwnership> intervals;
    };
    struct History {
        qint64 base = 0; // pictures[i] is the world right after rebalance number base + i
        QList<LiveRecordingPicture> pictures;
    };
    struct Journeys {
        int limit = MaxJourneys;
        qint64 omitted = 0; // records shown in a picture whose journey is not kept
        QList<RecordJourney> records;
    };

    QString title;
    qint64 startedAtMs = 0; // wall clock when the recording started, ms since the epoch
    qint64 durationMs = 0; // broker time recorded: a pause of the broker stops it
    Counters counters;
    Timeline timeline;
    Rebalances rebalances;
    Ownership ownership;
    QList<OwnershipGap> gaps; // at the end of the recording
    LiveRecordingPicture finalPicture;
    History history;
    Journeys journeys;

    // The recording as it is now: recording is the recorder's, now the projector's picture of this moment (its
    // rebalances, ownership and gaps are the file's rows), history the pictures kept per rebalance. No journeys yet.
    static LiveRecordingFile capture(const ScenarioRecording &recording, const FlowSnapshot &now,
        QList<LiveRecordingPicture> history, qint64 historyBase, const QString &title, qint64 startedAtMs);
    // Every record a picture's log strips show, each once: the final picture's first (by topic, partition, offset),
    // then those of the rebalance pictures from the newest back.
    QList<std::pair<TopicPartition, qint64>> shownRecords() const;
    // Adds the journeys of shownRecords(), at most MaxJourneys, while mayContinue() says so (a time budget: each
    // journey reads the log and scans the timeline); counts the rest in journeysOmitted.
    void addJourneys(const std::function<RecordJourney(const TopicPartition &, qint64)> &journey,
        const std::function<bool()> &mayContinue = {});

    QByteArray toJson() const;
    static std::optional<LiveRecordingFile> fromJson(const QByteArray &json, QString *error);
    // Writes atomically (a temporary file renamed over path): a reader never sees half a recording.
    bool save(const QString &path, QString *error) const;
    static std::optional<LiveRecordingFile> load(const QString &path, QString *error, qint64 maxBytes = MaxFileBytes);

    FlowSnapshot finalSnapshot() const;
    // The world right after the rebalance rebalances[index]; nullopt when its picture is not kept.
    std::optional<FlowSnapshot> historyAt(int index) const;
    // The timeline, the rebalances (group, generation, cause, assignor, duration, assignment, partitions moved, the
    // gaps each ended) and the final state with the counters, in the style of a scenario's report.
    QString report() const;

private:
    // What the types cannot say: indexes and counts that expand() and historyAt() rely on.
    bool validate(QString *error) const;
};

} // namespace topicscope::engine
