// The main window on a real in-memory engine behind the facade: a topic created through the facade shows
// up from the coalesced snapshots; the window is grabbed to a PNG for a person to look at.
#include "mainwindow.h"
#include "runtime/enginefacade.h"

#include <QApplication>
#include <QDir>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>

using namespace topicscope;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void showsTopicsFromSnapshots()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.show();
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toBool(), true);

        facade.createTopic(QStringLiteral("orders"), 3);
        facade.createTopic(QStringLiteral("bad name!"), 1);
        QTRY_COMPARE(finished.count(), 2);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        QCOMPARE(finished.at(1).at(1).toInt(), 17); // INVALID_TOPIC_EXCEPTION

        auto *overview = window.findChild<QPlainTextEdit *>();
        QVERIFY(overview);
        QTRY_VERIFY(overview->toPlainText().contains(QStringLiteral("topic orders (3 partitions)")));
        QVERIFY(overview->toPlainText().contains(QStringLiteral("partition 2: offsets 0..0")));
        QVERIFY(!overview->toPlainText().contains(QStringLiteral("bad name")));

        const QString png = QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(QStringLiteral("mainwindow.png"));
        QVERIFY(window.grab().save(png));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
