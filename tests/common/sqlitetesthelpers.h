#pragma once

// Plain sqlite3 access to a database file from a test, as another program would have it: to build old schemas,
// damage a store or look at what was written (header-only).

#include <QString>
#include <sqlite3.h>

namespace topicscope::engine::sqlitetest {

// Runs SQL on a database file with a plain connection of the test's own.
inline bool execOn(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    bool ok = sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK
        && sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

// The first column of the first row of sql, as an integer; -1 when there is none.
inline qint64 pragmaOn(const QString &path, const char *sql)
{
    sqlite3 *db = nullptr;
    sqlite3_stmt *s = nullptr;
    qint64 value = -1;
    if (sqlite3_open(path.toUtf8().constData(), &db) == SQLITE_OK
        && sqlite3_prepare_v2(db, sql, -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        value = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return value;
}

} // namespace topicscope::engine::sqlitetest
