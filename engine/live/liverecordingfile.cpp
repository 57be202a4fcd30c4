#include "liverecordingfile.h"

#include "live/flowjson.h"
#include "sim/jsonlineindex.h"
#include "sim/scenariorecording.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>
#include <algorithm>

namespace topicscope::engine {

// --- The file's field lists (the names are the format: docs/engine.md, "Live recordings").

template <> struct FlowJsonFields<LiveRecordingCounts> {
    template <typename Io, typename Self> static void list(Io &io, Self &c)
    {
        io.field("produced", c.produced);
        io.field("fetched", c.fetched);
        io.field("redelivered", c.redelivered);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::Counters> {
    template <typename Io, typename Self> static void list(Io &io, Self &c)
    {
        io.field("produced", c.produced);
        io.field("fetched", c.fetched);
        io.field("redelivered", c.redelivered);
        io.field("byGroup", c.byGroup);
        io.field("groupsOmitted", c.groupsOmitted);
        io.field("byClient", c.byClient);
        io.field("clientsOmitted", c.clientsOmitted);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::Timeline> {
    template <typename Io, typename Self> static void list(Io &io, Self &t)
    {
        io.field("trimmed", t.trimmed);
        io.field("events", t.events);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::Rebalances> {
    template <typename Io, typename Self> static void list(Io &io, Self &r)
    {
        io.field("dropped", r.dropped);
        io.field("rows", r.rows);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::Ownership> {
    template <typename Io, typename Self> static void list(Io &io, Self &o)
    {
        io.field("dropped", o.dropped);
        io.field("intervals", o.intervals);
    }
};

// A picture is its snapshot's fields and the count of rebalances it had seen, in one object.
template <> struct FlowJsonFields<LiveRecordingPicture> {
    template <typename Io, typename Self> static void list(Io &io, Self &p)
    {
        io.field("rebalancesUpTo", p.rebalancesUpTo);
        FlowJsonFields<FlowSnapshot>::list(io, p.snapshot);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::History> {
    template <typename Io, typename Self> static void list(Io &io, Self &h)
    {
        io.field("base", h.base);
        io.field("pictures", h.pictures);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile::Journeys> {
    template <typename Io, typename Self> static void list(Io &io, Self &j)
    {
        io.field("limit", j.limit);
        io.field("omitted", j.omitted);
        io.field("records", j.records);
    }
};

template <> struct FlowJsonFields<LiveRecordingFile> {
    // format and version are checked before the walk (LiveRecordingFile::fromJson); here they are only written and
    // consumed.
    template <typename Io, typename Self> static void list(Io &io, Self &f)
    {
        QString format = LiveRecordingFile::formatName();
        int version = LiveRecordingFile::Version;
        io.field("format", format);
        io.field("version", version);
        io.field("title", f.title);
        io.field("startedAtMs", f.startedAtMs);
        io.field("durationMs", f.durationMs);
        io.field("counters", f.counters);
        io.field("timeline", f.timeline);
        io.field("rebalances", f.rebalances);
        io.field("ownership", f.ownership);
        io.field("gaps", f.gaps);
        io.field("final", f.finalPicture);
        io.field("history", f.history);
        io.field("journeys", f.journeys);
    }
};

namespace {

LiveRecordingCounts countsOf(const ScenarioCounts &c)
{
    return LiveRecordingCounts {c.produced, c.processed, c.duplicates};
}

// The entries with the most records (ties by name), at most MaxCounted; *omitted counts the others.
QMap<QString, LiveRecordingCounts> busiest(const QHash<QString, ScenarioCounts> &all, qint64 *omitted)
{
    QList<std::pair<QString, LiveRecordingCounts>> list;
    list.reserve(all.size());
    for (auto it = all.cbegin(); it != all.cend(); ++it) {
        if (!it.key().isEmpty())
            list.append({it.key(), countsOf(it.value())});
    }
    const auto records = [](const LiveRecordingCounts &c) { return c.produced + c.fetched + c.redelivered; };
    std::sort(list.begin(), list.end(), [&records](const auto &a, const auto &b) {
        const qint64 ra = records(a.second);
        const qint64 rb = records(b.second);
        return ra != rb ? ra > rb : a.first < b.first;
    });
    *omitted = std::max<qint64>(0, list.size() - LiveRecordingFile::MaxCounted);
    QMap<QString, LiveRecordingCounts> out;
    for (qsizetype i = 0; i < list.size() && i < LiveRecordingFile::MaxCounted; ++i)
        out.insert(list.at(i).first, list.at(i).second);
    return out;
}

void addCells(
    const FlowSnapshot &s, QSet<std::pair<TopicPartition, qint64>> &seen, QList<std::pair<TopicPartition, qint64>> &out)
{
    for (const FlowTopic &t : s.topics) {
        for (const FlowPartition &p : t.partitions) {
            for (const FlowRecordCell &cell : p.tail) {
                std::pair<TopicPartition, qint64> record {TopicPartition {t.name, p.partition}, cell.offset};
                if (!seen.contains(record)) {
                    seen.insert(record);
                    out.append(std::move(record));
                }
            }
        }
    }
}

} // namespace

LiveRecordingFile LiveRecordingFile::capture(const ScenarioRecording &recording, const FlowSnapshot &now,
    QList<LiveRecordingPicture> history, qint64 historyBase, const QString &title, qint64 startedAtMs)
{
    LiveRecordingFile f;
    f.title = title;
    f.startedAtMs = startedAtMs;
    f.durationMs = now.timeMs;
    f.counters.produced = recording.totals.produced;
    f.counters.fetched = recording.totals.processed;
    f.counters.redelivered = recording.totals.duplicates;
    f.counters.byGroup = busiest(recording.countsByGroup, &f.counters.groupsOmitted);
    f.counters.byClient = busiest(recording.countsByClient, &f.counters.clientsOmitted);
    f.timeline.events = recording.timeline;
    f.timeline.trimmed = recording.trimmedEvents;
    // The projector's rows: the rebalances with their causes as the view shows them.
    f.rebalances.rows = now.rebalances;
    f.rebalances.dropped = recording.droppedRebalances;
    f.ownership.intervals = now.ownership;
    f.ownership.dropped = recording.droppedOwnership;
    f.gaps = now.gaps;
    f.finalPicture = LiveRecordingPicture::compact(now, f.rebalances.dropped);
    f.history.pictures = std::move(history);
    f.history.base = historyBase;
    return f;
}

QList<std::pair<TopicPartition, qint64>> LiveRecordingFile::shownRecords() const
{
    QSet<std::pair<TopicPartition, qint64>> seen;
    QList<std::pair<TopicPartition, qint64>> out;
    addCells(finalPicture.snapshot, seen, out);
    for (auto it = history.pictures.crbegin(); it != history.pictures.crend(); ++it)
        addCells(it->snapshot, seen, out);
    return out;
}

void LiveRecordingFile::addJourneys(const std::function<RecordJourney(const TopicPartition &, qint64)> &journey,
    const std::function<bool()> &mayContinue)
{
    journeys.records.clear();
    journeys.limit = MaxJourneys;
    const QList<std::pair<TopicPartition, qint64>> shown = shownRecords();
    for (const auto &[tp, offset] : shown) {
        if (journeys.records.size() >= MaxJourneys || (mayContinue && !mayContinue()))
            break;
        journeys.records.append(journey(tp, offset));
    }
    journeys.omitted = shown.size() - journeys.records.size();
}

QByteArray LiveRecordingFile::toJson() const
{
    // Compact: a recording is for Topicscope to replay (jq pretty-prints it for a reader). Qt writes an object's keys
    // sorted, so the same recording always gives the same bytes.
    return QJsonDocument(flowjson::toJson(*this).toObject()).toJson(QJsonDocument::Compact);
}

std::optional<LiveRecordingFile> LiveRecordingFile::fromJson(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("not valid JSON (%1: %2); the file may be truncated or damaged")
                     .arg(JsonLineIndex::lineColumn(json, parseError.offset), parseError.errorString());
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("not a Topicscope live recording: the document is not a JSON object");
        return std::nullopt;
    }
    // Which file this is comes first: a scenario, or a recording of a newer Topicscope, deserves that answer rather
    // than a complaint about its first unexpected field.
    const QJsonObject top = doc.object();
    const QJsonValue format = top.value(QStringLiteral("format"));
    if (format.toString() != formatName()) {
        *error = format.isString()
            ? QStringLiteral("not a Topicscope live recording: format is \"%1\", expected \"%2\"")
                  .arg(format.toString(), formatName())
            : QStringLiteral("not a Topicscope live recording: no \"format\": \"%1\"").arg(formatName());
        return std::nullopt;
    }
    const QJsonValue version = top.value(QStringLiteral("version"));
    const qint64 v = version.toInteger(-1);
    if (!version.isDouble() || v < 1) {
        *error = QStringLiteral("version: expected a positive integer");
        return std::nullopt;
    }
    if (v != Version) {
        *error = QStringLiteral("this recording has format version %1, written by a newer Topicscope; this one reads "
                                "version %2")
                     .arg(v)
                     .arg(Version);
        return std::nullopt;
    }
    LiveRecordingFile f;
    flowjson::Reader reader;
    if (!flowjson::fromJson(QJsonValue(top), f, reader)) {
        *error = reader.error();
        return std::nullopt;
    }
    if (!f.validate(error))
        return std::nullopt;
    return f;
}

bool LiveRecordingFile::validate(QString *error) const
{
    const auto fail = [error](const QString &message) {
        *error = message;
        return false;
    };
    if (durationMs < 0 || timeline.trimmed < 0 || rebalances.dropped < 0 || ownership.dropped < 0 || history.base < 0
        || journeys.omitted < 0 || counters.groupsOmitted < 0 || counters.clientsOmitted < 0)
        return fail(QStringLiteral("a count or duration is negative"));
    if (journeys.records.size() > MaxJourneys)
        return fail(QStringLiteral("journeys.records: %1 journeys, more than the %2 a recording keeps")
                        .arg(journeys.records.size())
                        .arg(MaxJourneys));
    const qint64 rows = rebalances.dropped + rebalances.rows.size();
    if (finalPicture.rebalancesUpTo != rows)
        return fail(QStringLiteral("final.rebalancesUpTo: %1, but the recording has %2 rebalances")
                        .arg(finalPicture.rebalancesUpTo)
                        .arg(rows));
    // Picture i is taken right after rebalance base + i: it has seen that one, and none the recording has not.
    for (qsizetype i = 0; i < history.pictures.size(); ++i) {
        const qint64 upTo = history.pictures.at(i).rebalancesUpTo;
        if (upTo < history.base + i + 1 || upTo > rows)
            return fail(QStringLiteral("history.pictures[%1].rebalancesUpTo: %2 is outside [%3, %4]")
                            .arg(i)
                            .arg(upTo)
                            .arg(history.base + i + 1)
                            .arg(rows));
    }
    return true;
}

bool LiveRecordingFile::save(const QString &path, QString *error) const
{
    const QByteArray json = toJson();
    if (json.size() > MaxFileBytes) {
        *error = QStringLiteral("the recording is %1 MiB, more than the %2 MiB a recording may have")
                     .arg(json.size() / (1024 * 1024))
                     .arg(MaxFileBytes / (1024 * 1024));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.write(json) != json.size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

std::optional<LiveRecordingFile> LiveRecordingFile::load(const QString &path, QString *error, qint64 maxBytes)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    // Checked on what is read, not only on the size the file claims (a pipe or a growing file).
    const QByteArray json = file.read(maxBytes + 1);
    if (json.size() > maxBytes) {
        *error = QStringLiteral("%1 is larger than %2 MiB, the most a recording may have")
                     .arg(path)
                     .arg(double(maxBytes) / (1024 * 1024), 0, 'g', 4);
        return std::nullopt;
    }
    QString why;
    std::optional<LiveRecordingFile> f = fromJson(json, &why);
    if (!f)
        *error = QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(), why);
    return f;
}

FlowSnapshot LiveRecordingFile::finalSnapshot() const
{
    FlowSnapshot s = finalPicture.expand(rebalances.rows, rebalances.dropped, ownership.intervals);
    s.gaps = gaps; // computed once, when it was recorded
    return s;
}

std::optional<FlowSnapshot> LiveRecordingFile::historyAt(int index) const
{
    if (index < 0 || index >= rebalances.rows.size())
        return std::nullopt;
    const qint64 i = rebalances.dropped + index - history.base;
    if (i < 0 || i >= history.pictures.size())
        return std::nullopt;
    return history.pictures.at(i).expand(rebalances.rows, rebalances.dropped, ownership.intervals);
}

} // namespace topicscope::engine
