#pragma once

#include "brokersnapshot.h"
#include "clustertypes.h"
#include "format.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QPointer>
#include <QSet>
#include <functional>
#include <optional>

namespace topicscope::engine {
class ClusterClient;
}

namespace topicscope::ui {

// The records of one partition, or of every partition of a topic (partition by partition), paged lazily from
// the cluster. Without a filter the rows are the log itself, seen through a window of at most MaxWindowRows
// rows: row r is the record at position windowStart() + r of the partitions' logs laid end to end, so the
// position of every row is known from the snapshot at once and a 10-million-record partition opens without
// reading it; data() of a row not cached yet shows a placeholder and asks the cluster for its page. The window
// exists because item views keep per-row state (QHeaderView: one section per row, O(rows) work per insertion):
// millions of rows cost ~8 bytes each and tens of milliseconds per update, a window of 50,000 does not. Jumps
// (reveal*) move the window; views shift it at its edges (shiftWindow). At most MaxCachedPages pages are kept
// (least recently used go first), so memory stays bounded however far the view scrolls. The log growing adds
// rows at the end while the window reaches the end (live tail; the oldest rows leave the window); retention
// removes them at the front.
// With a filter, the cluster scans forward and the rows are the matches found so far (fetchMore scans on).
// In time order (a live tail across partitions) the rows are instead the newest records of the shown partitions
// merged by timestamp, ties by partition then offset, at most MaxTailRows of them: laid end to end, the newest
// records of every partition but the last would land in the middle of the log, out of view. Such a tail starts
// with the last TailBacklog records of each partition and reads on as the logs grow; a partition that falls
// further behind than MaxTailRows skips ahead (a person cannot read faster than that anyway). A filter then
// keeps only the matching records.
// GUI thread.
class MessageModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Partition, Offset, Timestamp, Key, Value, Headers, Size, ColumnCount };
    enum class Order { Log, Time };
    static constexpr int PageSize = 200;
    static constexpr int MaxCachedPages = 64;
    static constexpr int MaxMatches = 20000;
    static constexpr int MaxWindowRows = 50'000;
    static constexpr int MaxTailRows = 2000;
    static constexpr int TailBacklog = PageSize;

    explicit MessageModel(engine::ClusterClient *client, QObject *parent = nullptr);

    // partition -1: every partition of the topic. Rows come with the next (or the given) snapshot.
    void setSource(const QString &topic, int partition, const engine::BrokerSnapshot &snapshot = {});
    QString topic() const { return m_topic; }
    int partition() const { return m_partition; }
    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    void setFilter(const QString &filter);
    QString filter() const { return m_filter; }
    void setBytesFormat(BytesFormat format);
    BytesFormat bytesFormat() const { return m_format; }
    // Log order by default; a change reloads the rows (a model reset).
    void setOrder(Order order);
    Order order() const { return m_order; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    // The record at row when it is loaded.
    std::optional<engine::MessageRow> messageAt(int row) const;
    // The row showing (partition, offset), or the nearest one in the window; -1 when the partition is not shown.
    int rowForOffset(int partition, qint64 offset) const;
    // Log mode: moves the window (a model reset) when needed so that it holds (partition, offset), the first
    // or the last record, and returns that row; -1 when the partition is not shown.
    int reveal(int partition, qint64 offset);
    int revealStart();
    int revealEnd();
    // Log mode: moves the window by up to rows positions (negative: towards the start), as row removals and
    // insertions so that selection survives; returns how far it moved (a view scrolls back by as much).
    qint64 shiftWindow(qint64 rows);
    qint64 windowStart() const { return m_windowStart; }
    qint64 totalRows() const; // records in the shown partitions, in or out of the window (or the tail)
    int cachedRecords() const;
    int pendingRequests() const { return int(m_pending.size() + m_tailRequests.size()); }
    bool isScanning() const { return m_scanRequest != 0; }

Q_SIGNALS:
    void pageLoaded(); // a requested page arrived (for views that wait for a row, and for tests)
    void errorOccurred(const QString &message);

private:
    struct Segment {
        int partition = 0;
        qint64 start = 0; // logStartOffset
        qint64 end = 0; // logEndOffset
        qint64 rows() const { return end - start; }
    };
    struct Page {
        qint64 firstOffset = 0;
        QList<engine::MessageRow> rows;
        quint64 lastUsed = 0;
    };
    using PageKey = QPair<int, qint64>; // partition, page index

    QList<Segment> segmentsOf(const engine::BrokerSnapshot &snapshot) const;
    void applySegments(const QList<Segment> &next);
    // segment index and offset of a row in log mode
    std::pair<int, qint64> locate(int row) const;
    qint64 virtualRowFor(int partition, qint64 offset) const; // position in the laid-out logs, -1: not shown
    static qint64 totalOf(const QList<Segment> &segments);
    void moveWindowTo(qint64 start); // model reset
    void clampWindow(); // keeps the window inside the log and as full as it can be (no signals)
    // Row-level changes of the laid-out logs, translated to the window; mutate changes m_segments in between.
    void removeVirtual(qint64 at, qint64 count, const std::function<void()> &mutate);
    void insertVirtual(qint64 at, qint64 count, bool following, const std::function<void()> &mutate);
    const engine::MessageRow *lookup(int partition, qint64 offset) const;
    void request(const PageKey &key) const;
    void onPage(quint64 requestId, const engine::MessagePage &page);
    void onScanPage(const engine::MessagePage &page);
    void scanNext();
    void evict();
    bool filtering() const { return m_order == Order::Log && !m_filter.isEmpty(); }
    bool timeOrdered() const { return m_order == Order::Time; }
    void restartScan(); // filter mode: matches found so far forgotten (no signals)
    // A real reload: change applied inside a model reset, then the rows of the (new) mode asked for.
    void reloadRows(const std::function<void()> &change);
    engine::MessageQuery query(int partition, qint64 offset, const QString &filter) const;
    // Time order.
    void startTail(); // (re)reads the newest records of every shown partition; call after clearing the rows
    void syncTail(); // a new snapshot: rows retention deleted go, new records are asked for
    void requestTail(int partition);
    void onTailPage(int partition, const engine::MessagePage &page);
    void clearTail(); // no signals
    int logRowCount() const;
    QVariant cell(const engine::MessageRow &row, int column, int role) const;
    // __consumer_offsets records decoded to text (key alone, or the whole record); empty for any other topic.
    QString decodedOffsetsRecord(const engine::MessageRow &row, bool whole) const;

    QPointer<engine::ClusterClient> m_client;
    QString m_topic;
    int m_partition = -1;
    QString m_filter;
    BytesFormat m_format = BytesFormat::Text;
    QList<Segment> m_segments;
    qint64 m_windowStart = 0; // log mode: position of row 0 in the laid-out logs
    qint64 m_windowRows = 0;
    // Mutable: data() is const but loads pages on demand.
    mutable QHash<PageKey, Page> m_pages;
    mutable QHash<quint64, PageKey> m_pending; // request id -> page
    mutable QSet<PageKey> m_pendingKeys;
    mutable quint64 m_useCounter = 0;
    // Filter mode.
    QList<engine::MessageRow> m_matches;
    Order m_order = Order::Log;
    // Time order: the rows, where each partition reads on, and the request in flight per partition.
    QList<engine::MessageRow> m_tail;
    QHash<int, qint64> m_tailNext;
    QHash<quint64, int> m_tailRequests;
    int m_scanSegment = 0;
    qint64 m_scanOffset = 0;
    quint64 m_scanRequest = 0;
};

} // namespace topicscope::ui
