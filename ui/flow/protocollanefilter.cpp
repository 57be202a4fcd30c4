#include "protocollanefilter.h"

#include "protocollanemodel.h"

namespace topicscope::ui {

ProtocolLaneFilter::ProtocolLaneFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{ }

void ProtocolLaneFilter::setLaneModel(ProtocolLaneModel *model)
{
    m_lane = model;
    setSourceModel(model);
}

void ProtocolLaneFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void ProtocolLaneFilter::setErrorsOnly(bool on)
{
    if (on == m_errorsOnly)
        return;
    m_errorsOnly = on;
    invalidateFilter();
}

void ProtocolLaneFilter::setConnectionId(quint64 connectionId)
{
    if (connectionId == m_connectionId)
        return;
    m_connectionId = connectionId;
    invalidateFilter();
}

bool ProtocolLaneFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!m_lane || sourceParent.isValid())
        return false;
    // Straight from the exchange, not through data(): this runs for every row appended, up to 10,000 a second.
    const engine::WireExchange &e = m_lane->exchangeAt(sourceRow);
    if (m_connectionId != 0 && e.connectionId != m_connectionId)
        return false;
    if (m_errorsOnly && e.error == engine::ErrorCode::None)
        return false;
    return ProtocolLaneModel::matches(e, m_text);
}

} // namespace topicscope::ui
