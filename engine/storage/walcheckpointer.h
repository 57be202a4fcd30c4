#pragma once

#include <QString>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

struct sqlite3;

namespace topicscope::engine {

// Copies SQLite's write-ahead log back into the database file on a thread of its own, through a second connection,
// for SqliteStore. SQLite's own automatic checkpoint runs inside whichever COMMIT crosses wal_autocheckpoint, on the
// engine thread, and syncs the WAL and the database file there: every ~85 single-record produces at 1,000 records/s
// it held the engine for a few milliseconds, and when the disk was busy writing back earlier bulk appends, for
// 250-400 ms (the wire latency benchmark's p99, bench/REPORT-wire.md). Here the engine's COMMIT only wakes the
// thread (request()), whose PASSIVE checkpoint never blocks the writer; SqliteStore's WAL hook checkpoints on the
// engine thread itself only when the WAL has grown past a hard bound regardless (the thread fell far behind).
class WalCheckpointer {
public:
    // Opens the second connection on the database at path (already in WAL mode) and starts the thread.
    static std::unique_ptr<WalCheckpointer> start(const QString &path, bool fsyncEachCommit, QString *why);
    ~WalCheckpointer(); // finishes a checkpoint under way, stops the thread, closes its connection
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // Any thread: checkpoint as soon as the thread is free.
    void request();
    // Checkpoints the thread has done so far (any thread).
    quint64 checkpoints() const { return m_checkpoints.load(); }

private:
    explicit WalCheckpointer(sqlite3 *db);
    void run();

    sqlite3 *m_db;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_wanted = false;
    bool m_stop = false;
    std::atomic<quint64> m_checkpoints = 0;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
