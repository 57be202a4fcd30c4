#include "scenario.h"

#include "assignornames.h"
#include "client/partitioner.h"
#include "client/serializer.h"
#include "log/logmanager.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QSet>
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>

namespace topicscope::engine {

namespace {

const QString FormatName = QStringLiteral("topicscope-scenario");

// Reads one JSON object with its path, remembering the first error. Every field is checked for its type and
// every key must be known, so that a typo in a workshop file is reported instead of silently ignored.
class ObjectReader {
public:
    ObjectReader(const QJsonObject &object, QString path, QString *error)
        : m_object(object)
        , m_path(std::move(path))
        , m_error(error)
    { }

    bool ok() const { return m_error->isEmpty(); }
    QString fieldPath(const QString &key) const { return m_path.isEmpty() ? key : m_path + QLatin1Char('.') + key; }
    bool has(const QString &key) const { return m_object.contains(key); }
    QJsonValue raw(const QString &key) const { return m_object.value(key); }

    void fail(const QString &key, const QString &message)
    {
        if (ok())
            *m_error = (key.isEmpty() ? (m_path.isEmpty() ? QStringLiteral("(top level)") : m_path) : fieldPath(key))
                + QStringLiteral(": ") + message;
    }

    void allowOnly(const QStringList &keys)
    {
        QStringList sorted = m_object.keys();
        std::sort(sorted.begin(), sorted.end());
        for (const QString &key : std::as_const(sorted)) {
            if (!keys.contains(key)) {
                fail(key, QStringLiteral("unknown field (expected one of: %1)").arg(keys.join(QStringLiteral(", "))));
                return;
            }
        }
    }

    QString string(const QString &key, const QString &fallback = {}, bool required = false)
    {
        if (!has(key)) {
            if (required)
                fail(key, QStringLiteral("missing (a string is required)"));
            return fallback;
        }
        const QJsonValue v = raw(key);
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string"));
            return fallback;
        }
        return v.toString();
    }

    // A shown text: a plain string (English) or {"en": "...", "ko": "..."} with an English text, so that every
    // language can fall back to it.
    LocalizedText text(const QString &key, bool required = false)
    {
        if (!has(key)) {
            if (required)
                fail(key, QStringLiteral("missing (a string or an object of texts by language is required)"));
            return {};
        }
        const QJsonValue v = raw(key);
        if (v.isString())
            return LocalizedText(v.toString());
        if (!v.isObject()) {
            fail(
                key, QStringLiteral("must be a string or an object of texts by language ({\"en\": ..., \"ko\": ...})"));
            return {};
        }
        const QJsonObject texts = v.toObject();
        LocalizedText out;
        QStringList languages = texts.keys();
        std::sort(languages.begin(), languages.end());
        for (const QString &language : std::as_const(languages)) {
            const QString path = key + QLatin1Char('.') + language;
            const bool code = (language.size() == 2 || language.size() == 3)
                && std::all_of(language.cbegin(), language.cend(),
                    [](QChar c) { return c >= QLatin1Char('a') && c <= QLatin1Char('z'); });
            if (!code) {
                fail(path, QStringLiteral("not a language code (two or three lowercase letters, e.g. \"en\", \"ko\")"));
                return {};
            }
            if (!texts.value(language).isString()) {
                fail(path, QStringLiteral("must be a string"));
                return {};
            }
            out.setText(language, texts.value(language).toString());
        }
        if (!out.hasLanguage(LocalizedText::English))
            fail(key + QStringLiteral(".en"), QStringLiteral("missing (every text needs its English version)"));
        return out;
    }

    // A string or null.
    std::optional<QString> nullableString(const QString &key, const std::optional<QString> &fallback)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = raw(key);
        if (v.isNull())
            return std::nullopt;
        if (!v.isString()) {
            fail(key, QStringLiteral("must be a string or null"));
            return fallback;
        }
        return v.toString();
    }

    qint64 integer(const QString &key, qint64 fallback, qint64 min, qint64 max, bool required = false)
    {
        if (!has(key)) {
            if (required)
                fail(key, QStringLiteral("missing (an integer is required)"));
            return fallback;
        }
        const QJsonValue v = raw(key);
        const double d = v.toDouble();
        if (!v.isDouble() || d != std::floor(d)) {
            fail(key, QStringLiteral("must be an integer"));
            return fallback;
        }
        if (d < double(min) || d > double(max)) {
            fail(key, QStringLiteral("%1 is out of range [%2, %3]").arg(qint64(d)).arg(min).arg(max));
            return fallback;
        }
        return qint64(d);
    }

    double number(const QString &key, double fallback, double min, double max)
    {
        if (!has(key))
            return fallback;
        const QJsonValue v = raw(key);
        if (!v.isDouble()) {
            fail(key, QStringLiteral("must be a number"));
            return fallback;
        }
        if (v.toDouble() < min || v.toDouble() > max) {
            fail(key, QStringLiteral("%1 is out of range [%2, %3]").arg(v.toDouble()).arg(min).arg(max));
            return fallback;
        }
        return v.toDouble();
    }

