// The explorer on a real in-memory broker behind the facade, fed through the real snapshot path: models under
// QAbstractItemModelTester, the create-topic dialog's validation, producing from the panel to the predicted
// partition and seeing it in the browser, an in-app consumer group with members and lag, reset offsets only
// when Empty, and a screenshot of every main view saved as PNG and checked not to be blank. No widget takes an
// Alt letter of the menu bar; the producer keeps a null key apart from an empty one.
#include "chartsview.h"
#include "client/consumer.h"
#include "clustertreemodel.h"
#include "consumeroffsetsrecords.h"
#include "createtopicdialog.h"
#include "groupmembersmodel.h"
#include "groupoffsetsmodel.h"
#include "groupsmodel.h"
#include "groupsview.h"
#include "mainwindow.h"
#include "messagebrowser.h"
#include "messagemodel.h"
#include "partitionsmodel.h"
#include "producerpanel.h"
#include "runtime/enginefacade.h"
#include "runtime/scenariocontrol.h"
#include "timeserieschart.h"
#include "topicsmodel.h"
#include "topicsview.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSet>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabBar>
#include <QTableView>
#include <QTest>

using namespace topicscope;

namespace {

QString outputPath(const QString &name)
{
    return QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR)).filePath(name);
}

// Not blank: a rendered view has many distinct colours (text, grid, selection), a blank one a handful.
int distinctColours(const QImage &image)
{
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 3) {
        for (int x = 0; x < image.width(); x += 3)
            colours.insert(image.pixel(x, y));
    }
    return int(colours.size());
}

QString dumpModel(const QAbstractItemModel &model, const QList<int> &columns)
{
    QString out;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c : columns)
            cells.append(model.index(r, c).data().toString());
        out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
    }
    return out;
}

// The Alt letter of a text ("&Send" -> 's'), or a null QChar; "&&" is a literal ampersand.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// In-app consumers living on the engine thread, polled by an engine clock timer.
struct ConsumerHolder {
    std::vector<std::unique_ptr<engine::Consumer>> consumers;
    bool polling = true;
};

void pollLoop(engine::Engine &e, std::shared_ptr<ConsumerHolder> holder)
{
    if (!holder->polling)
        return;
    for (auto &c : holder->consumers)
        c->poll();
    e.clock().schedule(100, [&e, holder] { pollLoop(e, holder); });
}

} // namespace

