#include "mainwindow.h"

#include "appearance.h"
#include "brokersview.h"
#include "chartsview.h"
#include "clusterclient.h"
#include "clusterkind.h"
#include "clustertreemodel.h"
#include "connectionlauncher.h"
#include "flowworkspace.h"
#include "format.h"
#include "groupsview.h"
#include "language.h"
#include "listenerproblemdialog.h"
#include "messagebrowser.h"
#include "partitionsview.h"
#include "peerclusters.h"
#include "preferencesdialog.h"
#include "producerpanel.h"
#include "recordingmenu.h"
#include "scenarioclient.h"
#include "shortcutsdialog.h"
#include "topicnames.h"
#include "topicsview.h"
#include "uilogging.h"
#include "wireclientsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLoggingCategory>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>
#include <algorithm>
#include <utility>

Q_LOGGING_CATEGORY(lcUi, "topicscope.ui")

namespace topicscope::ui {

namespace {
const QString FirstRunHintDismissedKey = QStringLiteral("ui/firstRunHintDismissed");
} // namespace

MainWindow::MainWindow(engine::ClusterClient *client, QWidget *parent)
    : QMainWindow(parent)
    , m_client(client)
{
    Language::ensureInstalled(QCoreApplication::instance());
    setWindowTitle(tr("Topicscope"));
    setObjectName(QStringLiteral("mainWindow"));
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_topics = new TopicsView(this);
    m_partitions = new PartitionsView(this);
    m_partitions->setClient(client);
    m_messages = new MessageBrowser(client, this);
    m_groups = new GroupsView(client, this);
    m_charts = new ChartsView(this);
    m_clients = new WireClientsView(this);
    m_tabs->addTab(m_topics, tr("Topics"));
    m_tabs->addTab(m_partitions, tr("Partitions"));
    m_tabs->addTab(m_messages, tr("Messages"));
    m_tabs->addTab(m_groups, tr("Consumer groups"));
    m_tabs->addTab(m_charts, tr("Charts"));
    m_tabs->addTab(m_clients, tr("Wire clients"));
    auto *central = new QWidget(this);
    auto *centralLayout = new QVBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    m_firstRunHint = createFirstRunHint();
    centralLayout->addWidget(m_firstRunHint);
    centralLayout->addWidget(m_tabs, 1);
    setCentralWidget(central);

    static int windows = 0;
    m_clusterKey = QStringLiteral("window-%1").arg(++windows);
    m_treeModel = new ClusterTreeModel(this);
    m_treeModel->setBrokerName(client->displayName());
    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("clusterTree"));
    m_tree->setModel(m_treeModel);
    m_tree->setHeaderHidden(true);
    auto *treeDock = new QDockWidget(tr("Cluster"), this);
    treeDock->setObjectName(QStringLiteral("clusterDock"));
    treeDock->setWidget(m_tree);
    addDockWidget(Qt::LeftDockWidgetArea, treeDock);

    m_producer = new ProducerPanel(client, this);
    auto *producerDock = new QDockWidget(tr("Producer"), this);
    producerDock->setObjectName(QStringLiteral("producerDock"));
    // The panel is taller than a 720p screen leaves a dock: it scrolls instead of forcing the window's height.
    auto *producerScroll = new QScrollArea(producerDock);
    producerScroll->setObjectName(QStringLiteral("producerScroll"));
    producerScroll->setWidget(m_producer);
    producerScroll->setWidgetResizable(true);
    producerScroll->setFrameShape(QFrame::NoFrame);
    producerScroll->setMinimumWidth(200); // narrower than the panel: it scrolls sideways rather than push the tabs
    producerDock->setWidget(producerScroll);
    addDockWidget(Qt::RightDockWidgetArea, producerDock);

