#pragma once

#include "flowsnapshot.h"
#include "scenarioevent.h"
#include "topicpartition.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <optional>
#include <type_traits>
#include <utility>
#include <vector>

// The JSON form of the flow's value types (FlowSnapshot and its parts, ScenarioEvent, rebalances, ownership, gaps,
// record journeys), for the live recording file (LiveRecordingFile, docs/engine.md "Live recordings").
//
// One field list per struct drives both directions: FlowJsonFields<S>::list(io, s) names each field once, and the
// same list is walked by the writer (flowjson::toJson) and by the strict reader (flowjson::fromJson), so a field can
// neither be written and forgotten on reading nor read under another name. Reading checks every value's type, refuses
// missing and unknown fields, and names the path of the first problem ("history.pictures[2].topics[0].name: expected
// a string"). Types: bool, int and qint64 (JSON integers), double, QString, QByteArray (base64), std::optional (null),
// QList (array), QMap<QString, T> (object), QMap<TopicPartition, T> (array of {"topic", "partition", "value"}), enums
// with a FlowJsonEnum table (their names as strings) and structs with a FlowJsonFields list (objects).
// Pure functions and short-lived helpers; any thread.

namespace topicscope::engine {

// The field list of struct S: a specialization with
//     template <typename Io, typename Self> static void list(Io &io, Self &s)
// that calls io.field("name", s.member) for every field. Self is S when reading and const S when writing.
template <typename S> struct FlowJsonFields;

// The names an enum's values have in the file: a specialization with `static constexpr std::pair<E, const char *>
// names[]`. Names are part of the format: they never follow a display text.
template <typename E> struct FlowJsonEnum;

namespace flowjson {

// What the generic overloads below take: an enum (named by FlowJsonEnum) and a struct (listed by FlowJsonFields);
// QString, QByteArray, QList, QMap and std::optional have overloads of their own, which overload resolution prefers.
template <typename T>
concept Enumeration = std::is_enum_v<T>;
template <typename T>
concept Structure = std::is_class_v<T>;

// Where a read is and its first error. The path is kept as parts and spelled only for an error, so that reading a
// large document allocates nothing per field.
class Reader {
public:
    bool failed() const { return !m_error.isEmpty(); }
    // "path: message"; empty while nothing failed.
    const QString &error() const { return m_error; }
    // Records the problem at the current path unless one is recorded already; returns false for `return fail(...)`.
    bool fail(const QString &message);
    void enter(const char *name) { m_path.push_back(Part {name, {}, -1}); }
    void enterKey(const QString &key) { m_path.push_back(Part {nullptr, key, -1}); }
    void enterIndex(qsizetype index) { m_path.push_back(Part {nullptr, {}, index}); }
    void leave() { m_path.pop_back(); }

private:
    struct Part {
        const char *name;
        QString key;
        qsizetype index;
    };
    QString path() const;

    std::vector<Part> m_path;
    QString m_error;
};

// --- Declarations first: every overload is visible to every template below, whatever the order of definition.

QJsonValue toJson(bool value);
QJsonValue toJson(int value);
QJsonValue toJson(qint64 value);
QJsonValue toJson(double value);
QJsonValue toJson(const QString &value);
QJsonValue toJson(const QByteArray &value);
template <typename T> QJsonValue toJson(const std::optional<T> &value);
template <typename T> QJsonValue toJson(const QList<T> &value);
template <typename T> QJsonValue toJson(const QMap<QString, T> &value);
template <typename T> QJsonValue toJson(const QMap<TopicPartition, T> &value);
template <Enumeration E> QJsonValue toJson(E value);
template <Structure S> QJsonValue toJson(const S &value);

bool fromJson(const QJsonValue &json, bool &value, Reader &reader);
bool fromJson(const QJsonValue &json, int &value, Reader &reader);
bool fromJson(const QJsonValue &json, qint64 &value, Reader &reader);
bool fromJson(const QJsonValue &json, double &value, Reader &reader);
bool fromJson(const QJsonValue &json, QString &value, Reader &reader);
bool fromJson(const QJsonValue &json, QByteArray &value, Reader &reader);
template <typename T> bool fromJson(const QJsonValue &json, std::optional<T> &value, Reader &reader);
template <typename T> bool fromJson(const QJsonValue &json, QList<T> &value, Reader &reader);
template <typename T> bool fromJson(const QJsonValue &json, QMap<QString, T> &value, Reader &reader);
template <typename T> bool fromJson(const QJsonValue &json, QMap<TopicPartition, T> &value, Reader &reader);
template <Enumeration E> bool fromJson(const QJsonValue &json, E &value, Reader &reader);
template <Structure S> bool fromJson(const QJsonValue &json, S &value, Reader &reader);

// The io of a field list when writing: each field becomes a key of one object.
class ObjectWriter {
public:
    template <typename T> void field(const char *name, const T &value)
    {
        m_object.insert(QLatin1String(name), toJson(value));
    }
    template <typename T> void laterField(const char *name, const T &value) { field(name, value); }
    QJsonObject take() { return std::move(m_object); }

private:
    QJsonObject m_object;
};

// The io of a field list when reading one object: each field must be there with its type, and finish() refuses any
// key the list did not name.
class ObjectReader {
public:
    ObjectReader(const QJsonObject &object, Reader &reader)
        : m_object(object)
        , m_reader(reader)
    { }

