#pragma once

#include <QSet>
#include <QString>
#include <vector>

namespace topicscope::engine {

class SegmentLog;
class SqliteStore;
struct StoredPartition;
struct SegmentInfo;
struct SegmentRollPolicy;

// What LogManager does with its data directory before and just after the store opens: creating it (0700),
// refusing one it cannot write or whose database is empty or missing while segment files remain, restricting the
// database files to their owner (0600), bringing each partition's segment files in line with the index (recovery)
// and moving record bytes an older schema kept in the database out to segment files (migration). Stateless helpers
// run on the engine thread while the LogManager is being opened.
class LogDirectory {
public:
    // Creates dataDir (0700) when it does not exist and checks that it can be written and that its database is not
    // damaged beyond what SQLite itself notices. False with *error naming the directory or file and what to do.
    static bool prepare(const QString &dataDir, QString *error);
    // Restricts the database and its WAL to the owner (0600), whatever the umask gave them.
    static void restrictDatabaseFiles(const QString &databasePath);
    // True when the directory holds a partition directory with a segment file in it.
    static bool hasSegmentFiles(const QString &dataDir);

    // Removes the directories of partitions that no longer exist (a topic deleted by a process that died before it
    // removed its files): those not in known whose files are all segment files, so nothing else is ever touched.
    // Returns the names of the directories not in known that it left in place.
    static QStringList removeOrphanDirectories(const QString &dataDir, const QSet<QString> &known);

    // Writes the index rows of segments (as SegmentLog has them) for the partition with that store key.
    static bool indexSegments(
        SqliteStore &store, qint64 partitionId, const std::vector<SegmentInfo> &segments, QString *why);
    // Loads the partition's segments from the index and recovers its files (SegmentLog::recover), logging each
    // thing done; the batches appended after the last index commit that recovery keeps are indexed (one transaction)
    // and *partition moves past them. False only when a file or database operation fails.
    static bool recoverPartition(SqliteStore &store, StoredPartition *partition, SegmentLog &log, QString *why);
    // Moves the partition's batches kept in the database into segment files, in one transaction: the files are
    // written and synced first, then the index points at them and the database bytes go. *batches and *bytes get
    // what was moved.
    static bool migratePartition(SqliteStore &store, qint64 partitionId, SegmentLog &log,
        const SegmentRollPolicy &policy, qint64 *batches, qint64 *bytes, QString *why);
};

} // namespace topicscope::engine