    m_statusDir = new QLabel(this);
    m_statusRate = new QLabel(this);
    m_statusCounts = new QLabel(this);
    m_statusCounts->setObjectName(QStringLiteral("statusCounts"));
    m_statusListener = new QLabel(this);
    m_statusRate->setObjectName(QStringLiteral("statusRate"));
    m_statusListener->setObjectName(QStringLiteral("statusListener"));
    statusBar()->addWidget(m_statusDir, 1);
    statusBar()->addPermanentWidget(m_statusListener);
    statusBar()->addPermanentWidget(m_statusCounts);
    statusBar()->addPermanentWidget(m_statusRate);
    m_statusDir->setText(tr("Starting %1…").arg(client->displayName()));

    createMenus();

    connect(client, &engine::ClusterClient::snapshotUpdated, this, &MainWindow::showSnapshot);
    connect(client, &engine::ClusterClient::commandFinished, this, &MainWindow::onCommandFinished);
    connect(client, &engine::ClusterClient::started, this, [this](bool ok, const QString &error) {
        if (!ok)
            QMessageBox::critical(this, tr("Topicscope"), tr("The broker could not start:\n%1").arg(error));
    });
    connect(m_tree, &QTreeView::clicked, this, &MainWindow::onTreeActivated);
    connect(m_tree, &QTreeView::activated, this, &MainWindow::onTreeActivated);
    connect(m_topics, &TopicsView::currentTopicChanged, this, [this](const QString &t) {
        if (!t.isEmpty())
            selectTopic(t);
    });
    connect(m_topics, &TopicsView::topicActivated, this, [this](const QString &t) {
        m_messages->browse(t, -1);
        showTab(MessagesTab);
    });
    connect(m_partitions, &PartitionsView::partitionActivated, this, [this](const QString &t, int p) {
        m_messages->browse(t, p);
        showTab(MessagesTab);
    });
    connect(m_producer, &ProducerPanel::produced, this, [](const engine::ProduceReport &) {});

