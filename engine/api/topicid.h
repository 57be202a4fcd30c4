#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QString>
#include <QStringView>
#include <array>
#include <compare>

namespace topicscope::engine {

// A topic's id (Kafka's Uuid, KIP-516): 16 random bytes given to a topic when it is created and kept for its whole
// life, persisted with it, so a topic deleted and created again under the same name is told apart by clients that
// use ids (Metadata v10+, Fetch v13+, Produce v13, DeleteTopics v6). The default value is the null id (Kafka's
// ZERO_UUID, "no id"), which no topic has. Printed as Kafka prints it: 22 characters of URL-safe base64 without
// padding. Value type, any thread.
class TopicId {
public:
    static constexpr int Size = 16;

    TopicId() = default;

    // A new id as Kafka's Uuid.randomUuid() makes one: version 4, variant 2 (RFC 4122), from the system's random
    // source, never one of Kafka's reserved ids (0 and the metadata topic's 1) and never one whose text starts
    // with '-' (which command-line tools would read as an option).
    static TopicId generate();
    // The id in 16 raw bytes, as the wire and the store carry it; the null id for any other length.
    static TopicId fromBytes(QByteArrayView bytes);
    // Kafka's text form (toString()); the null id when text is not one.
    static TopicId fromString(QStringView text);

    bool isNull() const { return m_bytes == std::array<char, Size> {}; }
    // Kafka's ZERO_UUID and ONE_UUID (= METADATA_TOPIC_ID): never given to a topic.
    bool isReserved() const;
    QByteArray toByteArray() const { return QByteArray(m_bytes.data(), Size); }
    QByteArrayView bytes() const { return QByteArrayView(m_bytes.data(), Size); }
    QString toString() const;

    bool operator==(const TopicId &) const = default;
    auto operator<=>(const TopicId &) const = default;

private:
    std::array<char, Size> m_bytes {};
};

inline size_t qHash(const TopicId &id, size_t seed = 0) noexcept
{
    return qHashBits(id.bytes().data(), TopicId::Size, seed);
}

} // namespace topicscope::engine
