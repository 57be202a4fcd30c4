#pragma once

#include "clusterclient.h"
#include "connectionprofile.h"

#include <QList>
#include <QObject>
#include <QPointer>

class QWidget;

namespace topicscope::engine {
class ClusterConnector;
class MetricArchive;
} // namespace topicscope::engine

namespace topicscope::ui {

class ConnectDialog;
class MainWindow;
class SecretStore;

// Connections from inside the app (File > Connect to Kafka…): shows the dialog and opens each chosen cluster in a
// main window of its own, beside the ones already open (the embedded broker's stays). Closing such a window
// disconnects: its ClusterClient goes once its work has stopped (ClusterClient::closeLater), without the GUI waiting.
// The app (or a test) injects the connector, which knows how to reach a cluster, and the store that keeps the profiles'
// secrets; both outlive the launcher, and the launcher outlives the windows that point to it. GUI thread.
class ConnectionLauncher : public QObject {
    Q_OBJECT
public:
    ConnectionLauncher(engine::ClusterConnector *connector, SecretStore *secrets, QObject *parent = nullptr);
    // Closes the windows it opened that are still open (and so disconnects their clusters).
    ~ConnectionLauncher() override;

    // The Connect to Kafka dialog, window-modal over parent, deleted when closed; Connect opens the window.
    ConnectDialog *showDialog(QWidget *parent);
    // A window on the profile's cluster, shown and connecting, titled after the profile.
    MainWindow *openWindow(const ConnectionProfile &profile);
    // The same for a cluster named on the command line (--bootstrap-server with --embedded), titled name.
    MainWindow *openWindow(const QString &name, const engine::RemoteClusterOptions &options);
    QList<MainWindow *> windows() const;
    // Every window pointing to this launcher (MainWindow::setConnectionLauncher registers it), the embedded broker's
    // and the ones on clusters named on the command line included, in the order they came: the clusters the cluster
    // trees show side by side. A window leaves the list when it is destroyed.
    void addWindow(MainWindow *window);
    QList<MainWindow *> allWindows() const;
    // Given to each window it opens (MainWindow::setMetricArchive); outlives the launcher.
    void setMetricArchive(engine::MetricArchive *archive) { m_archive = archive; }

Q_SIGNALS:
    void windowOpened(topicscope::ui::MainWindow *window);
    // allWindows() changed.
    void windowsChanged();

private:
    engine::ClusterConnector *m_connector;
    SecretStore *m_secrets;
    engine::MetricArchive *m_archive = nullptr;
    // MainWindows, held as QObjects: a window being destroyed is a MainWindow no more (its QPointers are cleared after
    // destroyed()), so it is read back with qobject_cast, never cast down as QPointer<MainWindow> would.
    QList<QPointer<QObject>> m_windows; // opened here, closed here if still open
    QList<QPointer<QObject>> m_all; // registered
    QList<QPointer<engine::ClusterClient>> m_closing; // disconnecting: they delete themselves once stopped
};

} // namespace topicscope::ui
