// Kafka's cluster id for the embedded broker (runtime/clusteridentity): ids shaped as Kafka prints them, kept in the
// data directory's meta.properties across restarts, refused when that file is damaged, fresh for each in-memory
// broker, and what the listener tells clients.

#include "runtime/clusteridentity.h"
#include "runtime/engine.h"
#include "runtime/kafkaserver.h"
#include "wire/kafkaapis.h"

#include <QFile>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope::engine;

namespace {

EngineOptions onDisk(const QString &dir)
{
    EngineOptions o;
    o.storage.dataDir = dir;
    KafkaServerOptions listener;
    listener.listenPort = 0;
    o.listener = listener;
    return o;
}

} // namespace

class TestClusterIdentity : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void randomIdsAreKafkaShaped()
    {
        QSet<QString> seen;
        for (int i = 0; i < 200; ++i) {
            const QString id = ClusterIdentity::randomClusterId();
            QCOMPARE(id.size(), 22);
            QVERIFY2(ClusterIdentity::isValidClusterId(id), qPrintable(id));
            QVERIFY2(!id.startsWith(QLatin1Char('-')), qPrintable(id));
            seen.insert(id);
        }
        QCOMPARE(seen.size(), 200);
    }

    void validIds_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("16 zero bytes") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA") << true;
        QTest::newRow("url-safe characters") << QStringLiteral("-_AAAAAAAAAAAAAAAAAAAA") << true;
        QTest::newRow("the old fixed id") << QStringLiteral("topicscope") << false;
        QTest::newRow("21 characters") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAA") << false;
        QTest::newRow("23 characters") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAA") << false;
        QTest::newRow("standard base64 '+'") << QStringLiteral("+AAAAAAAAAAAAAAAAAAAAA") << false;
        // The last character carries 2 bits of the 16th byte and 4 padding bits, which must be zero.
        QTest::newRow("non-zero padding bits") << QStringLiteral("AAAAAAAAAAAAAAAAAAAAAB") << false;
    }

    void validIds()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(ClusterIdentity::isValidClusterId(id), valid);
    }

    void keptInTheDataDirectory()
    {
        QTemporaryDir dir;
        QString error;
        const QString id = ClusterIdentity::loadOrCreate(dir.path(), 0, &error);
        QVERIFY2(ClusterIdentity::isValidClusterId(id), qPrintable(error));
        const QString path = dir.filePath(ClusterIdentity::fileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(text.contains(QByteArray("cluster.id=" + id.toLatin1() + "\n")), text.constData());
        QVERIFY(text.contains("node.id=0\n"));
        QCOMPARE(QFile::permissions(path) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
            QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(ClusterIdentity::loadOrCreate(dir.path(), 0, &error), id);
        // Another directory is another cluster.
        QTemporaryDir other;
        QVERIFY(ClusterIdentity::loadOrCreate(other.path(), 0, &error) != id);
    }

    void damagedFileIsRefused_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("why");
        QTest::newRow("no cluster.id") << QByteArray("node.id=0\nversion=1\n") << QStringLiteral("no valid cluster.id");
        QTest::newRow("garbled id") << QByteArray("cluster.id=not an id\nnode.id=0\n")
                                    << QStringLiteral("no valid cluster.id");
        QTest::newRow("empty file") << QByteArray() << QStringLiteral("no valid cluster.id");
        QTest::newRow("another node") << QByteArray("cluster.id=AAAAAAAAAAAAAAAAAAAAAA\nnode.id=3\n")
                                      << QStringLiteral("belongs to node.id 3");
    }

    void damagedFileIsRefused()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, why);
        QTemporaryDir dir;
        const QString path = dir.filePath(ClusterIdentity::fileName());
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(contents);
        file.close();
        QString error;
        QVERIFY(ClusterIdentity::loadOrCreate(dir.path(), 0, &error).isEmpty());
        QVERIFY2(error.contains(path) && error.contains(why), qPrintable(error));
        // Nothing was overwritten.
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), contents);
        // The engine does not start on it.
        Engine engine(onDisk(dir.path()));
        QString startError;
        QVERIFY(!engine.start(&startError));
        QVERIFY2(startError.contains(why), qPrintable(startError));
    }

    // What clients are told (Metadata, DescribeCluster) is the id in meta.properties, the same after a restart;
    // in-memory brokers each get their own.
    void theListenerAnswersWithIt()
    {
        QTemporaryDir dir;
        QString id;
        for (int start = 0; start < 2; ++start) {
            Engine engine(onDisk(dir.path()));
            QString error;
            QVERIFY2(engine.start(&error), qPrintable(error));
            QVERIFY(engine.kafkaServer());
            QVERIFY(ClusterIdentity::isValidClusterId(engine.clusterId()));
            QCOMPARE(engine.kafkaServer()->apis().config().clusterId, engine.clusterId());
            if (start == 0)
                id = engine.clusterId();
            QCOMPARE(engine.clusterId(), id);
        }
        QString error;
        QCOMPARE(ClusterIdentity::loadOrCreate(dir.path(), 0, &error), id);
        EngineOptions memory;
        memory.storage.inMemory = true;
        Engine a(memory);
        Engine b(memory);
        QVERIFY(a.start(&error) && b.start(&error));
        QVERIFY(ClusterIdentity::isValidClusterId(a.clusterId()));
        QVERIFY(a.clusterId() != b.clusterId());
    }
};

QTEST_MAIN(TestClusterIdentity)
#include "tst_clusteridentity.moc"
