#pragma once

#include "errorcode.h"
#include "wire/adminmessages.h"

#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace topicscope::engine::wire {

// What Kafka says about one setting in DescribeConfigs: its type (v3+), its documentation (v3+) and, for a topic
// setting, the broker setting it falls back to when the topic does not set it, with that setting's Kafka default
// (the DEFAULT_CONFIG synonym).
struct ConfigFacts {
    qint8 type = DescribeConfigsResponseData::Type::Unknown;
    QString documentation;
    QString brokerSynonym;
    QString brokerDefault;
};

// The settings the config APIs know on this broker, with Kafka's facts about them, and Kafka's incremental
// operations (KIP-339) on a topic's settings. The values themselves are TopicConfig's (topics) and the broker's
// start-up options; this only adds what DescribeConfigs and IncrementalAlterConfigs need besides. Pure functions,
// any thread.
class ConfigCatalog {
public:
    // nullopt for a name TopicConfig does not know.
    static std::optional<ConfigFacts> topicSetting(const QString &name);
    // The broker settings DescribeConfigs lists for broker 0 (all fixed for the broker's lifetime).
    static std::optional<ConfigFacts> brokerSetting(const QString &name);

    // Applies IncrementalAlterConfigs operations, in order, to a topic's settings as Kafka config strings (all of
    // them: TopicConfig::toKafkaConfigs). SET replaces a value; DELETE returns a known setting to its default (Kafka
    // drops the topic's override, and this broker's defaults are Kafka's) and ignores an unknown one, as Kafka does;
    // APPEND and SUBTRACT are for list-type settings only, and TopicConfig has none, so they are INVALID_CONFIG with
    // Kafka's message; an operation id outside the four is INVALID_REQUEST. Values are not checked here:
    // TopicConfig::applyKafkaConfigs does that afterwards. On an error settings are left as they were.
    static ErrorCode applyIncremental(
        QMap<QString, QString> &settings, const QList<IncrementalAlterConfigsRequestData::Config> &ops, QString *why);
};

} // namespace topicscope::engine::wire
