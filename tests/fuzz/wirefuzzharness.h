#pragma once

// The request-decoder fuzz harness, shared by the libFuzzer target (tests/fuzz/fuzz_request_decoder.cpp, clang
// only) and the corpus replay test of the normal build (tests/engine/tst_wirefuzzcorpus.cpp). Header-only.
//
// One input is what a client could write on one connection: frames as on the wire (int32 size + request header
// + body), handed one by one to a fresh KafkaApis over an in-memory LogManager, the real GroupCoordinator and a
// ManualClock. A size field that is negative or larger than what is left makes the rest of the input one last
// frame, so arbitrary bytes still reach the decoders. Between frames the clock moves on, firing long-poll and
// rebalance timers; at the end it moves far enough to release everything still parked.

#include "broker/broker.h"
#include "core/clock.h"
#include "wire/kafkaapis.h"

#include <QByteArray>
#include <QString>
#include <QtEndian>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <vector>

namespace topicscope::wirefuzz {

// What one input did, for the replay test's summary and to make the harness' checks visible.
struct HarnessStats {
    int frames = 0;
    int sent = 0; // responses with a frame
    int noResponse = 0; // acks=0 Produce
    int closed = 0; // the connection would be dropped
    int pending = 0; // not answered once the clock ran out of timers (reported, not a failure)
};

class WireFuzzHarness {
public:
    static constexpr int MaxFramesPerInput = 32;

    // Runs one input. Aborts (a finding for libFuzzer) when a request is answered twice or when a Send response
    // does not start with the request's correlation id; sanitizers report the rest.
    static HarnessStats run(const char *data, qsizetype size)
    {
        using namespace topicscope::engine;
        HarnessStats stats;
        ManualClock clock;
        BrokerOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 100;
        options.retentionCheckIntervalMs = 0;
        int memberSeq = 0;
        options.memberIdGenerator = [&memberSeq] { return QStringLiteral("member-%1").arg(++memberSeq); };
        QString error;
        std::unique_ptr<Broker> broker = Broker::open(std::move(options), clock, &error);
        if (!broker)
            fail("cannot open the in-memory broker");
        // One existing topic so Produce, Fetch and ListOffsets reach the log without creating anything first.
        broker->log().createTopic(QStringLiteral("fuzz"), 2);
        auto apis = std::make_unique<KafkaApis>(*broker);

        struct Slot {
            qint32 correlationId = 0;
            bool answered = false;
            bool closed = false;
        };
        std::vector<std::shared_ptr<Slot>> requests;
        bool connectionOpen = true;
        qsizetype pos = 0;
        while (pos < size && stats.frames < MaxFramesPerInput && connectionOpen) {
            QByteArray frame;
            if (size - pos >= 4) {
                const qint32 length = qFromBigEndian<qint32>(data + pos);
                if (length >= 0 && length <= size - pos - 4) {
                    frame = QByteArray(data + pos + 4, length);
                    pos += 4 + length;
                } else {
                    frame = QByteArray(data + pos, size - pos);
                    pos = size;
                }
            } else {
                frame = QByteArray(data + pos, size - pos);
                pos = size;
            }
            ++stats.frames;
            auto slot = std::make_shared<Slot>();
            slot->correlationId = frame.size() >= 8 ? qFromBigEndian<qint32>(frame.constData() + 4) : 0;
            requests.push_back(slot);
            apis->handle(frame, {1, QStringLiteral("/127.0.0.1"), QStringLiteral("127.0.0.1:50000")}, [slot, &stats](const WireResponse &response) {
                if (slot->answered)
                    fail("a request was answered twice");
                slot->answered = true;
                switch (response.action) {
                case WireResponse::Action::Send:
                    ++stats.sent;
                    if (response.frame.size() < 4
                        || qFromBigEndian<qint32>(response.frame.constData()) != slot->correlationId)
                        fail("a response does not start with the request's correlation id");
                    break;
                case WireResponse::Action::NoResponse:
                    ++stats.noResponse;
                    break;
                case WireResponse::Action::Close:
                    ++stats.closed;
                    slot->closed = true;
                    break;
                }
            });
            // The connection stops reading after a close, as KafkaConnection does. Otherwise time passes
            // before the next frame, as between a real client's requests.
            connectionOpen = !slot->closed;
            clock.advance(250);
        }
        // Jump from deadline to deadline so parked Fetches (max_wait_ms up to 24 days) and joins or syncs
        // (rebalance and session timeouts) end; bounded, as a timer may schedule the next one.
        for (int i = 0; i < 200 && clock.pendingTimers() > 0; ++i)
            clock.advance(std::max<qint64>(1, clock.nextDeadlineMs() - clock.nowMs()));
        apis.reset();
        broker.reset();
        for (const auto &slot : requests)
            stats.pending += slot->answered ? 0 : 1;
        return stats;
    }

private:
    [[noreturn]] static void fail(const char *why)
    {
        std::fprintf(stderr, "wire fuzz harness: %s\n", why);
        std::abort();
    }
};

} // namespace topicscope::wirefuzz
