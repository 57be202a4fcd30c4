#pragma once

#include "sqlitestore.h"

#include <QByteArrayView>
#include <QString>
#include <sqlite3.h>

namespace topicscope::engine {

// A cached prepared statement of SqliteStore in use by one call, with typed bind and column helpers. Engine thread,
// like the store. Resets the statement when the call using it returns, whatever path it takes, so no statement stays
// active (an active statement would keep a read transaction open and block a later COMMIT's checkpoint).
class SqliteStatement {
public:
    explicit SqliteStatement(sqlite3_stmt *s)
        : m_s(s)
    { }
    ~SqliteStatement()
    {
        if (m_s) {
            sqlite3_reset(m_s);
            sqlite3_clear_bindings(m_s);
        }
    }
    SqliteStatement(const SqliteStatement &) = delete;
    SqliteStatement &operator=(const SqliteStatement &) = delete;
    explicit operator bool() const { return m_s != nullptr; }
    sqlite3_stmt *get() const { return m_s; }

    void bind(int i, qint64 v) { sqlite3_bind_int64(m_s, i, v); }
    void bind(int i, const QString &v)
    {
        const QByteArray utf8 = v.toUtf8();
        sqlite3_bind_text(m_s, i, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_TRANSIENT);
    }
    // The bytes must outlive the step: callers bind data they hold for the whole call.
    void bindStaticBlob(int i, QByteArrayView v)
    {
        sqlite3_bind_blob64(m_s, i, v.data(), static_cast<sqlite3_uint64>(v.size()), SQLITE_STATIC);
    }
    int step() { return sqlite3_step(m_s); }
    qint64 int64(int col) const { return sqlite3_column_int64(m_s, col); }
    QString text(int col) const
    {
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_s, col)), sqlite3_column_bytes(m_s, col));
    }
    QByteArrayView blob(int col) const
    {
        // column_blob before column_bytes, as SQLite documents for a stable pointer.
        const auto *data = static_cast<const char *>(sqlite3_column_blob(m_s, col));
        return QByteArrayView(data, sqlite3_column_bytes(m_s, col));
    }

private:
    sqlite3_stmt *m_s;
};

inline StoredBatchInfo batchInfoFrom(const SqliteStatement &s)
{
    StoredBatchInfo info;
    info.baseOffset = s.int64(0);
    info.lastOffset = s.int64(1);
    info.maxTimestamp = s.int64(2);
    info.recordCount = static_cast<int>(s.int64(3));
    info.sizeBytes = s.int64(4);
    // NULL reads as 0: a batch in the database says so by a NULL segment.
    const bool inDatabase = sqlite3_column_type(s.get(), 5) == SQLITE_NULL;
    info.segmentBase = inDatabase ? -1 : s.int64(5);
    info.filePosition = inDatabase ? -1 : s.int64(6);
    return info;
}

} // namespace topicscope::engine
