#pragma once

#include "brokersnapshot.h"
#include "keyedtablemodel.h"

namespace topicscope::ui {

struct BrokerRow {
    engine::BrokerNode node;
    bool isController = false; // the broker says so, or the cluster's controllerId names it
    int leaderOf = 0; // partitions it leads, over every topic (internal ones too)
};

// The brokers of a remote cluster, one row per broker, from the snapshots (the embedded broker's list none): where
// each is, which one is the controller, how our connection to it stands and how many partitions it leads. Rows keep
// the snapshot's order (by id). GUI thread.
class BrokersModel : public KeyedTableModel<BrokerRow, int> {
    Q_OBJECT
public:
    enum Column { Id, Address, Rack, Controller, Connection, LeaderOf, ColumnCount };
    enum Role {
        // SortRole (Qt::UserRole, format.h) answers the raw value of every column.
        ConnectionDownRole = Qt::UserRole + 1, // bool, any column: the client lost its connection to it
    };
    using KeyedTableModel::KeyedTableModel;

    void setSnapshot(const engine::BrokerSnapshot &snapshot);
    static QList<BrokerRow> rowsOf(const engine::BrokerSnapshot &snapshot);

    // The client library's connection state in plain words: "UP" -> "up", "DOWN" -> "down", "INIT" -> "not
    // connected", the handshake states -> "connecting", "" -> "—"; anything else as it is, in lower case.
    static QString connectionText(const QString &state);
    static bool isDown(const QString &state) { return state == QLatin1String("DOWN"); }
    static bool isConnecting(const QString &state); // between trying and being up: the handshakes
    // "host:port".
    static QString address(const engine::BrokerNode &node);

protected:
    int keyOf(const BrokerRow &row) const override { return row.node.id; }
    int columns() const override { return ColumnCount; }
    QVariant cell(const BrokerRow &row, int column, int role) const override;
    QVariant header(int column, int role) const override;
};

} // namespace topicscope::ui
