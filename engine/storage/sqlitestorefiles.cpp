// SqliteStore's hold on its files beside the SQL: the data directory's lock and the WAL's checkpoints.
#include "core/setwhy.h"
#include "sqlitestore.h"
#include "walcheckpointer.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

namespace topicscope::engine {

bool SqliteStore::lockDirectory(QString *why)
{
    // flock on the directory, not on the database file: closing any descriptor of the database file would drop the
    // POSIX locks SQLite holds on it in this process.
    const QString dir = QFileInfo(m_path).absolutePath();
    m_directoryLock = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_directoryLock < 0) {
        setWhy(why, QStringLiteral("cannot open %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    if (::flock(m_directoryLock, LOCK_EX | LOCK_NB) != 0) {
        setWhy(why,
            errno == EWOULDBLOCK
                ? QStringLiteral("the data directory %1 is locked: another Topicscope broker uses it").arg(dir)
                : QStringLiteral("cannot lock %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno))));
        return false;
    }
    return true;
}

quint64 SqliteStore::backgroundCheckpoints() const
{
    return m_checkpointer ? m_checkpointer->checkpoints() : 0;
}

int SqliteStore::walHook(void *store, sqlite3 *db, const char *, int pages)
{
    auto *self = static_cast<SqliteStore *>(store);
    const qint64 walBytes = qint64(pages) * self->m_pageSize;
    if (walBytes >= HardWalBytes) {
        ++self->m_inlineCheckpoints;
        sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    } else if (walBytes >= CheckpointWalBytes && self->m_checkpointer)
        self->m_checkpointer->request();
    return SQLITE_OK;
}

} // namespace topicscope::engine
