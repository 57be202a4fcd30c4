#pragma once

#include "connectionprofile.h"

#include <QDialog>
#include <QHash>
#include <QSet>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTableWidget;
class QTimer;

namespace topicscope::engine {
class ClusterConnector;
struct ConnectionCheck;
} // namespace topicscope::engine

namespace topicscope::ui {

class ConnectionProfilesModel;
class SecretStore;

// File > Connect to Kafka: saved connection profiles on the left (add, duplicate, delete), the selected one's
// settings on the right (bootstrap servers checked as the command line checks them, security protocol, SASL
// mechanism and credentials, CA file, any other librdkafka property, a properties file to import), Test
// Connection (answered off the GUI thread by the ClusterConnector) and Connect. Every edit is saved at once: the
// profile to QSettings, its secrets to the SecretStore only; when the store (the desktop keyring) cannot be used the
// dialog says so and the typed secrets serve this session only. The last used profile is selected first. GUI thread.
class ConnectDialog : public QDialog {
    Q_OBJECT
public:
    ConnectDialog(engine::ClusterConnector *connector, SecretStore *secrets, QWidget *parent = nullptr);
    ~ConnectDialog() override;

    ConnectionProfilesModel *model() const { return m_model; }
    int currentRow() const { return m_row; }
    void selectProfile(int row);
    void addProfile();
    void duplicateProfile();
    void deleteProfile();
    // Reads a Kafka/librdkafka properties file into the selected profile; false (and the reason shown) when it
    // cannot be read.
    bool importPropertiesFile(const QString &path);
    void testConnection();
    // Connect: accepts the dialog with the selected profile (chosenProfile()) when it is complete.
    void connectToCluster();

    ConnectionProfile chosenProfile() const { return m_chosen; }
    QString validationMessage() const;
    QString keyringMessage() const;
    QString testResult() const;
    bool isTesting() const { return m_testing; }

    // Stores the secrets typed into a field that was never left (Close right after typing the password).
    void done(int result) override;

private:
    QWidget *createProfileList();
    QWidget *createEditor();
    void showProfile(int row);
    ConnectionProfile editedProfile() const;
    void onEdited();
    void updateState();
    void saveSettings();
    void flushSettings(); // saves now what onEdited() would save a moment later
    bool readyToConnect();
    void loadSecrets(const ConnectionProfile &profile);
    void storeSecrets(const ConnectionProfile &profile);
    void removeSecrets(const ConnectionProfile &profile);
    void keyringFailed(const QString &reason);
    void showCheck(const engine::ConnectionCheck &check, const QString &servers);
    void setProperties(const QList<QPair<QString, QString>> &properties);

    engine::ClusterConnector *m_connector;
    SecretStore *m_secrets;
    ConnectionProfilesModel *m_model = nullptr;
    QTimer *m_saveLater = nullptr; // onEdited(): the settings are written when it fires, or flushed earlier
    int m_row = -1;
    bool m_showing = false; // filling the editor from the model: not an edit
    QSet<QString> m_secretsRead; // profile ids whose secrets were asked of the store
    QHash<QString, QString> m_stored; // secret key -> the value the store holds, as far as we know
    quint64 m_check = 0; // the check in progress: an older one's answer is dropped
    bool m_testing = false;
    ConnectionProfile m_chosen;

    QListView *m_list = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_bootstrap = nullptr;
    QComboBox *m_protocol = nullptr;
    QComboBox *m_mechanism = nullptr;
    QLineEdit *m_username = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_caFile = nullptr;
    QPushButton *m_browseCa = nullptr;
    QCheckBox *m_readOffsetsTopic = nullptr;
    QTableWidget *m_properties = nullptr;
    QLabel *m_message = nullptr;
    QLabel *m_keyring = nullptr;
    QLabel *m_result = nullptr;
    QPushButton *m_duplicate = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_connect = nullptr;
    QWidget *m_editor = nullptr;
};

} // namespace topicscope::ui
