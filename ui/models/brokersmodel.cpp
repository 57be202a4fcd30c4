#include "brokersmodel.h"

#include "flowpalette.h"
#include "format.h" // SortRole

#include <QGuiApplication>
#include <QHash>
#include <QPalette>

namespace topicscope::ui {

QList<BrokerRow> BrokersModel::rowsOf(const engine::BrokerSnapshot &snapshot)
{
    QHash<int, int> led;
    for (const engine::TopicInfo &t : snapshot.topics) {
        for (const engine::PartitionInfo &p : t.partitions) {
            if (p.leader >= 0)
                ++led[p.leader];
        }
    }
    QList<BrokerRow> rows;
    for (const engine::BrokerNode &b : snapshot.brokers)
        rows.append({b, b.isController || (b.id >= 0 && b.id == snapshot.controllerId), led.value(b.id)});
    return rows;
}

void BrokersModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    setRows(rowsOf(snapshot));
}

QString BrokersModel::connectionText(const QString &state)
{
    if (state.isEmpty())
        return QStringLiteral("—");
    if (state == QLatin1String("UP") || state == QLatin1String("UPDATE"))
        return tr("up");
    if (isDown(state))
        return tr("down");
    if (state == QLatin1String("INIT"))
        return tr("not connected");
    if (isConnecting(state))
        return tr("connecting");
    return state.toLower();
}

bool BrokersModel::isConnecting(const QString &state)
{
    static const QStringList handshake {QStringLiteral("TRY_CONNECT"), QStringLiteral("CONNECT"),
        QStringLiteral("SSL_HANDSHAKE"), QStringLiteral("AUTH_LEGACY"), QStringLiteral("AUTH_HANDSHAKE"),
        QStringLiteral("AUTH_REQ"), QStringLiteral("APIVERSION_QUERY"), QStringLiteral("REAUTH")};
    return handshake.contains(state);
}

QString BrokersModel::address(const engine::BrokerNode &node)
{
    return QStringLiteral("%1:%2").arg(node.host).arg(node.port);
}

QVariant BrokersModel::cell(const BrokerRow &row, int column, int role) const
{
    switch (role) {
    case ConnectionDownRole:
        return isDown(row.node.connectionState);
    case Qt::TextAlignmentRole:
        return column == Id || column == LeaderOf ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case Qt::ToolTipRole:
        if (column == Connection && !row.node.connectionState.isEmpty())
            return tr("Topicscope's connection to broker %1: %2").arg(row.node.id).arg(row.node.connectionState);
        if (column == Controller && row.isController)
            return tr("The controller manages the cluster: partition leaders, topics and brokers joining.");
        return {};
    case Qt::ForegroundRole: {
        if (column != Connection)
            return {};
        const FlowPalette palette = FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false);
        if (isDown(row.node.connectionState))
            return palette.failure;
        if (isConnecting(row.node.connectionState))
            return palette.lost;
        return {};
    }
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (Column(column)) {
    case Id:
        return row.node.id;
    case Address:
        return address(row.node);
    case Rack:
        return display && row.node.rack.isEmpty() ? QStringLiteral("—") : row.node.rack;
    case Controller:
        return display ? (row.isController ? tr("yes") : QStringLiteral("—")) : QVariant(row.isController);
    case Connection:
        return display ? connectionText(row.node.connectionState) : row.node.connectionState;
    case LeaderOf:
        return display ? QVariant(tr("%n partition(s)", nullptr, row.leaderOf)) : QVariant(row.leaderOf);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant BrokersModel::header(int column, int role) const
{
    if (role == Qt::ToolTipRole && column == LeaderOf)
        return tr("Partitions this broker leads, over every topic: producers and consumers talk to the leader");
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[] = {QT_TR_NOOP("Broker"), QT_TR_NOOP("Address"), QT_TR_NOOP("Rack"),
        QT_TR_NOOP("Controller"), QT_TR_NOOP("Connection"), QT_TR_NOOP("Leader of")};
    return tr(names[column]);
}

} // namespace topicscope::ui
