#include "producepreview.h"

#include "client/partitioner.h"
#include "client/producer.h"
#include "client/serializer.h"

#include <algorithm>
#include <cctype>

namespace topicscope::engine {

std::optional<QVariant> ProducePreview::typedValue(
    const std::optional<QString> &text, SerdeFormat format, int sequence, QString *why)
{
    if (!text)
        return std::nullopt;
    QString t = *text;
    t.replace(QStringLiteral("{i}"), QString::number(sequence));
    switch (format) {
    case SerdeFormat::String:
    case SerdeFormat::Json:
        return QVariant(t);
    case SerdeFormat::ByteArray: {
        QString hex = t;
        hex.remove(QLatin1Char(' '));
        if (hex.size() % 2 != 0
            || !std::all_of(hex.cbegin(), hex.cend(), [](QChar c) { return isxdigit(c.toLatin1()); })) {
            *why = QStringLiteral("bytes are typed as hex digits, e.g. 0a ff 10");
            return QVariant();
        }
        return QVariant(QByteArray::fromHex(hex.toLatin1()));
    }
    case SerdeFormat::Int32:
    case SerdeFormat::Int64: {
        bool ok = false;
        const qlonglong n = t.trimmed().toLongLong(&ok);
        if (!ok || (format == SerdeFormat::Int32 && (n < INT32_MIN || n > INT32_MAX))) {
            *why = QStringLiteral("\"%1\" is not an %2").arg(t, Serializer::formatName(format));
            return QVariant();
        }
        return format == SerdeFormat::Int32 ? QVariant(static_cast<qint32>(n)) : QVariant(static_cast<qint64>(n));
    }
    }
    return QVariant(t);
}

PartitionPreview ProducePreview::toPreview(const PartitionDecision &d)
{
    PartitionPreview p;
    p.partition = d.partition;
    p.partitionCount = d.partitionCount;
    p.strategy = Partitioner::strategyName(d.strategy);
    p.explanation = d.explanation;
    p.error = static_cast<int>(d.error);
    if (d.error != ErrorCode::None)
        p.errorMessage = d.explanation;
    return p;
}

PartitionPreview ProducePreview::preview(const ProduceRequest &request, int partitionCount)
{
    PartitionPreview preview;
    const int count = partitionCount;
    if (count <= 0) {
        preview.error = static_cast<int>(ErrorCode::UnknownTopicOrPartition);
        preview.errorMessage = QStringLiteral("topic %1 does not exist").arg(request.topic);
        return preview;
    }
    const auto keyFormat = Serializer::formatFromName(request.keySerializer);
    const auto kind = Partitioner::kindFromName(request.partitioner);
    if (!keyFormat || (!kind && !request.partition)) {
        preview.error = static_cast<int>(ErrorCode::InvalidRequest);
        preview.errorMessage = QStringLiteral("unknown serializer or partitioner");
        return preview;
    }
    QString why;
    const std::optional<QVariant> key = ProducePreview::typedValue(request.key, *keyFormat, 0, &why);
    if (!why.isEmpty()) {
        preview.error = static_cast<int>(ErrorCode::InvalidRecord);
        preview.errorMessage = QStringLiteral("key: ") + why;
        return preview;
    }
    const SerializeResult keyBytes = Serializer(*keyFormat).serialize(key);
    if (!keyBytes.ok()) {
        preview.error = static_cast<int>(ErrorCode::InvalidRecord);
        preview.errorMessage = QStringLiteral("key: ") + keyBytes.error;
        return preview;
    }
    if (request.partition) {
        preview.partitionCount = count;
        preview.strategy = Partitioner::strategyName(PartitionStrategy::Explicit);
        preview.partition = *request.partition;
        if (*request.partition < 0 || *request.partition >= count) {
            preview.error = static_cast<int>(ErrorCode::UnknownTopicOrPartition);
            preview.errorMessage = QStringLiteral("partition %1 is not in [0, %2)").arg(*request.partition).arg(count);
        }
        preview.explanation
            = QStringLiteral("explicit partition %1 (of %2), set by the caller").arg(*request.partition).arg(count);
        return preview;
    }
    // A fresh partitioner: exact for keyed records; for keyless ones the sticky or round-robin choice of the
    // sending producer may differ, which the explanation's strategy makes clear.
    auto partitioner = Partitioner::create(*kind, ProducerConfig {}.batchSize, Partitioner::seededRandom(1));
    return ProducePreview::toPreview(partitioner->partition(request.topic, keyBytes.bytes, count));
}

} // namespace topicscope::engine
