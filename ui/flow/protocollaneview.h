#pragma once

#include "protocollanemodel.h"

#include <QWidget>

class QCheckBox;
class QLineEdit;
class QTableView;

namespace topicscope::ui {

class ElidedLabel;
class ProtocolLaneFilter;

// The protocol lane: a bounded table of the requests wire clients sent and the broker's answers, newest at the
// bottom, following the newest unless the user scrolled up to read. A filter box (client id, API, group, ...) and an
// "errors only" switch narrow it; error answers (REBALANCE_IN_PROGRESS, UNKNOWN_MEMBER_ID, ...) stand out in the
// error colour, so a rebalance reads as its JoinGroup / SyncGroup / Heartbeat sequence. Fed only through append()
// and clear(), so any view can hold one. GUI thread.
class ProtocolLaneView : public QWidget {
    Q_OBJECT
public:
    explicit ProtocolLaneView(QWidget *parent = nullptr, int capacity = ProtocolLaneModel::DefaultCapacity);

    void append(const QList<engine::WireExchange> &exchanges);
    void clear();
    // Exchanges the source left out before they reached the lane (BrokerSnapshot::exchangesDropped): counted in the
    // status line with the ones the lane's bound pushed out.
    void addDropped(qint64 count);
    // Only one connection's exchanges (0 = all).
    void setConnectionId(quint64 connectionId);

    ProtocolLaneModel *model() const { return m_model; }
    ProtocolLaneFilter *filter() const { return m_filter; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filterEdit; }
    QCheckBox *errorsOnlyBox() const { return m_errorsOnly; }
    // True while the newest row is kept in view (the user has not scrolled up).
    bool isFollowing() const { return m_follow; }
    QString statusText() const;

private:
    void updateStatus();
    void followIfFollowing();

    ProtocolLaneModel *m_model;
    ProtocolLaneFilter *m_filter;
    QTableView *m_table;
    QLineEdit *m_filterEdit;
    QCheckBox *m_errorsOnly;
    ElidedLabel *m_status;
    qint64 m_dropped = 0;
    bool m_follow = true;
};

} // namespace topicscope::ui
