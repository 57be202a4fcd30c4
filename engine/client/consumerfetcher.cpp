#include "consumerfetcher.h"

#include "core/recordbatch.h"
#include "log/logmanager.h"

#include <QLoggingCategory>
#include <algorithm>

namespace topicscope::engine {

namespace {
Q_LOGGING_CATEGORY(lcFetcher, "topicscope.engine.client")
}

ConsumerFetcher::ConsumerFetcher(const ConsumerConfig &config, LogManager &log)
    : m_config(config)
    , m_log(log)
    , m_keySerde(config.keyDeserializer, config.keyAcceptsNull)
    , m_valueSerde(config.valueDeserializer, config.valueAcceptsNull)
{ }

bool ConsumerFetcher::resetPosition(
    const TopicPartition &tp, FetchPosition &ps, const QString &cause, std::vector<PartitionError> *errors) const
{
    if (m_config.autoOffsetReset == OffsetResetPolicy::None) {
        ps.position.reset();
        if (errors)
            errors->push_back(PartitionError {
                tp, ErrorCode::OffsetOutOfRange, QStringLiteral("%1 and auto.offset.reset=none").arg(cause)});
        return false;
    }
    const bool earliest = m_config.autoOffsetReset == OffsetResetPolicy::Earliest;
    const OffsetAndTimestamp o = m_log.offsetForTimestamp(tp, earliest ? -2 : -1);
    if (o.error != ErrorCode::None) {
        if (errors)
            errors->push_back(PartitionError {tp, o.error, QStringLiteral("ListOffsets failed")});
        return false;
    }
    qCInfo(lcFetcher).noquote() << QStringLiteral("consumer %1: %2; resetting %3 to %4 offset %5")
                                       .arg(m_config.clientId, cause, tp.toString(),
                                           earliest ? QStringLiteral("earliest") : QStringLiteral("latest"))
                                       .arg(o.offset);
    ps.position = o.offset;
    return true;
}

void ConsumerFetcher::resolvePositions(
    FetchPositions &positions, const QMap<TopicPartition, qint64> &committed, std::vector<PartitionError> &errors) const
{
    for (auto it = positions.begin(); it != positions.end(); ++it) {
        if (it->position)
            continue;
        if (committed.contains(it.key()))
            it->position = committed.value(it.key()); // out of range is found (and reset) by the fetch
        else
            resetPosition(
                it.key(), *it, QStringLiteral("no committed offset for %1").arg(it.key().toString()), &errors);
    }
}

void ConsumerFetcher::fetch(FetchPositions &assigned, PollResult &result)
{
    QList<TopicPartition> partitions = assigned.keys();
    if (partitions.isEmpty())
        return;
    // Start at a different partition each poll so that max.poll.records does not starve the later ones.
    const int start = m_rotation++ % static_cast<int>(partitions.size());
    std::rotate(partitions.begin(), partitions.begin() + start, partitions.end());

    int remaining = m_config.maxPollRecords;
    qint64 bytesLeft = m_config.fetchMaxBytes;
    for (const TopicPartition &tp : std::as_const(partitions)) {
        if (remaining <= 0 || bytesLeft <= 0)
            break;
        FetchPosition &ps = assigned[tp];
        if (ps.paused || !ps.position)
            continue;
        FetchResult fr = m_log.read(tp, *ps.position, std::min(m_config.maxPartitionFetchBytes, bytesLeft));
        if (fr.error == ErrorCode::OffsetOutOfRange) {
            const QString cause = QStringLiteral("fetch offset %1 is out of range for %2 [%3, %4]")
                                      .arg(*ps.position)
                                      .arg(tp.toString())
                                      .arg(fr.logStartOffset)
                                      .arg(fr.highWatermark);
            if (!resetPosition(tp, ps, cause, &result.errors))
                continue;
            fr = m_log.read(tp, *ps.position, std::min(m_config.maxPartitionFetchBytes, bytesLeft));
        }
        if (fr.error != ErrorCode::None) {
            result.errors.push_back(PartitionError {tp, fr.error, QStringLiteral("fetch failed")});
            continue;
        }
        bytesLeft -= fr.records.size();
        for (const QByteArrayView batch : RecordBatch::split(fr.records)) {
            if (remaining <= 0)
                break;
            const auto header = RecordBatch::parseHeader(batch);
            if (!header || header->isControl() || header->lastOffset() < *ps.position)
                continue;
            std::vector<Record> records;
            QString why;
            if (RecordBatch::decode(batch, &records, &why) != ErrorCode::None) {
                result.errors.push_back(PartitionError {tp, ErrorCode::CorruptMessage, why});
                break;
            }
            for (Record &r : records) {
                if (remaining <= 0)
                    break;
                if (r.offset < *ps.position)
                    continue;
                ConsumerRecord cr;
                cr.topic = tp.topic;
                cr.partition = tp.partition;
                cr.offset = r.offset;
                cr.timestampType = header->timestampType();
                cr.timestamp = cr.timestampType == TimestampType::LogAppendTime ? header->maxTimestamp : r.timestamp;
                cr.headers = std::move(r.headers);
                const DeserializeResult k = m_keySerde.deserialize(r.key);
                const DeserializeResult v = m_valueSerde.deserialize(r.value);
                cr.key = k.value;
                cr.value = v.value;
                QStringList errors;
                if (!k.ok())
                    errors << QStringLiteral("key: ") + k.error;
                if (!v.ok())
                    errors << QStringLiteral("value: ") + v.error;
                cr.error = errors.join(QStringLiteral("; "));
                cr.rawKey = std::move(r.key);
                cr.rawValue = std::move(r.value);
                ps.position = r.offset + 1;
                result.records.push_back(std::move(cr));
                --remaining;
            }
        }
    }
}

} // namespace topicscope::engine
