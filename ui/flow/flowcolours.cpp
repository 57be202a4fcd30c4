#include "flowcolours.h"

#include "flowpalette.h"

#include <algorithm>

namespace topicscope::ui {

void FlowColours::reset()
{
    *this = FlowColours();
}

void FlowColours::update(const engine::FlowSnapshot &snapshot)
{
    if (m_started && snapshot.loadId != m_loadId)
        reset();
    m_started = true;
    m_loadId = snapshot.loadId;

    for (const engine::FlowConsumer &c : snapshot.consumers)
        noteConsumer(c.id);
    for (const engine::FlowGroup &g : snapshot.groups) {
        for (const QString &owner : g.owners)
            noteConsumer(owner);
    }
    for (const engine::ScenarioOwnership &o : snapshot.ownership)
        noteConsumer(o.consumer);
    for (const engine::ScenarioRebalance &r : snapshot.rebalances) {
        for (auto it = r.assignment.cbegin(); it != r.assignment.cend(); ++it)
            noteConsumer(it.key());
    }

    // Keys in the order they were produced: the cells of every partition merged by the time they were appended,
    // then the movements (a record may already have left the shown tail).
    struct Seen {
        qint64 timeMs;
        int order;
        const std::optional<QString> *key;
        const QString *producer;
    };
    // Only what is news is sorted: at 30 snapshots a second almost every record is known already.
    const auto isNews = [this](const std::optional<QString> &key, const QString &producer) {
        if (!key)
            return !producer.isEmpty() && !m_nullKeyProducers.contains(producer);
        return !m_keyIndex.contains(*key) || (!producer.isEmpty() && !m_producerKeys.value(producer).contains(*key));
    };
    QList<Seen> seen;
    for (const engine::FlowTopic &t : snapshot.topics) {
        for (const engine::FlowPartition &p : t.partitions) {
            for (const engine::FlowRecordCell &cell : p.tail) {
                if (isNews(cell.key, cell.producer))
                    seen.append({cell.timeMs, int(seen.size()), &cell.key, &cell.producer});
            }
        }
    }
    for (const engine::FlowMovement &m : snapshot.movements) {
        if (m.kind == engine::FlowMovement::Kind::Produced && isNews(m.key, m.client))
            seen.append({m.timeMs, int(seen.size()), &m.key, &m.client});
    }
    std::sort(seen.begin(), seen.end(),
        [](const Seen &a, const Seen &b) { return a.timeMs != b.timeMs ? a.timeMs < b.timeMs : a.order < b.order; });
    for (const Seen &s : std::as_const(seen)) {
        if (!*s.key) {
            if (!s.producer->isEmpty())
                m_nullKeyProducers.insert(*s.producer);
            continue;
        }
        noteKey(**s.key);
        if (!s.producer->isEmpty()) {
            QStringList &keys = m_producerKeys[*s.producer];
            if (!keys.contains(**s.key))
                keys.append(**s.key);
        }
    }
}

void FlowColours::noteConsumer(const QString &consumer)
{
    if (consumer.isEmpty() || m_consumerIndex.contains(consumer))
        return;
    m_consumerIndex.insert(consumer, int(m_consumers.size()));
    m_consumers.append(consumer);
}

void FlowColours::noteKey(const QString &key)
{
    if (m_keyIndex.contains(key))
        return;
    m_keyIndex.insert(key, int(m_keys.size()));
    m_keys.append(key);
}

QColor FlowColours::consumerColor(const QString &consumer) const
{
    const int index = consumerIndex(consumer);
    return index < 0 ? QColor(QRgb(0x9aa0a6)) : FlowPalette::consumerColorAt(index);
}

QColor FlowColours::keyColor(const std::optional<QString> &key, const FlowPalette &palette) const
{
    if (!key)
        return palette.keyColor(std::nullopt);
    const int index = keyIndex(*key);
    return index < 0 ? palette.keyColor(key) : palette.keyColorAt(index);
}

} // namespace topicscope::ui