class TestExplorer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_explorer"));
    }

    void createTopicDialogValidatesAsYouType_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::addRow("plain") << QStringLiteral("orders") << true;
        QTest::addRow("dots and dashes") << QStringLiteral("app.events-v2") << true;
        QTest::addRow("empty") << QString() << false;
        QTest::addRow("space") << QStringLiteral("bad name") << false;
        QTest::addRow("dot") << QStringLiteral(".") << false;
        QTest::addRow("dot dot") << QStringLiteral("..") << false;
        QTest::addRow("250 chars") << QString(250, QLatin1Char('a')) << false;
        QTest::addRow("slash") << QStringLiteral("a/b") << false;
        QTest::addRow("exists") << QStringLiteral("existing") << false;
        QTest::addRow("collides on '.' vs '_'") << QStringLiteral("web_clicks") << false;
        QTest::addRow("collides on '_' vs '.'") << QStringLiteral("pay.ments") << false;
        QTest::addRow("differs otherwise") << QStringLiteral("web.clicks2") << true;
    }
    void createTopicDialogValidatesAsYouType()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        ui::CreateTopicDialog dialog(
            {QStringLiteral("existing"), QStringLiteral("web.clicks"), QStringLiteral("pay_ments")});
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("topicName"));
        QVERIFY(edit);
        QTest::keyClicks(edit, name);
        QCOMPARE(dialog.isInputValid(), valid);
        if (!valid && !name.isEmpty())
            QVERIFY(!dialog.validationMessage().isEmpty());
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QCOMPARE(buttons->button(QDialogButtonBox::Ok)->isEnabled(), valid);
    }

    // cleanup.policy in the dialog: compact alone turns retention off (nothing deletes by time then).
    void createTopicDialogOffersCompaction()
    {
        ui::CreateTopicDialog dialog({});
        auto *cleanup = dialog.findChild<QComboBox *>(QStringLiteral("cleanupPolicy"));
        auto *retention = dialog.findChild<QComboBox *>(QStringLiteral("retention"));
        QVERIFY(cleanup && retention);
        QVERIFY(dialog.config().cleanupDelete && !dialog.config().cleanupCompact);
        cleanup->setCurrentIndex(cleanup->findData(QStringLiteral("compact")));
        QVERIFY(!dialog.config().cleanupDelete && dialog.config().cleanupCompact);
        QVERIFY(!retention->isEnabled());
        cleanup->setCurrentIndex(cleanup->findData(QStringLiteral("compact,delete")));
        QVERIFY(dialog.config().cleanupDelete && dialog.config().cleanupCompact);
        QVERIFY(retention->isEnabled());
        QCOMPARE(
            dialog.config().toKafkaConfigs().value(QStringLiteral("cleanup.policy")), QStringLiteral("compact,delete"));
    }

    void createTopicDialogShowsTheWholeReason_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("reason");
        QTest::addRow("collision") << QStringLiteral("metrics.cpu_load.per-host.v2") << QStringLiteral("collides");
        QTest::addRow("bad character") << QStringLiteral("a/b") << QString();
        QTest::addRow("too long") << QString(250, QLatin1Char('x')) << QString();
        QTest::addRow("advice") << QStringLiteral("a.b") << QStringLiteral("advises");
    }
    void createTopicDialogShowsTheWholeReason()
    {
        QFETCH(QString, name);
        QFETCH(QString, reason);
        ui::CreateTopicDialog dialog({QStringLiteral("metrics_cpu_load_per-host_v2")});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("topicName")), name);
        QCoreApplication::processEvents();
        auto *message = dialog.findChild<QLabel *>(QStringLiteral("validationMessage"));
        QVERIFY(!message->text().isEmpty());
        QVERIFY2(message->text().contains(reason), qPrintable(message->text()));
        // Wrapped at the label's width, the whole text fits in its height, and the dialog fits a 1280x720 screen.
        QTRY_VERIFY2(message->height() >= message->heightForWidth(message->width()),
            qPrintable(
                QStringLiteral("%1 < %2").arg(message->height()).arg(message->heightForWidth(message->width()))));
        QVERIFY(dialog.width() <= 1280 && dialog.height() <= 720);
        if (QByteArray(QTest::currentDataTag()) == "collision")
            QVERIFY(dialog.grab().save(outputPath(QStringLiteral("new-topic-collision.png"))));
    }

    void noWidgetTakesAMenuBarMnemonic()
    {
        QCOMPARE(mnemonic(QStringLiteral("&Send")), QLatin1Char('s'));
        QCOMPARE(mnemonic(QStringLiteral("Fish && &Chips")), QLatin1Char('c'));
        QCOMPARE(mnemonic(QStringLiteral("Send")), QChar());

        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.setScenarioControl(facade.scenarios()); // as the app does: the Scenarios menu and the Flow tab
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QHash<QChar, QString> menus;
        for (QAction *menu : window.menuBar()->actions()) {
            if (const QChar c = mnemonic(menu->text()); !c.isNull())
                menus.insert(c, menu->text());
        }
        QVERIFY2(menus.contains(QLatin1Char('s')) && menus.contains(QLatin1Char('f')),
            qPrintable(menus.values().join(QLatin1Char(' '))));

        QStringList clashes;
        int checked = 0;
        const auto check = [&](const QString &what, const QString &text) {
            ++checked;
            const QChar c = mnemonic(text);
            if (!c.isNull() && menus.contains(c))
                clashes.append(QStringLiteral("%1 \"%2\" vs menu \"%3\"").arg(what, text, menus.value(c)));
        };
        for (const auto tab : {ui::MainWindow::TopicsTab, ui::MainWindow::PartitionsTab, ui::MainWindow::MessagesTab,
                 ui::MainWindow::GroupsTab, ui::MainWindow::ChartsTab, ui::MainWindow::FlowTab}) {
            window.showTab(tab);
            QCoreApplication::processEvents();
            for (QWidget *w : window.findChildren<QWidget *>()) {
                if (!w->isVisible())
                    continue;
                if (auto *button = qobject_cast<QAbstractButton *>(w))
                    check(QStringLiteral("button"), button->text());
                else if (auto *label = qobject_cast<QLabel *>(w); label && label->buddy())
                    check(QStringLiteral("label"), label->text());
                else if (auto *box = qobject_cast<QGroupBox *>(w))
                    check(QStringLiteral("group box"), box->title());
                else if (auto *bar = qobject_cast<QTabBar *>(w)) {
                    for (int i = 0; i < bar->count(); ++i)
                        check(QStringLiteral("tab"), bar->tabText(i));
                }
            }
        }
        QVERIFY(checked > 5); // the producer's buttons and check boxes at least
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
        // The incident itself: Alt+S opened Scenarios and the panel's "&Send" at once.
        QVERIFY(!window.producerPanel()
                     ->findChild<QPushButton *>(QStringLiteral("produceSend"))
                     ->text()
                     .contains(QLatin1Char('&')));
    }

    void producerKeepsNullKeyApartFromEmptyKey()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.resize(1280, 720);
        window.show();
        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        facade.createTopic(QStringLiteral("keys"), 6);
        QTRY_COMPARE(finished.count(), 1);
        ui::ProducerPanel *panel = window.producerPanel();
        QTRY_COMPARE(window.topicsView()->model()->rowCount(), 1);
        panel->setTopic(QStringLiteral("keys"));
        auto *key = panel->findChild<QLineEdit *>(QStringLiteral("produceKey"));
        auto *nullKey = panel->findChild<QCheckBox *>(QStringLiteral("produceNullKey"));
        auto *value = panel->findChild<QPlainTextEdit *>(QStringLiteral("produceValue"));
        auto *nullValue = panel->findChild<QCheckBox *>(QStringLiteral("produceNullValue"));
        QVERIFY(key && nullKey && value && nullValue);

        // By default an empty field is no key at all: the partitioner spreads records.
        QVERIFY(nullKey->isChecked());
        QVERIFY(!panel->request().key.has_value());
        QTRY_VERIFY2(panel->previewText().contains(QStringLiteral("null key")), qPrintable(panel->previewText()));
        QVERIFY2(panel->previewText().contains(QStringLiteral("no key")), qPrintable(panel->previewText()));

        // Unchecked, the empty field is the empty string: 0 bytes, hashed with murmur2 like any key.
        nullKey->setChecked(false);
        QVERIFY(panel->request().key.has_value());
        QCOMPARE(*panel->request().key, QString());
        QTRY_VERIFY2(
            panel->previewText().contains(QStringLiteral("empty-string key")), qPrintable(panel->previewText()));
        QVERIFY2(panel->previewText().contains(QStringLiteral("murmur2")), qPrintable(panel->previewText()));
        const int emptyKeyPartition = panel->previewedPartition();
        // Round-robin ignores keys, the empty one too: the note does not claim a hash.
        auto *partitioner = panel->findChild<QComboBox *>(QStringLiteral("producePartitioner"));
        partitioner->setCurrentIndex(partitioner->findData(QStringLiteral("round-robin")));
        QTRY_VERIFY2(panel->previewText().contains(QStringLiteral("key ignored")), qPrintable(panel->previewText()));
        QVERIFY2(panel->previewText().contains(QStringLiteral("empty-string key")), qPrintable(panel->previewText()));
        QVERIFY2(!panel->previewText().contains(QStringLiteral("hashed")), qPrintable(panel->previewText()));
        partitioner->setCurrentIndex(partitioner->findData(QStringLiteral("built-in")));
        QTRY_VERIFY2(panel->previewText().contains(QStringLiteral("murmur2")), qPrintable(panel->previewText()));

        // Typing a key makes it non-null; checking null clears the field again.
        nullKey->setChecked(true);
        QTest::keyClicks(key, QStringLiteral("u"));
        QVERIFY(!nullKey->isChecked());
        nullKey->setChecked(true);
        QCOMPARE(key->text(), QString());

        // A tombstone: null value, cleared by typing a value.
        nullValue->setChecked(true);
        QVERIFY(!panel->request().value.has_value());
        value->setPlainText(QStringLiteral("v"));
        QVERIFY(!nullValue->isChecked());
        QCOMPARE(*panel->request().value, QStringLiteral("v"));

        // Sent, the records carry a null key and an empty one; the detail tells them apart.
        QSignalSpy produced(panel, &ui::ProducerPanel::produced);
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        const auto nullReport = produced.last().at(0).value<engine::ProduceReport>();
        nullKey->setChecked(false);
        produced.clear();
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        const auto emptyReport = produced.last().at(0).value<engine::ProduceReport>();
        QCOMPARE(emptyReport.lastPartition, emptyKeyPartition);

        ui::MessageBrowser *browser = window.messageBrowser();
        window.showTab(ui::MainWindow::MessagesTab);
        QTRY_COMPARE(window.topicsView()->model()->rowAt(0).records, 2);
        for (const auto &[report, expectedKey, shown] :
            {std::tuple {nullReport, std::optional<QByteArray>(), QStringLiteral("key: null")},
                std::tuple {emptyReport, std::optional<QByteArray>(QByteArray()),
                    QStringLiteral("key: (empty string, 0 bytes)")}}) {
            browser->browse(QStringLiteral("keys"), report.lastPartition);
            ui::MessageModel *messages = browser->model();
            const int row = messages->rowForOffset(report.lastPartition, report.lastOffset);
            QVERIFY(row >= 0);
            QTRY_VERIFY(messages->messageAt(row).has_value());
            QCOMPARE(messages->messageAt(row)->key, expectedKey);
            browser->table()->selectRow(row);
            QTRY_VERIFY2(browser->detailText().contains(shown), qPrintable(browser->detailText()));
        }

        // What a room sees at 1280x720: a JSON record in its own member order, the live tail, the producer.
        value->setPlainText(
            QStringLiteral("{\"ride\": {i}, \"driver\": \"kim\", \"fare\": 12.50, \"tags\": [\"night\"]}"));
        key->setText(QStringLiteral("rider-{i}"));
        panel->findChild<QSpinBox *>(QStringLiteral("produceCount"))->setValue(40);
        produced.clear();
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        browser->browse(QStringLiteral("keys"), -1);
        browser->setLiveTail(true);
        QTRY_COMPARE(browser->model()->rowCount(), 42);
        browser->table()->selectRow(40);
        QTRY_VERIFY(browser->detailText().contains(QStringLiteral("\"ride\": ")));
        QVERIFY(browser->detailText().indexOf(QStringLiteral("\"ride\""))
            < browser->detailText().indexOf(QStringLiteral("\"driver\"")));
        QTest::qWait(100); // pages requested by the newly shown view arrive before the grab
        const QImage image = window.grab().toImage();
        QVERIFY(image.save(outputPath(QStringLiteral("explorer-messages-720p.png"))));
        QVERIFY(distinctColours(image) > 20);
        auto *format = browser->findChild<QComboBox *>(QStringLiteral("browserFormat"));
        format->setCurrentIndex(format->findText(QStringLiteral("Hex")));
        QVERIFY(browser->detailText().contains(QStringLiteral("00000000  7b 22 72 69 64 65 22 3a")));
        QVERIFY(window.grab().save(outputPath(QStringLiteral("explorer-messages-hex-720p.png"))));
    }

    void explorerShowsTheBroker()
    {
        engine::EngineOptions options;
        options.storage.inMemory = true;
        options.groups.initialRebalanceDelayMs = 0;
        engine::EngineFacade facade(options);
        ui::MainWindow window(&facade);
        window.resize(1500, 900);
        window.show();

        // Testers attached before any data, as the data then arrives through the snapshot path.
        QAbstractItemModelTester treeTester(window.treeModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester topicsTester(
            window.topicsView()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester groupsTester(
            window.groupsView()->groupsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester membersTester(
            window.groupsView()->membersModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester offsetsTester(
            window.groupsView()->offsetsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester messagesTester(
            window.messageBrowser()->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);

        QSignalSpy started(&facade, &engine::EngineFacade::started);
        QSignalSpy finished(&facade, &engine::EngineFacade::commandFinished);
        facade.start();
        QTRY_COMPARE(started.count(), 1);
        QVERIFY(started.at(0).at(0).toBool());
        facade.createTopic(QStringLiteral("orders"), 6);
        facade.createTopic(QStringLiteral("payments"), 3);
        QTRY_COMPARE(finished.count(), 2);

        // Produce from the panel: 300 keyed records, then one record whose partition is previewed first.
        ui::ProducerPanel *panel = window.producerPanel();
        QTRY_COMPARE(window.topicsView()->model()->rowCount(), 2);
        panel->setTopic(QStringLiteral("orders"));
        panel->findChild<QLineEdit *>(QStringLiteral("produceKey"))->setText(QStringLiteral("user-{i}"));
        panel->findChild<QPlainTextEdit *>(QStringLiteral("produceValue"))
            ->setPlainText(QStringLiteral("{\"order\": {i}, \"amount\": 12.5}"));
        panel->findChild<QSpinBox *>(QStringLiteral("produceCount"))->setValue(300);
        QSignalSpy produced(panel, &ui::ProducerPanel::produced);
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        QCOMPARE(produced.last().at(0).value<engine::ProduceReport>().sent, 300);

        panel->findChild<QLineEdit *>(QStringLiteral("produceKey"))->setText(QStringLiteral("user-1"));
        panel->findChild<QPlainTextEdit *>(QStringLiteral("produceValue"))
            ->setPlainText(QStringLiteral("{\"hello\": \"browser\"}"));
        panel->findChild<QSpinBox *>(QStringLiteral("produceCount"))->setValue(1);
        QTRY_VERIFY(panel->previewText().contains(QStringLiteral("murmur2")));
        const int predicted = panel->previewedPartition();
        QVERIFY(predicted >= 0 && predicted < 6);
        produced.clear();
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        const auto report = produced.last().at(0).value<engine::ProduceReport>();
        QCOMPARE(report.lastPartition, predicted);

        // The record appears in the browser at the predicted partition, at its offset.
        ui::MessageBrowser *browser = window.messageBrowser();
        QTRY_COMPARE(window.topicsView()->model()->rowAt(0).records, 301);
        browser->browse(QStringLiteral("orders"), predicted);
        ui::MessageModel *messages = browser->model();
        QTRY_VERIFY(messages->rowCount() > 0);
        const int row = messages->rowForOffset(predicted, report.lastOffset);
        QCOMPARE(row, messages->rowCount() - 1);
        QTRY_COMPARE(messages->index(row, ui::MessageModel::Value).data().toString(),
            QStringLiteral("{\"hello\": \"browser\"}"));
        QCOMPARE(messages->index(row, ui::MessageModel::Key).data().toString(), QStringLiteral("user-1"));

        // An in-app consumer group of two members on "orders", reading slowly so that lag shows.
        auto holder = std::make_shared<ConsumerHolder>();
        facade.post([holder](engine::Engine &e) {
            for (int i = 1; i <= 2; ++i) {
                engine::ConsumerConfig config;
                config.clientId = QStringLiteral("billing-%1").arg(i);
                config.groupId = QStringLiteral("billing");
                config.autoOffsetReset = engine::OffsetResetPolicy::Earliest;
                config.autoCommitIntervalMs = 100;
                config.maxPollRecords = 20;
                auto c = std::make_unique<engine::Consumer>(config, e.clock(), e.log(), &e.groups());
                c->subscribe({QStringLiteral("orders")});
                holder->consumers.push_back(std::move(c));
            }
            pollLoop(e, holder);
        });
        ui::GroupsView *groups = window.groupsView();
        QTRY_COMPARE_WITH_TIMEOUT(groups->groupsModel()->rowCount(), 1, 10000);
        groups->selectGroup(QStringLiteral("billing"));
        QTRY_COMPARE_WITH_TIMEOUT(groups->groupsModel()->rowAt(0).state, QStringLiteral("Stable"), 10000);
        QTRY_COMPARE(groups->membersModel()->rowCount(), 2);
        QTRY_COMPARE_WITH_TIMEOUT(groups->offsetsModel()->rowCount(), 6, 10000);
        // Both members hold three partitions each (range assignor).
        QCOMPARE(dumpModel(*groups->membersModel(),
                     {ui::GroupMembersModel::ClientId, ui::GroupMembersModel::AssignedPartitions})
                     .count(QStringLiteral("orders [")),
            2);
        QTRY_VERIFY(groups->offsetsModel()->totalLag() > 0);
        QVERIFY(!groups->canResetOffsets()); // Stable: Kafka refuses a reset

        // __consumer_offsets: hidden until asked for, then browsable with its records decoded to text.
        const QString internal = engine::ConsumerOffsetsRecords::topicName();
        QCOMPARE(window.topicsView()->model()->rowOf(internal), -1);
        window.topicsView()->showInternalSwitch()->setChecked(true);
        QCOMPARE(window.topicsView()->model()->rowCount(), 3);
        QVERIFY(window.topicsView()->model()->rowOf(internal) >= 0);
        browser->browse(internal, engine::ConsumerOffsetsRecords::partitionFor(QStringLiteral("billing"), 50));
        const auto decodedValues = [messages] {
            QStringList values;
            for (int r = 0; r < messages->rowCount(); ++r)
                values << messages->index(r, ui::MessageModel::Value).data().toString();
            return values.join(QLatin1Char('\n'));
        };
        QTRY_VERIFY(decodedValues().contains(QStringLiteral("group metadata billing generation 1 type consumer")));
        QTRY_VERIFY(decodedValues().contains(QStringLiteral("offset commit group=billing topic=orders partition=")));
        QTRY_VERIFY(messages->index(0, ui::MessageModel::Key)
                        .data()
                        .toString()
                        .startsWith(QStringLiteral("group metadata billing")));
        window.topicsView()->showInternalSwitch()->setChecked(false);
        QCOMPARE(window.topicsView()->model()->rowCount(), 2);

        // More traffic so that the charts have something to draw.
        panel->findChild<QLineEdit *>(QStringLiteral("produceKey"))->setText(QStringLiteral("user-{i}"));
        panel->findChild<QSpinBox *>(QStringLiteral("produceCount"))->setValue(400);
        produced.clear();
        panel->send();
        QTRY_VERIFY(!produced.isEmpty() && produced.last().at(0).value<engine::ProduceReport>().finished);
        QTRY_VERIFY_WITH_TIMEOUT(window.chartsView()->rateChart()->history().sampleCount() >= 3, 10000);

        // Screenshots of every main view, with data in them.
        window.selectTopic(QStringLiteral("orders"));
        const QList<QPair<ui::MainWindow::Tab, QString>> shots {
            {ui::MainWindow::TopicsTab, QStringLiteral("explorer-topics.png")},
            {ui::MainWindow::PartitionsTab, QStringLiteral("explorer-partitions.png")},
            {ui::MainWindow::MessagesTab, QStringLiteral("explorer-messages.png")},
            {ui::MainWindow::GroupsTab, QStringLiteral("explorer-groups.png")},
            {ui::MainWindow::ChartsTab, QStringLiteral("explorer-charts.png")}};
        browser->browse(QStringLiteral("orders"), -1);
        browser->table()->selectRow(2);
        for (const auto &[tab, file] : shots) {
            window.showTab(tab);
            QTest::qWait(150); // let pages requested by the newly shown view arrive before the grab
            const QImage image = window.grab().toImage();
            QVERIFY(image.save(outputPath(file)));
            QVERIFY2(distinctColours(image) > 20, qPrintable(file));
        }

        // Stop the consumers cleanly: the group becomes Empty and offsets can be reset, with a preview.
        bool closed = false;
        facade.post([holder, &closed](engine::Engine &) {
            holder->polling = false;
            for (auto &c : holder->consumers)
                c->close();
            holder->consumers.clear();
            closed = true;
        });
        QTRY_VERIFY(closed);
        QTRY_COMPARE_WITH_TIMEOUT(groups->groupsModel()->rowAt(0).state, QStringLiteral("Empty"), 10000);
        QTRY_VERIFY(groups->canResetOffsets());
        QSignalSpy preview(&facade, &engine::EngineFacade::offsetResetPreviewed);
        engine::OffsetResetRequest reset {
            QStringLiteral("billing"), QStringLiteral("orders"), engine::OffsetResetStrategy::Earliest, 0};
        facade.previewOffsetReset(reset);
        QTRY_COMPARE(preview.count(), 1);
        const auto p = preview.at(0).at(1).value<engine::OffsetResetPreview>();
        QCOMPARE(p.error, 0);
        qint64 committed = 0;
        for (const auto &o : groups->offsetsModel()->rows())
            committed += o.committedOffset;
        QCOMPARE(p.recordsReread, committed);
        QCOMPARE(p.recordsSkipped, 0);
        finished.clear();
        facade.resetOffsets(reset);
        QTRY_COMPARE(finished.count(), 1);
        QCOMPARE(finished.at(0).at(1).toInt(), 0);
        QTRY_COMPARE(groups->offsetsModel()->totalLag(), 701);

        // The tree shows the broker, topics with record counts and partitions, and the group.
        QTRY_VERIFY(window.treeModel()->dump().contains(QStringLiteral("billing · Empty")));
        QVERIFY(window.treeModel()->dump().contains(QStringLiteral("orders · 701")));
        QVERIFY(window.treeModel()->dump().contains(QStringLiteral("Topics (2)")));
        window.close(); // saves the layout
    }
};

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