    restoreLayout();
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    m_connectAction = file->addAction(tr("&Connect to Kafka…"), this, [this] {
        if (m_launcher)
            m_launcher->showDialog(this);
    });
    m_connectAction->setObjectName(QStringLiteral("connectToKafka"));
    m_connectAction->setStatusTip(tr("Open a window on a Kafka cluster from a saved connection"));
    m_connectAction->setVisible(false);
    QAction *open = file->addAction(tr("&Open Data Directory…"), QKeySequence::Open, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Open Data Directory"),
            m_snapshot.dataDirectory.isEmpty() ? QDir::homePath() : m_snapshot.dataDirectory);
        if (!dir.isEmpty() && dir != m_snapshot.dataDirectory)
            Q_EMIT dataDirectoryRequested(dir);
    });
    open->setObjectName(QStringLiteral("openDataDirectory"));
    open->setStatusTip(tr("Stop the broker and start it again on the Topicscope store in another directory"));
    // Only whoever owns the broker can restart it on another directory.
    connect(file, &QMenu::aboutToShow, this, [this, open] {
        open->setEnabled(isSignalConnected(QMetaMethod::fromSignal(&MainWindow::dataDirectoryRequested)));
    });
    QAction *exportRate = file->addAction(tr("Export Produce-Rate Chart as &PNG…"));
    connect(exportRate, &QAction::triggered, this, [this] { showTab(ChartsTab); });
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Copy Row"), QKeySequence::Copy, this, [this] {
        auto *view = qobject_cast<QTableView *>(QApplication::focusWidget());
        if (!view || !view->currentIndex().isValid())
            return;
        QStringList cells;
        for (int c = 0; c < view->model()->columnCount(); ++c) {
            if (view->isColumnHidden(c))
                continue;
            cells.append(view->model()->index(view->currentIndex().row(), c).data().toString());
        }
        QApplication::clipboard()->setText(cells.join(QLatin1Char('\t')));
    });
    edit->addAction(tr("&Find Messages…"), QKeySequence::Find, this, [this] {
        showTab(MessagesTab);
        m_messages->focusFilter();
    });
    edit->addSeparator();
    QAction *preferences = edit->addAction(tr("Pre&ferences…"), this, &MainWindow::editPreferences);
    preferences->setObjectName(QStringLiteral("preferences"));
    preferences->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    preferences->setMenuRole(QAction::PreferencesRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const QList<QPair<QString, Tab>> tabs {{tr("&Topics"), TopicsTab}, {tr("&Partitions"), PartitionsTab},
        {tr("&Messages"), MessagesTab}, {tr("Consumer &Groups"), GroupsTab}, {tr("&Charts"), ChartsTab},
        {tr("&Wire Clients"), ClientsTab}};
    for (const auto &[name, tab] : tabs) {
        QAction *a = view->addAction(
            name, QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(tab))), this, [this, tab = tab] { showTab(tab); });
        if (tab == ClientsTab)
            m_clientsTabAction = a;
    }
    m_viewTabsEnd = view->addSeparator(); // the Flow tab's entry goes before it when there is one
    m_viewMenu = view;
    const auto zoom = [](int step) { // 0 = back to 100 %
        Appearance a = Appearance::load();
        a.fontPercent = std::clamp(
            step == 0 ? 100 : a.fontPercent + step, Appearance::MinFontPercent, Appearance::MaxFontPercent);
        a.save();
        a.apply();
    };
    view->addAction(tr("Zoom &In"), QKeySequence::ZoomIn, this, [zoom] { zoom(10); });
    view->addAction(tr("Zoom &Out"), QKeySequence::ZoomOut, this, [zoom] { zoom(-10); });
    view->addAction(tr("&Actual Size"), QKeySequence(Qt::CTRL | Qt::Key_0), this, [zoom] { zoom(0); });
    view->addSeparator();
    for (QDockWidget *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    QMenu *broker = menuBar()->addMenu(tr("&Broker"));
    QAction *newTopicAction = broker->addAction(tr("&New Topic…"), QKeySequence::New, this, &MainWindow::newTopic);
    QAction *deleteAction
        = broker->addAction(tr("&Delete Topic…"), QKeySequence::Delete, this, &MainWindow::deleteTopic);
    broker->addAction(tr("Add &Partitions…"), this, &MainWindow::addPartitions);
    broker->addAction(tr("Edit &Retention…"), this, &MainWindow::editRetention);
    broker->addAction(tr("Delete Re&cords…"), this, &MainWindow::deleteRecords)
        ->setObjectName(QStringLiteral("deleteRecords"));
    broker->addSeparator();
    broker->addAction(tr("P&roduce"), QKeySequence(Qt::CTRL | Qt::Key_Return), m_producer, &ProducerPanel::send);
    broker->addAction(tr("Reset &Offsets…"), this, [this] {
        showTab(GroupsTab);
        if (!m_groups->canResetOffsets())
            QMessageBox::information(this, tr("Reset Offsets"),
                tr("Select an Empty consumer group: Kafka resets offsets only when no consumer is in the group."));
        else
            m_groups->resetOffsets();
    });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    m_helpMenu = help;
    help->addAction(tr("&About Topicscope"), this, [this] {
        QMessageBox::about(this, tr("About Topicscope"),
            tr("<h3>Topicscope %1</h3><p>A desktop Kafka-compatible broker that shows how Kafka works: topics, "
               "partitions, offsets, consumer groups and rebalances, live.</p><p>Built with Qt %2, running on Qt "
               "%3.</p><p>%4</p>")
                .arg(QApplication::applicationVersion(), QStringLiteral(QT_VERSION_STR),
                    QString::fromLatin1(qVersion()),
                    m_remote ? tr("Exploring %1.").arg(m_client ? m_client->displayName().toHtmlEscaped() : QString())
                        : m_snapshot.inMemory
                        ? tr("In memory: nothing is saved.")
                        : tr("Data directory: %1").arg(m_snapshot.dataDirectory.toHtmlEscaped())));
    });
    QAction *shortcuts = help->addAction(tr("&Keyboard Shortcuts"), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    shortcuts->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("Show the &Getting-Started Hint"), this, [this] {
        QSettings().remove(FirstRunHintDismissedKey);
        m_firstRunHint->setVisible(!m_presenting && m_tabs->currentWidget() != m_flow);
    });
    help->addSeparator();
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    auto *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolbar"));
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(newTopicAction);
    toolbar->addAction(deleteAction);
}

