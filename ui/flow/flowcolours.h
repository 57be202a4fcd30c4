#pragma once

#include "flowsnapshot.h"

#include <QColor>
#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>
#include <optional>

namespace topicscope::ui {

class FlowPalette;

// Which colour each consumer and each record key of one scenario gets: one mapping for the consumer cards, links,
// carets, ownership bars and their legends, and for the cells, tokens and key legend. Both are handed out in order
// of first appearance, so that the first keys of a scenario get the most distinct colours of a fixed qualitative
// palette. The mapping starts over when a snapshot of another scenario (another title) arrives: nothing leaks from
// one scenario into the next. It also remembers which keys each producer sent, for the producer cards. A plain
// value, any thread.
class FlowColours {
public:
    // Notes the consumers and keys of snapshot that were not seen yet; starts over first when snapshot belongs to
    // another load (FlowSnapshot::loadId) than the ones seen so far: a restart or a change of language keeps them.
    void update(const engine::FlowSnapshot &snapshot);
    void reset();

    const QStringList &consumers() const { return m_consumers; } // in order of first appearance
    const QStringList &keys() const { return m_keys; } // in order of first appearance
    int consumerIndex(const QString &consumer) const { return m_consumerIndex.value(consumer, -1); }
    int keyIndex(const QString &key) const { return m_keyIndex.value(key, -1); }
    // A consumer not seen yet is grey.
    QColor consumerColor(const QString &consumer) const;
    // Null keys are the palette's grey; a key not seen yet falls back to the palette's hashed colour.
    QColor keyColor(const std::optional<QString> &key, const FlowPalette &palette) const;
    // The keys a producer's records carried, in order of first appearance; whether it also sent null keys.
    QStringList keysOf(const QString &producer) const { return m_producerKeys.value(producer); }
    bool sentNullKeys(const QString &producer) const { return m_nullKeyProducers.contains(producer); }

private:
    void noteConsumer(const QString &consumer);
    void noteKey(const QString &key);

    quint64 m_loadId = 0;
    bool m_started = false;
    QStringList m_consumers;
    QHash<QString, int> m_consumerIndex;
    QStringList m_keys;
    QHash<QString, int> m_keyIndex;
    QHash<QString, QStringList> m_producerKeys;
    QSet<QString> m_nullKeyProducers;
};

} // namespace topicscope::ui
