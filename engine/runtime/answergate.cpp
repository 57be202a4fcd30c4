#include "answergate.h"

#include <QLoggingCategory>
#include <algorithm>

Q_LOGGING_CATEGORY(lcPause, "topicscope.engine.pause")

namespace topicscope::engine {

namespace {

// What a release keeps in hand before the client's own timeout: the answer must still cross the socket and the
// client's timer may have started a little before our receivedMs. A fifth of the timeout, between 0.5 and 5 s.
qint64 safetyMarginMs(qint64 timeoutMs)
{
    return std::clamp<qint64>(timeoutMs / 5, 500, 5000);
}

// "Produce of 'producer-1' at 127.0.0.1:54321: orders-0 +5 @120..124", for the log.
QString describe(const WireExchange &e)
{
    QString text = QStringLiteral("%1 of '%2' at %3").arg(e.api, e.clientId, e.peer);
    if (!e.summary.isEmpty())
        text += QStringLiteral(": ") + e.summary;
    return text;
}

} // namespace

AnswerGate::AnswerGate(Clock &wallClock, qint64 maxHoldMs, QObject *parent)
    : QObject(parent)
    , m_clock(wallClock)
    , m_maxHoldMs(maxHoldMs)
{ }

AnswerGate::~AnswerGate()
{
    for (const Entry &e : std::as_const(m_entries))
        m_clock.cancel(e.timer);
}

qint64 AnswerGate::releaseDeadlineMs(const WireExchange &exchange, qint64 maxHoldMs)
{
    qint64 deadline = exchange.receivedMs + maxHoldMs;
    if (exchange.timeoutMs > 0)
        deadline = std::min(deadline, exchange.receivedMs + exchange.timeoutMs - safetyMarginMs(exchange.timeoutMs));
    return deadline;
}

void AnswerGate::pause()
{
    if (m_state.paused)
        return;
    m_state = {};
    m_state.paused = true;
    m_state.pausedSinceMs = m_clock.nowMs();
    qCInfo(lcPause) << "broker paused";
    Q_EMIT changed();
}

AnswerGate::Entry AnswerGate::take(qsizetype index)
{
    Entry e = m_entries.takeAt(index);
    m_clock.cancel(e.timer);
    return e;
}

std::optional<WireExchange> AnswerGate::step()
{
    if (m_entries.isEmpty())
        return std::nullopt;
    Entry e = take(0);
    ++m_state.stepped;
    qCInfo(lcPause).noquote() << "step:" << describe(e.answer.exchange);
    e.deliver();
    Q_EMIT changed();
    return e.answer.exchange;
}

void AnswerGate::resume()
{
    if (!m_state.paused)
        return;
    // Not paused any more before anything goes out: a delivery that leads to another answer must not be held.
    m_state.paused = false;
    m_state.pausedSinceMs = -1;
    QList<Entry> entries = std::move(m_entries);
    m_entries.clear();
    for (const Entry &e : std::as_const(entries))
        m_clock.cancel(e.timer);
    qCInfo(lcPause) << "broker resumed, releasing" << entries.size() << "held answer(s)";
    for (const Entry &e : std::as_const(entries))
        e.deliver();
    Q_EMIT changed();
}

bool AnswerGate::offer(const WireExchange &exchange, Deliver deliver)
{
    if (!m_state.paused || !exchange.carriesProgress())
        return false;
    Entry e;
    e.key = m_nextKey++;
    e.answer.exchange = exchange;
    e.answer.heldSinceMs = m_clock.nowMs();
    e.answer.releaseAtMs = std::max(e.answer.heldSinceMs, releaseDeadlineMs(exchange, m_maxHoldMs));
    e.deliver = std::move(deliver);
    e.timer = m_clock.schedule(
        e.answer.releaseAtMs - e.answer.heldSinceMs, [this, key = e.key] { releaseByDeadline(key); });
    qCDebug(lcPause).noquote() << "holding" << describe(exchange) << "for at most"
                               << e.answer.releaseAtMs - e.answer.heldSinceMs << "ms";
    m_entries.append(std::move(e));
    Q_EMIT changed();
    return true;
}

void AnswerGate::releaseByDeadline(quint64 key)
{
    const auto it = std::find_if(m_entries.cbegin(), m_entries.cend(), [key](const Entry &e) { return e.key == key; });
    if (it == m_entries.cend())
        return;
    const Entry e = take(it - m_entries.cbegin());
    ++m_state.autoReleased;
    qCInfo(lcPause).noquote() << "released before its client's timeout:" << describe(e.answer.exchange);
    e.deliver();
    Q_EMIT changed();
}

void AnswerGate::dropConnection(quint64 connectionId)
{
    bool any = false;
    for (qsizetype i = m_entries.size() - 1; i >= 0; --i) {
        if (m_entries.at(i).answer.exchange.connectionId != connectionId)
            continue;
        take(i);
        ++m_state.dropped;
        any = true;
    }
    if (any) {
        qCInfo(lcPause) << "connection" << connectionId << "closed: its held answer is dropped";
        Q_EMIT changed();
    }
}

BrokerPauseState AnswerGate::state() const
{
    BrokerPauseState s = m_state;
    for (const Entry &e : m_entries)
        s.held.append(e.answer);
    return s;
}

} // namespace topicscope::engine
