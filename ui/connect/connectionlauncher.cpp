#include "connectionlauncher.h"

#include "clusterclient.h"
#include "clusterconnector.h"
#include "connectdialog.h"
#include "mainwindow.h"

namespace topicscope::ui {

ConnectionLauncher::ConnectionLauncher(engine::ClusterConnector *connector, SecretStore *secrets, QObject *parent)
    : QObject(parent)
    , m_connector(connector)
    , m_secrets(secrets)
{ }

ConnectionLauncher::~ConnectionLauncher()
{
    for (const QPointer<QObject> &window : std::as_const(m_windows))
        delete window.data();
    // The app is quitting: clusters still stopping (and those of the windows just closed) are waited for here, so
    // no worker thread outlives the application object.
    for (const QPointer<engine::ClusterClient> &client : std::as_const(m_closing))
        delete client.data();
}

ConnectDialog *ConnectionLauncher::showDialog(QWidget *parent)
{
    auto *dialog = new ConnectDialog(m_connector, m_secrets, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { openWindow(dialog->chosenProfile()); });
    dialog->open();
    return dialog;
}

MainWindow *ConnectionLauncher::openWindow(const ConnectionProfile &profile)
{
    return openWindow(profile.name, profile.options());
}

MainWindow *ConnectionLauncher::openWindow(const QString &name, const engine::RemoteClusterOptions &options)
{
    std::unique_ptr<engine::ClusterClient> owned = m_connector->open(options);
    engine::ClusterClient *client = owned.release();
    auto *window = new MainWindow(client);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("%1 — Topicscope").arg(name));
    window->setLayoutGroup(MainWindow::RemoteLayoutGroup);
    window->setConnectionLauncher(this);
    window->setMetricArchive(m_archive);
    // After the window and every view in it are gone: none of them points to the client any more. A remote
    // cluster's worker may be inside a librdkafka call (seconds, when a broker went away): the client goes when
    // that call returns, and the GUI does not wait for it.
    connect(window, &QObject::destroyed, this, [this, client] {
        m_closing.removeAll(nullptr);
        m_closing.append(client);
        client->closeLater();
    });
    m_windows.removeAll(nullptr);
    m_windows.append(window);
    window->show();
    client->start();
    Q_EMIT windowOpened(window);
    return window;
}

namespace {
// The windows not destroyed, nor being destroyed (qobject_cast gives nullptr once ~MainWindow has run).
QList<MainWindow *> live(const QList<QPointer<QObject>> &windows)
{
    QList<MainWindow *> open;
    for (const QPointer<QObject> &window : windows) {
        if (auto *w = qobject_cast<MainWindow *>(window.data()))
            open.append(w);
    }
    return open;
}
} // namespace

QList<MainWindow *> ConnectionLauncher::windows() const
{
    return live(m_windows);
}

void ConnectionLauncher::addWindow(MainWindow *window)
{
    m_all.removeAll(nullptr);
    if (!window || m_all.contains(window))
        return;
    m_all.append(window);
    // A widget emits destroyed() before its QPointers are cleared: the window is taken out by its address.
    connect(window, &QObject::destroyed, this, [this](QObject *gone) {
        m_all.removeIf([gone](const QPointer<QObject> &w) { return w.isNull() || w.data() == gone; });
        Q_EMIT windowsChanged();
    });
    Q_EMIT windowsChanged();
}

QList<MainWindow *> ConnectionLauncher::allWindows() const
{
    return live(m_all);
}

} // namespace topicscope::ui
