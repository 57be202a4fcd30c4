#pragma once

#include "brokersnapshot.h"

#include <QMainWindow>
#include <QPointer>

class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;
class QTreeView;

namespace topicscope::engine {
class ClusterClient;
class MetricArchive;
class ScenarioClient;
} // namespace topicscope::engine

namespace topicscope::ui {

class BrokersView;
class ChartsView;
class ConnectionLauncher;
class ClusterTreeModel;
class FlowWorkspace;
class GroupsView;
class MessageBrowser;
class PartitionsView;
class PeerClusters;
class ProducerPanel;
class TopicsView;
class WireClientsView;

// The explorer: cluster tree (dock), Topics / Partitions / Messages / Consumer groups / Charts / Wire clients
// (Brokers on a remote cluster) tabs, the producer (dock), menus and status bar, all fed by the cluster's snapshots.
// Depends only on ClusterClient, so the same window serves the embedded broker and, later, a remote cluster. Window
// geometry and dock layout persist in QSettings. GUI thread.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // ClientsTab follows FlowTab when there is one (the embedded broker), else ChartsTab: showTab() finds it. A remote
    // cluster has BrokersTab (in the place of ClientsTab, which it hides: no listener of ours serves its clients),
    // added when a snapshot first lists brokers.
    enum Tab { TopicsTab, PartitionsTab, MessagesTab, GroupsTab, ChartsTab, FlowTab, ClientsTab, BrokersTab };

    explicit MainWindow(engine::ClusterClient *client, QWidget *parent = nullptr);

    // The settings group the window's geometry, docks and tab are kept under: "mainWindow", the embedded broker's,
    // unless set. Windows on remote clusters use RemoteLayoutGroup, so they neither overwrite the embedded broker's
    // layout nor restore a tab index that names another tab there. Restores that group's layout; call before show().
    void setLayoutGroup(const QString &group);
    QString layoutGroup() const { return m_layoutGroup; }
    static constexpr QLatin1StringView RemoteLayoutGroup {"remoteWindow"};

    void showTab(Tab tab);
    QString currentTopic() const { return m_topic; }
    void selectTopic(const QString &topic);

    TopicsView *topicsView() const { return m_topics; }
    PartitionsView *partitionsView() const { return m_partitions; }
    MessageBrowser *messageBrowser() const { return m_messages; }
    GroupsView *groupsView() const { return m_groups; }
    ChartsView *chartsView() const { return m_charts; }
    WireClientsView *wireClientsView() const { return m_clients; }
    BrokersView *brokersView() const { return m_brokers; } // nullptr until a snapshot lists brokers
    ProducerPanel *producerPanel() const { return m_producer; }
    ClusterTreeModel *treeModel() const { return m_treeModel; }
    // The last snapshot shown (takenAtMs 0 before the first).
    const engine::BrokerSnapshot &snapshot() const { return m_snapshot; }
    // What other windows' cluster trees call this window's cluster (ClusterTreeModel::setPeerSnapshot): unique in the
    // process.
    QString clusterKey() const { return m_clusterKey; }
    // Brings the window forward showing the node at path in its own cluster (ClusterTreeModel::keyPath), as if it
    // was chosen in its tree: another window's tree calls it for this window's cluster. A node gone meanwhile just
    // brings the window forward.
    void showTreeItem(const QStringList &path);

