// Wire-level load client for issue 3's benchmark: drives a Kafka-compatible broker through librdkafka's C
// API (produce throughput with acks=all and acks=1, consume throughput from the beginning, end-to-end latency
// at a fixed rate) and prints one result line per measurement. It can host librdkafka's own in-memory mock
// cluster (rd_kafka_mock_cluster_new) so that our broker and the mock are measured in the same run on the
// same machine with the same client settings. Built only when pkg-config finds rdkafka; see bench/README.md.

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdarg>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace {

using SteadyClock = std::chrono::steady_clock;

struct Options {
    long long records = 1000000;
    int recordSize = 100;
    int partitions = 1;
    int lingerMs = 5;
    int batchNumMessages = 10000;
    int batchSize = 1000000;
    int latencyRate = 1000;
    int latencySeconds = 10;
    int repeat = 1;
    int timeoutSeconds = 120;
    bool mock = false;
    std::string mockLabel = "mock";
    std::vector<std::pair<std::string, std::string>> targets; // label, bootstrap servers
    std::vector<std::pair<std::string, std::string>> extraConfig;
    std::string tests = "produce-all,produce-1,consume,latency";
    std::string consumeTopic; // consume an existing topic instead of the one produced in this run
};

struct Result {
    bool ok = false;
    std::string error;
    double seconds = 0;
    long long records = 0;
    long long bytes = 0;
    // consume only: assign()/subscribe() to the first record (librdkafka's start-up, joining), not in seconds
    double startupSeconds = 0;
    // latency only
    double p50Ms = 0, p99Ms = 0, p999Ms = 0, maxMs = 0;
    double ackP50Ms = 0, ackP99Ms = 0;
};

double secondsSince(SteadyClock::time_point start)
{
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

int64_t nowNs()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(SteadyClock::now().time_since_epoch()).count();
}

void logLine(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void logLine(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    std::fputs("# ", stderr);
    std::vfprintf(stderr, fmt, args);
    std::fputc('\n', stderr);
    va_end(args);
}

bool setConf(rd_kafka_conf_t *conf, const std::string &name, const std::string &value, std::string *error)
{
    char errstr[512];
    if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), errstr, sizeof errstr) != RD_KAFKA_CONF_OK) {
        *error = name + "=" + value + ": " + errstr;
        return false;
    }
    return true;
}

// librdkafka logs through this callback from its own threads; keep it on stderr so result lines stay clean.
void logCallback(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    std::fprintf(stderr, "# rdkafka %s level=%d %s: %s\n", rd_kafka_name(rk), level, fac, buf);
}

