#include "explorerservice.h"

#include "client/grouplag.h"
#include "client/offsetresetplanner.h"
#include "client/partitioner.h"
#include "client/producepreview.h"
#include "client/producer.h"
#include "client/serializer.h"
#include "core/recordbatch.h"
#include "group/consumerprotocol.h"
#include "runtime/engine.h"
#include "runtime/kafkaconnection.h"
#include "runtime/kafkaserver.h"

#include <QLoggingCategory>
#include <algorithm>
#include <cmath>

Q_LOGGING_CATEGORY(lcExplorer, "topicscope.engine.explorer")

namespace topicscope::engine {

namespace {

constexpr qint64 TickMs = 1000;
constexpr int MaxRecordsPerRun = 5000; // keeps the engine thread responsive while a big send runs

int payloadSize(const Record &r)
{
    qsizetype size = (r.key ? r.key->size() : 0) + (r.value ? r.value->size() : 0);
    for (const RecordHeader &h : r.headers)
        size += h.key.size() + (h.value ? h.value->size() : 0);
    return static_cast<int>(size);
}

} // namespace

struct ExplorerService::Job {
    ProduceRequest request;
    SerdeFormat keyFormat = SerdeFormat::String;
    SerdeFormat valueFormat = SerdeFormat::String;
    std::unique_ptr<Producer> producer;
    Progress progress;
    qint64 startedMs = 0;
    int queued = 0;
    ProduceReport report;
    TimerId timer = 0;
};

ExplorerService::ExplorerService(Engine &engine, Publish publish)
    : m_engine(engine)
    , m_publish(std::move(publish))
{
    m_subscription = m_engine.events().subscribe([this](const Event &event) {
        if (const auto *a = std::get_if<BatchAppended>(&event)) {
            m_rates.record({a->topic, a->partition}, a->recordCount, a->sizeBytes, m_engine.clock().nowMs());
        } else if (const auto *c = std::get_if<OffsetCommitted>(&event)) {
            onOffsetCommitted(*c);
        } else if (const auto *d = std::get_if<TopicDeleted>(&event)) {
            m_rates.forgetTopic(d->topic);
            m_consumeRates.forgetTopic(d->topic);
            for (auto &offsets : m_lastCommitted)
                offsets.removeIf([&](const auto &it) { return it.key().topic == d->topic; });
        }
    });
    if (KafkaServer *server = m_engine.kafkaServer())
        m_exchangeSubscription
            = server->apis().subscribeExchanges([this](const WireExchange &exchange) { onExchange(exchange); });
    m_tickTimer = m_engine.clock().schedule(TickMs, [this] { tick(); });
}

ExplorerService::~ExplorerService()
{
    m_engine.events().unsubscribe(m_subscription);
    if (KafkaServer *server = m_engine.kafkaServer(); server && m_exchangeSubscription)
        server->apis().unsubscribeExchanges(m_exchangeSubscription);
    m_engine.clock().cancel(m_tickTimer);
    m_engine.clock().cancel(m_exchangeTimer);
    for (const auto &job : std::as_const(m_jobs))
        m_engine.broker().clock().cancel(job->timer);
}

void ExplorerService::onOffsetCommitted(const OffsetCommitted &commit)
{
    QHash<TopicPartition, qint64> &marks = m_lastCommitted[commit.groupId];
    // The first commit seen only sets the mark: where the group started reading is unknown. A commit that goes
    // back (a reset, a consumer re-reading after a rebalance) moves the mark without counting.
    const auto mark = marks.constFind(commit.topicPartition);
    if (mark != marks.cend() && !m_resetting && commit.offset > *mark)
        m_consumeRates.record(commit.topicPartition, commit.offset - *mark, 0, m_engine.clock().nowMs());
    marks.insert(commit.topicPartition, commit.offset);
}

void ExplorerService::onExchange(const WireExchange &exchange)
{
    // Every answered request passes here: O(1), and at most one timer pending however many arrive.
    m_clients.record(exchange);
    if (!m_exchangeTimer)
        m_exchangeTimer
            = m_engine.clock().schedule(m_engine.options().snapshotIntervalMs, [this] { publishExchanges(); });
}

void ExplorerService::publishExchanges()
{
    m_exchangeTimer = 0;
    if (!m_clients.hasQueuedExchanges())
        return;
    // Requests that change the broker (produce, commit, join) make the engine publish, and its snapshot carries
    // the exchanges too: publish here only after the engine has been quiet for two of its periods, so that the
    // two sources together stay near the engine's rate rather than doubling it. Heartbeats, metadata and empty
    // fetches alone are published from here, at most every two periods.
    const qint64 quietMs = 2 * qint64(m_engine.options().snapshotIntervalMs);
    const qint64 sinceLast = m_engine.clock().nowMs() - m_lastEnrichedMs;
    if (sinceLast < quietMs) {
        m_exchangeTimer = m_engine.clock().schedule(quietMs - sinceLast, [this] { publishExchanges(); });
        return;
    }
    if (m_publish) {
        BrokerSnapshot s = m_engine.snapshot();
        enrich(s);
        m_publish(s);
    }
}

void ExplorerService::tick()
{
    const qint64 now = m_engine.clock().nowMs();
    const bool active
        = !m_rates.rates(now).isEmpty() || !m_consumeRates.rates(now).isEmpty() || m_clients.hasRecentTraffic(now);
    // Clients connecting or leaving are no engine event; the tick notices them.
    QList<quint64> connections;
    if (KafkaServer *server = m_engine.kafkaServer()) {
        for (const KafkaConnection *c : server->findChildren<KafkaConnection *>(Qt::FindDirectChildrenOnly))
            connections.append(c->id());
        std::sort(connections.begin(), connections.end());
    }
    // One more snapshot after the last append left the window, so the views see the rates drop to zero.
    // std::ranges::equal, not QList's !=: Qt 6.4 compares two empty lists with memcmp on a null pointer (UBSan).
    const bool connectionsChanged = !std::ranges::equal(connections, m_publishedConnections);
    if ((active || m_ratesWereActive || connectionsChanged) && m_publish) {
        BrokerSnapshot s = m_engine.snapshot();
        enrich(s);
        m_publish(s);
    }
    m_ratesWereActive = active;
    m_tickTimer = m_engine.clock().schedule(TickMs, [this] { tick(); });
}

void ExplorerService::enrich(BrokerSnapshot &s)
{
    const qint64 now = m_engine.clock().nowMs();
    s.partitionRates = m_rates.rates(now);
    s.recordsInPerSecond = 0;
    for (const PartitionRate &r : std::as_const(s.partitionRates))
        s.recordsInPerSecond += r.recordsPerSecond;
    s.partitionConsumeRates.clear();
    s.recordsConsumedPerSecond = 0;
    const QHash<TopicPartition, PartitionRate> consumed = m_consumeRates.rates(now);
    for (auto it = consumed.cbegin(); it != consumed.cend(); ++it) {
        s.partitionConsumeRates.insert(it.key(), it->recordsPerSecond);
        s.recordsConsumedPerSecond += it->recordsPerSecond;
    }

    s.listenAddress.clear();
    s.listenerError = m_engine.listenerError();
    m_publishedConnections.clear();
    QList<std::pair<quint64, QString>> open;
    if (KafkaServer *server = m_engine.kafkaServer(); server && server->isListening()) {
        s.listenAddress = server->listenAddress();
        // The server keeps its connections as children; a connection removes itself when its socket closes.
        for (const KafkaConnection *c : server->findChildren<KafkaConnection *>(Qt::FindDirectChildrenOnly)) {
            open.append({c->id(), c->peer()});
            m_publishedConnections.append(c->id());
        }
        std::sort(open.begin(), open.end());
        std::sort(m_publishedConnections.begin(), m_publishedConnections.end());
    }
    // What each open connection did; the closed ones are forgotten here.
    s.wireClients = m_clients.describe(open, now);
    s.exchanges = m_clients.takeExchanges(&s.exchangesDropped);
    m_lastEnrichedMs = now;

    // Lag needs the log end of the partitions groups own or committed, not of every partition: a table of all of
    // them cost ~300 ms of this thread per snapshot with 1,000,000 partitions.
    QHash<QString, const TopicInfo *> topicsByName;
    topicsByName.reserve(s.topics.size());
    for (const TopicInfo &t : std::as_const(s.topics))
        topicsByName.insert(t.name, &t);
    const auto logEndOf = [&](const TopicPartition &tp) -> std::optional<qint64> {
        const TopicInfo *t = topicsByName.value(tp.topic);
        if (!t || tp.partition < 0)
            return std::nullopt;
        // Partitions are listed by number; search when that ever stops holding.
        if (tp.partition < t->partitions.size() && t->partitions.at(tp.partition).partition == tp.partition)
            return t->partitions.at(tp.partition).logEndOffset;
        for (const PartitionInfo &p : t->partitions) {
            if (p.partition == tp.partition)
                return p.logEndOffset;
        }
        return std::nullopt;
    };
    s.groupOffsets.clear();
    for (const GroupDescription &g : std::as_const(s.groups)) {
        QMap<QString, QList<TopicPartition>> assignment;
        if (g.protocolType == QLatin1String("consumer")) {
            for (const GroupMemberDescription &m : g.members) {
                const auto decoded = ConsumerProtocol::decodeAssignment(m.assignment);
                QList<TopicPartition> parts = decoded ? decoded->partitions : QList<TopicPartition> {};
                std::sort(parts.begin(), parts.end());
                assignment.insert(m.memberId, parts);
            }
        }
        QHash<TopicPartition, qint64> committed;
        for (const CommittedOffset &c : m_engine.groups().fetchOffsets(g.groupId, std::nullopt).offsets)
            committed.insert(c.topicPartition, c.offset);
        QHash<TopicPartition, qint64> logEnd;
        const auto addLogEnd = [&](const TopicPartition &tp) {
            if (!logEnd.contains(tp)) {
                if (const std::optional<qint64> end = logEndOf(tp))
                    logEnd.insert(tp, *end);
            }
        };
        for (const QList<TopicPartition> &owned : std::as_const(assignment)) {
            for (const TopicPartition &tp : owned)
                addLogEnd(tp);
        }
        for (auto it = committed.cbegin(); it != committed.cend(); ++it)
            addLogEnd(it.key());
        s.groupOffsets.append(GroupLag::compute(g.groupId, assignment, committed, logEnd));
    }
    // The coordinator knows each generation: the rows carry it, and need no __consumer_offsets reader.
    m_history.observe(s.groups, {}, true, now);
    s.groupHistory = m_history.history();
}

MessagePage ExplorerService::fetchMessages(const MessageQuery &query) const
{
    MessagePage page;
    page.query = query;
    const TopicPartition tp {query.topic, query.partition};
    const auto info = m_engine.log().partitionInfo(tp);
    if (!info) {
        page.error = static_cast<int>(ErrorCode::UnknownTopicOrPartition);
        page.errorMessage = QStringLiteral("%1 does not exist").arg(tp.toString());
        return page;
    }
    page.logStartOffset = info->logStartOffset;
    page.logEndOffset = info->logEndOffset;
    qint64 cursor = std::clamp(query.offset, info->logStartOffset, info->logEndOffset);
    const QByteArray needle = query.filter.toUtf8();
    const int maxScan = needle.isEmpty() ? query.maxRecords : query.maxScanRecords;
    int scanned = 0;
    while (cursor < info->logEndOffset && page.rows.size() < query.maxRecords && scanned < maxScan) {
        const FetchResult fetched = m_engine.log().read(tp, cursor, needle.isEmpty() ? 256 * 1024 : 1024 * 1024);
        if (fetched.error != ErrorCode::None) {
            page.error = static_cast<int>(fetched.error);
            page.errorMessage = errorName(fetched.error);
            break;
        }
        if (fetched.records.isEmpty())
            break;
        const qint64 before = cursor;
        for (QByteArrayView batch : RecordBatch::split(fetched.records)) {
            std::vector<Record> records;
            QString why;
            if (RecordBatch::decode(batch, &records, &why) != ErrorCode::None) {
                page.error = static_cast<int>(ErrorCode::CorruptMessage);
                page.errorMessage = why;
                return page;
            }
            for (Record &r : records) {
                if (r.offset < cursor)
                    continue;
                if (page.rows.size() >= query.maxRecords || scanned >= maxScan)
                    break;
                ++scanned;
                cursor = r.offset + 1;
                if (!needle.isEmpty() && !(r.key && r.key->contains(needle)) && !(r.value && r.value->contains(needle)))
                    continue;
                MessageRow row;
                row.partition = query.partition;
                row.offset = r.offset;
                row.timestamp = r.timestamp;
                row.sizeBytes = payloadSize(r);
                row.key = std::move(r.key);
                row.value = std::move(r.value);
                row.headers = std::move(r.headers);
                page.rows.append(std::move(row));
            }
        }
        if (cursor == before) // no progress: a batch ends before the cursor (should not happen)
            break;
    }
    page.nextOffset = cursor;
    return page;
}

OffsetLookup ExplorerService::lookupOffsets(const QString &topic, qint64 timestamp) const
{
    OffsetLookup lookup;
    lookup.topic = topic;
    lookup.timestamp = timestamp;
    const int count = m_engine.log().partitionCount(topic);
    for (int p = 0; p < count; ++p) {
        const OffsetAndTimestamp o = m_engine.log().offsetForTimestamp({topic, p}, timestamp);
        qint64 offset = o.offset;
        if (offset < 0) { // no record at or after the timestamp: the end, as kafka-consumer-groups --to-datetime
            const auto info = m_engine.log().partitionInfo({topic, p});
            offset = info ? info->logEndOffset : 0;
        }
        lookup.offsets.append(offset);
    }
    return lookup;
}

PartitionSegments ExplorerService::describeSegments(const TopicPartition &tp) const
{
    PartitionSegments out;
    out.topicPartition = tp;
    out.nowMs = m_engine.clock().nowMs();
    const std::optional<TopicInfo> topic = m_engine.log().describeTopic(tp.topic);
    const PartitionInfo *info = topic && tp.partition >= 0 && tp.partition < topic->partitions.size()
        ? &topic->partitions[tp.partition]
        : nullptr;
    if (!info) {
        out.availability = PartitionSegments::Availability::NoSuchPartition;
        return out;
    }
    out.config = topic->config;
    out.logStartOffset = info->logStartOffset;
    out.logEndOffset = info->logEndOffset;
    if (!m_engine.log().isPersistent()) {
        out.availability = PartitionSegments::Availability::InMemory;
        return out;
    }
    const std::vector<SegmentInfo> segments = m_engine.log().segments(tp);
    for (size_t i = 0; i < segments.size(); ++i) {
        SegmentSummary s;
        s.baseOffset = segments[i].baseOffset;
        s.active = i + 1 == segments.size();
        s.nextOffset = s.active ? info->logEndOffset : segments[i + 1].baseOffset;
        s.sizeBytes = segments[i].sizeBytes;
        s.largestTimestampMs = segments[i].maxTimestamp;
        s.rollTimestampMs = segments[i].rollTimestamp;
        out.segments.append(s);
    }
    return out;
}

PartitionPreview ExplorerService::previewPartition(const ProduceRequest &request) const
{
    return ProducePreview::preview(request, m_engine.log().partitionCount(request.topic));
}

OffsetResetPreview ExplorerService::previewOffsetReset(const OffsetResetRequest &request) const
{
    OffsetResetPreview preview;
    preview.request = request;
    const GroupDescription group = m_engine.groups().describeGroup(request.groupId);
    if (!group.state.isEmpty() && group.state != QLatin1String("Empty") && group.state != QLatin1String("Dead")) {
        preview.error = static_cast<int>(ErrorCode::NonEmptyGroup);
        preview.errorMessage
            = QStringLiteral("group %1 is %2: stop its consumers first (Kafka resets only Empty groups)")
                  .arg(request.groupId, group.state);
    }
    const int count = m_engine.log().partitionCount(request.topic);
    if (count < 0) {
        preview.error = static_cast<int>(ErrorCode::UnknownTopicOrPartition);
        preview.errorMessage = QStringLiteral("topic %1 does not exist").arg(request.topic);
        return preview;
    }
    QList<TopicPartition> tps;
    for (int p = 0; p < count; ++p)
        tps.append({request.topic, p});
    const OffsetFetchResult committed = m_engine.groups().fetchOffsets(request.groupId, tps);
    QHash<int, qint64> current;
    for (const CommittedOffset &c : committed.offsets)
        current.insert(c.topicPartition.partition, c.offset);
    for (int p = 0; p < count; ++p) {
        const auto info = m_engine.log().partitionInfo({request.topic, p});
        const qint64 atTimestamp = request.strategy == OffsetResetStrategy::Timestamp
            ? m_engine.log().offsetForTimestamp({request.topic, p}, request.value).offset
            : -1;
        OffsetResetPlanner::add(&preview,
            OffsetResetPlanner::plan(
                request, p, current.value(p, -1), info->logStartOffset, info->logEndOffset, atTimestamp));
    }
    return preview;
}

ErrorCode ExplorerService::resetOffsets(const OffsetResetRequest &request, QString *why)
{
    const OffsetResetPreview preview = previewOffsetReset(request);
    if (preview.error != 0) {
        *why = preview.errorMessage;
        return static_cast<ErrorCode>(preview.error);
    }
    std::vector<CommittedOffset> offsets;
    for (const OffsetResetPartition &p : preview.partitions) {
        CommittedOffset c;
        c.topicPartition = {request.topic, p.partition};
        c.offset = p.newOffset;
        offsets.push_back(c);
    }
    m_resetting = true;
    const ErrorCode e = m_engine.groups().resetOffsets(request.groupId, offsets);
    m_resetting = false;
    if (e != ErrorCode::None)
        *why = errorName(e);
    else
        qCInfo(lcExplorer).noquote() << "reset offsets of group" << request.groupId << "on" << request.topic << "("
                                     << preview.recordsReread << "to re-read," << preview.recordsSkipped << "skipped)";
    return e;
}

void ExplorerService::produce(quint64 id, const ProduceRequest &request, Progress progress)
{
    auto job = std::make_shared<Job>();
    job->request = request;
    job->progress = std::move(progress);
    job->report.total = std::max(1, request.count);
    job->request.count = job->report.total;
    const auto keyFormat = Serializer::formatFromName(request.keySerializer);
    const auto valueFormat = Serializer::formatFromName(request.valueSerializer);
    const auto kind = Partitioner::kindFromName(request.partitioner);
    if (!keyFormat || !valueFormat || !kind) {
        job->report.failed = job->report.total;
        job->report.finished = true;
        job->report.lastError = QStringLiteral("unknown serializer or partitioner");
        job->progress(job->report);
        return;
    }
    job->keyFormat = *keyFormat;
    job->valueFormat = *valueFormat;
    ProducerConfig config;
    config.clientId = QStringLiteral("topicscope-ui");
    config.partitioner = *kind;
    config.keySerializer = *keyFormat;
    config.valueSerializer = *valueFormat;
    Broker *broker = &m_engine.broker();
    job->producer = std::make_unique<Producer>(
        config, m_engine.clock(), [broker](const QString &t) { return broker->log().partitionCount(t); },
        [broker](const std::vector<AppendRequest> &r) { return broker->append(r); });
    // A produce job runs on the broker's clock, not the shell's: while a trainer has paused the broker it appends
    // nothing (its next step waits like every broker timer), and its pace resumes where it stopped. The records still
    // carry wall-clock timestamps (the Producer's clock), as a real producer's would.
    job->startedMs = m_engine.broker().clock().nowMs();
    m_jobs.insert(id, job);
    if (m_engine.pauseState().paused)
        job->timer = m_engine.broker().clock().schedule(1, [this, id] { runJob(id); });
    else
        runJob(id);
}

void ExplorerService::cancelProduce(quint64 id)
{
    const auto job = m_jobs.value(id);
    if (!job)
        return;
    job->report.lastError = QStringLiteral("cancelled after %1 of %2").arg(job->queued).arg(job->report.total);
    job->report.total = job->queued;
    finishJob(id);
}

void ExplorerService::runJob(quint64 id)
{
    const auto job = m_jobs.value(id);
    if (!job)
        return;
    job->timer = 0;
    const ProduceRequest &r = job->request;
    int due = job->report.total;
    if (r.ratePerSecond > 0) {
        const double elapsedS = double(m_engine.broker().clock().nowMs() - job->startedMs) / 1000.0;
        due = std::min<qint64>(job->report.total, static_cast<qint64>(std::floor(elapsedS * r.ratePerSecond)) + 1);
    }
    due = std::min(due, job->queued + MaxRecordsPerRun);
    for (; job->queued < due; ++job->queued) {
        QString why;
        const auto key = ProducePreview::typedValue(r.key, job->keyFormat, job->queued, &why);
        const auto value
            = why.isEmpty() ? ProducePreview::typedValue(r.value, job->valueFormat, job->queued, &why) : std::nullopt;
        if (!why.isEmpty()) {
            ++job->report.failed;
            job->report.lastError = why;
            continue;
        }
        job->producer->send(
            r.topic, key, value, r.headers, r.partition, std::nullopt, [job = job.get()](const RecordMetadata &m) {
                if (m.error == ErrorCode::None) {
                    ++job->report.sent;
                    job->report.lastOffset = m.offset;
                    job->report.lastPartition = m.partition;
                } else {
                    ++job->report.failed;
                    job->report.lastError = m.errorMessage.isEmpty() ? errorName(m.error) : m.errorMessage;
                }
                job->report.lastDecision = ProducePreview::toPreview(m.decision);
            });
    }
    job->producer->flush();
    if (job->queued >= job->report.total) {
        finishJob(id);
        return;
    }
    job->progress(job->report);
    const qint64 delay = r.ratePerSecond > 0 ? std::clamp<qint64>(qint64(1000.0 / r.ratePerSecond), 10, 100) : 1;
    job->timer = m_engine.broker().clock().schedule(delay, [this, id] { runJob(id); });
}

void ExplorerService::finishJob(quint64 id)
{
    const auto job = m_jobs.take(id);
    if (!job)
        return;
    m_engine.broker().clock().cancel(job->timer);
    job->producer->flush();
    job->report.finished = true;
    job->progress(job->report);
}

} // namespace topicscope::engine
