#include "topicid.h"

#include <QRandomGenerator>
#include <cstring>

namespace topicscope::engine {

TopicId TopicId::generate()
{
    for (;;) {
        TopicId id;
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(id.m_bytes.data()), Size / 4);
        // As java.util.UUID.randomUUID(): version 4 in the high nibble of byte 6, variant 2 (binary 10) in the top
        // bits of byte 8.
        id.m_bytes[6] = static_cast<char>((id.m_bytes[6] & 0x0f) | 0x40);
        id.m_bytes[8] = static_cast<char>((id.m_bytes[8] & 0x3f) | 0x80);
        // Kafka draws again for a reserved id or one printed with a leading '-' (base64url digit 62: the first six
        // bits 111110).
        if (!id.isReserved() && (static_cast<quint8>(id.m_bytes[0]) >> 2) != 62)
            return id;
    }
}

TopicId TopicId::fromBytes(QByteArrayView bytes)
{
    TopicId id;
    if (bytes.size() == Size)
        std::memcpy(id.m_bytes.data(), bytes.data(), Size);
    return id;
}

TopicId TopicId::fromString(QStringView text)
{
    const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1(),
        QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals | QByteArray::AbortOnBase64DecodingErrors);
    if (text.size() != 22 || !decoded)
        return {};
    return fromBytes(*decoded);
}

bool TopicId::isReserved() const
{
    std::array<char, Size> one {};
    one[Size - 1] = 1;
    return isNull() || m_bytes == one;
}

QString TopicId::toString() const
{
    return QString::fromLatin1(toByteArray().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace topicscope::engine
