#include "messagemodel.h"

#include "clusterclient.h"
#include "consumeroffsetsrecords.h"

#include <QFontDatabase>

namespace topicscope::ui {

namespace {

// Time order: by timestamp, ties by partition then offset, so that the order is total and stable.
bool timeLess(const engine::MessageRow &a, const engine::MessageRow &b)
{
    return std::tie(a.timestamp, a.partition, a.offset) < std::tie(b.timestamp, b.partition, b.offset);
}

} // namespace

MessageModel::MessageModel(engine::ClusterClient *client, QObject *parent)
    : QAbstractTableModel(parent)
    , m_client(client)
{
    connect(client, &engine::ClusterClient::messagesFetched, this, &MessageModel::onPage);
}

QList<MessageModel::Segment> MessageModel::segmentsOf(const engine::BrokerSnapshot &snapshot) const
{
    QList<Segment> segments;
    for (const engine::TopicInfo &t : snapshot.topics) {
        if (t.name != m_topic)
            continue;
        for (const engine::PartitionInfo &p : t.partitions) {
            if (m_partition < 0 || p.partition == m_partition)
                segments.append({p.partition, p.logStartOffset, p.logEndOffset});
        }
    }
    return segments;
}

void MessageModel::setSource(const QString &topic, int partition, const engine::BrokerSnapshot &snapshot)
{
    reloadRows([&] {
        m_topic = topic;
        m_partition = partition;
        m_pages.clear();
        m_pending.clear();
        m_pendingKeys.clear();
        m_segments = segmentsOf(snapshot);
        m_windowStart = 0;
    });
}

void MessageModel::reloadRows(const std::function<void()> &change)
{
    beginResetModel();
    change();
    clearTail();
    restartScan();
    clampWindow();
    endResetModel();
    if (timeOrdered())
        startTail();
    else if (filtering())
        scanNext();
}

engine::MessageQuery MessageModel::query(int partition, qint64 offset, const QString &filter) const
{
    engine::MessageQuery q;
    q.topic = m_topic;
    q.partition = partition;
    q.offset = offset;
    q.maxRecords = PageSize;
    q.filter = filter;
    return q;
}

void MessageModel::restartScan()
{
    m_matches.clear();
    m_scanRequest = 0;
    m_scanSegment = 0;
    m_scanOffset = m_segments.isEmpty() ? 0 : m_segments.first().start;
}

void MessageModel::setOrder(Order order)
{
    if (order != m_order)
        reloadRows([&] { m_order = order; });
}

void MessageModel::setFilter(const QString &filter)
{
    if (filter != m_filter)
        reloadRows([&] { m_filter = filter; });
}

void MessageModel::setBytesFormat(BytesFormat format)
{
    if (format == m_format)
        return;
    m_format = format;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Key), index(rowCount() - 1, Value));
}

void MessageModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    applySegments(segmentsOf(snapshot));
}

qint64 MessageModel::totalOf(const QList<Segment> &segments)
{
    qint64 n = 0;
    for (const Segment &seg : segments)
        n += seg.rows();
    return n;
}

qint64 MessageModel::totalRows() const
{
    return totalOf(m_segments);
}

void MessageModel::clampWindow()
{
    const qint64 total = totalRows();
    m_windowStart = std::clamp<qint64>(m_windowStart, 0, std::max<qint64>(0, total - MaxWindowRows));
    m_windowRows = std::min<qint64>(MaxWindowRows, total - m_windowStart);
}

void MessageModel::moveWindowTo(qint64 start)
{
    beginResetModel();
    m_windowStart = start;
    clampWindow();
    endResetModel();
}

void MessageModel::removeVirtual(qint64 at, qint64 count, const std::function<void()> &mutate)
{
    const qint64 end = m_windowStart + m_windowRows;
    const qint64 before = std::clamp<qint64>(m_windowStart - at, 0, count); // removed ahead of the window
    const qint64 first = std::max(at, m_windowStart);
    const qint64 inside = std::min(at + count, end) - first;
    if (inside > 0) {
        beginRemoveRows({}, int(first - m_windowStart), int(first - m_windowStart + inside - 1));
        mutate();
        m_windowStart -= before;
        m_windowRows -= inside;
        endRemoveRows();
    } else {
        mutate();
        m_windowStart -= before;
    }
}

