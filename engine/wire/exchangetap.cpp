#include "exchangetap.h"

#include "core/clock.h"
#include "core/recordbatch.h"
#include "wire/apikeys.h"

#include <QStringList>

namespace topicscope::engine::wire {

WireExchange ExchangeTap::begin(const RequestHeader &h, const WireConnectionInfo &connection, qint64 requestBytes) const
{
    WireExchange e;
    e.connectionId = connection.connectionId;
    e.clientId = h.clientId.value_or(QString());
    e.peer = connection.peer;
    e.apiKey = h.apiKey;
    e.apiVersion = h.apiVersion;
    e.correlationId = h.correlationId;
    e.api = ApiKeys::name(h.apiKey);
    e.receivedMs = m_clock.nowMs();
    e.requestBytes = requestBytes;
    return e;
}

void ExchangeTap::complete(const WireExchange &begun, WireResponse &response)
{
    if (response.action == WireResponse::Action::Close)
        return;
    WireExchange &e = response.exchange;
    const WireExchange filled = std::move(e);
    e = begun;
    e.sequence = ++m_sequence;
    e.answeredMs = m_clock.nowMs();
    e.responseBytes = response.action == WireResponse::Action::Send ? response.frameSize() + 4 : 0;
    e.error = filled.error;
    e.group = filled.group;
    e.memberId = filled.memberId;
    e.generation = filled.generation;
    e.protocol = filled.protocol;
    e.produced = filled.produced;
    e.fetched = filled.fetched;
    e.timeoutMs = filled.timeoutMs;
    e.summary = summarize(e);
    for (const auto &[id, observer] : m_observers)
        observer(e);
}

QList<WireRange> ExchangeTap::fetchedRanges(const FetchRequest &request, const FetchResponse &response)
{
    QList<WireRange> ranges;
    const auto fetchOffsetOf = [&request](const QString &topic, qint32 index) {
        for (const auto &t : request.topics) {
            for (const auto &p : t.partitions) {
                if (t.name == topic && p.index == index)
                    return p.fetchOffset;
            }
        }
        return qint64(-1);
    };
    for (const auto &topic : response.topics) {
        for (const auto &partition : topic.partitions) {
            if (partition.records.isEmpty())
                continue;
            const qint64 fetchOffset = fetchOffsetOf(topic.name, partition.index);
            const auto batches = RecordBatch::split(partition.records);
            if (batches.empty())
                continue;
            const auto first = RecordBatch::parseHeader(batches.front());
            const auto last = RecordBatch::parseHeader(batches.back());
            if (!first || !last)
                continue;
            WireRange range;
            range.topicPartition = {topic.name, partition.index};
            range.firstOffset = qMax(fetchOffset, first->baseOffset);
            range.lastOffset = last->lastOffset();
            range.records = int(qMax<qint64>(0, range.lastOffset - range.firstOffset + 1));
            range.error = partition.error;
            if (range.records > 0)
                ranges << range;
        }
    }
    return ranges;
}

namespace {

QString rangeText(const WireRange &r, const QString &sign)
{
    if (r.error != ErrorCode::None)
        return QStringLiteral("%1 %2").arg(r.topicPartition.toString(), errorName(r.error));
    return QStringLiteral("%1 %2%3 @%4..%5")
        .arg(r.topicPartition.toString(), sign)
        .arg(r.records)
        .arg(r.firstOffset)
        .arg(r.lastOffset);
}

} // namespace

QString ExchangeTap::summarize(const WireExchange &e)
{
    QStringList parts;
    for (const WireRange &r : e.produced)
        parts << rangeText(r, QStringLiteral("+"));
    for (const WireRange &r : e.fetched)
        parts << rangeText(r, QStringLiteral("→"));
    if (!e.group.isEmpty()) {
        QString g = e.group;
        if (e.generation >= 0)
            g += QStringLiteral(" gen %1").arg(e.generation);
        if (!e.memberId.isEmpty())
            g += QLatin1Char(' ') + e.memberId;
        if (!e.protocol.isEmpty())
            g += QStringLiteral(" (%1)").arg(e.protocol);
        parts << g;
    }
    QString text = parts.join(QStringLiteral("; "));
    if (e.error != ErrorCode::None)
        text += (text.isEmpty() ? QString() : QStringLiteral(": ")) + errorName(e.error);
    return text;
}

} // namespace topicscope::engine::wire