    bool boolean(const QString &key, bool fallback)
    {
        if (!has(key))
            return fallback;
        if (!raw(key).isBool()) {
            fail(key, QStringLiteral("must be true or false"));
            return fallback;
        }
        return raw(key).toBool();
    }

    QString choice(const QString &key, const QStringList &choices, const QString &fallback)
    {
        const QString v = string(key, fallback);
        if (ok() && !choices.contains(v))
            fail(key, QStringLiteral("\"%1\" is not one of: %2").arg(v, choices.join(QStringLiteral(", "))));
        return v;
    }

    QJsonArray array(const QString &key, bool required = false)
    {
        if (!has(key)) {
            if (required)
                fail(key, QStringLiteral("missing (an array is required)"));
            return {};
        }
        if (!raw(key).isArray()) {
            fail(key, QStringLiteral("must be an array"));
            return {};
        }
        return raw(key).toArray();
    }

    QStringList stringList(const QString &key, bool required = false)
    {
        const QJsonArray a = array(key, required);
        QStringList out;
        for (qsizetype i = 0; i < a.size() && ok(); ++i) {
            if (!a.at(i).isString())
                fail(QStringLiteral("%1[%2]").arg(key).arg(i), QStringLiteral("must be a string"));
            else
                out << a.at(i).toString();
        }
        return out;
    }

    // "key": "k" | null, or "keys": ["a", null, ...]; neither = null keys.
    QList<ScenarioKey> keys()
    {
        if (has(QStringLiteral("key")) && has(QStringLiteral("keys"))) {
            fail(QStringLiteral("keys"), QStringLiteral("give either \"key\" or \"keys\", not both"));
            return {};
        }
        if (has(QStringLiteral("key")))
            return {nullableString(QStringLiteral("key"), std::nullopt)};
        const QJsonArray a = array(QStringLiteral("keys"));
        QList<ScenarioKey> out;
        for (qsizetype i = 0; i < a.size() && ok(); ++i) {
            if (a.at(i).isNull())
                out << std::nullopt;
            else if (a.at(i).isString())
                out << a.at(i).toString();
            else
                fail(QStringLiteral("keys[%1]").arg(i), QStringLiteral("must be a string or null"));
        }
        if (ok() && has(QStringLiteral("keys")) && out.isEmpty())
            fail(QStringLiteral("keys"), QStringLiteral("must not be empty"));
        return out;
    }

    SerdeFormat serde(const QString &key)
    {
        const QString name = string(key, QStringLiteral("string"));
        const std::optional<SerdeFormat> f = Serializer::formatFromName(name);
        if (ok() && !f)
            fail(key, QStringLiteral("unknown serde \"%1\" (string, bytes, json, int32, int64)").arg(name));
        return f.value_or(SerdeFormat::String);
    }

    std::optional<int> partition(const QString &key = QStringLiteral("partition"))
    {
        if (!has(key))
            return std::nullopt;
        return int(integer(key, 0, 0, 100000));
    }

private:
    QJsonObject m_object;
    QString m_path;
    QString *m_error;
};

// Where each value of a JSON text starts: path ("steps[2].action") -> line. QJsonDocument keeps no positions,
// but a trainer editing a file wants the line of a bad field, not only its path. Runs on text QJsonDocument
// has already accepted, so it need not diagnose anything.
class JsonLineIndex {
public:
    explicit JsonLineIndex(const QByteArray &json)
        : m_json(json)
    {
        skipSpace();
        value({});
    }

    // The line of path, else of its nearest enclosing value that exists (a missing field: its object; at worst
    // the document itself).
    int lineOf(QString path) const
    {
        while (!path.isEmpty()) {
            if (const auto it = m_lines.constFind(path); it != m_lines.cend())
                return it.value();
            const qsizetype cut = std::max(path.lastIndexOf(QLatin1Char('.')), path.lastIndexOf(QLatin1Char('[')));
            path = cut > 0 ? path.left(cut) : QString();
        }
        return m_lines.value(QString(), 0);
    }

private:
    char peek() const { return m_pos < m_json.size() ? m_json.at(m_pos) : '\0'; }
    void skipSpace()
    {
        while (m_pos < m_json.size() && std::isspace(static_cast<unsigned char>(m_json.at(m_pos)))) {
            if (m_json.at(m_pos) == '\n')
                ++m_line;
            ++m_pos;
        }
    }
    QString string()
    {
        QByteArray out;
        ++m_pos; // opening quote
        while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
            if (m_json.at(m_pos) == '\\' && m_pos + 1 < m_json.size())
                ++m_pos;
            out += m_json.at(m_pos++);
        }
        ++m_pos; // closing quote
        return QString::fromUtf8(out);
    }
    void value(const QString &path)
    {
        m_lines.insert(path, m_line);
        const char c = peek();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++m_pos;
            for (int index = 0;; ++index) {
                skipSpace();
                if (peek() == close || peek() == '\0') {
                    ++m_pos;
                    return;
                }
                QString child;
                if (c == '{') {
                    const QString key = string();
                    child = path.isEmpty() ? key : path + QLatin1Char('.') + key;
                    skipSpace();
                    ++m_pos; // ':'
                    skipSpace();
                } else {
                    child = path + QStringLiteral("[%1]").arg(index);
                }
                value(child);
                skipSpace();
                if (peek() == ',')
                    ++m_pos;
            }
        } else if (c == '"') {
            string();
        } else {
            while (m_pos < m_json.size() && !std::strchr(",]} \t\r\n", m_json.at(m_pos)))
                ++m_pos;
        }
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    int m_line = 1;
    QHash<QString, int> m_lines;
};