void MessageModel::insertVirtual(qint64 at, qint64 count, bool following, const std::function<void()> &mutate)
{
    const qint64 end = m_windowStart + m_windowRows;
    if (at < m_windowStart || (at == m_windowStart && m_windowStart > 0)) { // ahead of the window: it moves along
        mutate();
        m_windowStart += count;
    } else if (at < end || (at == end && following)) {
        if (m_windowRows + count > MaxWindowRows + MaxWindowRows / 2) {
            // A burst bigger than the window (a view that was hidden for long): show the newest records at once
            // instead of inserting rows only to drop them again.
            beginResetModel();
            mutate();
            m_windowStart = totalRows();
            clampWindow();
            endResetModel();
            return;
        }
        beginInsertRows({}, int(at - m_windowStart), int(at - m_windowStart + count - 1));
        mutate();
        m_windowRows += count;
        endInsertRows();
    } else { // beyond a window that does not follow the end
        mutate();
    }
}

void MessageModel::applySegments(const QList<Segment> &next)
{
    if (timeOrdered()) {
        m_segments = next;
        syncTail();
        return;
    }
    if (filtering()) {
        m_segments = next;
        return;
    }
    bool compatible = next.size() >= m_segments.size();
    for (qsizetype i = 0; compatible && i < m_segments.size(); ++i) {
        const Segment &a = m_segments.at(i);
        const Segment &b = next.at(i);
        compatible = a.partition == b.partition && b.start >= a.start && b.end >= a.end;
    }
    // The window follows the end when it shows the newest record (live tail), and then keeps doing so.
    const bool following = m_windowStart + m_windowRows >= totalRows();
    if (!compatible) { // topic deleted and re-created, or a log truncated: a real reload
        beginResetModel();
        m_segments = next;
        m_pages.clear();
        if (following)
            m_windowStart = totalRows();
        clampWindow();
        endResetModel();
        return;
    }
    qint64 base = 0;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const Segment to = next.at(i);
        if (to.start > m_segments.at(i).start) { // retention or DeleteRecords moved the log start
            const Segment cur = m_segments.at(i);
            const qint64 gone = std::min(to.start, cur.end) - cur.start;
            removeVirtual(base, gone, [&] {
                Segment &seg = m_segments[i];
                seg.start = to.start;
                seg.end = std::max(seg.end, seg.start);
            });
        }
        const Segment cur = m_segments.at(i);
        if (to.end > cur.end) // new records: live tail
            insertVirtual(base + cur.rows(), to.end - cur.end, following, [&] { m_segments[i].end = to.end; });
        base += m_segments.at(i).rows();
    }
    for (qsizetype i = m_segments.size(); i < next.size(); ++i) { // partitions added
        const Segment s = next.at(i);
        if (s.rows() > 0)
            insertVirtual(base, s.rows(), following, [&] { m_segments.append(s); });
        else
            m_segments.append(s);
        base += s.rows();
    }
    // Keep the window's size: a following window lets its oldest rows go, another one its newest.
    if (m_windowRows > MaxWindowRows) {
        const qint64 excess = m_windowRows - MaxWindowRows;
        if (following) {
            beginRemoveRows({}, 0, int(excess - 1));
            m_windowStart += excess;
            m_windowRows -= excess;
        } else {
            beginRemoveRows({}, MaxWindowRows, int(m_windowRows - 1));
            m_windowRows = MaxWindowRows;
        }
        endRemoveRows();
    }
}

int MessageModel::reveal(int partition, qint64 offset)
{
    if (filtering() || timeOrdered())
        return rowForOffset(partition, offset);
    const qint64 v = virtualRowFor(partition, offset);
    if (v < 0)
        return -1;
    if (v < m_windowStart || v >= m_windowStart + m_windowRows)
        moveWindowTo(v - MaxWindowRows / 2);
    return int(v - m_windowStart);
}

int MessageModel::revealStart()
{
    if (!filtering() && !timeOrdered() && m_windowStart > 0)
        moveWindowTo(0);
    return rowCount() > 0 ? 0 : -1;
}

