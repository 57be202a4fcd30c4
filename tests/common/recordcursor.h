#pragma once

// A reader of Kafka's record key/value encodings for tests that check what the broker wrote with their own
// decoder (written from the schema facts, independent of the broker's codec): big-endian integers, classic
// strings and bytes, and the flexible versions' unsigned varints, compact strings and arrays, uuids and tagged
// fields. Overruns set ok = false. Any thread.

#include <QByteArray>
#include <QString>
#include <QtEndian>
#include <optional>

struct RecordCursor {
    QByteArray bytes;
    int pos = 0;
    bool ok = true;

    template <typename T> T get()
    {
        if (pos + int(sizeof(T)) > bytes.size()) {
            ok = false;
            return T {};
        }
        const T v = qFromBigEndian<T>(bytes.constData() + pos);
        pos += sizeof(T);
        return v;
    }
    // Classic nullable string: int16 length, -1 for null.
    std::optional<QString> str()
    {
        const qint16 n = get<qint16>();
        if (n < 0)
            return std::nullopt;
        const QString s = QString::fromUtf8(bytes.mid(pos, n));
        pos += n;
        return s;
    }
    QByteArray blob()
    {
        const qint32 n = get<qint32>();
        const QByteArray b = bytes.mid(pos, n);
        pos += n;
        return b;
    }
    quint32 varint()
    {
        quint32 v = 0;
        for (int shift = 0; shift < 35 && ok; shift += 7) {
            const quint8 b = get<quint8>();
            v |= quint32(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        ok = false;
        return 0;
    }
    // Compact nullable string: uvarint length + 1, 0 for null.
    std::optional<QString> compactString()
    {
        const quint32 n = varint();
        if (n == 0)
            return std::nullopt;
        const QString s = QString::fromUtf8(bytes.mid(pos, n - 1));
        pos += n - 1;
        return s;
    }
    int compactCount() { return int(varint()) - 1; }
    QByteArray uuid()
    {
        const QByteArray id = bytes.mid(pos, 16);
        pos += 16;
        return id;
    }
    // An empty tagged-field section (what these writers put); anything else is not ok.
    void noTags()
    {
        if (varint() != 0)
            ok = false;
    }
    bool done() const { return ok && pos == bytes.size(); }
};
