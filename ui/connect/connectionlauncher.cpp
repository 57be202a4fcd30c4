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
    for (const QPointer<MainWindow> &window : std::as_const(m_windows))
        delete window.data();
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
    std::unique_ptr<engine::ClusterClient> owned = m_connector->open(profile.options());
    engine::ClusterClient *client = owned.release();
    auto *window = new MainWindow(client);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("%1 — Topicscope").arg(profile.name));
    window->setConnectionLauncher(this);
    window->setMetricArchive(m_archive);
    // After the window and every view in it are gone: none of them points to the client any more. Deleting a
    // remote cluster stops its worker thread, waiting for at most one bounded librdkafka call.
    connect(window, &QObject::destroyed, this, [client] { delete client; });
    m_windows.removeAll(nullptr);
    m_windows.append(window);
    window->show();
    client->start();
    Q_EMIT windowOpened(window);
    return window;
}

QList<MainWindow *> ConnectionLauncher::windows() const
{
    QList<MainWindow *> open;
    for (const QPointer<MainWindow> &window : m_windows) {
        if (window)
            open.append(window.data());
    }
    return open;
}

} // namespace topicscope::ui
