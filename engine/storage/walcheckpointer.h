#pragma once

#include <QString>
#include <condition_variable>
#include <mutex>
#include <thread>

struct sqlite3;

namespace topicscope::engine {

// Runs SQLite's WAL checkpoints for SqliteStore on a thread of its own, over a connection of its own to the same
// database file, so that no COMMIT on the engine thread copies the WAL back into the database: SQLite's automatic
// checkpoint runs inside the COMMIT that passes 1,000 WAL pages, and one took 54 ms there while CreateTopics wrote
// a million partition rows (tst_servingthread's bystander waited for it). A PASSIVE checkpoint neither waits for nor
// blocks the engine thread's transactions; the engine's next write transaction starts the WAL over once a checkpoint
// has copied all of it. Created and destroyed on the engine thread (destruction stops and joins the thread, closing
// its connection, before the store closes its own); request() is called from SqliteStore's WAL hook there.
class WalCheckpointer {
public:
    explicit WalCheckpointer(QString path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer &) = delete;
    WalCheckpointer &operator=(const WalCheckpointer &) = delete;

    // The WAL has grown past the point where SQLite would checkpoint: one checkpoint runs soon (requests while one is
    // pending are one).
    void request();
    // Checkpoints run so far (for tests).
    int completed() const;

private:
    void run();

    const QString m_path;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_pending = false;
    bool m_stop = false;
    int m_completed = 0;
    std::thread m_thread; // last: started once the members it reads exist
};

} // namespace topicscope::engine