int MessageModel::revealEnd()
{
    if (!filtering() && !timeOrdered() && m_windowStart + m_windowRows < totalRows())
        moveWindowTo(totalRows());
    return rowCount() - 1;
}

qint64 MessageModel::shiftWindow(qint64 rows)
{
    if (filtering() || timeOrdered())
        return 0;
    const qint64 total = totalRows();
    const qint64 target = std::clamp<qint64>(m_windowStart + rows, 0, std::max<qint64>(0, total - MaxWindowRows));
    const qint64 moved = target - m_windowStart;
    if (moved == 0)
        return 0;
    const qint64 n = std::min<qint64>(std::abs(moved), m_windowRows);
    if (n < std::abs(moved) || n == m_windowRows) { // no overlap with the old window
        moveWindowTo(target);
        return moved;
    }
    if (moved > 0) {
        beginRemoveRows({}, 0, int(n - 1));
        m_windowStart += n;
        m_windowRows -= n;
        endRemoveRows();
        const qint64 add = std::min<qint64>(n, total - (m_windowStart + m_windowRows));
        if (add > 0) {
            beginInsertRows({}, int(m_windowRows), int(m_windowRows + add - 1));
            m_windowRows += add;
            endInsertRows();
        }
    } else {
        beginRemoveRows({}, int(m_windowRows - n), int(m_windowRows - 1));
        m_windowRows -= n;
        endRemoveRows();
        beginInsertRows({}, 0, int(n - 1));
        m_windowStart -= n;
        m_windowRows += n;
        endInsertRows();
    }
    return moved;
}

int MessageModel::logRowCount() const
{
    return int(m_windowRows);
}

int MessageModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    if (timeOrdered())
        return int(m_tail.size());
    return filtering() ? int(m_matches.size()) : logRowCount();
}

int MessageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::pair<int, qint64> MessageModel::locate(int row) const
{
    if (row < 0 || row >= m_windowRows)
        return {-1, -1};
    qint64 r = m_windowStart + row;
    for (qsizetype i = 0; i < m_segments.size(); ++i) {
        const qint64 n = m_segments.at(i).rows();
        if (r < n)
            return {int(i), m_segments.at(i).start + r};
        r -= n;
    }
    return {-1, -1};
}

qint64 MessageModel::virtualRowFor(int partition, qint64 offset) const
{
    qint64 base = 0;
    for (const Segment &seg : m_segments) {
        if (seg.partition == partition) {
            if (seg.rows() == 0)
                return base > 0 ? base - 1 : -1;
            return base + std::clamp(offset, seg.start, seg.end - 1) - seg.start;
        }
        base += seg.rows();
    }
    return -1;
}

int MessageModel::rowForOffset(int partition, qint64 offset) const
{
    if (timeOrdered()) {
        int nearest = -1; // the partition's first row past offset when offset itself is not in the tail
        for (qsizetype i = 0; i < m_tail.size(); ++i) {
            const auto &m = m_tail.at(i);
            if (m.partition == partition && m.offset == offset)
                return int(i);
            if (m.partition == partition && m.offset > offset && nearest < 0)
                nearest = int(i);
        }
        return nearest;
    }
    if (filtering()) {
        for (qsizetype i = 0; i < m_matches.size(); ++i) {
            const auto &m = m_matches.at(i);
            if (m.partition == partition && m.offset >= offset)
                return int(i);
        }
        return -1;
    }
    const qint64 v = virtualRowFor(partition, offset);
    if (v < 0 || m_windowRows == 0)
        return -1;
    return int(std::clamp<qint64>(v - m_windowStart, 0, m_windowRows - 1));
}

const engine::MessageRow *MessageModel::lookup(int partition, qint64 offset) const
{
    const PageKey key {partition, offset / PageSize};
    auto it = m_pages.find(key);
    if (it == m_pages.end()) {
        request(key);
        return nullptr;
    }
    const qint64 i = offset - it->firstOffset;
    if (i < 0 || i >= it->rows.size() || it->rows.at(i).offset != offset) {
        // A page fetched while the log ended inside it: the newer records need the page again.
        request(key);
        return nullptr;
    }
    it->lastUsed = ++m_useCounter;
    return &it->rows.at(i);
}