void MainWindow::setScenarioControl(engine::ScenarioClient *control)
{
    if (m_flow || !control)
        return;
    // Scenario texts (titles, captions, questions) carry their own languages: the window's is theirs too.
    control->setLanguage(Language::current());
    m_flow = new FlowWorkspace(control, this);
    m_tabs->insertTab(FlowTab, m_flow, tr("Flow")); // before the wire clients
    connect(m_flow, &FlowWorkspace::presentationModeRequested, this, &MainWindow::setPresentationMode);
    // The docks and the topic toolbar serve the real broker (cluster tree, producer), not the scenario's world: they
    // make room while the Flow tab is up (on a 720p projector every row counts) and come back as they were when
    // another tab is chosen.
    connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == FlowTab && m_docksHiddenByFlow.isEmpty()) {
            QList<QWidget *> chrome;
            for (QDockWidget *dock : findChildren<QDockWidget *>())
                chrome << dock;
            for (QToolBar *bar : findChildren<QToolBar *>())
                chrome << bar;
            for (QWidget *w : std::as_const(chrome)) {
                if (!w->isHidden()) { // not isVisible(): the window itself may not be shown yet
                    m_docksHiddenByFlow << w;
                    w->hide();
                }
            }
        } else if (index != FlowTab && !m_presenting) {
            restoreDocksHiddenByFlow();
        }
        // With nothing loaded, the Flow tab shows what real clients are doing, if any are connected.
        if (index == FlowTab && m_flow && !m_flow->playerState().loaded && !m_snapshot.wireClients.isEmpty())
            m_flow->openLive();
        // The hint points at the explorer and the scenarios; on the Flow tab its row belongs to the scene.
        m_firstRunHint->setVisible(
            index != FlowTab && !m_presenting && !QSettings().value(FirstRunHintDismissedKey, false).toBool());
    });
    if (QSettings().value(QStringLiteral("mainWindow/tab")).toInt() == FlowTab)
        m_tabs->setCurrentIndex(FlowTab);

    auto *scenarios = new QMenu(tr("&Scenarios"), this);
    scenarios->setObjectName(QStringLiteral("scenariosMenu"));
    m_scenariosMenu = scenarios;
    menuBar()->insertMenu(m_helpMenu->menuAction(), scenarios);
    auto *flowTab = new QAction(tr("F&low"), this);
    flowTab->setObjectName(QStringLiteral("showFlowTab"));
    flowTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(FlowTab))));
    connect(flowTab, &QAction::triggered, this, [this] { showTab(FlowTab); });
    m_viewMenu->insertAction(m_viewTabsEnd, flowTab);

    int n = 0;
    for (const auto &[path, title] : control->builtInScenarios(Language::current())) {
        QAction *a
            = scenarios->addAction(scenarioMenuText(n, title), this, [this, path = path] { openScenario(path); });
        a->setData(path);
        ++n;
    }
    connect(m_messages, &MessageBrowser::journeyRequested, this,
        [this](const QString &topic, int partition, qint64 offset) {
            m_flow->showLiveJourney({topic, partition}, offset);
            showTab(FlowTab);
        });
    scenarios->addSeparator();
    QAction *live = scenarios->addAction(tr("Li&ve Broker (your own clients)"), this, [this] {
        m_flow->openLive();
        showTab(FlowTab);
    });
    live->setObjectName(QStringLiteral("openLiveFlow"));
    scenarios->addAction(tr("S&andbox (free play)"), this, [this] {
        m_flow->openSandbox();
        showTab(FlowTab);
    });
    scenarios->addAction(tr("&Open Scenario File…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            this, tr("Open Scenario"), QDir::homePath(), tr("Topicscope scenarios (*.json);;All files (*)"));
        if (!path.isEmpty())
            openScenario(path);
    });
    scenarios->addAction(m_flow->recordingMenu()->openAction());
    scenarios->addAction(m_flow->recordingMenu()->saveAction());
    connect(m_flow->recordingMenu(), &RecordingMenu::openRequested, this, [this] { showTab(FlowTab); });
    scenarios->addSeparator();
    scenarios->addAction(tr("&Compare Assignors"), this, [this] {
        showTab(FlowTab);
        m_flow->compareAssignors();
    });
    QAction *present
        = scenarios->addAction(tr("&Presentation Mode"), this, [this] { setPresentationMode(!m_presenting); });
    present->setShortcut(QKeySequence(Qt::Key_F5));
    present->setShortcutContext(Qt::ApplicationShortcut);
    addAction(present); // keeps F5 working while the menu bar is hidden
    auto *leave = new QAction(this);
    leave->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(leave, &QAction::triggered, this, [this] {
        if (m_presenting)
            setPresentationMode(false);
    });
    addAction(leave);
    updateFirstRunHint();
}

