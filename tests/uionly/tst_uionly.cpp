// The UI against a ClusterClient that is not the embedded engine. This executable links topicscope_ui and
// topicscope_api only (tests/CMakeLists.txt): if a UI file used anything of the engine beyond the API's values and
// interfaces, it would not link. And the window must work on any ClusterClient, as it will on a remote cluster.
#include "clusterclient.h"
#include "clustertreemodel.h"
#include "mainwindow.h"
#include "topicsmodel.h"
#include "uifakecluster.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTest>

using namespace topicscope;

class TestUiOnly : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void windowShowsAnyClusterClient()
    {
        uitest::FakeCluster cluster;
        ui::MainWindow window(&cluster);
        auto *model = window.findChild<ui::TopicsModel *>();
        QVERIFY(model);
        QAbstractItemModelTester tester(model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        window.show();
        cluster.start();
        // With Kafka's internal topic beside it, which neither the topics list (until asked) nor the status bar's
        // count shows.
        engine::BrokerSnapshot snapshot
            = uitest::FakeCluster::snapshotWith(QStringLiteral("remote-orders"), {10, 20, 30});
        engine::TopicInfo offsets = snapshot.topics.constFirst();
        offsets.name = QStringLiteral("__consumer_offsets");
        snapshot.topics.prepend(offsets);
        Q_EMIT cluster.snapshotUpdated(snapshot);
        QTRY_COMPARE(model->rowCount(), 1);
        QCOMPARE(model->index(0, 0).data().toString(), QStringLiteral("remote-orders"));
        auto *counts = window.findChild<QLabel *>(QStringLiteral("statusCounts"));
        QVERIFY(counts);
        QVERIFY2(counts->text().startsWith(QStringLiteral("1 topic ")), qPrintable(counts->text()));
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