void MessageModel::request(const PageKey &key) const
{
    if (m_pendingKeys.contains(key) || !m_client)
        return;
    m_pendingKeys.insert(key);
    m_pending.insert(m_client->fetchMessages(query(key.first, key.second * PageSize, {})), key);
}

void MessageModel::onPage(quint64 requestId, const engine::MessagePage &page)
{
    if (const auto tail = m_tailRequests.find(requestId); tail != m_tailRequests.end()) {
        const int partition = tail.value();
        m_tailRequests.erase(tail);
        onTailPage(partition, page);
        return;
    }
    if (requestId == m_scanRequest) {
        m_scanRequest = 0;
        onScanPage(page);
        return;
    }
    const auto it = m_pending.find(requestId);
    if (it == m_pending.end())
        return; // for an earlier source
    const PageKey key = it.value();
    m_pending.erase(it);
    m_pendingKeys.remove(key);
    if (page.error != 0) {
        Q_EMIT errorOccurred(page.errorMessage);
        return;
    }
    Page p;
    // Only the page's own offsets: a page starts at its aligned offset (or the log start) and stops before the
    // next aligned page.
    const qint64 pageEnd = (key.second + 1) * PageSize;
    for (const engine::MessageRow &row : page.rows) {
        if (row.offset < pageEnd)
            p.rows.append(row);
    }
    p.firstOffset = p.rows.isEmpty() ? key.second * PageSize : p.rows.first().offset;
    p.lastUsed = ++m_useCounter;
    m_pages.insert(key, p);
    evict();
    if (filtering() || timeOrdered() || p.rows.isEmpty()) { // no log rows shown: nothing changed on screen
        Q_EMIT pageLoaded();
        return;
    }
    // Only the part of the page inside the window.
    const qint64 first = std::max(virtualRowFor(key.first, p.rows.first().offset) - m_windowStart, qint64(0));
    const qint64 last = std::min(virtualRowFor(key.first, p.rows.last().offset) - m_windowStart, m_windowRows - 1);
    if (virtualRowFor(key.first, p.rows.first().offset) >= 0 && last >= first)
        Q_EMIT dataChanged(index(int(first), 0), index(int(last), ColumnCount - 1));
    Q_EMIT pageLoaded();
}

void MessageModel::evict()
{
    while (m_pages.size() > MaxCachedPages) {
        auto oldest = m_pages.begin();
        for (auto it = m_pages.begin(); it != m_pages.end(); ++it) {
            if (it->lastUsed < oldest->lastUsed)
                oldest = it;
        }
        m_pages.erase(oldest);
    }
}

bool MessageModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || !filtering() || m_scanRequest != 0 || m_matches.size() >= MaxMatches)
        return false;
    return m_scanSegment < m_segments.size();
}

void MessageModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        scanNext();
}

void MessageModel::scanNext()
{
    while (m_scanSegment < m_segments.size() && m_scanOffset >= m_segments.at(m_scanSegment).end) {
        ++m_scanSegment;
        if (m_scanSegment < m_segments.size())
            m_scanOffset = m_segments.at(m_scanSegment).start;
    }
    if (m_scanSegment >= m_segments.size() || !m_client || m_scanRequest != 0)
        return;
    const Segment &seg = m_segments.at(m_scanSegment);
    m_scanRequest = m_client->fetchMessages(query(seg.partition, std::max(m_scanOffset, seg.start), m_filter));
}

void MessageModel::onScanPage(const engine::MessagePage &page)
{
    if (page.query.filter != m_filter || page.query.topic != m_topic)
        return;
    if (page.error != 0) {
        Q_EMIT errorOccurred(page.errorMessage);
        return;
    }
    // The cursor moves first: views may call fetchMore() from the rowsInserted signal below.
    m_scanOffset = page.nextOffset;
    while (m_scanSegment < m_segments.size() && m_scanOffset >= m_segments.at(m_scanSegment).end) {
        ++m_scanSegment;
        if (m_scanSegment < m_segments.size())
            m_scanOffset = m_segments.at(m_scanSegment).start;
    }
    const int room = MaxMatches - int(m_matches.size());
    const int n = std::min<int>(room, int(page.rows.size()));
    if (n > 0) {
        beginInsertRows({}, int(m_matches.size()), int(m_matches.size()) + n - 1);
        m_matches.append(page.rows.mid(0, n));
        endInsertRows();
    }
    Q_EMIT pageLoaded();
    // Keep scanning until a screenful matched; later matches come as the view scrolls (fetchMore).
    if (m_matches.size() < PageSize)
        scanNext();
}