    template <typename T> void field(const char *name, T &value)
    {
        if (m_reader.failed())
            return;
        m_names.push_back(name);
        m_reader.enter(name);
        const auto it = m_object.constFind(QLatin1String(name));
        if (it == m_object.constEnd())
            m_reader.fail(QStringLiteral("missing field"));
        else
            fromJson(*it, value, m_reader);
        m_reader.leave();
    }
    // A field added to the format after its version was fixed: a file written before it lacks it, and the value
    // keeps its default.
    template <typename T> void laterField(const char *name, T &value)
    {
        if (m_object.contains(QLatin1String(name)))
            field(name, value);
        else
            m_names.push_back(name);
    }
    // False (with the reader's error) when a field failed or the object has a key no field named.
    bool finish();

private:
    const QJsonObject &m_object;
    Reader &m_reader;
    std::vector<const char *> m_names;
};

// An entry of a map keyed by partition, as the file spells it.
template <typename T> struct PartitionEntry {
    QString topic;
    int partition = 0;
    T value {};
};

// --- Definitions of the templates.

template <typename T> QJsonValue toJson(const std::optional<T> &value)
{
    return value ? toJson(*value) : QJsonValue(QJsonValue::Null);
}

template <typename T> QJsonValue toJson(const QList<T> &value)
{
    QJsonArray array;
    for (const T &item : value)
        array.append(toJson(item));
    return array;
}

template <typename T> QJsonValue toJson(const QMap<QString, T> &value)
{
    QJsonObject object;
    for (auto it = value.cbegin(); it != value.cend(); ++it)
        object.insert(it.key(), toJson(it.value()));
    return object;
}

template <typename T> QJsonValue toJson(const QMap<TopicPartition, T> &value)
{
    QJsonArray array;
    for (auto it = value.cbegin(); it != value.cend(); ++it)
        array.append(toJson(PartitionEntry<T> {it.key().topic, it.key().partition, it.value()}));
    return array;
}

template <Enumeration E> QJsonValue toJson(E value)
{
    for (const auto &[v, name] : FlowJsonEnum<E>::names) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    Q_ASSERT_X(false, "flowjson::toJson", "an enum value without a name in its FlowJsonEnum table");
    return QString();
}

template <Structure S> QJsonValue toJson(const S &value)
{
    ObjectWriter io;
    FlowJsonFields<S>::list(io, value);
    return io.take();
}

template <typename T> bool fromJson(const QJsonValue &json, std::optional<T> &value, Reader &reader)
{
    if (json.isNull()) {
        value.reset();
        return true;
    }
    T inner {};
    if (!fromJson(json, inner, reader))
        return false;
    value = std::move(inner);
    return true;
}

template <typename T> bool fromJson(const QJsonValue &json, QList<T> &value, Reader &reader)
{
    if (!json.isArray())
        return reader.fail(QStringLiteral("expected an array"));
    const QJsonArray array = json.toArray();
    value.clear();
    value.reserve(array.size());
    for (qsizetype i = 0; i < array.size(); ++i) {
        reader.enterIndex(i);
        T item {};
        const bool ok = fromJson(array.at(i), item, reader);
        reader.leave();
        if (!ok)
            return false;
        value.append(std::move(item));
    }
    return true;
}

template <typename T> bool fromJson(const QJsonValue &json, QMap<QString, T> &value, Reader &reader)
{
    if (!json.isObject())
        return reader.fail(QStringLiteral("expected an object"));
    const QJsonObject object = json.toObject();
    value.clear();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        reader.enterKey(it.key());
        T item {};
        const bool ok = fromJson(it.value(), item, reader);
        reader.leave();
        if (!ok)
            return false;
        value.insert(it.key(), std::move(item));
    }
    return true;
}

template <typename T> bool fromJson(const QJsonValue &json, QMap<TopicPartition, T> &value, Reader &reader)
{
    QList<PartitionEntry<T>> entries;
    if (!fromJson(json, entries, reader))
        return false;
    value.clear();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        PartitionEntry<T> &e = entries[i];
        const TopicPartition tp {e.topic, e.partition};
        if (value.contains(tp)) {
            reader.enterIndex(i);
            reader.fail(QStringLiteral("%1 appears twice").arg(tp.toString()));
            reader.leave();
            return false;
        }
        value.insert(tp, std::move(e.value));
    }
    return true;
}