QString MainWindow::scenarioMenuText(int index, const QString &title)
{
    // 1-9 by their digit; later ones by letters that no other entry of the Scenarios menu uses (a, o, c and p
    // are taken), so every built-in is one key away once the menu is open.
    static const QString laterMnemonics = QStringLiteral("JKLMNQRTUVWXYZ");
    const int number = index + 1;
    if (number <= 9)
        return QStringLiteral("&%1  %2").arg(number).arg(title);
    if (index - 9 < laterMnemonics.size())
        return QStringLiteral("%1  %2 (&%3)").arg(number).arg(title, laterMnemonics.at(index - 9));
    return QStringLiteral("%1  %2").arg(number).arg(title);
}

void MainWindow::restoreDocksHiddenByFlow()
{
    for (const QPointer<QWidget> &dock : std::as_const(m_docksHiddenByFlow)) {
        if (dock)
            dock->show();
    }
    m_docksHiddenByFlow.clear();
}

void MainWindow::openScenario(const QString &path)
{
    if (!m_flow)
        return;
    m_flow->openScenario(path);
    showTab(FlowTab);
}

void MainWindow::setPresentationMode(bool on)
{
    if (!m_flow || on == m_presenting)
        return;
    m_presenting = on;
    if (on) {
        m_stateBeforePresenting = saveState();
        m_maximizedBeforePresenting = isMaximized();
        showTab(FlowTab);
        for (QDockWidget *dock : findChildren<QDockWidget *>())
            dock->hide();
        for (QToolBar *bar : findChildren<QToolBar *>())
            bar->hide();
        menuBar()->hide();
        statusBar()->hide();
        m_tabs->tabBar()->hide();
        m_firstRunHint->hide();
        showFullScreen();
    } else {
        menuBar()->show();
        statusBar()->show();
        m_tabs->tabBar()->show();
        m_firstRunHint->setVisible(
            m_tabs->currentIndex() != FlowTab && !QSettings().value(FirstRunHintDismissedKey, false).toBool());
        restoreState(m_stateBeforePresenting); // the docks as they were on the Flow tab (hidden there)
        if (m_maximizedBeforePresenting)
            showMaximized();
        else
            showNormal();
    }
    m_flow->setPresentationMode(on);
}

void MainWindow::showTab(Tab tab)
{
    // The wire clients' and the brokers' indexes depend on which tabs this cluster has.
    if (tab == ClientsTab)
        m_tabs->setCurrentWidget(m_clients);
    else if (tab == BrokersTab && m_brokers)
        m_tabs->setCurrentWidget(m_brokers);
    else if (tab != BrokersTab)
        m_tabs->setCurrentIndex(int(tab));
}

void MainWindow::selectTopic(const QString &topic)
{
    m_topic = topic;
    m_topics->selectTopic(topic);
    m_partitions->setTopic(topic);
    m_partitions->setSnapshot(m_snapshot);
    m_producer->setTopic(topic);
}

