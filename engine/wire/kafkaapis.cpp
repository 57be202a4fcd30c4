#include "kafkaapis.h"

#include "wire/apitable.h"
#include "wire/kafkaapisprivate.h"

#include "core/recordbatch.h"
#include "group/groupcoordinator.h"
#include "log/logmanager.h"
#include "topicnames.h"
#include "wire/wirewriter.h"

#include <QHash>
#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcWire, "topicscope.engine.wire")
// One line per request: off by default (QT_LOGGING_RULES="topicscope.engine.wire.requests.debug=true").
Q_LOGGING_CATEGORY(lcWireRequests, "topicscope.engine.wire.requests", QtInfoMsg)

namespace topicscope::engine {

namespace {
// A client id for a log line: what a garbage header claims is a client id can be 32 KiB long.
QString clientIdForLog(const wire::RequestHeader &h)
{
    constexpr qsizetype MaxChars = 100;
    const QString id = h.clientId.value_or(QString());
    if (id.size() <= MaxChars)
        return id;
    return id.left(MaxChars) + QStringLiteral("… (%1 characters)").arg(id.size());
}
} // namespace

KafkaApis::KafkaApis(Broker &broker, KafkaApisConfig config, Clock *wireClock)
    : d(std::make_unique<Private>(broker, std::move(config), wireClock ? *wireClock : broker.clock()))
{
    d->subscription = d->events.subscribe([p = d.get()](const Event &event) { p->onEvent(event); });
}

KafkaApis::~KafkaApis()
{
    d->events.unsubscribe(d->subscription);
    // Work under way in steps stops with its requests unanswered, as parked fetches do: their connections go too.
    for (const auto &[id, timer] : d->steppedWork)
        d->clock.cancel(timer);
    if (d->recheckScheduled)
        d->clock.cancel(d->recheckTimer);
    for (auto &[id, fetch] : d->parkedFetches)
        d->clock.cancel(fetch.timer);
}

const KafkaApisConfig &KafkaApis::config() const
{
    return d->config;
}

void KafkaApis::setConfig(const KafkaApisConfig &config)
{
    d->config = config;
}

int KafkaApis::parkedFetchCount() const
{
    return static_cast<int>(d->parkedFetches.size());
}

int KafkaApis::subscribeExchanges(ExchangeObserver observer)
{
    return d->tap->subscribe(std::move(observer));
}

void KafkaApis::unsubscribeExchanges(int id)
{
    d->tap->unsubscribe(id);
}

void KafkaApis::handle(const QByteArray &frame, const WireConnectionInfo &connection, Responder respond)
{
    WireReader r(frame);
    const std::optional<RequestHeader> parsed = RequestHeader::read(r);
    if (!parsed) {
        respond(closeConnection(QStringLiteral("malformed request header: %1").arg(r.error())));
        return;
    }
    const RequestHeader &h = *parsed;
    const QString api = ApiKeys::name(h.apiKey);
    const ApiRoute *route = ApiTable::find(h.apiKey);

    if (route && route->key == ApiKey::ApiVersions && !route->supports(h.apiVersion)) {
        // KIP-511: an ApiVersions above our maximum gets the v0 body with UNSUPPORTED_VERSION and our own
        // ApiVersions range, so the client can retry with a version we speak.
        qCInfo(lcWire).noquote() << QStringLiteral("connection %1: ApiVersions v%2 unsupported, answering v0 error")
                                        .arg(connection.connectionId)
                                        .arg(h.apiVersion);
        ApiVersionsResponseData response;
        response.error = ErrorCode::UnsupportedVersion;
        response.apiKeys = {route->range()};
        respond(sendResponse(h, encodeMessage(response, 0)));
        return;
    }
    if (!route) {
        respond(closeConnection(QStringLiteral("unsupported API %1 (key %2) v%3 from client '%4'")
                                    .arg(api)
                                    .arg(h.apiKey)
                                    .arg(h.apiVersion)
                                    .arg(clientIdForLog(h))));
        return;
    }
    if (!route->supports(h.apiVersion)) {
        respond(closeConnection(QStringLiteral("unsupported version %1 v%2 (supported v%3-v%4) from client '%5'")
                                    .arg(api)
                                    .arg(h.apiVersion)
                                    .arg(route->minVersion)
                                    .arg(route->maxVersion)
                                    .arg(clientIdForLog(h))));
        return;
    }

    qCDebug(lcWireRequests).noquote() << QStringLiteral("connection %1: %2 v%3 corr=%4 client=%5")
                                             .arg(connection.connectionId)
                                             .arg(api)
                                             .arg(h.apiVersion)
                                             .arg(h.correlationId)
                                             .arg(h.clientId.value_or(QString()));
    // The row's handler answers, now or later; a body that does not decode closes the connection (apitable.cpp).
    // The tap completes the answer's exchange on the way out, whenever that is.
    route->handler(*d, h, r, connection,
        [tap = d->tap, begun = d->tap->begin(h, connection, frame.size() + 4), respond = std::move(respond)](
            const WireResponse &response) {
            WireResponse out = response;
            tap->complete(begun, out);
            respond(out);
        });
}

void KafkaApis::Private::runInSteps(std::function<bool()> step)
{
    if (!step())
        scheduleStep(nextSteppedWork++, std::move(step));
}

void KafkaApis::Private::scheduleStep(quint64 id, std::function<bool()> step)
{
    steppedWork[id] = clock.schedule(0, [this, id, step = std::move(step)]() mutable {
        steppedWork.erase(id);
        if (!step())
            scheduleStep(id, std::move(step));
    });
}

// ---- ApiVersions, Metadata ----

WireResponse KafkaApis::Private::handleApiVersions(const RequestHeader &h, WireReader &r)
{
    // Client software name and version are not validated: librdkafka would fall back to v0 on an error.
    if (!decodeMessage<ApiVersionsRequestData>(r, h.apiVersion))
        return {};
    ApiVersionsResponseData response;
    response.apiKeys = ApiKeys::supported();
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

void KafkaApis::Private::handleMetadata(
    const RequestHeader &h, const MetadataRequest &request, const WireConnectionInfo &, Responder respond)
{
    MetadataResponse response;
    const bool allTopics = request.isAllTopics(h.apiVersion);
    const auto byIdOrNullName = [](const MetadataRequest::Topic &topic) {
        return !topic.name || !TopicId::fromBytes(topic.topicId).isNull();
    };
    if (!allTopics && h.apiVersion < 12
        && std::any_of(request.topics->cbegin(), request.topics->cend(), byIdOrNullName)) {
        // Kafka's handler refuses ids and null names before v12 (InvalidRequestException), and its error response
        // lists every requested topic with the error, a null name as "".
        for (const auto &asked : *request.topics) {
            MetadataResponse::Topic refused;
            refused.error = ErrorCode::InvalidRequest;
            refused.name = asked.name.value_or(QString());
            refused.topicId = asked.topicId;
            response.topics.append(std::move(refused));
        }
        qCInfo(lcWire).noquote() << QStringLiteral("Metadata v%1 from client '%2' asks by topic id: refused")
                                        .arg(h.apiVersion)
                                        .arg(h.clientId.value_or(QString()));
        respond(sendResponse(h, encodeMessage(response, h.apiVersion)));
        return;
    }
    response.brokers.append({config.nodeId, config.advertisedHost, config.advertisedPort, std::nullopt});
    response.clusterId = config.clusterId;
    response.controllerId = config.nodeId;

    // Kafka: as soon as one topic is asked for by id, the ids decide and the names are not looked at.
    QStringList names;
    bool byId = false;
    if (allTopics) {
        names = log.topicNames();
    } else {
        for (const auto &topic : *request.topics)
            byId = byId || !TopicId::fromBytes(topic.topicId).isNull();
        for (const auto &topic : *request.topics) {
            if (!byId) {
                names.append(topic.name.value_or(QString()));
                continue;
            }
            const TopicId id = TopicId::fromBytes(topic.topicId);
            if (id.isNull())
                continue;
            const QString name = log.topicName(id);
            if (!name.isEmpty()) {
                names.append(name);
                continue;
            }
            MetadataResponse::Topic unknown;
            unknown.error = ErrorCode::UnknownTopicId;
            unknown.name = std::nullopt;
            unknown.topicId = topic.topicId;
            response.topics.append(std::move(unknown));
        }
    }
    // Kafka creates named topics only; an all-topics request never creates anything.
    const bool mayCreate = !allTopics && !byId && request.allowAutoTopicCreation && config.autoCreateTopics;
    // The topics are answered (and the missing ones created) a step at a time: a request naming 10,000 new topics
    // must not hold every other connection for the whole of it. Each topic is answered as of its own step.
    auto job = std::make_shared<MetadataJob>();
    job->header = h;
    job->response = std::move(response);
    job->names = std::move(names);
    job->mayCreate = mayCreate;
    runInSteps([this, job, respond = std::move(respond)] {
        if (!answerMetadataStep(*job))
            return false;
        // One line for the request, however many topics it created.
        const QString client = job->header.clientId.value_or(QString());
        if (job->created == 1) {
            qCInfo(lcWire).noquote() << QStringLiteral("auto-created topic %1 with %2 partition(s) for client '%3'")
                                            .arg(job->firstCreated)
                                            .arg(config.numPartitions)
                                            .arg(client);
        } else if (job->created > 1) {
            qCInfo(lcWire).noquote() << QStringLiteral(
                "auto-created %1 topics (%2 ... %3) with %4 partition(s) each for client '%5'")
                                            .arg(job->created)
                                            .arg(job->firstCreated, job->lastCreated)
                                            .arg(config.numPartitions)
                                            .arg(client);
        }
        respond(sendResponse(job->header, encodeMessage(job->response, job->header.apiVersion)));
        return true;
    });
}

bool KafkaApis::Private::answerMetadataStep(MetadataJob &job)
{
    const qint64 startMs = clock.nowMs();
    const auto outOfTime = [this, startMs] { return clock.nowMs() - startMs >= StepBudgetMs; };
    while (job.next < job.names.size()) {
        if (!job.creation) {
            // The next range. Creating a topic costs a store row and a log object per partition, looking one up
            // little. Without creation the whole answer is one range, made in one step, so that it shows one instant
            // (a topic deleted meanwhile is not half there).
            job.rangeEnd = job.mayCreate ? std::min(job.names.size(), job.next + static_cast<qsizetype>(StepTopics))
                                         : job.names.size();
            std::vector<LogManager::NewTopic> toCreate;
            job.creationOf.clear();
            for (qsizetype i = job.next; i < job.rangeEnd; ++i) {
                const QString &name = job.names.at(i);
                // Internal topics are the broker's own: __consumer_offsets exists from the start and the others
                // (transactions, share groups) are not implemented, so a client's Metadata never creates one.
                if (!job.mayCreate || TopicNames::isInternal(name) || job.creationOf.contains(name)
                    || log.partitionCount(name) >= 0)
                    continue;
                job.creationOf.insert(name, toCreate.size());
                toCreate.push_back({name, config.numPartitions, {}});
            }
            job.creation = log.beginCreatingTopics(std::move(toCreate));
        }
        if (!log.continueCreatingTopics(*job.creation, outOfTime))
            return false;
        answerMetadataRange(job);
        job.creation.reset();
        if (job.next < job.names.size() && outOfTime())
            return false;
    }
    return true;
}

void KafkaApis::Private::answerMetadataRange(MetadataJob &job)
{
    const std::vector<LogManager::TopicCreation> &created = job.creation->results();
    const QList<qint32> replicas {config.nodeId}; // shared by every partition's replica and ISR lists
    QSet<QString> answered;
    for (; job.next < job.rangeEnd; ++job.next) {
        const QString &name = job.names.at(job.next);
        MetadataResponse::Topic topic;
        topic.name = name;
        topic.isInternal = TopicNames::isInternal(name);
        // A name asked for twice is created once; its second entry gets the same answer, without a second log line.
        if (const auto it = job.creationOf.constFind(name); it != job.creationOf.cend()) {
            const LogManager::TopicCreation &result = created[*it];
            const bool first = !answered.contains(name);
            answered.insert(name);
            if (result.error == ErrorCode::None) {
                if (first && ++job.created == 1)
                    job.firstCreated = name;
                if (first)
                    job.lastCreated = name;
            } else if (result.error == ErrorCode::InvalidTopicException) {
                topic.error = result.error;
            } else {
                // (Already existing: another request is creating it right now; answered below.)
                if (first && result.error != ErrorCode::TopicAlreadyExists)
                    qCWarning(lcWire).noquote()
                        << QStringLiteral("auto-creating topic %1 failed: %2").arg(name, result.why);
                topic.error = result.error == ErrorCode::TopicAlreadyExists ? ErrorCode::None : result.error;
            }
        }
        const int count = log.partitionCount(name);
        // A name another request is creating right now (LogManager::Creation) exists to creation but not to look-ups:
        // LEADER_NOT_AVAILABLE, as Kafka answers while an auto-created topic is in flight, so the client asks again.
        if (count < 0 && topic.error == ErrorCode::None) {
            const auto it = job.creationOf.constFind(name);
            topic.error = it != job.creationOf.cend() && created[*it].error == ErrorCode::TopicAlreadyExists
                ? ErrorCode::LeaderNotAvailable
                : ErrorCode::UnknownTopicOrPartition;
        }
        if (count >= 0)
            topic.topicId = log.topicId(name).toByteArray();
        // One broker: the leader is the only replica and always in sync; the leader epoch never changes.
        for (int p = 0; p < count; ++p)
            topic.partitions.append({ErrorCode::None, p, config.nodeId, 0, replicas, replicas, {}});
        job.response.topics.append(std::move(topic));
    }
}

// ---- Produce ----

WireResponse KafkaApis::Private::handleProduce(const RequestHeader &h, WireReader &r)
{
    auto request = decodeMessage<ProduceRequest>(r, h.apiVersion);
    if (!request)
        return {};
    const bool validAcks = request->acks == -1 || request->acks == 0 || request->acks == 1;

    ProduceResponse response;
    std::vector<AppendRequest> appends;
    // Per append: where its answer goes (topic, partition index in response.topics).
    std::vector<std::pair<qsizetype, qsizetype>> targets;
    const bool byId = h.apiVersion >= 13;
    for (auto &topic : request->topics) {
        if (byId)
            topic.name = log.topicName(TopicId::fromBytes(topic.topicId));
        response.topics.append({topic.name, topic.topicId, {}});
        for (const auto &partition : topic.partitions) {
            ProduceResponse::Partition result;
            result.index = partition.index;
            const TopicPartition tp {topic.name, partition.index};
            const QByteArrayView records = partition.records.value_or(QByteArrayView());
            std::optional<RecordBatchHeader> header;
            if (byId && topic.name.isEmpty()) {
                result.error = ErrorCode::UnknownTopicId;
            } else if (!validAcks) {
                result.error = ErrorCode::InvalidRequiredAcks;
            } else if (records.size() < RecordBatchHeader::Size) {
                result.error = ErrorCode::InvalidRecord; // v3+ requires exactly one batch
            } else if (records.at(16) != 2) {
                // Legacy MessageSets (magic 0/1) are refused, as ProduceRequest.validateRecords does for v3+.
                result.error = ErrorCode::InvalidRecord;
            } else if (RecordBatch::split(records).size() != 1) {
                result.error = ErrorCode::InvalidRecord;
            } else if (header = RecordBatch::parseHeader(records);
                       header && header->compression() == 4 && h.apiVersion < 7) {
                result.error = UnsupportedCompressionType;
            }
            response.topics.last().partitions.append(result);
            if (result.error == ErrorCode::None) {
                // Borrowed, not copied: the frame outlives broker.append(), which keeps no copy of the bytes.
                appends.push_back({tp, QByteArray::fromRawData(records.data(), records.size())});
                targets.emplace_back(response.topics.size() - 1, response.topics.last().partitions.size() - 1);
            }
        }
    }
    // Idempotence and the log's own batch validation are the broker's: in-app producers go through them too.
    if (!appends.empty()) {
        const std::vector<AppendResult> results = broker.append(appends);
        for (size_t i = 0; i < results.size() && i < targets.size(); ++i) {
            const AppendResult &a = results[i];
            ProduceResponse::Partition &target = response.topics[targets[i].first].partitions[targets[i].second];
            target.error = a.error;
            target.baseOffset = a.error == ErrorCode::None ? a.baseOffset : -1;
            target.logAppendTimeMs = a.logAppendTimeMs;
            target.logStartOffset = a.logStartOffset;
            if (a.error != ErrorCode::None)
                qCInfo(lcWire).noquote() << QStringLiteral("produce to %1 refused: %2 %3")
                                                .arg(appends[i].topicPartition.toString(), errorName(a.error),
                                                    a.message);
            else if (a.duplicate)
                qCInfo(lcWire).noquote()
                    << QStringLiteral("produce to %1: %2").arg(appends[i].topicPartition.toString(), a.message);
        }
    }
    WireExchange exchange;
    exchange.timeoutMs = request->timeoutMs;
    for (qsizetype t = 0; t < response.topics.size(); ++t) {
        for (qsizetype p = 0; p < response.topics[t].partitions.size(); ++p) {
            const ProduceResponse::Partition &result = response.topics[t].partitions[p];
            const auto &sent = request->topics[t].partitions[p].records;
            const auto header = sent ? RecordBatch::parseHeader(*sent) : std::nullopt;
            WireRange range;
            range.topicPartition = {response.topics[t].name, result.index};
            range.records = header ? header->recordsCount : 0;
            range.firstOffset = result.baseOffset;
            range.lastOffset = result.baseOffset >= 0 && header ? result.baseOffset + header->lastOffsetDelta : -1;
            range.error = result.error;
            if (exchange.error == ErrorCode::None)
                exchange.error = result.error;
            exchange.produced << range;
        }
    }
    WireResponse answer;
    if (request->acks == 0)
        answer.action = WireResponse::Action::NoResponse;
    else
        answer = sendResponse(h, encodeMessage(response, h.apiVersion));
    answer.exchange = std::move(exchange);
    return answer;
}

// ---- InitProducerId ----

WireResponse KafkaApis::Private::handleInitProducerId(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<InitProducerIdRequest>(r, h.apiVersion);
    if (!request)
        return {};
    InitProducerIdResponse response;
    if ((request->producerId == -1) != (request->producerEpoch == -1)) {
        // v3+ (KIP-360): a producer id without an epoch or the other way round, refused as Kafka's KafkaApis does.
        response.error = ErrorCode::InvalidRequest;
    } else if (request->transactionalId) {
        // No transaction coordinator, as FindCoordinator(TRANSACTION) answers.
        response.error = ErrorCode::CoordinatorNotAvailable;
        qCInfo(lcWire).noquote() << QStringLiteral("InitProducerId for transactional id '%1' from client '%2' refused: "
                                                   "transactions are not supported")
                                        .arg(*request->transactionalId, h.clientId.value_or(QString()));
    } else {
        // Kafka's TransactionCoordinator gives a producer without a transactional id a new id at epoch 0 every time,
        // also when it names its current id and epoch (v3+, an epoch bump): there is no state to bump.
        response.producerId = broker.allocateProducerId();
        response.producerEpoch = 0;
        qCInfo(lcWire).noquote() << QStringLiteral("producer id %1 (epoch 0) for idempotent client '%2'")
                                        .arg(response.producerId)
                                        .arg(h.clientId.value_or(QString()));
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

// ---- Fetch ----

FetchResponse KafkaApis::Private::readFetch(
    const FetchRequest &request, qint16 version, qint64 *totalBytes, bool *anyError) const
{
    FetchResponse response;
    qint64 remaining = request.maxBytes > 0 ? request.maxBytes : std::numeric_limits<qint32>::max();
    *totalBytes = 0;
    *anyError = false;
    for (const auto &topic : request.topics) {
        // From v13 the id decides, now: a topic deleted (and maybe created again) since the request came is gone.
        const QString name = version >= 13 ? log.topicName(TopicId::fromBytes(topic.topicId)) : topic.name;
        if (response.topics.isEmpty() || response.topics.constLast().name != name
            || response.topics.constLast().topicId != topic.topicId)
            response.topics.append({name, topic.topicId, {}});
        for (const auto &partition : topic.partitions) {
            FetchResponse::Partition result;
            result.index = partition.index;
            const TopicPartition tp {name, partition.index};
            const std::optional<PartitionInfo> info = name.isEmpty() ? std::nullopt : log.partitionInfo(tp);
            if (!info) {
                result.error
                    = name.isEmpty() && version >= 13 ? ErrorCode::UnknownTopicId : ErrorCode::UnknownTopicOrPartition;
                *anyError = true;
            } else if (remaining <= 0 && *totalBytes > 0) {
                // Response full (KIP-74): later partitions report their offsets and no data.
                result.highWatermark = info->logEndOffset;
                result.lastStableOffset = info->logEndOffset;
                result.logStartOffset = info->logStartOffset;
            } else {
                const qint64 budget = qMax<qint64>(1, qMin<qint64>(partition.maxBytes, remaining));
                FetchResult read = log.read(tp, partition.fetchOffset, budget);
                result.error = read.error;
                result.highWatermark = read.highWatermark;
                // No transactions: everything below the high watermark is stable.
                result.lastStableOffset = read.highWatermark;
                result.logStartOffset = read.logStartOffset;
                if (read.error != ErrorCode::None) {
                    *anyError = true;
                } else {
                    result.records = std::move(read.records);
                    *totalBytes += result.records.size();
                    remaining -= result.records.size();
                }
            }
            response.topics.last().partitions.append(std::move(result));
        }
    }
    return response;
}

void KafkaApis::Private::handleFetch(
    const RequestHeader &h, FetchRequest request, const WireConnectionInfo &c, Responder respond)
{
    // Fetch sessions (KIP-227) are declined as Kafka's broker declines them when its session cache has no room: a
    // full request (epoch 0 asks for a new session, -1 for none; a session id given with them is closed) is answered
    // in full with session id 0, so clients keep sending full requests. An incremental request (any other epoch)
    // names a session that cannot exist: FETCH_SESSION_ID_NOT_FOUND with no partitions, and the client starts over.
    if (request.sessionEpoch != 0 && request.sessionEpoch != -1) {
        qCInfo(lcWire).noquote() << QStringLiteral("connection %1: incremental Fetch for session %2 epoch %3 from "
                                                   "client '%4': no such session")
                                        .arg(c.connectionId)
                                        .arg(request.sessionId)
                                        .arg(request.sessionEpoch)
                                        .arg(h.clientId.value_or(QString()));
        FetchResponse response;
        response.error = ErrorCode::FetchSessionIdNotFound;
        request.topics.clear();
        respond(answerFetch(h, request, response));
        return;
    }
    if (h.apiVersion >= 13) {
        // Names for the exchange (the protocol lane and the live flow go by topic names).
        for (auto &topic : request.topics)
            topic.name = log.topicName(TopicId::fromBytes(topic.topicId));
    }
    qint64 total = 0;
    bool anyError = false;
    const FetchResponse response = readFetch(request, h.apiVersion, &total, &anyError);
    if (anyError || total >= request.minBytes || request.maxWaitMs <= 0 || request.topics.isEmpty()) {
        respond(answerFetch(h, request, response));
        return;
    }
    // Long poll: park until enough bytes arrive (BatchAppended) or max_wait_ms passes.
    const quint64 id = nextFetchId++;
    ParkedFetch parked;
    parked.header = h;
    parked.respond = std::move(respond);
    for (const auto &topic : request.topics) {
        for (const auto &partition : topic.partitions)
            parked.partitions.insert({topic.name, partition.index});
    }
    parked.request = std::move(request);
    parked.timer = clock.schedule(parked.request.maxWaitMs, [this, id] { completeFetch(id); });
    parkedFetches.emplace(id, std::move(parked));
}

void KafkaApis::Private::completeFetch(quint64 id)
{
    auto it = parkedFetches.find(id);
    if (it == parkedFetches.end())
        return;
    ParkedFetch fetch = std::move(it->second);
    parkedFetches.erase(it);
    clock.cancel(fetch.timer);
    qint64 total = 0;
    bool anyError = false;
    const FetchResponse response = readFetch(fetch.request, fetch.header.apiVersion, &total, &anyError);
    fetch.respond(answerFetch(fetch.header, fetch.request, response));
}

WireResponse KafkaApis::Private::answerFetch(
    const RequestHeader &h, const FetchRequest &request, const FetchResponse &response) const
{
    WireResponse answer;
    std::vector<QByteArray> pieces = encodeFetchFrame(h.correlationId, response, h.apiVersion);
    answer.frame = std::move(pieces.front());
    answer.more.reserve(pieces.size() - 1);
    for (size_t i = 1; i < pieces.size(); ++i) {
        if (!pieces[i].isEmpty())
            answer.more.push_back(std::move(pieces[i]));
    }
    answer.exchange.fetched = ExchangeTap::fetchedRanges(request, response);
    answer.exchange.error = response.error;
    for (const auto &topic : response.topics) {
        for (const auto &partition : topic.partitions) {
            if (answer.exchange.error == ErrorCode::None)
                answer.exchange.error = partition.error;
        }
    }
    return answer;
}

void KafkaApis::Private::onEvent(const Event &event)
{
    if (parkedFetches.empty() || recheckScheduled)
        return;
    bool wakes = std::holds_alternative<TopicDeleted>(event) || std::holds_alternative<RecordsDeleted>(event);
    if (const auto *appended = std::get_if<BatchAppended>(&event)) {
        const TopicPartition tp {appended->topic, appended->partition};
        for (const auto &[id, fetch] : parkedFetches)
            wakes = wakes || fetch.partitions.contains(tp);
    }
    if (!wakes)
        return;
    // Not from inside the publisher: answering a fetch may lead its connection to the next request, which
    // may append and publish again. A zero-delay timer runs after the publishing call has returned.
    recheckScheduled = true;
    recheckTimer = clock.schedule(0, [this] {
        recheckScheduled = false;
        recheckParkedFetches();
    });
}

void KafkaApis::Private::recheckParkedFetches()
{
    std::vector<quint64> ready;
    for (const auto &[id, fetch] : parkedFetches) {
        qint64 total = 0;
        bool anyError = false;
        readFetch(fetch.request, fetch.header.apiVersion, &total, &anyError);
        if (anyError || total >= fetch.request.minBytes)
            ready.push_back(id);
    }
    for (const quint64 id : ready)
        completeFetch(id);
}

// ---- ListOffsets ----

WireResponse KafkaApis::Private::handleListOffsets(const RequestHeader &h, WireReader &r)
{
    const auto request = decodeMessage<ListOffsetsRequest>(r, h.apiVersion);
    if (!request)
        return {};
    ListOffsetsResponse response;
    for (const auto &topic : request->topics) {
        for (const auto &partition : topic.partitions) {
            const OffsetAndTimestamp found = log.offsetForTimestamp({topic.name, partition.index}, partition.timestamp);
            ListOffsetsResponse::Partition result;
            result.index = partition.index;
            result.error = found.error;
            result.offset = found.offset;
            // -1 for the special EARLIEST and LATEST queries, the record's for a search or MAX_TIMESTAMP.
            result.timestamp = found.timestamp;
            // The leader epoch of the offset found: one broker, elected once, so always 0 (Metadata says so too);
            // -1 with no offset, as Kafka answers.
            result.leaderEpoch = found.error == ErrorCode::None && found.offset >= 0 ? 0 : -1;
            // v0 lists offsets; the one it can give is the one found.
            if (found.error == ErrorCode::None && found.offset >= 0)
                result.oldStyleOffsets = {found.offset};
            appendPartition(response.topics, topic.name, result);
        }
    }
    return sendResponse(h, encodeMessage(response, h.apiVersion));
}

} // namespace topicscope::engine
