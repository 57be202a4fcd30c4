#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

// The Kafka clients connected to the broker's listener, one row per connection, named by client.id: what the
// broker saw each do (roles, request and byte rates, the API versions it uses, its last error). Rows keep the
// snapshot's order (by connection id); a closed connection's row goes. GUI thread.
class WireClientsModel : public KeyedTableModel<engine::WireClient, quint64> {
    Q_OBJECT
public:
    enum Column {
        ClientId,
        Address,
        Roles,
        RequestRate,
        BytesInRate,
        BytesOutRate,
        ApiVersions,
        LastError,
        ColumnCount
    };
    enum Role {
        // SortRole (Qt::UserRole, format.h) answers the raw value of every column.
        ConnectionRole = Qt::UserRole + 1, // quint64, any column
        HasErrorRole, // bool, any column
    };
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const engine::BrokerSnapshot &snapshot);

    // "produces, fetches, member of g, admin", "—" when it did none of these.
    static QString rolesText(const engine::WireClient &client);
    // "Produce v9, Metadata v12" in API key order.
    static QString versionsText(const engine::WireClient &client);
    // "JoinGroup: REBALANCE_IN_PROGRESS at 12:03:04", "—" when none.
    static QString lastErrorText(const engine::WireClient &client);
    // client.id, or "(no client.id)".
    static QString displayName(const engine::WireClient &client);

protected:
    quint64 keyOf(const engine::WireClient &row) const override { return row.connectionId; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const engine::WireClient &row, int column, int role) const override;
    QVariant header(int column, int role) const override;

private:
    QVariant toolTip(const engine::WireClient &row, int column) const;
};

} // namespace topicscope::ui