std::optional<engine::MessageRow> MessageModel::messageAt(int row) const
{
    if (row < 0 || row >= rowCount())
        return std::nullopt;
    if (timeOrdered())
        return m_tail.at(row);
    if (filtering())
        return m_matches.at(row);
    const auto [segment, offset] = locate(row);
    if (segment < 0)
        return std::nullopt;
    if (const engine::MessageRow *r = lookup(m_segments.at(segment).partition, offset))
        return *r;
    return std::nullopt;
}

int MessageModel::cachedRecords() const
{
    qsizetype n = m_matches.size() + m_tail.size();
    for (const Page &p : std::as_const(m_pages))
        n += p.rows.size();
    return int(n);
}

QVariant MessageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (role == Qt::TextAlignmentRole)
        return index.column() == Partition || index.column() == Offset || index.column() == Size
            ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
            : QVariant();
    if (role == Qt::FontRole && (index.column() == Key || index.column() == Value) && m_format == BytesFormat::Hex)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role != Qt::DisplayRole && role != SortRole && role != Qt::ToolTipRole)
        return {};
    if (timeOrdered())
        return cell(m_tail.at(index.row()), index.column(), role);
    if (filtering())
        return cell(m_matches.at(index.row()), index.column(), role);
    const auto [segment, offset] = locate(index.row());
    if (segment < 0)
        return {};
    const int partition = m_segments.at(segment).partition;
    // Partition and offset are known from the row alone; the rest waits for the page.
    if (index.column() == Partition && role != Qt::ToolTipRole)
        return partition;
    if (index.column() == Offset && role != Qt::ToolTipRole)
        return offset;
    if (const engine::MessageRow *r = lookup(partition, offset))
        return cell(*r, index.column(), role);
    return role == Qt::DisplayRole ? QVariant(QStringLiteral("…")) : QVariant();
}

void MessageModel::clearTail()
{
    m_tail.clear();
    m_tailNext.clear();
    m_tailRequests.clear(); // answers still on their way are dropped by onPage
}

void MessageModel::startTail()
{
    for (const Segment &seg : std::as_const(m_segments))
        m_tailNext.insert(seg.partition, std::max(seg.start, seg.end - TailBacklog));
    for (const Segment &seg : std::as_const(m_segments))
        requestTail(seg.partition);
}

void MessageModel::syncTail()
{
    QHash<int, qint64> starts;
    for (const Segment &seg : std::as_const(m_segments)) {
        starts.insert(seg.partition, seg.start);
        const auto next = m_tailNext.constFind(seg.partition);
        if (next != m_tailNext.cend() && *next > seg.end) { // topic re-created or log truncated: a real reload
            beginResetModel();
            clearTail();
            endResetModel();
            startTail();
            return;
        }
    }
    // Rows whose partition is gone or whose records retention deleted leave, run by run from the end.
    const auto gone = [&](const engine::MessageRow &r) {
        const auto start = starts.constFind(r.partition);
        return start == starts.cend() || r.offset < *start;
    };
    for (qsizetype last = m_tail.size() - 1; last >= 0; --last) {
        if (!gone(m_tail.at(last)))
            continue;
        qsizetype first = last;
        while (first > 0 && gone(m_tail.at(first - 1)))
            --first;
        beginRemoveRows({}, int(first), int(last));
        m_tail.remove(first, last - first + 1);
        endRemoveRows();
        last = first;
    }
    for (const Segment &seg : std::as_const(m_segments)) {
        qint64 &next = m_tailNext[seg.partition]; // a partition added starts at its beginning
        next = std::max(next, seg.start);
        requestTail(seg.partition);
    }
}