rd_kafka_conf_t *baseConf(const std::string &bootstrap, const Options &options, std::string *error)
{
    rd_kafka_conf_t *conf = rd_kafka_conf_new();
    rd_kafka_conf_set_log_cb(conf, logCallback);
    if (!setConf(conf, "bootstrap.servers", bootstrap, error)) {
        rd_kafka_conf_destroy(conf);
        return nullptr;
    }
    for (const auto &[name, value] : options.extraConfig) {
        if (!setConf(conf, name, value, error)) {
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    return conf;
}

// ---------------------------------------------------------------------------------------------------------
// Topic creation: the mock gets its topic directly; a real broker through CreateTopics (so both have exactly
// `partitions` partitions — the mock's auto-creation would use its own default partition count).

bool createTopic(const std::string &bootstrap, rd_kafka_mock_cluster_t *mock, const std::string &topic,
    const Options &options, std::string *error)
{
    if (mock) {
        const rd_kafka_resp_err_t err = rd_kafka_mock_topic_create(mock, topic.c_str(), options.partitions, 1);
        if (err) {
            *error = std::string("rd_kafka_mock_topic_create: ") + rd_kafka_err2str(err);
            return false;
        }
        return true;
    }
    rd_kafka_conf_t *conf = baseConf(bootstrap, options, error);
    if (!conf)
        return false;
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk) {
        *error = std::string("rd_kafka_new(admin): ") + errstr;
        return false;
    }
    rd_kafka_NewTopic_t *newTopic = rd_kafka_NewTopic_new(topic.c_str(), options.partitions, 1, errstr, sizeof errstr);
    rd_kafka_queue_t *queue = rd_kafka_queue_new(rk);
    rd_kafka_AdminOptions_t *adminOptions = rd_kafka_AdminOptions_new(rk, RD_KAFKA_ADMIN_OP_CREATETOPICS);
    rd_kafka_AdminOptions_set_request_timeout(adminOptions, 10000, errstr, sizeof errstr);
    rd_kafka_CreateTopics(rk, &newTopic, 1, adminOptions, queue);
    rd_kafka_event_t *event = rd_kafka_queue_poll(queue, 15000);
    bool ok = false;
    if (!event) {
        *error = "CreateTopics: no answer within 15 s";
    } else if (rd_kafka_event_error(event)) {
        *error = std::string("CreateTopics: ") + rd_kafka_event_error_string(event);
    } else {
        size_t count = 0;
        const rd_kafka_topic_result_t **results
            = rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(event), &count);
        ok = true;
        for (size_t i = 0; i < count; ++i) {
            const rd_kafka_resp_err_t err = rd_kafka_topic_result_error(results[i]);
            if (err && err != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                const char *message = rd_kafka_topic_result_error_string(results[i]);
                *error = std::string("CreateTopics ") + topic + ": " + rd_kafka_err2name(err) + " "
                    + (message ? message : "");
                ok = false;
            }
        }
    }
    if (event)
        rd_kafka_event_destroy(event);
    rd_kafka_AdminOptions_destroy(adminOptions);
    rd_kafka_NewTopic_destroy(newTopic);
    rd_kafka_queue_destroy(queue);
    rd_kafka_destroy(rk);
    return ok;
}

// ---------------------------------------------------------------------------------------------------------
// Produce throughput

struct DeliveryState {
    std::atomic<long long> delivered {0};
    std::atomic<long long> failed {0};
    std::string firstError; // written once, by librdkafka's poll caller (this thread)
    // Latency run only: produce call -> delivery report, to split end-to-end latency into its produce half.
    std::vector<int64_t> *sentNs = nullptr;
    std::vector<double> ackMs;
};

void deliveryReport(rd_kafka_t *, const rd_kafka_message_t *message, void *opaque)
{
    auto *state = static_cast<DeliveryState *>(opaque);
    if (message->err) {
        if (state->failed.fetch_add(1) == 0)
            state->firstError = std::string(rd_kafka_err2name(message->err)) + ": " + rd_kafka_err2str(message->err);
    } else {
        state->delivered.fetch_add(1, std::memory_order_relaxed);
        if (state->sentNs) {
            const auto index = reinterpret_cast<uintptr_t>(message->_private);
            state->ackMs.push_back(static_cast<double>(nowNs() - (*state->sentNs)[index]) / 1e6);
        }
    }
}

rd_kafka_t *newProducer(const std::string &bootstrap, const Options &options, const std::string &acks, int lingerMs,
    DeliveryState *state, std::string *error)
{
    rd_kafka_conf_t *conf = baseConf(bootstrap, options, error);
    if (!conf)
        return nullptr;
    const std::vector<std::pair<std::string, std::string>> settings = {
        {"acks", acks},
        {"linger.ms", std::to_string(lingerMs)},
        {"batch.num.messages", std::to_string(options.batchNumMessages)},
        {"batch.size", std::to_string(options.batchSize)},
        {"compression.type", "none"},
        {"enable.idempotence", "false"},
    };
    for (const auto &[name, value] : settings) {
        if (!setConf(conf, name, value, error)) {
            rd_kafka_conf_destroy(conf);
            return nullptr;
        }
    }
    rd_kafka_conf_set_dr_msg_cb(conf, deliveryReport);
    rd_kafka_conf_set_opaque(conf, state);
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
    if (!rk)
        *error = std::string("rd_kafka_new(producer): ") + errstr;
    return rk;
}

