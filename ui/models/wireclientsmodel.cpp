#include "wireclientsmodel.h"

#include "flowpalette.h"
#include "format.h"

#include <QGuiApplication>
#include <QPalette>

namespace topicscope::ui {

void WireClientsModel::setSnapshot(const engine::BrokerSnapshot &snapshot)
{
    setRows(snapshot.wireClients);
}

QString WireClientsModel::displayName(const engine::WireClient &client)
{
    return client.clientId.isEmpty() ? tr("(no client.id)") : client.clientId;
}

QString WireClientsModel::rolesText(const engine::WireClient &client)
{
    QStringList roles;
    if (client.produces)
        roles << tr("produces");
    if (client.fetches)
        roles << tr("fetches");
    if (!client.groupId.isEmpty())
        roles << tr("member of %1").arg(client.groupId);
    if (client.admin)
        roles << tr("admin");
    return roles.isEmpty() ? QStringLiteral("—") : roles.join(QStringLiteral(", "));
}

QString WireClientsModel::versionsText(const engine::WireClient &client)
{
    QStringList versions;
    for (const engine::WireApiVersion &v : client.apiVersions)
        versions << QStringLiteral("%1 v%2").arg(v.api).arg(v.version);
    return versions.isEmpty() ? QStringLiteral("—") : versions.join(QStringLiteral(", "));
}

QString WireClientsModel::lastErrorText(const engine::WireClient &client)
{
    if (client.lastErrorMs <= 0)
        return QStringLiteral("—");
    // To the second: the milliseconds are in the tooltip and the lane.
    return tr("%1: %2 at %3")
        .arg(client.lastErrorApi, engine::errorName(client.lastError), format::timeOfDay(client.lastErrorMs).left(8));
}

QVariant WireClientsModel::cell(const engine::WireClient &row, int column, int role) const
{
    switch (role) {
    case ConnectionRole:
        return row.connectionId;
    case HasErrorRole:
        return row.lastErrorMs > 0;
    case Qt::ToolTipRole:
        return toolTip(row, column);
    case Qt::ForegroundRole:
        if (column == LastError && row.lastErrorMs > 0)
            return FlowPalette::fromWidgetPalette(QGuiApplication::palette(), false).failure;
        if (column == ClientId && row.clientId.isEmpty())
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case Qt::DisplayRole:
    case SortRole:
        break;
    default:
        return {};
    }
    const bool display = role == Qt::DisplayRole;
    switch (Column(column)) {
    case ClientId:
        return display ? displayName(row) : row.clientId;
    case Address:
        return display ? row.peer : QVariant(row.connectionId);
    case Roles:
        return rolesText(row);
    case RequestRate:
        return display ? format::rate(row.requestsPerSecond) : QVariant(row.requestsPerSecond);
    case BytesInRate:
        return display ? (row.bytesInPerSecond > 0 ? format::bytesSize(qRound64(row.bytesInPerSecond)) + tr("/s")
                                                   : QStringLiteral("—"))
                       : QVariant(row.bytesInPerSecond);
    case BytesOutRate:
        return display ? (row.bytesOutPerSecond > 0 ? format::bytesSize(qRound64(row.bytesOutPerSecond)) + tr("/s")
                                                    : QStringLiteral("—"))
                       : QVariant(row.bytesOutPerSecond);
    case ApiVersions:
        return versionsText(row);
    case LastError:
        return display ? lastErrorText(row) : QVariant(row.lastErrorMs);
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WireClientsModel::toolTip(const engine::WireClient &row, int column) const
{
    switch (Column(column)) {
    case ClientId:
    case Address:
        return tr("Connection %1 from %2, since %3: %4 requests, %5 in, %6 out")
            .arg(row.connectionId)
            .arg(row.peer, format::timeOfDay(row.connectedSinceMs), format::count(row.requests),
                format::bytesSize(row.bytesIn), format::bytesSize(row.bytesOut));
    case Roles:
        if (!row.groupId.isEmpty())
            return tr("Member %1 of group %2, generation %3").arg(row.memberId, row.groupId).arg(row.generation);
        return {};
    case ApiVersions: {
        QStringList lines;
        for (const engine::WireApiVersion &v : row.apiVersions)
            lines << tr("%1 (key %2): version %3").arg(v.api).arg(v.apiKey).arg(v.version);
        return lines.join(QLatin1Char('\n'));
    }
    case RequestRate:
    case BytesInRate:
    case BytesOutRate:
        return tr("Over the last few seconds; %1 requests since the client connected").arg(format::count(row.requests));
    case LastError:
        if (row.lastErrorMs > 0)
            return tr("%1 answered %2 at %3")
                .arg(row.lastErrorApi, engine::errorName(row.lastError), format::timestamp(row.lastErrorMs));
        return {};
    case ColumnCount:
        break;
    }
    return {};
}

QVariant WireClientsModel::header(int column, int role) const
{
    if (role != Qt::DisplayRole)
        return {};
    static const char *const names[]
        = {QT_TR_NOOP("Client id"), QT_TR_NOOP("Address"), QT_TR_NOOP("Roles"), QT_TR_NOOP("Requests"),
            QT_TR_NOOP("Bytes in"), QT_TR_NOOP("Bytes out"), QT_TR_NOOP("API versions"), QT_TR_NOOP("Last error")};
    return tr(names[column]);
}

} // namespace topicscope::ui
