// The explorer's two deletions Kafka offers: DeleteRecords (a partition's log start moved up, DeleteRecordsDialog)
// and DeleteGroups (an Empty group, from the Groups view), against a fake cluster.
#include "deleterecordsdialog.h"
#include "groupsview.h"
#include "uifakecluster.h"

#include <QMessageBox>
#include <QPushButton>
#include <QTest>

using namespace topicscope;

namespace {
engine::GroupDescription group(const QString &id, const QString &state)
{
    engine::GroupDescription g;
    g.groupId = id;
    g.state = state;
    g.protocolType = QStringLiteral("consumer");
    return g;
}
} // namespace

class TestDeleteActions : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deleteRecordsTakesAnOffsetInRange()
    {
        engine::TopicInfo topic = uitest::FakeCluster::snapshotWith(QStringLiteral("orders"), {10, 5}).topics.at(0);
        topic.partitions[0].logStartOffset = 2;
        ui::DeleteRecordsDialog dialog(topic, 1);
        // The partition selected in the view, up to its high watermark by default.
        QCOMPARE(dialog.partition(), (engine::TopicPartition {QStringLiteral("orders"), 1}));
        QCOMPARE(dialog.beforeOffset(), 5);
        auto *remove = dialog.findChild<QPushButton *>(QStringLiteral("deleteRecords"));
        QVERIFY(remove && remove->isEnabled());
        dialog.setOffsetText(QStringLiteral("6"));
        QVERIFY(!dialog.isInputValid());
        QVERIFY(!remove->isEnabled());
        QCOMPARE(dialog.validationMessage(),
            QStringLiteral("Enter an offset from 0 (the log start) to 5 (the high "
                           "watermark)."));
        dialog.setOffsetText(QStringLiteral("three"));
        QVERIFY(!dialog.isInputValid());
        dialog.setOffsetText(QStringLiteral(" 3 "));
        QCOMPARE(dialog.beforeOffset(), 3);
        QVERIFY(remove->isEnabled());
        // Below a partition's log start is out of range too.
        ui::DeleteRecordsDialog first(topic, 0);
        first.setOffsetText(QStringLiteral("1"));
        QVERIFY(!first.isInputValid());
        first.setOffsetText(QStringLiteral("2"));
        QCOMPARE(first.beforeOffset(), 2);
        // No partition selected: the first.
        QCOMPARE(ui::DeleteRecordsDialog(topic, -1).partition().partition, 0);
    }

    void onlyAnEmptyGroupIsDeletedAndARefusalIsShown()
    {
        uitest::FakeCluster cluster;
        ui::GroupsView view(&cluster);
        engine::BrokerSnapshot s = uitest::FakeCluster::snapshotWith(QStringLiteral("orders"), {1});
        s.groups = {group(QStringLiteral("idle"), QStringLiteral("Empty")),
            group(QStringLiteral("busy"), QStringLiteral("Stable"))};
        s.groupOffsets.resize(2);
        view.setSnapshot(s);
        auto *button = view.findChild<QPushButton *>(QStringLiteral("deleteGroup"));
        QVERIFY(button);
        view.selectGroup(QStringLiteral("busy"));
        QVERIFY(!button->isEnabled());
        QCOMPARE(view.deleteCurrentGroup(), 0);
        view.selectGroup(QStringLiteral("idle"));
        QVERIFY(button->isEnabled());
        const quint64 id = view.deleteCurrentGroup();
        QVERIFY(id != 0);
        QCOMPARE(cluster.deletedGroups, QStringList {QStringLiteral("idle")});
        // The cluster refuses (a consumer joined meanwhile): said in a message box, without blocking.
        Q_EMIT cluster.commandFinished(id, 68, QStringLiteral("The group is not empty."));
        QMessageBox *box = view.findChild<QMessageBox *>();
        QVERIFY(box);
        QVERIFY2(box->text().contains(QLatin1String("The group is not empty.")), qPrintable(box->text()));
        // Another command's answer is not taken for it.
        box->close();
        QTRY_VERIFY(!view.findChild<QMessageBox *>());
        Q_EMIT cluster.commandFinished(id + 100, 68, QStringLiteral("not ours"));
        QVERIFY(!view.findChild<QMessageBox *>());
    }
};

QTEST_MAIN(TestDeleteActions)
#include "tst_deleteactions.moc"