Result runProduce(
    const std::string &bootstrap, const std::string &topic, const Options &options, const std::string &acks)
{
    Result result;
    DeliveryState state;
    rd_kafka_t *rk = newProducer(bootstrap, options, acks, options.lingerMs, &state, &result.error);
    if (!rk)
        return result;
    rd_kafka_topic_t *rkt = rd_kafka_topic_new(rk, topic.c_str(), nullptr);

    std::vector<char> payload(static_cast<size_t>(options.recordSize));
    for (size_t i = 0; i < payload.size(); ++i)
        payload[i] = static_cast<char>('a' + i % 26);

    const auto start = SteadyClock::now();
    const auto deadline = start + std::chrono::seconds(options.timeoutSeconds);
    long long queueFullWaits = 0;
    for (long long i = 0; i < options.records; ++i) {
        // Spread records over partitions deterministically, like a round-robin keyless producer.
        const int32_t partition = options.partitions == 1 ? 0 : static_cast<int32_t>(i % options.partitions);
        while (
            rd_kafka_produce(rkt, partition, RD_KAFKA_MSG_F_COPY, payload.data(), payload.size(), nullptr, 0, nullptr)
            == -1) {
            const rd_kafka_resp_err_t err = rd_kafka_last_error();
            if (err != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
                result.error = std::string("rd_kafka_produce: ") + rd_kafka_err2str(err);
                break;
            }
            ++queueFullWaits;
            rd_kafka_poll(rk, 1);
            if (SteadyClock::now() > deadline) {
                result.error = "timed out while the local queue stayed full";
                break;
            }
        }
        if (!result.error.empty())
            break;
        if ((i & 1023) == 0)
            rd_kafka_poll(rk, 0);
    }
    // Every delivery report counts: the clock stops only when the broker has acknowledged the last record.
    while (result.error.empty() && state.delivered.load() + state.failed.load() < options.records) {
        rd_kafka_poll(rk, 10);
        if (SteadyClock::now() > deadline) {
            result.error = "timed out waiting for delivery reports: " + std::to_string(state.delivered.load())
                + " delivered, " + std::to_string(state.failed.load()) + " failed of "
                + std::to_string(options.records);
            break;
        }
    }
    result.seconds = secondsSince(start);
    result.records = state.delivered.load();
    result.bytes = result.records * options.recordSize;
    if (result.error.empty() && state.failed.load() > 0)
        result.error = std::to_string(state.failed.load()) + " delivery failures, first: " + state.firstError;
    result.ok = result.error.empty() && result.records == options.records;
    logLine("produce acks=%s: %lld queue-full waits", acks.c_str(), queueFullWaits);

    rd_kafka_topic_destroy(rkt);
    rd_kafka_flush(rk, 5000);
    rd_kafka_destroy(rk);
    return result;
}

// ---------------------------------------------------------------------------------------------------------
// Consume throughput: a plain assign()ed consumer (no group, no commits), every partition from the beginning.

// group: "" for the plain consumer; else a group to subscribe() in, committing as librdkafka does by default.
rd_kafka_t *newConsumer(
    const std::string &bootstrap, const Options &options, std::string *error, const std::string &group = {})
{
    rd_kafka_conf_t *conf = baseConf(bootstrap, options, error);
    if (!conf)
        return nullptr;
    // assign() needs a group.id in librdkafka, but no JoinGroup happens and nothing is committed.
    if (!setConf(conf, "group.id", group.empty() ? "bench-kafka-load-" + std::to_string(::getpid()) : group, error)
        || !setConf(conf, "enable.auto.commit", group.empty() ? "false" : "true", error)
        || !setConf(conf, "enable.partition.eof", "false", error)
        || !setConf(conf, "auto.offset.reset", "earliest", error)) {
        rd_kafka_conf_destroy(conf);
        return nullptr;
    }
    char errstr[512];
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_CONSUMER, conf, errstr, sizeof errstr);
    if (!rk) {
        *error = std::string("rd_kafka_new(consumer): ") + errstr;
        return nullptr;
    }
    rd_kafka_poll_set_consumer(rk);
    return rk;
}

