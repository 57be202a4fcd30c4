#include "enginephrases.h"

#include "language.h"

#include <QHash>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

namespace topicscope::ui {

namespace {

constexpr char Context[] = "topicscope::ui::EnginePhrases";

// One engine phrase. source is the engine's wording with %1..%9 where it puts a value; the engine's code that writes
// it is named above each group. nested lists the arguments that are engine phrases themselves (translated in turn);
// ordinal the ones the engine writes as English ordinals ("2nd", "3rd", "4th"), handed to a translation as numbers.
struct Phrase {
    const char *source;
    const char *nested = "";
    const char *ordinal = "";
};

// When several entries match a text, the one with the most literal text wins (the most specific: "produced by %1 to
// %2 at offset %3, in a batch of ..." rather than "produced by %1 to %2 at offset %3 (%4)"), except that a phrase
// wrapping another from its start is tried before all (see compiled()).
const Phrase Phrases[] = {
    // The group coordinator's reasons for a state change (engine/group/groupcoordinatorprivate.cpp,
    // groupcoordinator.cpp), which become the rebalance causes.
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "%1; removed %2 (did not rejoin)"), "1"},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "member %1 expired: no heartbeat within its session timeout of %2 ms")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rebalance timeout of %1 ms expired")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "initial rebalance delay elapsed, %1 member(s) joined")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "all members left")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "all %1 member(s) joined")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "removed %1: no SyncGroup within the rebalance timeout")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "leader %1 sent the assignment for generation %2")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "group reached its maximum size of %1")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 rejoined with changed metadata (client reason: %2)"),
        "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 rejoined (client reason: %2)"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "leader %1 rejoined (client reason: %2)"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "new member %1 joined (client reason: %2)"), "2"},
    {QT_TRANSLATE_NOOP(
         "topicscope::ui::EnginePhrases", "static member %1 (instance %2) replaced %3 (client reason: %4)"),
        "4"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 left the group (client reason: %2)"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "its last committed offsets were deleted")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "its last committed offsets went with topic %1")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "group deleted")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "group is empty and has no committed offsets left")},
    // Kafka 4's consumer group protocol (engine/group/consumergroupmanager.cpp, groupcoordinator.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 joined the group")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 left the group")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 changed its subscription")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "the partitions of the subscribed topics changed")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 reconciled to epoch %2")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "static member %1 left for now")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1's session timed out after %2 ms")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "member %1 did not revoke its partitions within %2 ms")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "a classic member joined the Empty group")},
    // A member that sent no reason (engine/group: clientReason).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "not provided")},
    // The in-app consumer's own reasons (engine/client/consumer.cpp), as it sends them in JoinGroup/LeaveGroup.
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rejoining with the member id the coordinator assigned")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rejoining as a new member")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rejoining after %1")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "retrying JoinGroup")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "consumer poll timeout has expired.")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "the consumer is being closed")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "revoked partitions; rejoining so they can be reassigned")},
    // The live Flow's kind of change before a cause (engine/live/liveprojector.cpp, LiveRecorder::causeKind).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "join: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rejoin: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "leave: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "session timeout: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rebalance timeout: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "metadata change: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "static member replaced: %1"), "1"},
    // Why an ownership bar ended (engine/sim/scenarioworld.cpp, engine/live/liverecorder.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "revoked")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "left")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "stopped")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "crashed")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "poll timeout")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "leave")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "session timeout")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "rebalance timeout")},

    // Record journeys in a scenario (engine/sim/flowprojector.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "produced by %1 to %2 at offset %3 (%4)"), "4"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "polled by %1 (gen %2)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "processed by %1 (gen %2)")},
    {QT_TRANSLATE_NOOP(
         "topicscope::ui::EnginePhrases", "processed AGAIN by %1 (gen %2): duplicate, the %3 time in group %4"),
        "", "3"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "deserialization failed in %1 (gen %2): %3; skipped"), "3"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "deserialization failed in %1 (gen %2); skipped")},
    // Why a scenario consumer could not deserialize a record (engine/sim: "key: " or "value: ", then
    // engine/client/serializer.cpp's words; a JSON parser's own message stays as Qt wrote it).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "key: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "value: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "%1 deserializer: got null, but null is not accepted here")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "string deserializer: %1 bytes are not valid UTF-8")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "JSON deserializer: %1"), "1"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "invalid JSON at byte %1: %2")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "invalid JSON: expected exactly one JSON value")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "int32 deserializer: size of data received is %1 bytes, not 4")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "int64 deserializer: size of data received is %1 bytes, not 8")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "LOST: %1 crashed before processing it, but group %2 had committed past it")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "committed by group %1 (offset %2, by %3)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "deleted by %1: logStartOffset moved to %2")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "(this open-ended run keeps its newest %1 events: what happened to the record before %2 is no longer "
        "known)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "offset %1 of %2 was deleted: the log starts at %3")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "offset %1 is outside %2's log [%3, %4)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "offset %1 of %2 could not be read")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "the scenario has not started")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "unknown partition %1")},
    // Record journeys on the live broker (engine/live/liveprojector.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "produced by %1 to %2 at offset %3, in a batch of %4 record(s) (offsets %5..%6)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
         "fetched AGAIN by %1 (group %2, gen %3): redelivery, %4 had fetched it before"),
        "4"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "fetched AGAIN by %1: redelivery, %2 had fetched it before"),
        "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "an earlier member")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "fetched by %1 (group %2, gen %3)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "fetched by %1")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "no key: the client chose partition %1 itself (Kafka's clients spread keyless records round-robin or "
        "sticky)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "murmur2(key) = 0x%1 → toPositive %2 % %3 = %4: partition %5, as Kafka's default partitioner picks")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "murmur2(key) = 0x%1 → toPositive %2 % %3 = %4, but the record is in partition %5: the client did not use "
        "Kafka's default murmur2 partitioner (librdkafka's default, consistent_random, hashes keys with CRC32), "
        "chose the partition itself, or the topic had fewer partitions then")},

    // Partitioner decisions of the in-app producers (engine/client/*partitioner.cpp). The keyed one
    // ("murmur2(...) = 0x... → toPositive ...") is arithmetic and reads the same in every language.
    {QT_TRANSLATE_NOOP(
         "topicscope::ui::EnginePhrases", "no key → sticky partition %1 (%2 of batch.size %3 bytes sent to it; %4)"),
        "4"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "picked at random for the first keyless record")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "partition count changed")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "switched from %1 after %2 bytes ≥ batch.size, batch full")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "switched from %1 after %2 bytes ≥ 2 × batch.size")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "invalid partition given with record: %1 is not in the range [0...%2]")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "explicit partition %1 (of %2), set by the caller")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases",
        "round-robin: partition %1 again, its new batch was just opened (key ignored)")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "round-robin: partition %1 again, its new batch was just opened")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "round-robin: counter %1 → toPositive %2 % %3 = %4 (key ignored)")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "round-robin: counter %1 → toPositive %2 % %3 = %4")},
    {QT_TRANSLATE_NOOP(
         "topicscope::ui::EnginePhrases", "uniform sticky: partition %1 until it needs a new batch (%2; key ignored)"),
        "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "uniform sticky: partition %1 until it needs a new batch (%2)"),
        "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "picked at random")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "switched from %1, which needed a new batch")},

    // Labels of the flow picture (engine/live/liveprojector.cpp, engine/sim/scenarioworldview.cpp,
    // engine/client/partitioner.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "Live broker")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "client's own")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "no key")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "fixed key \"%1\"")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "%1 keys")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "built-in")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "round-robin")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "uniform-sticky")},
    // Why the Charts tab keeps no history (engine/runtime/sqlitemetricarchive.cpp, engine/storage/metricstore.cpp).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "cannot write the history file %1: %2"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "cannot read the history file %1: %2"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "cannot open the history file %1: %2"), "2"},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "cannot create the history directory %1")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "no cluster id to name the history file after")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "not a Topicscope history file")},
    {QT_TRANSLATE_NOOP(
        "topicscope::ui::EnginePhrases", "written by a newer Topicscope (history schema %1, this one reads %2)")},
    // A scenario consumer's commit mode, as its file names it (engine/sim/scenario.cpp, Scenario::commitModeName).
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "auto")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "afterProcessing")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "afterEachRecord")},
    {QT_TRANSLATE_NOOP("topicscope::ui::EnginePhrases", "beforeProcessing")},
};