template <Enumeration E> bool fromJson(const QJsonValue &json, E &value, Reader &reader)
{
    if (!json.isString())
        return reader.fail(QStringLiteral("expected a string"));
    const QString text = json.toString();
    QStringList known;
    for (const auto &[v, name] : FlowJsonEnum<E>::names) {
        if (text == QLatin1String(name)) {
            value = v;
            return true;
        }
        known << QString::fromLatin1(name);
    }
    return reader.fail(QStringLiteral("unknown value \"%1\" (one of: %2)").arg(text, known.join(QStringLiteral(", "))));
}

template <Structure S> bool fromJson(const QJsonValue &json, S &value, Reader &reader)
{
    if (!json.isObject())
        return reader.fail(QStringLiteral("expected an object"));
    const QJsonObject object = json.toObject();
    ObjectReader io(object, reader);
    FlowJsonFields<S>::list(io, value);
    return io.finish();
}

} // namespace flowjson

// --- The field lists of the flow's value types. The names are the file format's (docs/engine.md): renaming one is a
// new format version.

template <typename T> struct FlowJsonFields<flowjson::PartitionEntry<T>> {
    template <typename Io, typename Self> static void list(Io &io, Self &e)
    {
        io.field("topic", e.topic);
        io.field("partition", e.partition);
        io.field("value", e.value);
    }
};

template <> struct FlowJsonFields<TopicPartition> {
    template <typename Io, typename Self> static void list(Io &io, Self &tp)
    {
        io.field("topic", tp.topic);
        io.field("partition", tp.partition);
    }
};

template <> struct FlowJsonEnum<ScenarioEvent::Kind> {
    using K = ScenarioEvent::Kind;
    static constexpr std::pair<K, const char *> names[] = {
        {K::Caption, "caption"},
        {K::Pause, "pause"},
        {K::Action, "action"},
        {K::ActionFailed, "actionFailed"},
        {K::Produced, "produced"},
        {K::ProduceFailed, "produceFailed"},
        {K::Polled, "polled"},
        {K::Processed, "processed"},
        {K::Duplicate, "duplicate"},
        {K::Lost, "lost"},
        {K::DeserializationFailed, "deserializationFailed"},
        {K::Committed, "committed"},
        {K::GroupState, "groupState"},
        {K::Rebalance, "rebalance"},
        {K::RecordsDeleted, "recordsDeleted"},
        {K::PartitionsAdded, "partitionsAdded"},
        {K::Fetched, "fetched"},
        {K::Redelivered, "redelivered"},
    };
};

template <> struct FlowJsonEnum<FlowConsumerStatus> {
    using S = FlowConsumerStatus;
    static constexpr std::pair<S, const char *> names[] = {
        {S::NotStarted, "notStarted"},
        {S::Joining, "joining"},
        {S::Reconciling, "reconciling"},
        {S::Running, "running"},
        {S::Stalled, "stalled"},
        {S::Stopped, "stopped"},
        {S::Crashed, "crashed"},
    };
};

template <> struct FlowJsonFields<ScenarioEvent> {
    template <typename Io, typename Self> static void list(Io &io, Self &e)
    {
        io.field("timeMs", e.timeMs);
        io.field("kind", e.kind);
        io.field("client", e.client);
        io.field("group", e.group);
        io.field("topicPartition", e.topicPartition);
        io.field("offset", e.offset);
        io.field("generation", e.generation);
        io.field("records", e.records);
        io.field("text", e.text);
    }
};

template <> struct FlowJsonFields<ScenarioRebalance> {
    template <typename Io, typename Self> static void list(Io &io, Self &r)
    {
        io.field("timeMs", r.timeMs);
        io.field("group", r.group);
        io.field("generation", r.generation);
        io.field("cause", r.cause);
        io.field("assignor", r.assignor);
        io.field("durationMs", r.durationMs);
        io.field("assignment", r.assignment);
        io.field("partitionsMoved", r.partitionsMoved);
        io.laterField("groupType", r.groupType);
        io.laterField("superseded", r.superseded);
    }
};

template <> struct FlowJsonFields<ScenarioOwnership> {
    template <typename Io, typename Self> static void list(Io &io, Self &o)
    {
        io.field("group", o.group);
        io.field("topicPartition", o.topicPartition);
        io.field("consumer", o.consumer);
        io.field("generation", o.generation);
        io.field("fromMs", o.fromMs);
        io.field("toMs", o.toMs);
        io.field("endReason", o.endReason);
    }
};

