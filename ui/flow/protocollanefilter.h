#pragma once

#include <QSortFilterProxyModel>

namespace topicscope::ui {

class ProtocolLaneModel;

// The rows of a ProtocolLaneModel a person asked to see: one connection's (or all), those matching the filter text
// (client id, address, API, group, member, key fields, error), errors only. Never sorts: the lane reads top to
// bottom in time. GUI thread.
class ProtocolLaneFilter : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ProtocolLaneFilter(QObject *parent = nullptr);

    void setLaneModel(ProtocolLaneModel *model);
    void setText(const QString &text);
    QString text() const { return m_text; }
    void setErrorsOnly(bool on);
    bool errorsOnly() const { return m_errorsOnly; }
    // 0 = every connection.
    void setConnectionId(quint64 connectionId);
    quint64 connectionId() const { return m_connectionId; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    ProtocolLaneModel *m_lane = nullptr;
    QString m_text;
    bool m_errorsOnly = false;
    quint64 m_connectionId = 0;
};

} // namespace topicscope::ui
