#pragma once

#include "clientoptions.h"
#include "errorcode.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <memory>
#include <optional>

namespace topicscope::engine {

// How a record's partition was chosen.
enum class PartitionStrategy {
    Explicit, // the caller named the partition
    KeyHash, // murmur2 of the serialized key
    Sticky, // keyless record, built-in sticky partition (KIP-794)
    UniformSticky, // UniformStickyPartitioner (KIP-480), keys ignored
    RoundRobin, // RoundRobinPartitioner, keys ignored
};

// Why a record goes where it goes; shown to the user next to the record.
struct PartitionDecision {
    int partition = -1;
    PartitionStrategy strategy = PartitionStrategy::Explicit;
    std::optional<qint32> keyHash; // murmur2 of the key, when the key decided
    int partitionCount = 0;
    // One line, e.g. `murmur2("user-1") = 0x1b3e6c7f → toPositive % 6 = 2`.
    QString explanation;
    ErrorCode error = ErrorCode::None; // e.g. an explicit partition outside [0, partitionCount)
};

// Uniform 32-bit random numbers. Injected so tests (and step mode) are deterministic.
using RandomSource = std::function<quint32()>;

// A producer-side partitioner, modelled on Kafka's Java producer. Stateful (sticky partitions, counters); one
// instance per producer, used on the engine thread only.
class Partitioner {
public:
    virtual ~Partitioner() = default;
    virtual PartitionerKind kind() const = 0;
    QString name() const { return kindName(kind()); }

    // Chooses the partition of a record of topic with the serialized key (nullopt = null key).
    // partitionCount > 0.
    virtual PartitionDecision partition(
        const QString &topic, const std::optional<QByteArray> &keyBytes, int partitionCount)
        = 0;

    // Java calls a configured partitioner.class's onNewBatch() when the chosen partition would need a new
    // batch, then asks partition() again (KafkaProducer's abortOnNewBatch); the built-in partitioner is not
    // asked. True for the partitioners that want it.
    virtual bool abortsOnNewBatch() const { return false; }
    virtual void onNewBatch(const QString &topic, int partitionCount, int previousPartition)
    {
        Q_UNUSED(topic);
        Q_UNUSED(partitionCount);
        Q_UNUSED(previousPartition);
    }

    // After a record chosen by decision was appended: appendedBytes is how much its batch grew (including
    // the batch header when it opened the batch); batchFull says the batch has no room left. The built-in
    // partitioner switches its sticky partition from this.
    virtual void onRecordAppended(
        const QString &topic, const PartitionDecision &decision, int appendedBytes, bool batchFull)
    {
        Q_UNUSED(topic);
        Q_UNUSED(decision);
        Q_UNUSED(appendedBytes);
        Q_UNUSED(batchFull);
    }

    // "built-in", "round-robin", "uniform-sticky".
    static QString kindName(PartitionerKind kind);
    static std::optional<PartitionerKind> kindFromName(const QString &name);
    static QString strategyName(PartitionStrategy strategy);

    // batchSize is the producer's batch.size (used by the built-in sticky switching). random may be empty:
    // then a generator seeded from the system entropy source is used.
    static std::unique_ptr<Partitioner> create(PartitionerKind kind, int batchSize, RandomSource random = {});
    static RandomSource seededRandom(quint64 seed);
    static RandomSource systemRandom();

    // The key as shown in explanations: "user-1" quoted when it is printable UTF-8, else 0x… hex; shortened.
    static QString displayKey(const QByteArray &key);
};

} // namespace topicscope::engine
