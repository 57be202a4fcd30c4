#pragma once

#include "wireexchange.h"

#include <QAbstractTableModel>
#include <deque>

namespace topicscope::ui {

// The protocol lane's rows: the newest exchanges between wire clients and the broker, oldest first, bounded (the
// oldest rows go when more arrive than the capacity holds). Fed by append() with each snapshot's exchanges; knows
// nothing of where they come from, so the explorer and the flow view can both show one. GUI thread.
class ProtocolLaneModel : public QAbstractTableModel {
    Q_OBJECT
public:
    static constexpr int DefaultCapacity = 5000;

    enum Column { Time, Client, Api, Details, Latency, Error, ColumnCount };
    enum Role {
        // SortRole (Qt::UserRole, format.h) answers the raw value of every column.
        ConnectionRole = Qt::UserRole + 1, // quint64, any column
        IsErrorRole, // bool, any column
        SequenceRole, // quint64 exchange sequence, any column
    };

    explicit ProtocolLaneModel(QObject *parent = nullptr, int capacity = DefaultCapacity);

    void append(const QList<engine::WireExchange> &exchanges);
    void clear();
    int capacity() const { return m_capacity; }
    // Rows that left the lane because newer ones needed the room, since the last clear().
    qint64 evicted() const { return m_evicted; }
    const engine::WireExchange &exchangeAt(int row) const { return m_rows.at(size_t(row)); }

    // "kafka-python-1 (127.0.0.1:5443)", or the address alone when the client sent no client.id.
    static QString clientText(const engine::WireExchange &e);
    // "JoinGroup v5".
    static QString apiText(const engine::WireExchange &e);
    // Whether the text box's filter matches: client id, address, API, group, member id, summary or error.
    static bool matches(const engine::WireExchange &e, const QString &text);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    QVariant display(const engine::WireExchange &e, int column) const;

    std::deque<engine::WireExchange> m_rows; // front = oldest
    int m_capacity;
    qint64 m_evicted = 0;
};

} // namespace topicscope::ui
