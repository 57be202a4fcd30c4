#pragma once

namespace topicscope::engine {

// The in-app clients' settings that a user picks in the UI or a scenario file, as plain enums.

// Kafka's common serdes (org.apache.kafka.common.serialization), with the value types used in-app:
//   String    QString   <-> UTF-8                 (StringSerializer / StringDeserializer)
//   ByteArray QByteArray <-> the same bytes        (ByteArraySerializer / ByteArrayDeserializer)
//   Json      QJsonValue / JSON text <-> UTF-8 JSON text, validated both ways (connect-json's JsonSerializer)
//   Int32     qint32    <-> 4 bytes big-endian     (IntegerSerializer / IntegerDeserializer)
//   Int64     qint64    <-> 8 bytes big-endian     (LongSerializer / LongDeserializer)
enum class SerdeFormat { String, ByteArray, Json, Int32, Int64 };

// The partitioner a producer is configured with (Kafka's partitioner.class; BuiltIn = unset).
enum class PartitionerKind { BuiltIn, RoundRobin, UniformSticky };

enum class OffsetResetPolicy { Earliest, Latest, None }; // auto.offset.reset

// group.protocol: the classic JoinGroup/SyncGroup protocol with client-side assignors, or Kafka 4's consumer
// protocol (KIP-848: heartbeats, server-side assignors, incremental reconciliation).
enum class ConsumerGroupProtocol { Classic, Consumer };

} // namespace topicscope::engine