void MainWindow::showSnapshot(const engine::BrokerSnapshot &snapshot)
{
    m_snapshot = snapshot;
    m_treeModel->setSnapshot(snapshot);
    Q_EMIT snapshotShown();
    if (m_tree->model()->rowCount() > 0 && !m_tree->isExpanded(m_tree->model()->index(0, 0))) {
        const QModelIndex broker = m_tree->model()->index(0, 0);
        m_tree->expand(broker);
        m_tree->expand(m_tree->model()->index(0, 0, broker));
        m_tree->expand(m_tree->model()->index(1, 0, broker));
        if (!snapshot.brokers.isEmpty())
            m_tree->expand(m_tree->model()->index(2, 0, broker)); // a remote cluster's few brokers
    }
    m_topics->setSnapshot(snapshot);
    if (m_topic.isEmpty() && !snapshot.topics.isEmpty())
        selectTopic(snapshot.topics.first().name);
    m_partitions->setSnapshot(snapshot);
    m_messages->setSnapshot(snapshot);
    m_groups->setSnapshot(snapshot);
    m_charts->setSnapshot(snapshot);
    m_clients->setSnapshot(snapshot);
    m_producer->setSnapshot(snapshot);
    // A remote cluster (it lists its brokers, or says why it cannot be reached) has no data directory or listener
    // of ours: the status bar shows its brokers and its connection instead.
    const bool remote = isRemoteCluster(snapshot);
    if (remote)
        showRemoteCluster(snapshot);
    m_statusDir->setText(remote ? tr("%n broker(s)", nullptr, int(snapshot.brokers.size()))
            : snapshot.inMemory ? tr("In memory (nothing is saved)")
                                : tr("Data: %1").arg(snapshot.dataDirectory));
    // The user's topics, as the cluster tree lists them: Kafka's internal ones (__consumer_offsets) are not counted.
    const auto userTopics = std::count_if(snapshot.topics.cbegin(), snapshot.topics.cend(),
        [](const engine::TopicInfo &t) { return !engine::TopicNames::isInternal(t.name); });
    m_statusCounts->setText(tr("%n topic(s)", nullptr, int(userTopics)) + QStringLiteral(" · ")
        + tr("%n group(s)", nullptr, int(snapshot.groups.size())));
    const auto perSecond = [](double rate) { return rate > 0 ? format::rate(rate).chopped(2) : QStringLiteral("0"); };
    m_statusRate->setText(
        tr("In: %1 · Out: %2 records/s")
            .arg(perSecond(snapshot.recordsInPerSecond), perSecond(snapshot.recordsConsumedPerSecond)));
    m_statusRate->setToolTip(tr("In: records appended per second. Out: records consumed per second, measured from "
                                "the consumer groups' committed offsets."));
    if (remote) {
        m_statusListener->setText(snapshot.connectionError.isEmpty() ? tr("Connected") : tr("Connection problem"));
        m_statusListener->setToolTip(snapshot.connectionError);
    } else if (!snapshot.listenAddress.isEmpty()) {
        const qsizetype n = snapshot.wireClients.size();
        m_statusListener->setText(
            tr("Kafka on %1 · %2").arg(snapshot.listenAddress, tr("%n connection(s)", nullptr, int(n))));
        if (snapshot.listenAddress != m_hintAddress) {
            m_hintAddress = snapshot.listenAddress;
            updateFirstRunHint();
        }
        m_statusListener->setToolTip(tr("Point Kafka clients at bootstrap.servers=%1").arg(snapshot.listenAddress));
    } else if (!snapshot.listenerError.isEmpty()) {
        m_statusListener->setText(tr("Kafka listener down"));
        m_statusListener->setToolTip(snapshot.listenerError);
        if (!m_listenerProblemShown && m_listenerPort != 0) {
            m_listenerProblemShown = true;
            // Not from inside the snapshot delivery: the dialog runs its own event loop while open.
            QMetaObject::invokeMethod(
                this, [this, reason = snapshot.listenerError] { showListenerProblem(reason); }, Qt::QueuedConnection);
        }
    } else {
        m_statusListener->setText(tr("No Kafka listener"));
        m_statusListener->setToolTip(QString());
    }
}

