#include "logmanager.h"

#include "logmanagerprivate.h"

#include "topicnames.h"

#include <algorithm>

// LogManager's part for creating topics: createTopics at once, or in pieces (Creation) for the wire's big requests.

namespace topicscope::engine {

namespace {

ErrorCode fail(QString *why, ErrorCode code, const QString &text)
{
    if (why)
        *why = text;
    return code;
}

// Work between two looks at the caller's clock, each well under a millisecond: partition logs prepared, partition
// rows written.
constexpr int LogsBetweenLooks = 256;
constexpr int RowsBetweenLooks = 512;

} // namespace

struct LogManager::Creation::State {
    Private *d = nullptr;
    std::vector<NewTopic> topics;
    std::vector<TopicCreation> results; // parallel to topics
    std::vector<size_t> accepted; // indexes into topics of those that passed the checks, in order
    // The accepted topics as they are being made, parallel to accepted. made[k] for k < next is created (or failed).
    std::vector<Private::Topic> made;
    size_t next = 0;

    // Gives the names of the topics from made[from] on back (another call may create them now) and removes the
    // partition rows earlier pieces committed for them.
    void abandon(size_t from)
    {
        for (size_t k = from; k < accepted.size(); ++k) {
            const QString &name = topics[accepted[k]].name;
            if (d->creating.remove(name))
                d->namesByMetric.remove(TopicNames::metricName(name));
            if (k < made.size() && made[k].topicId > 0 && !made[k].partitions.empty()) {
                const qint64 key = made[k].topicId;
                d->transact("removing the partitions of an unfinished topic", nullptr,
                    [&](QString *e) { return d->store->deletePartitionsOf(key, e); });
            }
        }
        made.clear();
    }
};

LogManager::Creation::Creation()
    : s(std::make_unique<State>())
{ }

LogManager::Creation::~Creation()
{
    if (s->d)
        s->abandon(s->next);
}

bool LogManager::Creation::done() const
{
    return s->next >= s->accepted.size();
}

const std::vector<LogManager::TopicCreation> &LogManager::Creation::results() const
{
    return s->results;
}

std::vector<LogManager::TopicCreation> LogManager::createTopics(const std::vector<NewTopic> &topics)
{
    // All at once: one piece that never runs out of time, so one transaction for all of them.
    const std::unique_ptr<Creation> creation = beginCreatingTopics(topics);
    continueCreatingTopics(*creation, [] { return false; });
    return creation->results();
}

std::unique_ptr<LogManager::Creation> LogManager::beginCreatingTopics(std::vector<NewTopic> topics)
{
    std::unique_ptr<Creation> creation(new Creation);
    Creation::State &st = *creation->s;
    st.d = d.get();
    st.topics = std::move(topics);
    st.results.resize(st.topics.size());
    for (size_t i = 0; i < st.topics.size(); ++i) {
        const NewTopic &t = st.topics[i];
        TopicCreation &r = st.results[i];
        if ((r.error = validateTopicName(t.name, &r.why)) != ErrorCode::None)
            continue;
        if (t.partitions <= 0 || t.partitions > Private::MaxPartitions) {
            r.error = fail(&r.why, ErrorCode::InvalidPartitions,
                QStringLiteral("number of partitions must be between 1 and %1, not %2")
                    .arg(Private::MaxPartitions)
                    .arg(t.partitions));
            continue;
        }
        if ((r.error = Private::validateConfig(t.config, &r.why)) != ErrorCode::None)
            continue;
        // A name being created (by this call or an unfinished one) already exists, as it does for Kafka's controller
        // once the topic's records are in its log.
        const QString metric = metricName(t.name);
        if (d->topics.count(t.name) || d->creating.contains(t.name)) {
            r.error = fail(
                &r.why, ErrorCode::TopicAlreadyExists, QStringLiteral("topic \"%1\" already exists").arg(t.name));
            continue;
        }
        const QString collision = d->namesByMetric.value(metric);
        if (!collision.isEmpty()) {
            r.error = fail(&r.why, ErrorCode::InvalidTopicException,
                QStringLiteral("topic \"%1\" collides with existing topic \"%2\" ('.' and '_' are equivalent)")
                    .arg(t.name, collision));
            continue;
        }
        d->namesByMetric.insert(metric, t.name);
        d->creating.insert(t.name);
        st.accepted.push_back(i);
    }
    st.made.resize(st.accepted.size());
    return creation;
}

bool LogManager::continueCreatingTopics(Creation &creation, const std::function<bool()> &outOfTime)
{
    Creation::State &st = *creation.s;
    Q_ASSERT(st.d == d.get());
    // A piece: for each next topic, its partition logs (memory only), then its partition rows, then its topic row,
    // which makes it whole in the store; stop when out of time, even within a topic (the rest waits for the next
    // piece). All rows of a piece are one transaction, committed at its end; then the topics made whole are published.
    // A topic's partition rows may span pieces: until its topic row is committed, loadTopics ignores them and opening
    // the store removes them, so a crash leaves no half topic.
    const size_t first = st.next;
    size_t whole = first; // made[first, whole) get their topic row in this piece
    bool inTransaction = false;
    bool failed = false;
    QString error;
    const auto write = [&] {
        if (!inTransaction) {
            inTransaction = true;
            failed = !d->commitIndex(&error) || !d->store->begin(&error);
        }
        return !failed;
    };
    while (whole < st.accepted.size()) {
        const NewTopic &t = st.topics[st.accepted[whole]];
        Private::Topic &topic = st.made[whole];
        bool stopped = false;
        if (d->onDisk()) {
            const bool mayHaveLeftovers = d->deletedNames.contains(t.name);
            topic.logs.reserve(static_cast<size_t>(t.partitions));
            while (static_cast<int>(topic.logs.size()) < t.partitions && !stopped) {
                const int end = std::min(t.partitions, static_cast<int>(topic.logs.size()) + LogsBetweenLooks);
                for (int p = static_cast<int>(topic.logs.size()); p < end; ++p)
                    topic.logs.push_back(d->newLog(t.name, p, mayHaveLeftovers));
                stopped = outOfTime();
            }
            if (static_cast<int>(topic.logs.size()) < t.partitions)
                break;
        }
        if (topic.topicId < 0) {
            topic.topicId = d->nextTopicKey++;
            topic.partitions.reserve(static_cast<size_t>(t.partitions));
        }
        // Partition rows by one statement per chunk: 10,000 of them row by row held the engine thread for 16 ms.
        while (static_cast<int>(topic.partitions.size()) < t.partitions && !stopped && write()) {
            const int from = static_cast<int>(topic.partitions.size());
            const int to = std::min(t.partitions, from + RowsBetweenLooks);
            failed = !d->store->insertPartitions(topic.topicId, from, to, &topic.partitions, &error);
            stopped = !failed && to < t.partitions && outOfTime();
        }
        if (failed || static_cast<int>(topic.partitions.size()) < t.partitions)
            break;
        topic.config = t.config;
        // A new id even for a name that existed before: clients holding the old one must not mistake the new topic
        // for it. Drawn again on the (2^-122) chance it is taken (by a topic or by one made in this piece).
        const auto taken = [&](const TopicId &id) {
            if (d->namesById.contains(id))
                return true;
            for (size_t k = first; k < whole; ++k) {
                if (st.made[k].id == id)
                    return true;
            }
            return false;
        };
        do {
            topic.id = TopicId::generate();
        } while (taken(topic.id));
        failed
            = !write() || !d->store->insertTopicAs(&topic.topicId, t.name, topic.id, t.config.toKafkaConfigs(), &error);
        if (failed)
            break;
        ++whole;
        if (outOfTime())
            break;
    }
    if (!inTransaction)
        return creation.done();

    const size_t count = whole - first;
    if (failed || !d->store->commit(&error)) {
        d->store->rollback();
        const char *what = count <= 1 ? "creating a topic" : "creating topics";
        qCWarning(lcLogManager).noquote() << what << "failed:" << error;
        const QString why = QStringLiteral("%1 failed: %2").arg(QLatin1String(what), error);
        // This piece's topics fail, and the rest with them: one request's topics were one transaction before they
        // came in pieces. Rows an earlier piece wrote go now (or, failing that, when the store is next opened).
        st.abandon(first);
        for (size_t k = first; k < st.accepted.size(); ++k)
            st.results[st.accepted[k]] = {ErrorCode::KafkaStorageError, why};
        st.next = st.accepted.size();
        return true;
    }
    qint64 partitions = 0;
    for (size_t k = first; k < whole; ++k) {
        const NewTopic &t = st.topics[st.accepted[k]];
        Private::Topic &topic = st.made[k];
        d->creating.remove(t.name);
        d->namesById.insert(topic.id, t.name);
        if (count == 1)
            qCDebug(lcLogManager).noquote()
                << "created topic" << t.name << "with" << t.partitions << "partitions, id" << topic.id.toString();
        partitions += t.partitions;
        d->topics.emplace(t.name, std::move(topic));
    }
    st.next = whole;
    if (count > 1)
        qCDebug(lcLogManager).noquote() << "created" << count << "topics with" << partitions
                                        << "partitions in all, from" << st.topics[st.accepted[first]].name << "to"
                                        << st.topics[st.accepted[whole - 1]].name;
    // Observers learn of each topic once all of the piece's exist, in the order they were asked for.
    for (size_t k = first; k < whole; ++k) {
        const NewTopic &t = st.topics[st.accepted[k]];
        d->events.publish(TopicCreated {t.name, t.partitions});
    }

    return creation.done();
}

} // namespace topicscope::engine