template <> struct FlowJsonFields<OwnershipGap> {
    template <typename Io, typename Self> static void list(Io &io, Self &g)
    {
        io.field("group", g.group);
        io.field("topicPartition", g.topicPartition);
        io.field("fromMs", g.fromMs);
        io.field("toMs", g.toMs);
        io.field("trailing", g.trailing);
    }
};

template <> struct FlowJsonFields<FlowRecordCell> {
    template <typename Io, typename Self> static void list(Io &io, Self &c)
    {
        io.field("offset", c.offset);
        io.field("key", c.key);
        io.field("producer", c.producer);
        io.field("timeMs", c.timeMs);
    }
};

template <> struct FlowJsonFields<FlowPartition> {
    template <typename Io, typename Self> static void list(Io &io, Self &p)
    {
        io.field("partition", p.partition);
        io.field("logStartOffset", p.logStartOffset);
        io.field("highWatermark", p.highWatermark);
        io.field("tail", p.tail);
    }
};

template <> struct FlowJsonFields<FlowTopic> {
    template <typename Io, typename Self> static void list(Io &io, Self &t)
    {
        io.field("name", t.name);
        io.field("partitions", t.partitions);
    }
};

template <> struct FlowJsonFields<FlowProducer> {
    template <typename Io, typename Self> static void list(Io &io, Self &p)
    {
        io.field("id", p.id);
        io.field("topic", p.topic);
        io.field("partitioner", p.partitioner);
        io.field("keyPattern", p.keyPattern);
        io.field("rate", p.rate);
        io.field("running", p.running);
        io.field("sent", p.sent);
    }
};

template <> struct FlowJsonFields<FlowConsumer> {
    template <typename Io, typename Self> static void list(Io &io, Self &c)
    {
        io.field("id", c.id);
        io.field("group", c.group);
        io.field("assignor", c.assignor);
        io.field("commitMode", c.commitMode);
        io.field("status", c.status);
        io.field("memberId", c.memberId);
        io.field("generation", c.generation);
        io.field("assignment", c.assignment);
        io.field("positions", c.positions);
        io.field("inFlight", c.inFlight);
        io.field("processed", c.processed);
        io.field("duplicates", c.duplicates);
        io.field("lost", c.lost);
        io.field("deserializationFailures", c.deserializationFailures);
    }
};

template <> struct FlowJsonFields<FlowGroup> {
    template <typename Io, typename Self> static void list(Io &io, Self &g)
    {
        io.field("id", g.id);
        io.field("state", g.state);
        io.field("generation", g.generation);
        io.field("protocol", g.protocol);
        io.field("committed", g.committed);
        io.field("owners", g.owners);
        io.laterField("type", g.type);
    }
};

// A FlowSnapshot as a picture of the world: not its per-view bookkeeping (sequence, loadId), not what a running view
// animates once (movements) or appends (the protocol lane's exchanges), and not the recording-wide rows a picture
// shares with its recording (rebalances, ownership, gaps: LiveRecordingPicture puts them back).
template <> struct FlowJsonFields<FlowSnapshot> {
    template <typename Io, typename Self> static void list(Io &io, Self &s)
    {
        io.field("live", s.live);
        io.field("title", s.title);
        io.field("timeMs", s.timeMs);
        io.field("endMs", s.endMs);
        io.field("finished", s.finished);
        io.field("caption", s.caption);
        io.field("question", s.question);
        io.field("answer", s.answer);
        io.field("topics", s.topics);
        io.field("producers", s.producers);
        io.field("consumers", s.consumers);
        io.field("groups", s.groups);
        io.field("recentEvents", s.recentEvents);
        io.field("eventCount", s.eventCount);
        io.field("produced", s.produced);
        io.field("processed", s.processed);
        io.field("duplicates", s.duplicates);
        io.field("lost", s.lost);
        io.field("deserializationFailures", s.deserializationFailures);
    }
};

template <> struct FlowJsonFields<RecordJourney::Step> {
    template <typename Io, typename Self> static void list(Io &io, Self &s)
    {
        io.field("timeMs", s.timeMs);
        io.field("what", s.what);
    }
};

template <> struct FlowJsonFields<RecordJourney> {
    template <typename Io, typename Self> static void list(Io &io, Self &j)
    {
        io.field("found", j.found);
        io.field("error", j.error);
        io.field("topicPartition", j.topicPartition);
        io.field("offset", j.offset);
        io.field("timestamp", j.timestamp);
        io.field("keyBytes", j.keyBytes);
        io.field("valueBytes", j.valueBytes);
        io.field("keyText", j.keyText);
        io.field("valueText", j.valueText);
        io.field("producer", j.producer);
        io.field("producedAtMs", j.producedAtMs);
        io.field("partitionDecision", j.partitionDecision);
        io.field("steps", j.steps);
    }
};

} // namespace topicscope::engine