QWidget *MainWindow::createFirstRunHint()
{
    auto *hint = new QFrame(this);
    hint->setObjectName(QStringLiteral("firstRunHint"));
    hint->setFrameShape(QFrame::StyledPanel);
    hint->setAutoFillBackground(true);
    hint->setBackgroundRole(QPalette::ToolTipBase);
    auto *layout = new QHBoxLayout(hint);
    layout->setContentsMargins(10, 6, 6, 6);
    m_firstRunText = new QLabel(hint);
    m_firstRunText->setObjectName(QStringLiteral("firstRunText"));
    m_firstRunText->setWordWrap(true);
    m_firstRunText->setForegroundRole(QPalette::ToolTipText);
    m_firstRunText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *open = new QPushButton(tr("Open a Scenario"), hint);
    open->setObjectName(QStringLiteral("firstRunOpenScenario"));
    connect(open, &QPushButton::clicked, this, [this] {
        if (m_scenariosMenu)
            m_scenariosMenu->popup(mapToGlobal(menuBar()->actionGeometry(m_scenariosMenu->menuAction()).bottomLeft()));
    });
    auto *dismiss = new QPushButton(tr("Got It"), hint);
    dismiss->setObjectName(QStringLiteral("firstRunDismiss"));
    connect(dismiss, &QPushButton::clicked, this, [this] {
        QSettings().setValue(FirstRunHintDismissedKey, true);
        m_firstRunHint->hide();
    });
    layout->addWidget(m_firstRunText, 1);
    layout->addWidget(open);
    layout->addWidget(dismiss);
    hint->setVisible(!QSettings().value(FirstRunHintDismissedKey, false).toBool());
    updateFirstRunHint();
    return hint;
}

void MainWindow::updateFirstRunHint()
{
    if (m_remote) {
        // No listener of ours and no scenarios: the cluster's own clients are already connected to it.
        m_firstRunText->setText(tr("Welcome to Topicscope. You are exploring a remote Kafka cluster: its brokers, "
                                   "topics, partitions, messages and consumer groups."));
    } else {
        const QString clients = m_hintAddress.isEmpty()
            ? tr("Kafka clients can connect once the listener runs (see the status bar).")
            : tr("Point Kafka clients at <b>%1</b> (bootstrap.servers), e.g. <tt>kcat -b %1 -L</tt>.")
                  .arg(m_hintAddress.toHtmlEscaped());
        m_firstRunText->setText(tr("Welcome to Topicscope. %1 Or open a scenario to watch producers, partitions and "
                                   "consumer groups at work.")
                                    .arg(clients));
    }
    m_firstRunText->parentWidget()
        ->findChild<QPushButton *>(QStringLiteral("firstRunOpenScenario"))
        ->setVisible(m_scenariosMenu != nullptr);
}

void MainWindow::showRemoteCluster(const engine::BrokerSnapshot &snapshot)
{
    if (!m_remote) {
        m_remote = true;
        // Its clients connect to its brokers: there is no listener of ours whose wire clients the tab could show.
        m_tabs->setTabVisible(m_tabs->indexOf(m_clients), false);
        m_clientsTabAction->setVisible(false);
        updateFirstRunHint();
    }
    if (!m_brokers && !snapshot.brokers.isEmpty()) {
        m_brokers = new BrokersView(this);
        m_tabs->insertTab(m_tabs->indexOf(m_clients), m_brokers, tr("Brokers"));
        auto *brokersTab = new QAction(tr("&Brokers"), this);
        brokersTab->setObjectName(QStringLiteral("showBrokersTab"));
        brokersTab->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + int(BrokersTab))));
        connect(brokersTab, &QAction::triggered, this, [this] { showTab(BrokersTab); });
        m_viewMenu->insertAction(m_viewTabsEnd, brokersTab);
    }
    if (m_brokers)
        m_brokers->setSnapshot(snapshot);
}

