// A topic config edit changes only what the person changed (TopicConfig::changedConfigs,
// RdKafkaClient::replacedOverrides): with librdkafka 2.0's AlterConfigs, which replaces every override of the topic,
// the overrides the cluster has (settings Topicscope does not show included) are sent back with the edit on top. No
// network: tst_remotecluster's configEditSetsOnlyWhatItChanged runs both librdkafka paths against a broker.
#include "remote/rdkafkaclient.h"

#include <QTest>

using namespace topicscope::engine;

namespace {
QMap<QString, QString> settings(std::initializer_list<std::pair<const char *, const char *>> pairs)
{
    QMap<QString, QString> out;
    for (const auto &[name, value] : pairs)
        out.insert(QString::fromLatin1(name), QString::fromLatin1(value));
    return out;
}
} // namespace

class TestConfigEdit : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void onlyWhatTheEditChangedIsSent()
    {
        const QMap<QString, QString> shown = settings({{"retention.ms", "604800000"}, {"retention.bytes", "-1"}});
        const QMap<QString, QString> edited = settings({{"retention.ms", "3600000"}, {"retention.bytes", "-1"}});
        QCOMPARE(TopicConfig::changedConfigs(edited, shown), settings({{"retention.ms", "3600000"}}));
        // Nothing shown (the topic not in the last snapshot): everything the edit carries.
        QCOMPARE(TopicConfig::changedConfigs(edited, {}), edited);
    }

    void aWholeReplacementKeepsTheOverridesTheEditDidNotTouch()
    {
        // The cluster overrides a setting Topicscope does not carry, and someone set retention.bytes after the
        // snapshot the edit started from.
        const QMap<QString, QString> overrides
            = settings({{"min.insync.replicas", "2"}, {"retention.bytes", "5000000"}, {"compression.type", "zstd"}});
        const QMap<QString, QString> shown = settings({{"retention.ms", "604800000"}, {"retention.bytes", "-1"}});
        const QMap<QString, QString> edited = settings({{"retention.ms", "3600000"}, {"retention.bytes", "-1"}});
        QCOMPARE(RdKafkaClient::replacedOverrides(overrides, edited, shown),
            settings({{"min.insync.replicas", "2"}, {"retention.bytes", "5000000"}, {"compression.type", "zstd"},
                {"retention.ms", "3600000"}}));
        // A setting the edit does change replaces the cluster's override.
        const QMap<QString, QString> bytes = settings({{"retention.ms", "604800000"}, {"retention.bytes", "100"}});
        QCOMPARE(RdKafkaClient::replacedOverrides(overrides, bytes, shown).value(QStringLiteral("retention.bytes")),
            QStringLiteral("100"));
    }
};

QTEST_GUILESS_MAIN(TestConfigEdit)
#include "tst_configedit.moc"
