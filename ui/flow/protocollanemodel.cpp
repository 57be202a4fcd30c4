#include "protocollanemodel.h"

#include "flowpalette.h"
#include "format.h"

#include <QGuiApplication>
#include <QPalette>

namespace topicscope::ui {

ProtocolLaneModel::ProtocolLaneModel(QObject *parent, int capacity)
    : QAbstractTableModel(parent)
    , m_capacity(std::max(1, capacity))
{ }

void ProtocolLaneModel::append(const QList<engine::WireExchange> &exchanges)
{
    if (exchanges.isEmpty())
        return;
    // Only the newest capacity() of a batch can stay; of the rows already here, as many go as the batch needs.
    const qsizetype firstKept = std::max<qsizetype>(0, exchanges.size() - m_capacity);
    const auto incoming = int(exchanges.size() - firstKept);
    m_evicted += firstKept;
    const int overflow = int(m_rows.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, overflow - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + overflow);
        m_evicted += overflow;
        endRemoveRows();
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + incoming - 1);
    m_rows.insert(m_rows.end(), exchanges.cbegin() + firstKept, exchanges.cend());
    endInsertRows();
}

void ProtocolLaneModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_evicted = 0;
    endResetModel();
}

QString ProtocolLaneModel::clientText(const engine::WireExchange &e)
{
    if (e.clientId.isEmpty())
        return e.peer;
    return QStringLiteral("%1 (%2)").arg(e.clientId, e.peer);
}

QString ProtocolLaneModel::apiText(const engine::WireExchange &e)
{
    return QStringLiteral("%1 v%2").arg(e.api).arg(e.apiVersion);
}

bool ProtocolLaneModel::matches(const engine::WireExchange &e, const QString &text)
{
    if (text.isEmpty())
        return true;
    const auto has = [&text](const QString &field) { return field.contains(text, Qt::CaseInsensitive); };
    return has(e.clientId) || has(e.peer) || has(e.api) || has(e.group) || has(e.memberId) || has(e.summary)
        || (e.error != engine::ErrorCode::None && has(engine::errorName(e.error)));
}

int ProtocolLaneModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ProtocolLaneModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProtocolLaneModel::display(const engine::WireExchange &e, int column) const
{
    switch (Column(column)) {
    case Time:
        return format::timeOfDay(e.receivedMs);
    case Client:
        return clientText(e);
    case Api:
        return apiText(e);
    case Details:
        return e.summary;
    case Latency:
        return tr("%1 ms").arg(e.answeredMs - e.receivedMs);
    case Error:
        return e.error == engine::ErrorCode::None ? QString() : engine::errorName(e.error);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant ProtocolLaneModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const engine::WireExchange &e = m_rows.at(size_t(index.row()));
    const bool isError = e.error != engine::ErrorCode::None;
    switch (role) {
    case Qt::DisplayRole:
        return display(e, index.column());
    case SortRole:
        switch (Column(index.column())) {
        case Time:
            return e.receivedMs;
        case Latency:
            return e.answeredMs - e.receivedMs;
        case Error:
            return int(e.error);
        default:
            return display(e, index.column());
        }
    case ConnectionRole:
        return e.connectionId;
    case IsErrorRole:
        return isError;
    case SequenceRole:
        return e.sequence;
    case Qt::ForegroundRole:
        // Read from the palette each time: the theme can change while the lane is up.
        if (isError && index.column() == Error)
            return FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false).failure;
        return {};
    case Qt::BackgroundRole:
        if (isError) {
            QColor fill = FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false).failure;
            fill.setAlpha(48);
            return fill;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Latency)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Details && !e.summary.isEmpty())
            return e.summary; // a long one is elided in its cell
        return tr("Connection %1, correlation id %2: request %3, answer %4")
            .arg(e.connectionId)
            .arg(e.correlationId)
            .arg(format::bytesSize(e.requestBytes),
                e.responseBytes > 0 ? format::bytesSize(e.responseBytes) : tr("none (acks=0)"));
    default:
        return {};
    }
}

QVariant ProtocolLaneModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole || section < 0 || section >= ColumnCount)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Time"), QT_TR_NOOP("Client"), QT_TR_NOOP("API"),
        QT_TR_NOOP("Key fields"), QT_TR_NOOP("Latency"), QT_TR_NOOP("Error")};
    return tr(names[section]);
}

} // namespace topicscope::ui