void MainWindow::editPreferences()
{
    QSettings settings;
    PreferencesDialog dialog(Appearance::load(), settings.value(Language::settingsKey()).toString(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Appearance chosen = dialog.appearance();
    chosen.save();
    chosen.apply();
    settings.setValue(Language::settingsKey(), dialog.languageSetting());
    if (Language::resolve({}, dialog.languageSetting(), QLocale::system()) != Language::current())
        statusBar()->showMessage(Language::restartNotice(), 8000);
}

void MainWindow::showShortcuts()
{
    const ShortcutsDialog::Keys flowKeys {{tr("Flow › Play / pause"), tr("Space")},
        {tr("Flow › Step to the next event"), tr("→")}, {tr("Flow › Show or hide the rebalance timeline"), tr("T")},
        {tr("Flow › Leave presentation mode"), tr("Esc")}};
    ShortcutsDialog dialog(menuBar(), m_flow ? flowKeys : ShortcutsDialog::Keys {}, this);
    dialog.exec();
}

void MainWindow::showListenerProblem(const QString &reason)
{
    auto *dialog = new ListenerProblemDialog(reason, m_listenerPort, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ListenerProblemDialog::portChosen, this, &MainWindow::listenerPortRequested);
    dialog->open();
}

void MainWindow::onTreeActivated(const QModelIndex &index)
{
    // A node of another window's cluster: that window shows it.
    const QString cluster = index.data(ClusterTreeModel::ClusterRole).toString();
    if (cluster != ClusterTreeModel::OwnCluster) {
        if (MainWindow *peer = m_peerClusters ? m_peerClusters->windowOf(cluster) : nullptr)
            peer->showTreeItem(m_treeModel->keyPath(index));
        return;
    }
    switch (ClusterTreeModel::Kind(index.data(ClusterTreeModel::KindRole).toInt())) {
    case ClusterTreeModel::Kind::Broker:
    case ClusterTreeModel::Kind::TopicsFolder:
        showTab(TopicsTab);
        break;
    case ClusterTreeModel::Kind::Topic:
        selectTopic(index.data(ClusterTreeModel::TopicRole).toString());
        showTab(PartitionsTab);
        break;
    case ClusterTreeModel::Kind::Partition:
        selectTopic(index.data(ClusterTreeModel::TopicRole).toString());
        m_messages->browse(
            index.data(ClusterTreeModel::TopicRole).toString(), index.data(ClusterTreeModel::PartitionRole).toInt());
        showTab(MessagesTab);
        break;
    case ClusterTreeModel::Kind::GroupsFolder:
        showTab(GroupsTab);
        break;
    case ClusterTreeModel::Kind::Group:
        m_groups->selectGroup(index.data(ClusterTreeModel::GroupRole).toString());
        showTab(GroupsTab);
        break;
    case ClusterTreeModel::Kind::ClientsFolder:
    case ClusterTreeModel::Kind::Client:
        m_clients->selectConnection(index.data(ClusterTreeModel::ConnectionRole).toULongLong());
        showTab(ClientsTab);
        break;
    case ClusterTreeModel::Kind::BrokersFolder:
    case ClusterTreeModel::Kind::ClusterBroker:
        if (m_brokers)
            m_brokers->selectBroker(index.data(ClusterTreeModel::BrokerIdRole).toInt());
        showTab(BrokersTab);
        break;
    }
}

void MainWindow::setMetricArchive(engine::MetricArchive *archive)
{
    m_charts->setArchive(archive);
}

void MainWindow::setConnectionLauncher(ConnectionLauncher *launcher)
{
    m_launcher = launcher;
    m_connectAction->setVisible(launcher != nullptr);
    delete m_peerClusters;
    m_peerClusters = nullptr;
    for (const QString &key : m_treeModel->peers())
        m_treeModel->removePeer(key);
    if (launcher) {
        launcher->addWindow(this);
        m_peerClusters = new PeerClusters(this, m_treeModel, launcher);
    }
}

void MainWindow::showTreeItem(const QStringList &path)
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    const QModelIndex index = m_treeModel->indexAt(ClusterTreeModel::OwnCluster, path);
    if (!index.isValid())
        return;
    m_tree->setCurrentIndex(index);
    onTreeActivated(index);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_presenting)
        setPresentationMode(false);
    restoreDocksHiddenByFlow(); // the saved layout is the user's, not the Flow tab's
    saveLayout();
    QMainWindow::closeEvent(event);
}

} // namespace topicscope::ui
