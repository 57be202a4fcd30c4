#pragma once

#include "wireexchange.h"

#include <QList>
#include <QMetaType>

namespace topicscope::engine {

// One answer the paused broker holds back: what it carries and when it goes out by itself. Times are wall time
// (ms since the epoch), not broker time: the broker's clock stands still while paused.
struct HeldAnswer {
    WireExchange exchange;
    qint64 heldSinceMs = 0; // when the answer was ready and held
    qint64 releaseAtMs = 0; // when it is released automatically, before its client would give up waiting
    bool operator==(const HeldAnswer &) const = default;
};

// The live broker's pause (Engine::pauseBroker/stepBroker/resumeBroker): while paused the broker's clock stands
// still and answers that carry progress (WireExchange::carriesProgress) are held, oldest first. A plain value,
// safe to copy to another thread.
struct BrokerPauseState {
    bool paused = false;
    qint64 pausedSinceMs = -1; // wall time of the pause, -1 when running
    QList<HeldAnswer> held; // oldest first: the order Step releases them in
    // Counted from the last pause on (kept after a resume, so a view can say what the pause did).
    int stepped = 0; // released one at a time
    int autoReleased = 0; // released because their deadline came
    int dropped = 0; // their connection closed while they were held
    // How far the broker's clock is behind wall time: the total time the broker has been paused.
    qint64 brokerLagMs = 0;
    bool operator==(const BrokerPauseState &) const = default;
};

} // namespace topicscope::engine

Q_DECLARE_METATYPE(topicscope::engine::BrokerPauseState)