struct CompiledPhrase {
    QRegularExpression pattern;
    const Phrase *phrase;
    qsizetype literalLength; // characters of the source outside its %N markers
};

bool listed(const char *digits, int n)
{
    for (const char *d = digits; *d; ++d) {
        if (*d - '0' == n)
            return true;
    }
    return false;
}

// The source with each %N made a capture (any text, as short as the rest of the phrase allows).
QRegularExpression patternOf(const char *source)
{
    static const QRegularExpression marker(QStringLiteral("%([1-9])"));
    const QString text = QString::fromUtf8(source);
    QString pattern = QStringLiteral("^");
    qsizetype at = 0;
    for (auto it = marker.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        pattern += QRegularExpression::escape(text.mid(at, m.capturedStart() - at));
        pattern += QStringLiteral("(?<a%1>.*?)").arg(m.captured(1));
        at = m.capturedEnd();
    }
    pattern += QRegularExpression::escape(text.mid(at)) + QStringLiteral("$");
    return QRegularExpression(pattern, QRegularExpression::DotMatchesEverythingOption);
}

const std::vector<CompiledPhrase> &compiled()
{
    static const std::vector<CompiledPhrase> all = [] {
        std::vector<CompiledPhrase> out;
        static const QRegularExpression marker(QStringLiteral("%[1-9]"));
        for (const Phrase &p : Phrases) {
            const QString source = QString::fromUtf8(p.source);
            out.push_back({patternOf(p.source), &p, source.size() - 2 * source.count(marker)});
        }
        // A phrase that wraps another one from its start ("%1; removed %2 (did not rejoin)") first: the phrase it
        // wraps may end in a client's own words, which could swallow the wrapper's text. Then the most specific first,
        // so the first match is the best one.
        const auto wraps = [](const CompiledPhrase &c) {
            return qstrncmp(c.phrase->source, "%1", 2) == 0 && listed(c.phrase->nested, 1);
        };
        std::stable_sort(out.begin(), out.end(), [&](const CompiledPhrase &a, const CompiledPhrase &b) {
            if (wraps(a) != wraps(b))
                return wraps(a);
            return a.literalLength > b.literalLength;
        });
        return out;
    }();
    return all;
}