bool assignFromBeginning(rd_kafka_t *rk, const std::string &topic, int partitions, std::string *error)
{
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(partitions);
    for (int p = 0; p < partitions; ++p)
        rd_kafka_topic_partition_list_add(list, topic.c_str(), p)->offset = RD_KAFKA_OFFSET_BEGINNING;
    const rd_kafka_resp_err_t err = rd_kafka_assign(rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    if (err) {
        *error = std::string("rd_kafka_assign: ") + rd_kafka_err2str(err);
        return false;
    }
    return true;
}

bool subscribe(rd_kafka_t *rk, const std::string &topic, std::string *error)
{
    rd_kafka_topic_partition_list_t *list = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(list, topic.c_str(), RD_KAFKA_PARTITION_UA);
    const rd_kafka_resp_err_t err = rd_kafka_subscribe(rk, list);
    rd_kafka_topic_partition_list_destroy(list);
    if (err) {
        *error = std::string("rd_kafka_subscribe: ") + rd_kafka_err2str(err);
        return false;
    }
    return true;
}

// Reads back [logStartOffset, highWatermark) of every partition. That is everything produced on our broker;
// the mock keeps only the newest ~5 MiB per partition and drops older message sets, so there it is less.
// group "": a plain assign()ed consumer; else a subscribe()d member of that (new) group. Timed from the first record,
// so that librdkafka's start-up (a 0.5 s timer before its first fetch) and joining (the broker's initial rebalance
// delay) are left out; that part is reported on its own as startupSeconds.
Result runConsume(
    const std::string &bootstrap, const std::string &topic, const Options &options, const std::string &group = {})
{
    Result result;
    rd_kafka_t *rk = newConsumer(bootstrap, options, &result.error, group);
    if (!rk)
        return result;
    long long expected = 0;
    std::vector<long long> nextOffset(static_cast<size_t>(options.partitions), 0);
    for (int p = 0; p < options.partitions; ++p) {
        int64_t low = 0, high = 0;
        const rd_kafka_resp_err_t err = rd_kafka_query_watermark_offsets(rk, topic.c_str(), p, &low, &high, 10000);
        if (err) {
            result.error = std::string("rd_kafka_query_watermark_offsets: ") + rd_kafka_err2str(err);
            rd_kafka_destroy(rk);
            return result;
        }
        nextOffset[static_cast<size_t>(p)] = low;
        expected += high - low;
    }
    logLine("consume %s: %lld records retained by the broker", topic.c_str(), expected);
    auto start = SteadyClock::now();
    const auto deadline = start + std::chrono::seconds(options.timeoutSeconds);
    if (group.empty() ? assignFromBeginning(rk, topic, options.partitions, &result.error)
                      : subscribe(rk, topic, &result.error)) {
        long long gaps = 0;
        long long consumerErrors = 0;
        while (result.records < expected) {
            rd_kafka_message_t *message = rd_kafka_consumer_poll(rk, 100);
            if (!message) {
                if (SteadyClock::now() > deadline) {
                    result.error = "timed out after " + std::to_string(result.records) + " of "
                        + std::to_string(expected) + " records";
                    break;
                }
                continue;
            }
            if (message->err) {
                if (consumerErrors++ == 0)
                    logLine("consumer error: %s", rd_kafka_message_errstr(message));
            } else {
                auto &next = nextOffset[static_cast<size_t>(message->partition)];
                if (message->offset != next && gaps++ < 5)
                    logLine("consume: partition %d expected offset %lld, got %lld", message->partition, next,
                        static_cast<long long>(message->offset));
                next = message->offset + 1;
                if (result.records == 0) {
                    result.startupSeconds = secondsSince(start);
                    start = SteadyClock::now();
                }
                ++result.records;
                result.bytes += static_cast<long long>(message->len);
            }
            rd_kafka_message_destroy(message);
        }
        result.seconds = secondsSince(start);
        if (gaps)
            result.error = std::to_string(gaps) + " offset gaps or repeats seen";
        if (consumerErrors)
            logLine("consume: %lld consumer error events", consumerErrors);
    }
    result.ok = result.error.empty() && result.records == expected;
    rd_kafka_consumer_close(rk);
    rd_kafka_destroy(rk);
    return result;
}

// ---------------------------------------------------------------------------------------------------------
// End-to-end latency: producer stamps steady_clock nanoseconds into the first 8 payload bytes; a consumer
// thread in the same process subtracts them from its receive time. Producer runs with linger.ms=0 here: a
// 5 ms linger would be 5 ms of latency by itself.

double percentile(const std::vector<double> &sorted, double q)
{
    if (sorted.empty())
        return 0;
    const size_t index = std::min(sorted.size() - 1, static_cast<size_t>(q * static_cast<double>(sorted.size())));
    return sorted[index];
}

Result runLatency(const std::string &bootstrap, const std::string &topic, const Options &options)
{
    Result result;
    const long long total = static_cast<long long>(options.latencyRate) * options.latencySeconds;
    rd_kafka_t *consumer = newConsumer(bootstrap, options, &result.error);
    if (!consumer)
        return result;
    if (!assignFromBeginning(consumer, topic, options.partitions, &result.error)) {
        rd_kafka_destroy(consumer);
        return result;
    }

    std::vector<double> latenciesMs;
    latenciesMs.reserve(static_cast<size_t>(total));
    std::atomic<bool> stop {false};
    std::atomic<bool> consumerReady {false};
    std::thread consumerThread([&] {
        while (!stop.load()) {
            rd_kafka_message_t *message = rd_kafka_consumer_poll(consumer, 50);
            const int64_t receivedNs = nowNs();
            consumerReady.store(true);
            if (!message)
                continue;
            if (!message->err && message->len >= sizeof(int64_t)) {
                int64_t sentNs = 0;
                std::memcpy(&sentNs, message->payload, sizeof sentNs);
                latenciesMs.push_back(static_cast<double>(receivedNs - sentNs) / 1e6);
                if (static_cast<long long>(latenciesMs.size()) >= total)
                    stop.store(true);
            }
            rd_kafka_message_destroy(message);
        }
    });

    DeliveryState state;
    std::vector<int64_t> sentNs(static_cast<size_t>(total), 0);
    state.sentNs = &sentNs;
    state.ackMs.reserve(static_cast<size_t>(total));
    rd_kafka_t *producer = newProducer(bootstrap, options, "all", 0, &state, &result.error);
    if (producer) {
        rd_kafka_topic_t *rkt = rd_kafka_topic_new(producer, topic.c_str(), nullptr);
        // Warm up: connections, metadata and the consumer's first fetch, so the first samples are not set-up.
        std::this_thread::sleep_for(std::chrono::seconds(1));
        std::vector<char> payload(static_cast<size_t>(std::max(options.recordSize, 8)), 'x');
        const auto interval = std::chrono::nanoseconds(1000000000LL / options.latencyRate);
        auto next = SteadyClock::now();
        const auto start = next;
        for (long long i = 0; i < total; ++i) {
            std::this_thread::sleep_until(next);
            next += interval;
            const int64_t now = nowNs();
            sentNs[static_cast<size_t>(i)] = now;
            std::memcpy(payload.data(), &now, sizeof now);
            const int32_t partition = static_cast<int32_t>(i % options.partitions);
            if (rd_kafka_produce(rkt, partition, RD_KAFKA_MSG_F_COPY, payload.data(), payload.size(), nullptr, 0,
                    reinterpret_cast<void *>(static_cast<uintptr_t>(i)))
                == -1) {
                result.error = std::string("rd_kafka_produce: ") + rd_kafka_err2str(rd_kafka_last_error());
                break;
            }
            rd_kafka_poll(producer, 0);
        }
        rd_kafka_flush(producer, 10000);
        result.seconds = secondsSince(start);
        rd_kafka_topic_destroy(rkt);
        rd_kafka_destroy(producer);
        if (result.error.empty() && state.failed.load())
            result.error = std::to_string(state.failed.load()) + " delivery failures, first: " + state.firstError;
    }
    const auto waitUntil = SteadyClock::now() + std::chrono::seconds(10);
    while (!stop.load() && SteadyClock::now() < waitUntil)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    stop.store(true);
    consumerThread.join();
    rd_kafka_consumer_close(consumer);
    rd_kafka_destroy(consumer);

    std::sort(latenciesMs.begin(), latenciesMs.end());
    result.records = static_cast<long long>(latenciesMs.size());
    result.p50Ms = percentile(latenciesMs, 0.50);
    result.p99Ms = percentile(latenciesMs, 0.99);
    result.p999Ms = percentile(latenciesMs, 0.999);
    result.maxMs = latenciesMs.empty() ? 0 : latenciesMs.back();
    std::sort(state.ackMs.begin(), state.ackMs.end());
    result.ackP50Ms = percentile(state.ackMs, 0.50);
    result.ackP99Ms = percentile(state.ackMs, 0.99);
    if (result.error.empty() && result.records != total)
        result.error = "received " + std::to_string(result.records) + " of " + std::to_string(total) + " records";
    result.ok = result.error.empty();
    return result;
}

// ---------------------------------------------------------------------------------------------------------

struct Target {
    std::string label;
    std::string bootstrap;
    rd_kafka_mock_cluster_t *mock = nullptr;
};

void printResult(const Target &target, const std::string &test, int run, const Result &r)
{
    if (test == "latency") {
        std::printf("kafka_load target=%s test=%s run=%d ok=%d records=%lld seconds=%.3f p50_ms=%.3f p99_ms=%.3f "
                    "p999_ms=%.3f max_ms=%.3f ack_p50_ms=%.3f ack_p99_ms=%.3f",
            target.label.c_str(), test.c_str(), run, r.ok ? 1 : 0, r.records, r.seconds, r.p50Ms, r.p99Ms, r.p999Ms,
            r.maxMs, r.ackP50Ms, r.ackP99Ms);
    } else {
        const double rps = r.seconds > 0 ? static_cast<double>(r.records) / r.seconds : 0;
        const double mbps = r.seconds > 0 ? static_cast<double>(r.bytes) / r.seconds / 1e6 : 0;
        std::printf("kafka_load target=%s test=%s run=%d ok=%d records=%lld seconds=%.3f records_per_s=%.0f "
                    "mb_per_s=%.1f",
            target.label.c_str(), test.c_str(), run, r.ok ? 1 : 0, r.records, r.seconds, rps, mbps);
        if (test.starts_with("consume"))
            std::printf(" startup_s=%.3f", r.startupSeconds);
    }
    if (!r.error.empty())
        std::printf(" error=\"%s\"", r.error.c_str());
    std::printf("\n");
    std::fflush(stdout);
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

void usage()
{
    std::fprintf(stderr,
        "usage: bench_kafka_load [--target LABEL=HOST:PORT]... [--mock [--mock-label LABEL]] [--records N]\n"
        "         [--size BYTES] [--partitions N] [--linger-ms MS] [--batch-num-messages N] [--batch-size BYTES]\n"
        "         [--latency-rate PER_S] [--latency-seconds S] [--repeat N] [--timeout S]\n"
        "         [--tests produce-all,produce-1,consume,consume-group,latency] [--consume-topic NAME]\n"
        "         [-X name=value]...\n");
}

std::optional<Options> parse(int argc, char **argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", arg.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (arg == "--target") {
            const std::string v = value();
            const auto eq = v.find('=');
            if (eq == std::string::npos)
                o.targets.emplace_back(v, v);
            else
                o.targets.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else if (arg == "--mock") {
            o.mock = true;
        } else if (arg == "--mock-label") {
            o.mockLabel = value();
        } else if (arg == "--records") {
            o.records = std::atoll(value().c_str());
        } else if (arg == "--size") {
            o.recordSize = std::atoi(value().c_str());
        } else if (arg == "--partitions") {
            o.partitions = std::atoi(value().c_str());
        } else if (arg == "--linger-ms") {
            o.lingerMs = std::atoi(value().c_str());
        } else if (arg == "--batch-num-messages") {
            o.batchNumMessages = std::atoi(value().c_str());
        } else if (arg == "--batch-size") {
            o.batchSize = std::atoi(value().c_str());
        } else if (arg == "--latency-rate") {
            o.latencyRate = std::atoi(value().c_str());
        } else if (arg == "--latency-seconds") {
            o.latencySeconds = std::atoi(value().c_str());
        } else if (arg == "--repeat") {
            o.repeat = std::atoi(value().c_str());
        } else if (arg == "--timeout") {
            o.timeoutSeconds = std::atoi(value().c_str());
        } else if (arg == "--consume-topic") {
            o.consumeTopic = value();
        } else if (arg == "--tests") {
            o.tests = value();
        } else if (arg == "-X") {
            const std::string v = value();
            const auto eq = v.find('=');
            if (eq == std::string::npos) {
                usage();
                return std::nullopt;
            }
            o.extraConfig.emplace_back(v.substr(0, eq), v.substr(eq + 1));
        } else {
            usage();
            return std::nullopt;
        }
    }
    if (o.targets.empty() && !o.mock) {
        usage();
        return std::nullopt;
    }
    if (o.records <= 0 || o.recordSize < 8 || o.partitions < 1 || o.latencyRate < 1 || o.repeat < 1) {
        std::fprintf(stderr, "bad numeric option\n");
        return std::nullopt;
    }
    return o;
}

bool wants(const Options &o, const std::string &test)
{
    return ("," + o.tests + ",").find("," + test + ",") != std::string::npos;
}

} // namespace