    // The embedded broker's scenario player: adds the Flow tab and the Scenarios menu. Not called for a
    // cluster without one (a remote cluster has no simulated world).
    void setScenarioControl(engine::ScenarioClient *control);
    FlowWorkspace *flowWorkspace() const { return m_flow; }
    // Opens a scenario file (or ":/scenarios/..." built-in) in the Flow tab.
    void openScenario(const QString &path);
    // Full screen, explorer chrome hidden, the flow view with large fonts and high contrast (F5; Esc leaves).
    void setPresentationMode(bool on);
    bool isPresentationMode() const { return m_presenting; }
    // File > Connect to Kafka…: shown once a launcher is set (it opens the dialog and the windows on other
    // clusters). The launcher outlives the window.
    void setConnectionLauncher(ConnectionLauncher *launcher);
    // Where the Charts tab keeps its history across runs (ChartsView::setArchive); it outlives the window. Without
    // one, the charts hold what they sampled while the window is open.
    void setMetricArchive(engine::MetricArchive *archive);
    // The port the broker was asked to listen on (for the dialog shown when it cannot); 0 = no listener asked.
    void setListenerPort(quint16 port) { m_listenerPort = port; }

Q_SIGNALS:
    // File > Open Data Directory: the owner of the broker may restart it on dir (and a new window with it).
    void dataDirectoryRequested(const QString &dir);
    // The listener could not start and the user chose a port (another one, or the same one to retry): the owner
    // of the broker restarts it with its listener there.
    void listenerPortRequested(quint16 port);
    // A snapshot was shown (snapshot() is it): the other windows' trees follow this window's cluster with it.
    void snapshotShown();

public Q_SLOTS:
    void newTopic();
    void deleteTopic();
    void addPartitions();
    void editRetention();
    void deleteRecords(); // of a partition of the current topic (DeleteRecordsDialog)

    // Moves and shrinks the window into the available area of its screen (never larger than the screen).
    void fitToScreen();

protected:
    void closeEvent(QCloseEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    void createMenus();
    void showSnapshot(const engine::BrokerSnapshot &snapshot);
    void onCommandFinished(quint64 id, int error, const QString &message);
    void onTreeActivated(const QModelIndex &index);
    void showListenerProblem(const QString &reason);
    QWidget *createFirstRunHint();
    void updateFirstRunHint();
    void showRemoteCluster(const engine::BrokerSnapshot &snapshot);
    void editPreferences();
    void showShortcuts();
    void saveLayout() const;
    void restoreDocksHiddenByFlow();
    void restoreLayout();
    QRect availableScreenGeometry() const;
    static QString scenarioMenuText(int index, const QString &title);

    QPointer<engine::ClusterClient> m_client;
    engine::BrokerSnapshot m_snapshot;
    QString m_topic;
    QString m_layoutGroup = QStringLiteral("mainWindow");
    QTabWidget *m_tabs = nullptr;
    QTreeView *m_tree = nullptr;
    ClusterTreeModel *m_treeModel = nullptr;
    TopicsView *m_topics = nullptr;
    PartitionsView *m_partitions = nullptr;
    MessageBrowser *m_messages = nullptr;
    GroupsView *m_groups = nullptr;
    ChartsView *m_charts = nullptr;
    WireClientsView *m_clients = nullptr;
    BrokersView *m_brokers = nullptr;
    QAction *m_clientsTabAction = nullptr;
    bool m_remote = false; // a snapshot was of a remote cluster (clusterkind.h)
    ProducerPanel *m_producer = nullptr;
    QLabel *m_statusDir = nullptr;
    QLabel *m_statusRate = nullptr;
    QLabel *m_statusCounts = nullptr;
    QLabel *m_statusListener = nullptr;
    FlowWorkspace *m_flow = nullptr;
    QMenu *m_helpMenu = nullptr;
    ConnectionLauncher *m_launcher = nullptr;
    PeerClusters *m_peerClusters = nullptr; // with a launcher: the other windows' clusters in the tree
    QString m_clusterKey;
    QAction *m_connectAction = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_scenariosMenu = nullptr;
    QWidget *m_firstRunHint = nullptr;
    QLabel *m_firstRunText = nullptr;
    QString m_hintAddress;
    QAction *m_viewTabsEnd = nullptr;
    QList<QPointer<QWidget>> m_docksHiddenByFlow; // docks and toolbars, while the Flow tab is up
    bool m_presenting = false;
    bool m_sizeDocksOnShow = false; // first launch: the docks get readable widths when the window first shows
    quint16 m_listenerPort = 9092;
    bool m_listenerProblemShown = false; // once per broker start: the status bar keeps saying it afterwards
    QByteArray m_stateBeforePresenting;
    bool m_maximizedBeforePresenting = false;
    QHash<quint64, QString> m_commands; // request id -> what it was, for error messages
};

} // namespace topicscope::ui
