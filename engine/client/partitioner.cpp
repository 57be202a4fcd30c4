#include "partitioner.h"

#include "builtinpartitioner.h"
#include "roundrobinpartitioner.h"
#include "uniformstickypartitioner.h"

#include <QRandomGenerator>
#include <QStringDecoder>
#include <random>

namespace topicscope::engine {

QString Partitioner::kindName(PartitionerKind kind)
{
    switch (kind) {
    case PartitionerKind::BuiltIn:
        return QStringLiteral("built-in");
    case PartitionerKind::RoundRobin:
        return QStringLiteral("round-robin");
    case PartitionerKind::UniformSticky:
        return QStringLiteral("uniform-sticky");
    }
    return {};
}

std::optional<PartitionerKind> Partitioner::kindFromName(const QString &name)
{
    for (const PartitionerKind k :
        {PartitionerKind::BuiltIn, PartitionerKind::RoundRobin, PartitionerKind::UniformSticky})
        if (kindName(k) == name)
            return k;
    return std::nullopt;
}

QString Partitioner::strategyName(PartitionStrategy strategy)
{
    switch (strategy) {
    case PartitionStrategy::Explicit:
        return QStringLiteral("explicit");
    case PartitionStrategy::KeyHash:
        return QStringLiteral("key hash");
    case PartitionStrategy::Sticky:
        return QStringLiteral("sticky");
    case PartitionStrategy::UniformSticky:
        return QStringLiteral("uniform sticky");
    case PartitionStrategy::RoundRobin:
        return QStringLiteral("round-robin");
    }
    return {};
}

std::unique_ptr<Partitioner> Partitioner::create(PartitionerKind kind, int batchSize, RandomSource random)
{
    if (!random)
        random = systemRandom();
    switch (kind) {
    case PartitionerKind::BuiltIn:
        return std::make_unique<BuiltInPartitioner>(batchSize, std::move(random));
    case PartitionerKind::RoundRobin:
        return std::make_unique<RoundRobinPartitioner>();
    case PartitionerKind::UniformSticky:
        return std::make_unique<UniformStickyPartitioner>(std::move(random));
    }
    return nullptr;
}

RandomSource Partitioner::seededRandom(quint64 seed)
{
    auto engine = std::make_shared<std::mt19937>(static_cast<std::mt19937::result_type>(seed));
    return [engine] { return static_cast<quint32>((*engine)()); };
}

RandomSource Partitioner::systemRandom()
{
    // Seeded once from the system's entropy source (not a clock read); then deterministic per producer.
    return seededRandom(QRandomGenerator::system()->generate64());
}

QString Partitioner::displayKey(const QByteArray &key)
{
    constexpr int MaxShown = 40;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringConverter::Flag::Stateless);
    const QString text = decoder(key);
    bool printable = !decoder.hasError();
    for (const QChar c : text) {
        if (!c.isPrint()) {
            printable = false;
            break;
        }
    }
    if (printable) {
        if (text.size() > MaxShown)
            return QLatin1Char('"') + text.left(MaxShown) + QStringLiteral("…\"");
        return QLatin1Char('"') + text + QLatin1Char('"');
    }
    const QString hex = QString::fromLatin1(key.left(MaxShown / 2).toHex());
    return QStringLiteral("0x") + hex + (key.size() > MaxShown / 2 ? QStringLiteral("…") : QString());
}

} // namespace topicscope::engine