// "2nd", "3rd", "11th" -> "2", "3", "11"; anything else as it is.
QString ordinalNumber(const QString &ordinal)
{
    static const QRegularExpression english(QStringLiteral("^(\\d+)(st|nd|rd|th)$"));
    const QRegularExpressionMatch m = english.match(ordinal);
    return m.hasMatch() ? m.captured(1) : ordinal;
}

// Puts the arguments into a translated text in one pass, so an argument that itself holds "%2" stays as it is.
QString fill(const QString &translated, const QHash<int, QString> &arguments)
{
    QString out;
    out.reserve(translated.size() + 64);
    for (qsizetype i = 0; i < translated.size(); ++i) {
        const QChar c = translated.at(i);
        if (c == QLatin1Char('%') && i + 1 < translated.size()) {
            const int n = translated.at(i + 1).digitValue();
            if (n >= 1 && arguments.contains(n)) {
                out += arguments.value(n);
                ++i;
                continue;
            }
        }
        out += c;
    }
    return out;
}

const CompiledPhrase *find(const QString &english, QRegularExpressionMatch *match)
{
    for (const CompiledPhrase &c : compiled()) {
        QRegularExpressionMatch m = c.pattern.match(english);
        if (m.hasMatch()) {
            *match = m;
            return &c;
        }
    }
    return nullptr;
}

QString translateUncached(const QString &english)
{
    QRegularExpressionMatch m;
    const CompiledPhrase *c = find(english, &m);
    if (!c)
        return english;
    QHash<int, QString> arguments;
    for (int n = 1; n <= 9; ++n) {
        const QString name = QStringLiteral("a%1").arg(n);
        if (m.capturedStart(name) < 0)
            continue;
        QString value = m.captured(name);
        if (listed(c->phrase->nested, n))
            value = EnginePhrases::translate(value);
        else if (listed(c->phrase->ordinal, n))
            value = ordinalNumber(value);
        arguments.insert(n, value);
    }
    return fill(QCoreApplication::translate(Context, c->phrase->source), arguments);
}

} // namespace

QString EnginePhrases::translate(const QString &english)
{
    const QString language = Language::current();
    if (english.isEmpty() || language == QLatin1String("en"))
        return english;
    // Views ask again on every paint; a cause or a step is translated once per language.
    static QString cachedLanguage;
    static QHash<QString, QString> cache;
    if (cachedLanguage != language || cache.size() > 20000) {
        cache.clear();
        cachedLanguage = language;
    }
    const auto it = cache.constFind(english);
    if (it != cache.cend())
        return *it;
    const QString out = translateUncached(english);
    cache.insert(english, out);
    return out;
}

bool EnginePhrases::recognises(const QString &english)
{
    QRegularExpressionMatch m;
    return find(english, &m) != nullptr;
}

} // namespace topicscope::ui
