// The protocol lane on hand-built exchanges (tests/common/wireexchangefixture.h): the model under
// QAbstractItemModelTester keeps the newest rows within its bound, the filter narrows by text, connection and
// errors, error rows stand out, the view follows the newest row unless the user scrolled up, a flood stays cheap,
// and screenshots (PNG, also at 1280x720) show a rebalance as its JoinGroup / SyncGroup / Heartbeat sequence.
#include "format.h"
#include "protocollanefilter.h"
#include "protocollanemodel.h"
#include "protocollaneview.h"
#include "wireexchangefixture.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using namespace topicscope;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

// The rows as "client | API | key fields | latency | error", without the time of day (time zone dependent).
QString dump(const QAbstractItemModel &model)
{
    QStringList lines;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = ui::ProtocolLaneModel::Client; c < ui::ProtocolLaneModel::ColumnCount; ++c)
            cells << model.index(r, c).data().toString();
        lines << cells.join(QStringLiteral(" | "));
    }
    return lines.join(QLatin1Char('\n'));
}

QList<engine::WireExchange> heartbeats(uitest::ExchangeBuilder &b, int n, quint64 connection = 1)
{
    QList<engine::WireExchange> out;
    for (int i = 0; i < n; ++i)
        out << b.make(connection, QStringLiteral("hb"), 12, QStringLiteral("Heartbeat"), 4, i);
    return out;
}

} // namespace

