// A Kafka 4 consumer-protocol group (KIP-848) in the explorer's Groups tab: its type, group and target epochs, and
// each member's epoch and reconciliation (revoking, waiting for partitions, stable), through the real engine and
// window at 1280x720, in English and then in Korean. The members are driven by ConsumerGroupHeartbeat calls on the
// engine thread, as the wire layer makes them; screenshots explorer-consumergroup-*.png.
#include "format.h"
#include "groupmembersmodel.h"
#include "groupsmodel.h"
#include "groupsview.h"
#include "i18n/language.h"
#include "koreanfont.h"
#include "mainwindow.h"
#include "rebalancehistorymodel.h"
#include "runtime/engine.h"
#include "runtime/enginefacade.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QSignalSpy>
#include <QTest>

using namespace topicscope;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

using Sets = QMap<QString, QList<int>>;

// One heartbeat on the engine thread; the answer's assignment is kept as what the member owns.
struct Members {
    QMap<QString, Sets> owned;
    QMap<QString, qint32> epochs;
};

void beat(engine::Engine &e, Members &members, const QString &memberId, bool join)
{
    engine::ConsumerGroupHeartbeatRequest r;
    r.groupId = QStringLiteral("billing");
    r.memberId = memberId;
    r.memberEpoch = join ? 0 : members.epochs.value(memberId);
    r.clientId = memberId;
    r.clientHost = QStringLiteral("/127.0.0.1");
    r.ownedPartitions = join ? Sets {} : members.owned.value(memberId);
    if (join) {
        r.rebalanceTimeoutMs = 30000;
        r.subscribedTopicNames = QStringList {QStringLiteral("orders")};
    }
    const engine::ConsumerGroupHeartbeatResponse response = e.groups().consumerGroupHeartbeat(r);
    if (response.error != engine::ErrorCode::None)
        qFatal(
            "heartbeat of %s failed: %s", qPrintable(memberId), qPrintable(response.errorMessage.value_or(QString())));
    members.epochs[memberId] = response.memberEpoch;
    if (response.assignment)
        members.owned[memberId] = *response.assignment;
}

QString cellsOf(const QAbstractItemModel &model, int column)
{
    QStringList cells;
    for (int r = 0; r < model.rowCount(); ++r)
        cells << model.index(r, column).data().toString();
    return cells.join(QLatin1Char('|'));
}

} // namespace

class TestExplorerConsumerGroup : public QObject {
    Q_OBJECT
private:
    void run(const QString &suffix)
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.resize(1280, 720);
        window.show();
        ui::GroupsView *groups = window.groupsView();
        QAbstractItemModelTester groupsTester(
            groups->groupsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester membersTester(
            groups->membersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester historyTester(
            groups->historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        facade.createTopic(QStringLiteral("orders"), 6);
        QTRY_COMPARE(finished.count(), 1);

        // a joins and gets all six; b joins: a must give three up before b gets them.
        auto members = std::make_shared<Members>();
        facade.post([members](engine::Engine &e) {
            beat(e, *members, QStringLiteral("member-a"), true);
            beat(e, *members, QStringLiteral("member-b"), true);
            beat(e, *members, QStringLiteral("member-a"), false);
        });
        QTRY_COMPARE_WITH_TIMEOUT(groups->groupsModel()->rowCount(), 1, 10000);
        groups->selectGroup(QStringLiteral("billing"));
        QTRY_COMPARE(groups->membersModel()->rowCount(), 2);
        QTRY_COMPARE(groups->groupsModel()->rowAt(0).state, QStringLiteral("Reconciling"));
        const ui::GroupsModel *model = groups->groupsModel();
        QCOMPARE(model->index(0, ui::GroupsModel::Type).data().toString(), QStringLiteral("consumer"));
        QCOMPARE(
            model->index(0, ui::GroupsModel::Generation).data().toString(), ui::GroupsModel::tr("epoch %1").arg(2));
        QCOMPARE(model->index(0, ui::GroupsModel::Generation).data(ui::SortRole).toInt(), 2);
        QCOMPARE(model->index(0, ui::GroupsModel::Leader).data().toString(), QStringLiteral("—"));
        QVERIFY(model->index(0, ui::GroupsModel::Leader)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("uniform")));
        const QString reconciling = cellsOf(*groups->membersModel(), ui::GroupMembersModel::Reconciliation);
        QVERIFY2(reconciling.contains(ui::GroupMembersModel::tr("epoch %1").arg(1) + QStringLiteral(" · ")
                     + ui::GroupMembersModel::tr("revoking %1").arg(QString()).trimmed()),
            qPrintable(reconciling));
        QVERIFY2(reconciling.contains(ui::GroupMembersModel::tr("epoch %1").arg(2) + QStringLiteral(" · ")
                     + ui::GroupMembersModel::tr("waiting for %1").arg(QString()).trimmed()),
            qPrintable(reconciling));
        window.showTab(ui::MainWindow::GroupsTab);
        QTest::qWait(150);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("explorer-consumergroup-reconciling%1.png").arg(suffix))));

        // a reports the three gone, then b takes them: both stable at epoch 2.
        facade.post([members](engine::Engine &e) {
            beat(e, *members, QStringLiteral("member-a"), false);
            beat(e, *members, QStringLiteral("member-b"), false);
        });
        QTRY_COMPARE(groups->groupsModel()->rowAt(0).state, QStringLiteral("Stable"));
        QTRY_COMPARE(cellsOf(*groups->membersModel(), ui::GroupMembersModel::Reconciliation),
            QStringList(2,
                ui::GroupMembersModel::tr("epoch %1").arg(2) + QStringLiteral(" · ")
                    + ui::GroupMembersModel::tr("stable"))
                .join(QLatin1Char('|')));
        // The rebalance history: epoch 2 as the embedded coordinator saw it settle, both members holding three.
        const ui::RebalanceHistoryModel *history = groups->historyModel();
        QTRY_VERIFY(history->rowCount() >= 1);
        const int last = history->rowCount() - 1;
        QCOMPARE(history->index(last, ui::RebalanceHistoryModel::Generation).data().toString(), QStringLiteral("2"));
        QCOMPARE(history->index(last, ui::RebalanceHistoryModel::State).data().toString(), QStringLiteral("Stable"));
        QCOMPARE(history->index(last, ui::RebalanceHistoryModel::Source).data().toString(),
            ui::RebalanceHistoryModel::tr("coordinator"));
        QCOMPARE(history->rowAt(last).members.size(), 2);
        for (const engine::GenerationMember &m : history->rowAt(last).members)
            QCOMPARE(m.assignment.size(), 3);
        QTest::qWait(150);
        QVERIFY(window.grab().save(outputPath(QStringLiteral("explorer-consumergroup-stable%1.png").arg(suffix))));
    }

private Q_SLOTS:
    void english() { run(QString()); }

    // Last: it installs the Korean catalogue for the rest of the process.
    void korean()
    {
        QVERIFY(ui::Language::install(qApp, QStringLiteral("ko")));
        uitest::ensureKoreanFont();
        QCOMPARE(ui::GroupMembersModel::tr("waiting for %1"), QStringLiteral("대기 중 %1"));
        run(QStringLiteral("-ko"));
    }
};

QTEST_MAIN(TestExplorerConsumerGroup)
#include "tst_explorerconsumergroup.moc"