int main(int argc, char **argv)
{
    const std::optional<Options> parsed = parse(argc, argv);
    if (!parsed)
        return 2;
    const Options &options = *parsed;

    std::vector<Target> targets;
    for (const auto &[label, bootstrap] : options.targets)
        targets.push_back({label, bootstrap, nullptr});

    // The mock cluster lives inside a librdkafka handle of ours, on its own thread, for the whole run.
    rd_kafka_t *mockHost = nullptr;
    if (options.mock) {
        char errstr[512];
        rd_kafka_conf_t *conf = rd_kafka_conf_new();
        rd_kafka_conf_set_log_cb(conf, logCallback);
        mockHost = rd_kafka_new(RD_KAFKA_PRODUCER, conf, errstr, sizeof errstr);
        if (!mockHost) {
            std::fprintf(stderr, "cannot create the mock cluster's host handle: %s\n", errstr);
            return 1;
        }
        rd_kafka_mock_cluster_t *mock = rd_kafka_mock_cluster_new(mockHost, 1);
        if (!mock) {
            std::fprintf(stderr, "rd_kafka_mock_cluster_new failed\n");
            return 1;
        }
        targets.push_back({options.mockLabel, rd_kafka_mock_cluster_bootstraps(mock), mock});
    }

    std::printf("kafka_load config librdkafka=%s records=%lld size=%d partitions=%d linger_ms=%d "
                "batch_num_messages=%d batch_size=%d compression=none latency_rate=%d latency_seconds=%d "
                "latency_linger_ms=0 repeat=%d\n",
        rd_kafka_version_str(), options.records, options.recordSize, options.partitions, options.lingerMs,
        options.batchNumMessages, options.batchSize, options.latencyRate, options.latencySeconds, options.repeat);
    for (const Target &t : targets)
        std::printf("kafka_load target=%s bootstrap=%s\n", t.label.c_str(), t.bootstrap.c_str());
    std::fflush(stdout);

    const std::string runId = std::to_string(::getpid());
    // label -> test -> values across runs (records/s, or p99 ms for latency)
    std::map<std::string, std::map<std::string, std::vector<double>>> summary;
    std::map<std::string, std::map<std::string, std::vector<double>>> summaryP50;
    bool allOk = true;

    // Runs interleave targets (ours, mock, ours, mock...) so a slow phase of the shared machine hits both.
    for (int run = 1; run <= options.repeat; ++run) {
        for (const Target &target : targets) {
            const std::string prefix = "bench-" + runId + "-" + std::to_string(run) + "-";
            std::string consumeTopic = options.consumeTopic;
            for (const auto &[test, acks] : {std::pair<std::string, std::string> {"produce-all", "all"},
                     std::pair<std::string, std::string> {"produce-1", "1"}}) {
                if (!wants(options, test))
                    continue;
                const std::string topic = prefix + test;
                Result r;
                if (!createTopic(target.bootstrap, target.mock, topic, options, &r.error)) {
                    printResult(target, test, run, r);
                    allOk = false;
                    continue;
                }
                r = runProduce(target.bootstrap, topic, options, acks);
                printResult(target, test, run, r);
                allOk = allOk && r.ok;
                if (r.ok) {
                    summary[target.label][test].push_back(static_cast<double>(r.records) / r.seconds);
                    if (options.consumeTopic.empty() && (consumeTopic.empty() || test == "produce-all"))
                        consumeTopic = topic;
                }
            }
            if (wants(options, "consume")) {
                Result r;
                if (consumeTopic.empty()) {
                    r.error = "nothing produced to read back";
                } else {
                    r = runConsume(target.bootstrap, consumeTopic, options);
                }
                printResult(target, "consume", run, r);
                allOk = allOk && r.ok;
                if (r.ok)
                    summary[target.label]["consume"].push_back(static_cast<double>(r.records) / r.seconds);
            }
            if (wants(options, "consume-group")) {
                Result r;
                if (consumeTopic.empty()) {
                    r.error = "nothing produced to read back";
                } else {
                    r = runConsume(target.bootstrap, consumeTopic, options, prefix + "group");
                }
                printResult(target, "consume-group", run, r);
                allOk = allOk && r.ok;
                if (r.ok)
                    summary[target.label]["consume-group"].push_back(static_cast<double>(r.records) / r.seconds);
            }
            if (wants(options, "latency")) {
                const std::string topic = prefix + "latency";
                Result r;
                if (createTopic(target.bootstrap, target.mock, topic, options, &r.error))
                    r = runLatency(target.bootstrap, topic, options);
                printResult(target, "latency", run, r);
                allOk = allOk && r.ok;
                if (r.ok) {
                    summary[target.label]["latency"].push_back(r.p99Ms);
                    summaryP50[target.label]["latency"].push_back(r.p50Ms);
                    summaryP50[target.label]["latency-p999"].push_back(r.p999Ms);
                }
            }
        }
    }

    // Medians across runs, one line per target and test, for the report's side-by-side table.
    for (const Target &target : targets) {
        for (const std::string test : {"produce-all", "produce-1", "consume", "consume-group"}) {
            const auto &values = summary[target.label][test];
            if (!values.empty())
                std::printf("kafka_load summary target=%s test=%s runs=%zu median_records_per_s=%.0f "
                            "median_mb_per_s=%.1f\n",
                    target.label.c_str(), test.c_str(), values.size(), median(values),
                    median(values) * options.recordSize / 1e6);
        }
        const auto &p99 = summary[target.label]["latency"];
        if (!p99.empty())
            std::printf("kafka_load summary target=%s test=latency runs=%zu median_p50_ms=%.3f median_p99_ms=%.3f "
                        "median_p999_ms=%.3f\n",
                target.label.c_str(), p99.size(), median(summaryP50[target.label]["latency"]), median(p99),
                median(summaryP50[target.label]["latency-p999"]));
    }
    // Each broker's median throughput as a ratio of the mock's, measured in the same run (the targets).
    for (const Target &mock : targets) {
        if (!mock.mock)
            continue;
        for (const Target &target : targets) {
            if (target.mock)
                continue;
            for (const std::string test : {"produce-all", "produce-1", "consume", "consume-group"}) {
                const auto &ours = summary[target.label][test];
                const auto &theirs = summary[mock.label][test];
                if (!ours.empty() && !theirs.empty() && median(theirs) > 0)
                    std::printf("kafka_load ratio target=%s test=%s vs=%s ratio=%.2f\n", target.label.c_str(),
                        test.c_str(), mock.label.c_str(), median(ours) / median(theirs));
            }
        }
    }
    std::fflush(stdout);

    if (mockHost) {
        for (Target &t : targets)
            if (t.mock)
                rd_kafka_mock_cluster_destroy(t.mock);
        rd_kafka_destroy(mockHost);
    }
    return allOk ? 0 : 1;
}