class TestProtocolLane : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsReadAsTheExchanges()
    {
        ui::ProtocolLaneModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        uitest::ExchangeBuilder b;
        const QList<engine::WireExchange> story = b.rebalanceStory();
        model.append(story.mid(0, 7));
        model.append(story.mid(7));
        QCOMPARE(model.rowCount(), story.size());
        const QString text = dump(model);
        QVERIFY2(text.startsWith(QStringLiteral(
                     "orders-producer (127.0.0.1:54001) | ApiVersions v3 |  | 1 ms | \n"
                     "orders-producer (127.0.0.1:54001) | Metadata v12 | orders | 1 ms | \n"
                     "orders-producer (127.0.0.1:54001) | Produce v9 | orders-0 +5 @0..4; orders-1 +3 @0..2 | 3 ms | \n"
                     "billing-1 (127.0.0.1:54002) | FindCoordinator v4 | billing | 1 ms | \n"
                     "billing-1 (127.0.0.1:54002) | JoinGroup v5 | billing billing-1-7f3a: MEMBER_ID_REQUIRED | 1 ms | "
                     "MEMBER_ID_REQUIRED\n"
                     "billing-1 (127.0.0.1:54002) | JoinGroup v5 | billing gen 1 billing-1-7f3a | 3000 ms | \n")),
            qPrintable(text));
        QCOMPARE(model.index(0, ui::ProtocolLaneModel::Time).data().toString(),
            ui::format::timeOfDay(uitest::ExchangeEpochMs));
        QCOMPARE(model.index(5, ui::ProtocolLaneModel::Latency).data(ui::SortRole).toLongLong(), qint64(3000));
        QCOMPARE(model.index(2, 0).data(ui::ProtocolLaneModel::ConnectionRole).toULongLong(), quint64(1));
        QCOMPARE(model.index(2, 0).data(ui::ProtocolLaneModel::SequenceRole).toULongLong(), story.at(2).sequence);

        // Errors stand out: a tinted row and the error's name in the error colour. Others are plain.
        const int rebalancing = 13; // billing-1's heartbeat answered REBALANCE_IN_PROGRESS
        QCOMPARE(model.index(rebalancing, ui::ProtocolLaneModel::Error).data().toString(),
            QStringLiteral("REBALANCE_IN_PROGRESS"));
        QVERIFY(model.index(rebalancing, 0).data(ui::ProtocolLaneModel::IsErrorRole).toBool());
        QVERIFY(!model.index(0, 0).data(ui::ProtocolLaneModel::IsErrorRole).toBool());
        QVERIFY(model.index(rebalancing, ui::ProtocolLaneModel::Client).data(Qt::BackgroundRole).canConvert<QColor>());
        QVERIFY(model.index(rebalancing, ui::ProtocolLaneModel::Error).data(Qt::ForegroundRole).canConvert<QColor>());
        QVERIFY(!model.index(0, ui::ProtocolLaneModel::Client).data(Qt::BackgroundRole).isValid());

        model.clear();
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(model.evicted(), qint64(0));
    }

    void theBoundKeepsTheNewest()
    {
        ui::ProtocolLaneModel model(nullptr, 5);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        uitest::ExchangeBuilder b;
        const QList<engine::WireExchange> all = heartbeats(b, 20);
        model.append(all.mid(0, 3));
        QCOMPARE(model.rowCount(), 3);
        model.append(all.mid(3, 4)); // 7 > 5: the two oldest go
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.evicted(), qint64(2));
        QCOMPARE(model.exchangeAt(0).sequence, all.at(2).sequence);
        QCOMPARE(model.exchangeAt(4).sequence, all.at(6).sequence);
        model.append(all.mid(7)); // a batch larger than the bound: only its newest five stay
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.evicted(), qint64(15));
        for (int i = 0; i < 5; ++i)
            QCOMPARE(model.exchangeAt(i).sequence, all.at(15 + i).sequence);
    }

    void filterNarrowsByTextConnectionAndErrors()
    {
        ui::ProtocolLaneModel model;
        ui::ProtocolLaneFilter filter;
        filter.setLaneModel(&model);
        QAbstractItemModelTester tester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        uitest::ExchangeBuilder b;
        const QList<engine::WireExchange> story = b.rebalanceStory();
        model.append(story);
        QCOMPARE(filter.rowCount(), story.size());

        filter.setText(QStringLiteral("syncgroup")); // case-insensitive, on the API
        QCOMPARE(filter.rowCount(), 3);
        filter.setText(QStringLiteral("billing-2")); // client id and member id
        QCOMPARE(filter.rowCount(), 6);
        filter.setText(QStringLiteral("  orders-0 ")); // key fields, trimmed
        QCOMPARE(filter.rowCount(), 3);
        filter.setText(QStringLiteral("54004")); // the address
        QCOMPARE(filter.rowCount(), 6);
        filter.setText(QString());

        filter.setErrorsOnly(true);
        QCOMPARE(dump(filter),
            QStringLiteral(
                "billing-1 (127.0.0.1:54002) | JoinGroup v5 | billing billing-1-7f3a: MEMBER_ID_REQUIRED | 1 ms | "
                "MEMBER_ID_REQUIRED\n"
                "billing-2 (127.0.0.1:54004) | JoinGroup v5 | billing billing-2-9c01: MEMBER_ID_REQUIRED | 1 ms | "
                "MEMBER_ID_REQUIRED\n"
                "billing-1 (127.0.0.1:54002) | Heartbeat v5 | billing gen 1 billing-1-7f3a: REBALANCE_IN_PROGRESS | "
                "1 ms | REBALANCE_IN_PROGRESS\n"
                "billing-old (127.0.0.1:54005) | Heartbeat v5 | billing gen 1 billing-old-11d2: UNKNOWN_MEMBER_ID | "
                "1 ms | UNKNOWN_MEMBER_ID"));
        filter.setText(QStringLiteral("unknown_member")); // the error's name
        QCOMPARE(filter.rowCount(), 1);
        filter.setText(QString());
        filter.setErrorsOnly(false);

        // One connection: the group member's coordinator connection shows its rebalance in order.
        filter.setConnectionId(2);
        QStringList apis;
        for (int r = 0; r < filter.rowCount(); ++r)
            apis << filter.index(r, ui::ProtocolLaneModel::Api).data().toString().section(QLatin1Char(' '), 0, 0);
        QCOMPARE(apis.join(QLatin1Char(' ')),
            QStringLiteral("FindCoordinator JoinGroup JoinGroup SyncGroup Heartbeat Heartbeat JoinGroup SyncGroup "
                           "OffsetCommit Heartbeat"));
        // New rows go through the filter too.
        model.append(heartbeats(b, 3, 2));
        QCOMPARE(filter.rowCount(), 13);
        model.append(heartbeats(b, 3, 9));
        QCOMPARE(filter.rowCount(), 13);
        filter.setConnectionId(0);
        QCOMPARE(filter.rowCount(), story.size() + 6);
    }

    void viewFollowsTheNewestUnlessScrolledUp()
    {
        ui::ProtocolLaneView view(nullptr, 300);
        view.resize(900, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        uitest::ExchangeBuilder b;
        QScrollBar *scroll = view.table()->verticalScrollBar();
        view.append(heartbeats(b, 100));
        QVERIFY(view.isFollowing());
        QTRY_COMPARE(scroll->value(), scroll->maximum());
        QVERIFY(scroll->maximum() > 0);
        view.append(heartbeats(b, 50));
        QCOMPARE(scroll->value(), scroll->maximum());

        // The user scrolls up to read row 40: new rows do not move it, and when the oldest rows leave (the bound
        // is 300) the rows in view stay in view.
        const auto topRow = [&view] {
            return view.table()->indexAt(QPoint(5, 5)).data(ui::ProtocolLaneModel::SequenceRole).toULongLong();
        };
        scroll->setValue(40);
        QVERIFY(!view.isFollowing());
        const quint64 reading = topRow();
        view.append(heartbeats(b, 100)); // 250 rows
        QCOMPARE(scroll->value(), 40);
        QCOMPARE(topRow(), reading);
        view.append(heartbeats(b, 100)); // 350 > 300: 50 leave from the top
        QVERIFY(!view.isFollowing());
        QCOMPARE(view.model()->rowCount(), 300);
        QCOMPARE(scroll->value(), 0); // the rows it showed are gone; it shows the oldest left
        scroll->setValue(100);
        const quint64 top = topRow();
        view.append(heartbeats(b, 20)); // 20 leave from the top
        QCOMPARE(scroll->value(), 80);
        QCOMPARE(topRow(), top);

        // Back at the bottom, it follows again.
        scroll->setValue(scroll->maximum());
        QVERIFY(view.isFollowing());
        view.append(heartbeats(b, 20));
        QCOMPARE(scroll->value(), scroll->maximum());
        QCOMPARE(view.model()->rowCount(), 300);
        QVERIFY2(view.statusText().contains(QStringLiteral("not kept")), qPrintable(view.statusText()));
    }

    void filterBoxAndErrorsOnlyDriveTheFilter()
    {
        ui::ProtocolLaneView view;
        uitest::ExchangeBuilder b;
        view.append(b.rebalanceStory());
        view.filterEdit()->setText(QStringLiteral("Heartbeat"));
        QCOMPARE(view.filter()->rowCount(), 5);
        view.errorsOnlyBox()->setChecked(true);
        QCOMPARE(view.filter()->rowCount(), 2);
        QCOMPARE(view.statusText(), QStringLiteral("2 of 24 exchanges"));
        view.addDropped(1000);
        QCOMPARE(view.statusText(), QStringLiteral("2 of 24 exchanges · 1,000 older ones not kept"));
        view.clear();
        QCOMPARE(view.statusText(), QStringLiteral("0 of 0 exchanges"));
    }

    void floodIsCheap()
    {
        // Ten snapshots a second with the engine's 1,000 exchanges each, into the default 5,000-row lane with a
        // filter on: what the GUI thread pays per snapshot.
        ui::ProtocolLaneView view;
        view.resize(1200, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.filterEdit()->setText(QStringLiteral("orders"));
        uitest::ExchangeBuilder b;
        QList<QList<engine::WireExchange>> batches;
        for (int s = 0; s < 50; ++s) {
            QList<engine::WireExchange> batch;
            for (int i = 0; i < 1000; ++i)
                batch << b.make(1 + i % 7, QStringLiteral("flood"), 0, QStringLiteral("Produce"), 9, s * 100 + i / 10,
                    1, i % 97 == 0 ? engine::ErrorCode::NotLeaderOrFollower : engine::ErrorCode::None,
                    QStringLiteral("orders-%1 +100 @%2..%3").arg(i % 12).arg(i * 100).arg(i * 100 + 99));
            batches << batch;
        }
        QElapsedTimer timer;
        timer.start();
        qint64 worst = 0;
        for (const auto &batch : std::as_const(batches)) {
            QElapsedTimer one;
            one.start();
            view.append(batch);
            QCoreApplication::processEvents(); // the repaint of a visible lane
            worst = std::max(worst, one.elapsed());
        }
        const qint64 total = timer.elapsed();
        qInfo("50 snapshots of 1,000 exchanges into a 5,000-row lane: %lld ms in all, %lld ms at worst", total, worst);
        QCOMPARE(view.model()->rowCount(), ui::ProtocolLaneModel::DefaultCapacity);
        QCOMPARE(view.model()->evicted(), qint64(45'000));
        // A tenth of a second per snapshot would be the whole budget at ten a second; stay well under it.
        QVERIFY2(worst < 100, qPrintable(QString::number(worst)));
    }

    void screenshots()
    {
        uitest::ExchangeBuilder b;
        for (const QSize size : {QSize(1000, 460), QSize(1280, 720)}) {
            ui::ProtocolLaneView view;
            view.resize(size);
            view.append(b.rebalanceStory());
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            const QString name = QStringLiteral("protocollane-%1x%2.png").arg(size.width()).arg(size.height());
            QVERIFY(view.grab().save(outputPath(name)));
            view.errorsOnlyBox()->setChecked(true);
            QVERIFY(view.grab().save(
                outputPath(QStringLiteral("protocollane-errors-%1x%2.png").arg(size.width()).arg(size.height()))));
            // Nothing cut off: the columns fit the width, the text of every row fits its column's width or elides.
            QVERIFY(view.minimumSizeHint().width() <= size.width());
        }
    }
};

QTEST_MAIN(TestProtocolLane)
#include "tst_protocollane.moc"