QString lineColumn(const QByteArray &json, qsizetype offset)
{
    int line = 1;
    int column = 1;
    for (qsizetype i = 0; i < offset && i < json.size(); ++i) {
        if (json.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("line %1, column %2").arg(line).arg(column);
}

std::optional<ScenarioAction> actionFromName(const QString &name)
{
    for (int i = 0; i <= int(ScenarioAction::Caption); ++i) {
        if (Scenario::actionName(ScenarioAction(i)) == name)
            return ScenarioAction(i);
    }
    return std::nullopt;
}

QStringList actionNames()
{
    QStringList out;
    for (int i = 0; i <= int(ScenarioAction::Caption); ++i)
        out << Scenario::actionName(ScenarioAction(i));
    return out;
}

const QStringList CountFields = {QStringLiteral("equals"), QStringLiteral("atLeast"), QStringLiteral("atMost")};

void readCounts(ObjectReader &r, ScenarioExpectation &e)
{
    constexpr qint64 Max = std::numeric_limits<qint32>::max();
    if (r.has(QStringLiteral("equals")))
        e.equals = r.integer(QStringLiteral("equals"), 0, 0, Max);
    if (r.has(QStringLiteral("atLeast")))
        e.atLeast = r.integer(QStringLiteral("atLeast"), 0, 0, Max);
    if (r.has(QStringLiteral("atMost")))
        e.atMost = r.integer(QStringLiteral("atMost"), 0, 0, Max);
    if (r.ok() && !e.equals && !e.atLeast && !e.atMost)
        r.fail({}, QStringLiteral("needs \"equals\", \"atLeast\" or \"atMost\""));
}

} // namespace

QString Scenario::actionName(ScenarioAction action)
{
    switch (action) {
    case ScenarioAction::Produce:
        return QStringLiteral("produce");
    case ScenarioAction::StartProducer:
        return QStringLiteral("startProducer");
    case ScenarioAction::StopProducer:
        return QStringLiteral("stopProducer");
    case ScenarioAction::StartConsumer:
        return QStringLiteral("startConsumer");
    case ScenarioAction::StopConsumer:
        return QStringLiteral("stopConsumer");
    case ScenarioAction::CrashConsumer:
        return QStringLiteral("crashConsumer");
    case ScenarioAction::StallConsumer:
        return QStringLiteral("stallConsumer");
    case ScenarioAction::UnstallConsumer:
        return QStringLiteral("unstallConsumer");
    case ScenarioAction::AddPartitions:
        return QStringLiteral("addPartitions");
    case ScenarioAction::DeleteRecordsBefore:
        return QStringLiteral("deleteRecordsBefore");
    case ScenarioAction::ResetOffsets:
        return QStringLiteral("resetOffsets");
    case ScenarioAction::Pause:
        return QStringLiteral("pause");
    case ScenarioAction::Caption:
        return QStringLiteral("caption");
    }
    return {};
}

QString Scenario::commitModeName(ScenarioCommitMode mode)
{
    switch (mode) {
    case ScenarioCommitMode::Auto:
        return QStringLiteral("auto");
    case ScenarioCommitMode::AfterProcessing:
        return QStringLiteral("afterProcessing");
    case ScenarioCommitMode::AfterEachRecord:
        return QStringLiteral("afterEachRecord");
    case ScenarioCommitMode::BeforeProcessing:
        return QStringLiteral("beforeProcessing");
    }
    return {};
}

const ScenarioProducer *Scenario::producer(const QString &id) const
{
    for (const ScenarioProducer &p : producers) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

const ScenarioConsumer *Scenario::consumer(const QString &id) const
{
    for (const ScenarioConsumer &c : consumers) {
        if (c.id == id)
            return &c;
    }
    return nullptr;
}

QStringList Scenario::builtInFiles()
{
    const QDir dir(QStringLiteral(":/scenarios"));
    QStringList out;
    const QStringList names = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names)
        out << dir.filePath(name);
    return out;
}

Scenario Scenario::sandbox()
{
    Scenario s;
    s.title = QStringLiteral("Sandbox");
    s.title.setText(QStringLiteral("ko"), QStringLiteral("샌드박스"));
    s.description = QStringLiteral(
        "Free play: a web shop produces four keyed orders a second into six partitions, and two billing consumers "
        "share them in one group; records are kept for ten minutes (retention.ms). Add producers and consumers, crash, "
        "stall or stop them, grow the topic, and "
        "watch the records, commits and rebalances.");
    s.description.setText(QStringLiteral("ko"),
        QStringLiteral("자유 실습: 웹 쇼핑몰이 키가 있는 주문을 초당 4건씩 파티션 6개에 프로듀스하고, 한 컨슈머 그룹의 "
                       "billing 컨슈머 두 개가 그 파티션들을 나눠 읽습니다. 레코드는 10분 동안 보관됩니다"
                       "(retention.ms). 프로듀서와 컨슈머를 추가하고, 크래시시키거나 멈추거나(stall) 정지해 보고, "
                       "토픽의 파티션을 늘려 보면서 레코드와 커밋, 리밸런스가 어떻게 움직이는지 지켜보세요."));
    // Ten virtual minutes of retention.ms: a long session keeps a bounded log, and retention can be watched.
    s.topics << ScenarioTopic {QStringLiteral("orders"), 6, 600'000};

    ScenarioProducer web;
    web.id = QStringLiteral("web");
    web.topic = QStringLiteral("orders");
    web.rate = 4;
    for (const char *key : {"alice", "bob", "carol", "dave", "erin", "frank"})
        web.keys << QString::fromLatin1(key);
    s.producers << web;

    for (const char *id : {"billing-1", "billing-2"}) {
        ScenarioConsumer c;
        c.id = QString::fromLatin1(id);
        c.group = QStringLiteral("billing");
        c.topics = {QStringLiteral("orders")};
        c.assignor = QStringLiteral("range");
        c.commit = ScenarioCommitMode::Auto;
        c.autoCommitIntervalMs = 5000;
        c.autoOffsetReset = OffsetResetPolicy::Earliest;
        c.processingMs = 50;
        s.consumers << c;

        ScenarioStep step;
        step.atMs = 0;
        step.action = ScenarioAction::StartConsumer;
        step.path = QStringLiteral("steps[%1]").arg(s.steps.size());
        step.client = c.id;
        s.steps << step;
    }
    return s;
}

std::optional<Scenario> Scenario::load(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    std::optional<Scenario> s = parse(file.readAll(), error);
    if (!s)
        *error = path + QStringLiteral(": ") + *error;
    return s;
}

std::optional<Scenario> Scenario::parse(const QByteArray &json, QString *error)
{
    QString dummy;
    if (!error)
        error = &dummy;
    error->clear();
    std::optional<Scenario> s = parseDocument(json, error);
    // Field errors read "path: message"; put the line of that field (or of its object, when it is missing) first.
    if (!s && !error->startsWith(QStringLiteral("line "))) {
        const QString path = error->section(QStringLiteral(": "), 0, 0);
        if (const int line = JsonLineIndex(json).lineOf(path); line > 0)
            *error = QStringLiteral("line %1: ").arg(line) + *error;
    }
    return s;
}

std::optional<Scenario> Scenario::parseDocument(const QByteArray &json, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = lineColumn(json, parseError.offset) + QStringLiteral(": ") + parseError.errorString();
        return std::nullopt;
    }
    if (!doc.isObject()) {
        *error = QStringLiteral("(top level): a scenario is a JSON object");
        return std::nullopt;
    }

    Scenario s;
    ObjectReader top(doc.object(), {}, error);
    // format and version first: a file of another kind or a newer version should say so, not list unknown fields.
    const QString format = top.string(QStringLiteral("format"), {}, true);
    if (top.ok() && format != FormatName)
        top.fail(QStringLiteral("format"), QStringLiteral("must be \"%1\"").arg(FormatName));
    const qint64 version = top.integer(QStringLiteral("version"), 0, 1, 1000000, true);
    if (top.ok() && version != FormatVersion)
        top.fail(QStringLiteral("version"),
            QStringLiteral("version %1 is not supported; this build reads version %2").arg(version).arg(FormatVersion));
    top.allowOnly({QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("title"),
        QStringLiteral("description"), QStringLiteral("settings"), QStringLiteral("topics"), QStringLiteral("clients"),
        QStringLiteral("steps"), QStringLiteral("expect")});
    s.title = top.text(QStringLiteral("title"), true);
    s.description = top.text(QStringLiteral("description"));
    if (!top.ok())
        return std::nullopt;

    if (top.has(QStringLiteral("settings"))) {
        if (!top.raw(QStringLiteral("settings")).isObject()) {
            top.fail(QStringLiteral("settings"), QStringLiteral("must be an object"));
            return std::nullopt;
        }
        ObjectReader r(top.raw(QStringLiteral("settings")).toObject(), QStringLiteral("settings"), error);
        r.allowOnly({QStringLiteral("groupInitialRebalanceDelayMs"), QStringLiteral("tickMs"),
            QStringLiteral("settleMs"), QStringLiteral("durationMs"), QStringLiteral("seed")});
        constexpr qint64 Day = 24LL * 3600 * 1000;
        s.settings.groupInitialRebalanceDelayMs
            = r.integer(QStringLiteral("groupInitialRebalanceDelayMs"), 0, 0, 300000);
        s.settings.tickMs = r.integer(QStringLiteral("tickMs"), 100, 1, 60000);
        s.settings.settleMs = r.integer(QStringLiteral("settleMs"), 20000, 0, Day);
        if (r.has(QStringLiteral("durationMs")))
            s.settings.durationMs = r.integer(QStringLiteral("durationMs"), 0, 1, Day);
        s.settings.seed = quint64(r.integer(QStringLiteral("seed"), 1, 0, std::numeric_limits<qint32>::max()));
        if (!r.ok())
            return std::nullopt;
    }

    QSet<QString> topicNames;
    const QJsonArray topics = top.array(QStringLiteral("topics"), true);
    if (top.ok() && topics.isEmpty())
        top.fail(QStringLiteral("topics"), QStringLiteral("must name at least one topic"));
    for (qsizetype i = 0; i < topics.size() && top.ok(); ++i) {
        const QString path = QStringLiteral("topics[%1]").arg(i);
        if (!topics.at(i).isObject()) {
            top.fail(path, QStringLiteral("must be an object"));
            break;
        }
        ObjectReader r(topics.at(i).toObject(), path, error);
        r.allowOnly({QStringLiteral("name"), QStringLiteral("partitions"), QStringLiteral("retentionMs")});
        ScenarioTopic t;
        t.name = r.string(QStringLiteral("name"), {}, true);
        t.partitions = int(r.integer(QStringLiteral("partitions"), 1, 1, 1000));
        t.retentionMs = r.integer(QStringLiteral("retentionMs"), -1, -1, std::numeric_limits<qint64>::max() / 2);
        QString why;
        if (r.ok() && LogManager::validateTopicName(t.name, &why) != ErrorCode::None)
            r.fail(QStringLiteral("name"), why);
        if (r.ok() && topicNames.contains(t.name))
            r.fail(QStringLiteral("name"), QStringLiteral("topic \"%1\" is declared twice").arg(t.name));
        topicNames.insert(t.name);
        s.topics << t;
    }
    if (!top.ok())
        return std::nullopt;

    auto checkTopic = [&](ObjectReader &r, const QString &key, const QString &topic) {
        if (r.ok() && !topicNames.contains(topic))
            r.fail(key, QStringLiteral("unknown topic \"%1\"").arg(topic));
    };

    QSet<QString> clientIds;
    const QJsonArray clients = top.array(QStringLiteral("clients"));
    for (qsizetype i = 0; i < clients.size() && top.ok(); ++i) {
        const QString path = QStringLiteral("clients[%1]").arg(i);
        if (!clients.at(i).isObject()) {
            top.fail(path, QStringLiteral("must be an object"));
            break;
        }
        ObjectReader r(clients.at(i).toObject(), path, error);
        const QString type
            = r.choice(QStringLiteral("type"), {QStringLiteral("producer"), QStringLiteral("consumer")}, {});
        const QString id = r.string(QStringLiteral("id"), {}, true);
        if (r.ok() && id.isEmpty())
            r.fail(QStringLiteral("id"), QStringLiteral("must not be empty"));
        if (r.ok() && clientIds.contains(id))
            r.fail(QStringLiteral("id"), QStringLiteral("client \"%1\" is declared twice").arg(id));
        clientIds.insert(id);
        if (!r.ok())
            return std::nullopt;
        if (type == QStringLiteral("producer")) {
            r.allowOnly({QStringLiteral("type"), QStringLiteral("id"), QStringLiteral("topic"),
                QStringLiteral("partitioner"), QStringLiteral("keySerializer"), QStringLiteral("valueSerializer"),
                QStringLiteral("batchSize"), QStringLiteral("lingerMs"), QStringLiteral("rate"), QStringLiteral("key"),
                QStringLiteral("keys"), QStringLiteral("value")});
            ScenarioProducer p;
            p.id = id;
            p.topic = r.string(QStringLiteral("topic"), s.topics.first().name);
            checkTopic(r, QStringLiteral("topic"), p.topic);
            const QString partitioner = r.choice(QStringLiteral("partitioner"),
                {QStringLiteral("built-in"), QStringLiteral("round-robin"), QStringLiteral("uniform-sticky")},
                QStringLiteral("built-in"));
            p.partitioner = Partitioner::kindFromName(partitioner).value_or(PartitionerKind::BuiltIn);
            p.keySerializer = r.serde(QStringLiteral("keySerializer"));
            p.valueSerializer = r.serde(QStringLiteral("valueSerializer"));
            p.batchSize = int(r.integer(QStringLiteral("batchSize"), 16384, 1, 16 * 1024 * 1024));
            p.lingerMs = r.integer(QStringLiteral("lingerMs"), 0, 0, 60000);
            p.rate = r.number(QStringLiteral("rate"), 0, 0, 1000);
            p.keys = r.keys();
            p.value = r.nullableString(QStringLiteral("value"), p.value);
            if (!r.ok())
                return std::nullopt;
            s.producers << p;
        } else {
            r.allowOnly({QStringLiteral("type"), QStringLiteral("id"), QStringLiteral("group"),
                QStringLiteral("topics"), QStringLiteral("assignor"), QStringLiteral("commit"),
                QStringLiteral("autoCommitIntervalMs"), QStringLiteral("autoOffsetReset"),
                QStringLiteral("processingMs"), QStringLiteral("maxPollRecords"), QStringLiteral("sessionTimeoutMs"),
                QStringLiteral("maxPollIntervalMs"), QStringLiteral("heartbeatIntervalMs"),
                QStringLiteral("keyDeserializer"), QStringLiteral("valueDeserializer"),
                QStringLiteral("keyAcceptsNull"), QStringLiteral("valueAcceptsNull")});
            ScenarioConsumer c;
            c.id = id;
            c.group = r.nullableString(QStringLiteral("group"), std::nullopt);
            if (r.ok() && c.group && c.group->isEmpty())
                r.fail(QStringLiteral("group"), QStringLiteral("must not be empty (use null for no group)"));
            c.topics = r.stringList(QStringLiteral("topics"), true);
            if (r.ok() && c.topics.isEmpty())
                r.fail(QStringLiteral("topics"), QStringLiteral("must name at least one topic"));
            for (qsizetype t = 0; t < c.topics.size() && r.ok(); ++t)
                checkTopic(r, QStringLiteral("topics[%1]").arg(t), c.topics.at(t));
            c.assignor = r.choice(QStringLiteral("assignor"), builtInAssignorNames(), QStringLiteral("range"));
            const QString commit = r.choice(QStringLiteral("commit"),
                {QStringLiteral("auto"), QStringLiteral("afterProcessing"), QStringLiteral("afterEachRecord"),
                    QStringLiteral("beforeProcessing")},
                QStringLiteral("auto"));
            c.commit = commit == QStringLiteral("auto")       ? ScenarioCommitMode::Auto
                : commit == QStringLiteral("afterProcessing") ? ScenarioCommitMode::AfterProcessing
                : commit == QStringLiteral("afterEachRecord") ? ScenarioCommitMode::AfterEachRecord
                                                              : ScenarioCommitMode::BeforeProcessing;
            c.autoCommitIntervalMs = r.integer(QStringLiteral("autoCommitIntervalMs"), 5000, 1, 3600000);
            const QString reset = r.choice(QStringLiteral("autoOffsetReset"),
                {QStringLiteral("earliest"), QStringLiteral("latest"), QStringLiteral("none")},
                QStringLiteral("latest"));
            c.autoOffsetReset = reset == QStringLiteral("earliest") ? OffsetResetPolicy::Earliest
                : reset == QStringLiteral("latest")                 ? OffsetResetPolicy::Latest
                                                                    : OffsetResetPolicy::None;
            c.processingMs = r.integer(QStringLiteral("processingMs"), 0, 0, 3600000);
            c.maxPollRecords = int(r.integer(QStringLiteral("maxPollRecords"), 500, 1, 100000));
            c.sessionTimeoutMs = qint32(r.integer(QStringLiteral("sessionTimeoutMs"), 10000, 6000, 1800000));
            c.maxPollIntervalMs = qint32(r.integer(QStringLiteral("maxPollIntervalMs"), 300000, 1, 3600000));
            c.heartbeatIntervalMs = r.integer(QStringLiteral("heartbeatIntervalMs"), 3000, 1, 60000);
            c.keyDeserializer = r.serde(QStringLiteral("keyDeserializer"));
            c.valueDeserializer = r.serde(QStringLiteral("valueDeserializer"));
            c.keyAcceptsNull = r.boolean(QStringLiteral("keyAcceptsNull"), true);
            c.valueAcceptsNull = r.boolean(QStringLiteral("valueAcceptsNull"), true);
            if (!r.ok())
                return std::nullopt;
            s.consumers << c;
        }
    }
    if (!top.ok())
        return std::nullopt;

    const QJsonArray steps = top.array(QStringLiteral("steps"));
    qint64 previousAt = 0;
    for (qsizetype i = 0; i < steps.size() && top.ok(); ++i) {
        const QString path = QStringLiteral("steps[%1]").arg(i);
        if (!steps.at(i).isObject()) {
            top.fail(path, QStringLiteral("must be an object"));
            break;
        }
        ObjectReader r(steps.at(i).toObject(), path, error);
        ScenarioStep step;
        step.path = path;
        const QString actionName = r.string(QStringLiteral("action"), {}, true);
        const std::optional<ScenarioAction> action = actionFromName(actionName);
        if (r.ok() && !action)
            r.fail(QStringLiteral("action"),
                QStringLiteral("unknown action \"%1\" (one of: %2)")
                    .arg(actionName, actionNames().join(QStringLiteral(", "))));
        if (!r.ok())
            return std::nullopt;
        step.action = *action;

        constexpr qint64 Day = 24LL * 3600 * 1000;
        if (r.has(QStringLiteral("at")) && r.has(QStringLiteral("after")))
            r.fail(QStringLiteral("after"), QStringLiteral("give either \"at\" or \"after\", not both"));
        else if (r.has(QStringLiteral("at")))
            step.atMs = r.integer(QStringLiteral("at"), 0, 0, Day);
        else
            step.atMs = previousAt + r.integer(QStringLiteral("after"), 0, 0, Day);
        if (r.ok() && step.atMs < previousAt)
            r.fail(QStringLiteral("at"),
                QStringLiteral("%1 ms is before the previous step (%2 ms); steps must be in time order")
                    .arg(step.atMs)
                    .arg(previousAt));
        previousAt = step.atMs;

        QStringList allowed = {QStringLiteral("action"), QStringLiteral("at"), QStringLiteral("after")};
        auto needProducer = [&] {
            step.client = r.string(QStringLiteral("producer"), {}, true);
            if (r.ok() && !s.producer(step.client))
                r.fail(QStringLiteral("producer"), QStringLiteral("unknown producer \"%1\"").arg(step.client));
        };
        auto needConsumer = [&] {
            step.client = r.string(QStringLiteral("consumer"), {}, true);
            if (r.ok() && !s.consumer(step.client))
                r.fail(QStringLiteral("consumer"), QStringLiteral("unknown consumer \"%1\"").arg(step.client));
        };
        auto needTopic = [&](bool required) {
            step.topic = r.string(QStringLiteral("topic"), {}, required);
            if (!step.topic.isEmpty())
                checkTopic(r, QStringLiteral("topic"), step.topic);
        };
        switch (step.action) {
        case ScenarioAction::Produce: {
            allowed << QStringLiteral("producer") << QStringLiteral("topic") << QStringLiteral("partition")
                    << QStringLiteral("count") << QStringLiteral("intervalMs") << QStringLiteral("key")
                    << QStringLiteral("keys") << QStringLiteral("value");
            needProducer();
            needTopic(false);
            if (r.ok() && step.topic.isEmpty())
                step.topic = s.producer(step.client)->topic;
            step.partition = r.partition();
            step.count = int(r.integer(QStringLiteral("count"), 1, 1, 100000));
            step.intervalMs = r.integer(QStringLiteral("intervalMs"), 0, 0, Day);
            step.keys = r.keys();
            step.hasValue = r.has(QStringLiteral("value"));
            step.value = r.nullableString(QStringLiteral("value"), std::nullopt);
            break;
        }
        case ScenarioAction::StartProducer:
        case ScenarioAction::StopProducer:
            allowed << QStringLiteral("producer");
            needProducer();
            break;
        case ScenarioAction::StartConsumer:
        case ScenarioAction::StopConsumer:
        case ScenarioAction::CrashConsumer:
        case ScenarioAction::StallConsumer:
        case ScenarioAction::UnstallConsumer:
            allowed << QStringLiteral("consumer");
            needConsumer();
            break;
        case ScenarioAction::AddPartitions:
            allowed << QStringLiteral("topic") << QStringLiteral("count");
            needTopic(true);
            step.count = int(r.integer(QStringLiteral("count"), 1, 1, 1000, true));
            break;
        case ScenarioAction::DeleteRecordsBefore:
            allowed << QStringLiteral("topic") << QStringLiteral("partition") << QStringLiteral("offset");
            needTopic(true);
            step.partition = r.partition();
            step.offset = r.integer(QStringLiteral("offset"), -1, -1, std::numeric_limits<qint64>::max() / 2, true);
            break;
        case ScenarioAction::ResetOffsets: {
            allowed << QStringLiteral("group") << QStringLiteral("topic") << QStringLiteral("partition")
                    << QStringLiteral("to");
            step.group = r.string(QStringLiteral("group"), {}, true);
            needTopic(true);
            step.partition = r.partition();
            const QJsonValue to = r.raw(QStringLiteral("to"));
            if (to.isDouble())
                step.resetTo
                    = QString::number(r.integer(QStringLiteral("to"), 0, 0, std::numeric_limits<qint64>::max() / 2));
            else
                step.resetTo
                    = r.choice(QStringLiteral("to"), {QStringLiteral("earliest"), QStringLiteral("latest")}, {});
            break;
        }
        case ScenarioAction::Pause:
            allowed << QStringLiteral("question") << QStringLiteral("answer");
            step.text = r.text(QStringLiteral("question"), true);
            step.answer = r.text(QStringLiteral("answer"));
            break;
        case ScenarioAction::Caption:
            allowed << QStringLiteral("text");
            step.text = r.text(QStringLiteral("text"), true);
            break;
        }
        r.allowOnly(allowed);
        if (!r.ok())
            return std::nullopt;
        s.steps << step;
    }
    if (!top.ok())
        return std::nullopt;

    const QStringList checks = {QStringLiteral("duplicates"), QStringLiteral("lost"),
        QStringLiteral("deserializationFailures"), QStringLiteral("processed"), QStringLiteral("produced"),
        QStringLiteral("assignment"), QStringLiteral("generation"), QStringLiteral("startOffset"),
        QStringLiteral("committed"), QStringLiteral("recordsPerPartition"), QStringLiteral("keyPartition")};
    const QJsonArray expect = top.array(QStringLiteral("expect"));
    for (qsizetype i = 0; i < expect.size() && top.ok(); ++i) {
        const QString path = QStringLiteral("expect[%1]").arg(i);
        if (!expect.at(i).isObject()) {
            top.fail(path, QStringLiteral("must be an object"));
            break;
        }
        ObjectReader r(expect.at(i).toObject(), path, error);
        ScenarioExpectation e;
        e.path = path;
        e.check = r.choice(QStringLiteral("check"), checks, {});
        if (!r.ok())
            return std::nullopt;
        QStringList allowed = {QStringLiteral("check")};
        auto optionalGroup = [&] {
            allowed << QStringLiteral("group");
            e.group = r.string(QStringLiteral("group"));
        };
        auto optionalConsumer = [&](bool required) {
            allowed << QStringLiteral("consumer");
            e.client = r.string(QStringLiteral("consumer"), {}, required);
            if (r.ok() && !e.client.isEmpty() && !s.consumer(e.client))
                r.fail(QStringLiteral("consumer"), QStringLiteral("unknown consumer \"%1\"").arg(e.client));
        };
        auto topicPartition = [&](bool partitionRequired) {
            allowed << QStringLiteral("topic") << QStringLiteral("partition");
            e.topic = r.string(QStringLiteral("topic"), {}, true);
            checkTopic(r, QStringLiteral("topic"), e.topic);
            e.partition = r.partition();
            if (r.ok() && partitionRequired && !e.partition)
                r.fail(QStringLiteral("partition"), QStringLiteral("missing (an integer is required)"));
        };
        if (e.check == QStringLiteral("duplicates") || e.check == QStringLiteral("lost")
            || e.check == QStringLiteral("deserializationFailures") || e.check == QStringLiteral("processed")) {
            optionalGroup();
            optionalConsumer(false);
            allowed << CountFields;
            readCounts(r, e);
        } else if (e.check == QStringLiteral("produced")) {
            allowed << QStringLiteral("producer") << CountFields;
            e.client = r.string(QStringLiteral("producer"));
            readCounts(r, e);
        } else if (e.check == QStringLiteral("assignment")) {
            allowed << QStringLiteral("group") << QStringLiteral("generation") << QStringLiteral("assignment");
            e.group = r.string(QStringLiteral("group"), {}, true);
            e.generation = int(r.integer(QStringLiteral("generation"), 0, 1, 1000000, true));
            const QJsonValue a = r.raw(QStringLiteral("assignment"));
            if (r.ok() && !a.isObject())
                r.fail(QStringLiteral("assignment"),
                    QStringLiteral("must be an object: consumer id -> [\"topic-partition\", ...]"));
            if (r.ok()) {
                ObjectReader ar(a.toObject(), r.fieldPath(QStringLiteral("assignment")), error);
                const QStringList members = a.toObject().keys();
                for (const QString &member : members) {
                    if (!s.consumer(member)) {
                        ar.fail(member, QStringLiteral("unknown consumer \"%1\"").arg(member));
                        break;
                    }
                    QStringList list = ar.stringList(member);
                    std::sort(list.begin(), list.end());
                    e.assignment.insert(member, list);
                }
            }
        } else if (e.check == QStringLiteral("generation")) {
            allowed << QStringLiteral("group") << CountFields;
            e.group = r.string(QStringLiteral("group"), {}, true);
            readCounts(r, e);
        } else if (e.check == QStringLiteral("startOffset")) {
            optionalConsumer(true);
            topicPartition(true);
            allowed << CountFields;
            readCounts(r, e);
        } else if (e.check == QStringLiteral("committed")) {
            allowed << QStringLiteral("group") << CountFields;
            e.group = r.string(QStringLiteral("group"), {}, true);
            topicPartition(true);
            readCounts(r, e);
        } else if (e.check == QStringLiteral("recordsPerPartition")) {
            allowed << QStringLiteral("topic") << QStringLiteral("producer") << QStringLiteral("equals");
            e.topic = r.string(QStringLiteral("topic"), {}, true);
            checkTopic(r, QStringLiteral("topic"), e.topic);
            e.client = r.string(QStringLiteral("producer"));
            const QJsonArray list = r.array(QStringLiteral("equals"), true);
            for (qsizetype k = 0; k < list.size() && r.ok(); ++k) {
                if (!list.at(k).isDouble())
                    r.fail(QStringLiteral("equals[%1]").arg(k), QStringLiteral("must be an integer"));
                e.equalsList << qint64(list.at(k).toDouble());
            }
        } else if (e.check == QStringLiteral("keyPartition")) {
            allowed << QStringLiteral("topic") << QStringLiteral("key") << QStringLiteral("equals");
            e.topic = r.string(QStringLiteral("topic"), {}, true);
            checkTopic(r, QStringLiteral("topic"), e.topic);
            if (r.ok() && !r.has(QStringLiteral("key")))
                r.fail(QStringLiteral("key"), QStringLiteral("missing (a string or null is required)"));
            e.hasKey = true;
            e.key = r.nullableString(QStringLiteral("key"), std::nullopt);
            e.equals = r.integer(QStringLiteral("equals"), 0, 0, 100000, true);
        }
        r.allowOnly(allowed);
        if (!r.ok())
            return std::nullopt;
        s.expectations << e;
    }
    if (!top.ok())
        return std::nullopt;
    return s;
}

} // namespace topicscope::engine
