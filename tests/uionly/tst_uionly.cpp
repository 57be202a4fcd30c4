// The UI against a ClusterClient that is not the embedded engine. This executable links topicscope_ui and
// topicscope_api only (tests/CMakeLists.txt): if a UI file used anything of the engine beyond the API's values and
// interfaces, it would not link. And the window must work on any ClusterClient, as it will on a remote cluster.
#include "clusterclient.h"
#include "clustertreemodel.h"
#include "mainwindow.h"
#include "topicsmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace topicscope;

namespace {

// A cluster that answers from memory: one topic, and every command succeeds.
class FakeCluster : public engine::ClusterClient {
    Q_OBJECT
public:
    using ClusterClient::ClusterClient;

    void start() override
    {
        Q_EMIT started(true, QString());
        engine::BrokerSnapshot s;
        engine::TopicInfo t;
        t.name = QStringLiteral("remote-orders");
        for (int p = 0; p < 3; ++p) {
            engine::PartitionInfo info;
            info.partition = p;
            info.logEndOffset = 10 * (p + 1);
            t.partitions << info;
        }
        s.topics << t;
        Q_EMIT snapshotUpdated(s);
    }
    QString displayName() const override { return QStringLiteral("Fake cluster"); }
    quint64 createTopic(const QString &, int, const engine::TopicConfig &) override { return done(); }
    quint64 deleteTopic(const QString &) override { return done(); }
    quint64 createPartitions(const QString &, int) override { return done(); }
    quint64 alterTopicConfig(const QString &, const engine::TopicConfig &) override { return done(); }
    quint64 resetOffsets(const engine::OffsetResetRequest &) override { return done(); }
    quint64 fetchMessages(const engine::MessageQuery &) override { return nextRequestId(); }
    quint64 lookupOffsets(const QString &, qint64) override { return nextRequestId(); }
    quint64 previewPartition(const engine::ProduceRequest &) override { return nextRequestId(); }
    quint64 previewOffsetReset(const engine::OffsetResetRequest &) override { return nextRequestId(); }
    quint64 produce(const engine::ProduceRequest &) override { return nextRequestId(); }
    void cancelProduce(quint64) override { }

private:
    quint64 done()
    {
        const quint64 id = nextRequestId();
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT commandFinished(id, 0, QString()); }, Qt::QueuedConnection);
        return id;
    }
};

} // namespace

class TestUiOnly : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowShowsAnyClusterClient()
    {
        FakeCluster cluster;
        ui::MainWindow window(&cluster);
        auto *model = window.findChild<ui::TopicsModel *>();
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        cluster.start();
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("remote-orders"));
        // The cluster tree is rooted at the client's own name.
        auto *tree = window.findChild<ui::ClusterTreeModel *>();
        QVERIFY(tree);
        QAbstractItemModelTester treeTester(tree, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(tree->rowCount() > 0);
        QVERIFY2(tree->index(0, 0).data().toString().contains(QStringLiteral("Fake cluster")),
            qPrintable(tree->index(0, 0).data().toString()));
    }
};

QTEST_MAIN(TestUiOnly)
#include "tst_uionly.moc"