void MessageModel::requestTail(int partition)
{
    if (!m_client)
        return;
    for (const int p : std::as_const(m_tailRequests)) {
        if (p == partition)
            return; // one request per partition in flight: its answer reads on
    }
    const auto seg = std::find_if(
        m_segments.cbegin(), m_segments.cend(), [&](const Segment &s) { return s.partition == partition; });
    if (seg == m_segments.cend())
        return;
    qint64 &next = m_tailNext[partition];
    if (seg->end - next > MaxTailRows)
        next = seg->end - TailBacklog;
    if (next >= seg->end)
        return;
    m_tailRequests.insert(m_client->fetchMessages(query(partition, next, m_filter)), partition);
}

void MessageModel::onTailPage(int partition, const engine::MessagePage &page)
{
    if (page.error != 0) {
        Q_EMIT errorOccurred(page.errorMessage);
        return;
    }
    qint64 &next = m_tailNext[partition];
    QList<engine::MessageRow> rows;
    for (const engine::MessageRow &r : page.rows) {
        if (r.offset >= next) // never a record twice
            rows.append(r);
    }
    next = std::max(next, page.nextOffset);
    std::sort(rows.begin(), rows.end(), timeLess);
    // Insert run by run: the rows that land between the same two rows go in at once (usually all at the end).
    for (qsizetype i = 0; i < rows.size();) {
        const qsizetype at = std::upper_bound(m_tail.cbegin(), m_tail.cend(), rows.at(i), timeLess) - m_tail.cbegin();
        qsizetype j = i + 1;
        while (j < rows.size() && (at == m_tail.size() || timeLess(rows.at(j), m_tail.at(at))))
            ++j;
        beginInsertRows({}, int(at), int(at + (j - i) - 1));
        m_tail = m_tail.mid(0, at) + rows.mid(i, j - i) + m_tail.mid(at);
        endInsertRows();
        i = j;
    }
    if (m_tail.size() > MaxTailRows) { // the oldest go
        beginRemoveRows({}, 0, int(m_tail.size() - MaxTailRows - 1));
        m_tail.remove(0, m_tail.size() - MaxTailRows);
        endRemoveRows();
    }
    requestTail(partition); // reads on while the log is ahead
    Q_EMIT pageLoaded();
}

QString MessageModel::decodedOffsetsRecord(const engine::MessageRow &row, bool whole) const
{
    // The broker's own records read as text; the raw bytes stay one format switch away (Hex, Base64).
    if (m_topic != engine::ConsumerOffsetsRecords::topicName()
        || (m_format != BytesFormat::Text && m_format != BytesFormat::Json))
        return {};
    return whole ? engine::ConsumerOffsetsRecords::describe(row.key, row.value)
                 : engine::ConsumerOffsetsRecords::describeKey(row.key);
}

QVariant MessageModel::cell(const engine::MessageRow &row, int column, int role) const
{
    const bool tooltip = role == Qt::ToolTipRole;
    switch (Column(column)) {
    case Partition:
        return row.partition;
    case Offset:
        return row.offset;
    case Timestamp:
        return role == SortRole ? QVariant(row.timestamp) : QVariant(format::timestamp(row.timestamp));
    case Key:
        if (const QString decoded = decodedOffsetsRecord(row, false); !decoded.isEmpty())
            return decoded;
        return format::bytes(row.key, m_format, !tooltip);
    case Value:
        if (const QString decoded = decodedOffsetsRecord(row, true); !decoded.isEmpty())
            return decoded;
        if (tooltip)
            return format::bytes(row.value, m_format == BytesFormat::Text ? BytesFormat::Json : m_format, false)
                .left(4000);
        return format::bytes(row.value, m_format, true);
    case Headers: {
        QStringList parts;
        for (const engine::RecordHeader &h : row.headers)
            parts.append(QString::fromUtf8(h.key) + QLatin1Char('=') + format::bytes(h.value, BytesFormat::Text, true));
        return parts.join(QStringLiteral(", "));
    }
    case Size:
        return role == SortRole ? QVariant(row.sizeBytes) : QVariant(format::bytesSize(row.sizeBytes));
    case ColumnCount:
        break;
    }
    return {};
}

QVariant MessageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Partition"), QT_TR_NOOP("Offset"), QT_TR_NOOP("Timestamp"),
        QT_TR_NOOP("Key"), QT_TR_NOOP("Value"), QT_TR_NOOP("Headers"), QT_TR_NOOP("Size")};
    return tr(names[section]);
}

} // namespace topicscope::ui
