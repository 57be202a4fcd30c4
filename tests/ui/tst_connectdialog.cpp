// File > Connect to Kafka: the dialog's profiles (create, edit, duplicate, delete, the last used one first), the
// bootstrap servers checked as the command line checks them, a properties file imported, and secrets kept in the
// SecretStore only: the settings file is read back as text and must not hold one. The store is the in-memory one,
// except in keychainWithoutAKeyring, which uses the desktop keyring through QtKeychain on this machine (the test
// machine has no Secret Service: its error must reach the dialog). Test Connection against a fake connector; the
// real cluster is in tests/remote/tst_connectwindow. PNGs of the dialog in English and Korean land in the build
// directory (connect-dialog-*.png) for a person to look at.
#include "clusterclient.h"
#include "clusterconnector.h"
#include "connectdialog.h"
#include "connectionprofile.h"
#include "connectionprofilesmodel.h"
#include "inmemorysecretstore.h"
#include "keychainsecretstore.h"
#include "koreanfont.h"
#include "language.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace topicscope;
using namespace topicscope::ui;

namespace {

// Answers every check at once with a canned result, and counts what it was asked.
class FakeConnector : public engine::ClusterConnector {
public:
    std::unique_ptr<engine::ClusterClient> open(const engine::RemoteClusterOptions &) override { return nullptr; }
    void check(const engine::RemoteClusterOptions &options, QObject *context,
        std::function<void(const engine::ConnectionCheck &)> done) override
    {
        checked.append(options);
        QMetaObject::invokeMethod(
            context, [done, result = answer] { done(result); }, Qt::QueuedConnection);
    }

    void answerConnected(const QString &clusterId, int brokers, int controllerId, const QString &controller)
    {
        answer = {};
        answer.clusterId = clusterId;
        answer.brokerCount = brokers;
        answer.controllerId = controllerId;
        answer.controller = controller;
    }

    engine::ConnectionCheck answer;
    QList<engine::RemoteClusterOptions> checked;
};

QString settingsText()
{
    QSettings settings;
    settings.sync();
    QFile file(settings.fileName());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.readAll());
}

template <typename Widget> Widget *child(const QWidget &dialog, const char *name)
{
    return dialog.findChild<Widget *>(QString::fromLatin1(name));
}

// Types text into a line edit as a person would (textEdited fires) and leaves it (editingFinished).
void type(QLineEdit *edit, const QString &text)
{
    edit->selectAll();
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
    Q_EMIT edit->editingFinished();
}

QString propertyText(const ConnectDialog &dialog)
{
    const auto *table = child<QTableWidget>(dialog, "properties");
    QStringList rows;
    for (int r = 0; r < table->rowCount(); ++r)
        rows << table->item(r, 0)->text() + QLatin1Char('=') + table->item(r, 1)->text();
    return rows.join(QLatin1Char(' '));
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(text);
    return path;
}

// A TLS and SCRAM properties file, its CA file beside it in dir (the dialog checks that it exists).
QByteArray scramProperties(const QTemporaryDir &dir)
{
    const QString ca = writeFile(dir, QStringLiteral("kafka-ca.pem"), "-----BEGIN CERTIFICATE-----\n");
    return "# TLS and SCRAM\n"
           "bootstrap.servers=kafka1.example.com:9093,kafka2.example.com:9093\n"
           "security.protocol=SASL_SSL\n"
           "sasl.mechanisms=SCRAM-SHA-512\n"
           "sasl.username=explorer\n"
           "sasl.password=imported-Pa55\n"
           "ssl.ca.location="
        + ca.toUtf8()
        + "\n"
          "ssl.key.password=key-Pa55\n"
          "client.id=topicscope-test\n";
}

} // namespace

class TestConnectDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("TopicscopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connectdialog"));
        uitest::ensureKoreanFont();
        QVERIFY(Language::install(qApp, QStringLiteral("en")));
    }

    void init() { QSettings().clear(); }

    void profilesAreCreatedEditedDuplicatedAndDeleted()
    {
        InMemorySecretStore store;
        FakeConnector connector;
        QString firstId;
        {
            ConnectDialog dialog(&connector, &store);
            QAbstractItemModelTester tester(dialog.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            // A first start: one new profile to fill in, on the usual local address.
            QCOMPARE(dialog.model()->rowCount(), 1);
            QCOMPARE(dialog.model()->index(0).data().toString(), QStringLiteral("New connection"));
            QCOMPARE(child<QLineEdit>(dialog, "bootstrapServers")->text(), QStringLiteral("localhost:9092"));
            type(child<QLineEdit>(dialog, "name"), QStringLiteral("staging"));
            type(child<QLineEdit>(dialog, "bootstrapServers"), QStringLiteral("stage1:9092,stage2:9092"));
            QCOMPARE(dialog.model()->index(0).data().toString(), QStringLiteral("staging"));
            firstId = dialog.model()->profile(0).id;

            dialog.duplicateProfile();
            QCOMPARE(dialog.model()->rowCount(), 2);
            QCOMPARE(dialog.currentRow(), 1);
            QCOMPARE(child<QLineEdit>(dialog, "name")->text(), QStringLiteral("staging (copy)"));
            QCOMPARE(dialog.model()->profile(1).bootstrapServers, QStringLiteral("stage1:9092,stage2:9092"));
            QVERIFY(dialog.model()->profile(1).id != firstId);
            type(child<QLineEdit>(dialog, "name"), QStringLiteral("production"));

            dialog.addProfile();
            QCOMPARE(dialog.model()->rowCount(), 3);
            dialog.deleteProfile();
            QCOMPARE(dialog.model()->rowCount(), 2);
            QCOMPARE(dialog.currentRow(), 1);
            QCOMPARE(child<QLineEdit>(dialog, "name")->text(), QStringLiteral("production"));

            dialog.selectProfile(0);
            QCOMPARE(child<QLineEdit>(dialog, "name")->text(), QStringLiteral("staging"));
            dialog.connectToCluster();
            QCOMPARE(dialog.result(), int(QDialog::Accepted));
            QCOMPARE(dialog.chosenProfile().name, QStringLiteral("staging"));
            QCOMPARE(dialog.chosenProfile().options().bootstrapServers, QStringLiteral("stage1:9092,stage2:9092"));
            // The rebalance history reads __consumer_offsets unless the profile says not to.
            QVERIFY(dialog.chosenProfile().options().readOffsetsTopic);
            dialog.selectProfile(1);
            auto *readOffsets = child<QCheckBox>(dialog, "readOffsetsTopic");
            QVERIFY(readOffsets->isChecked());
            readOffsets->setChecked(false);
            QVERIFY(!dialog.model()->profile(1).options().readOffsetsTopic);
            QVERIFY(settingsText().contains(QLatin1String("readOffsetsTopic=false")));
        }
        // Saved as they were left; the last used one is selected first.
        ConnectDialog again(&connector, &store);
        QAbstractItemModelTester tester(again.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(again.model()->rowCount(), 2);
        QCOMPARE(again.model()->index(1).data().toString(), QStringLiteral("production"));
        QCOMPARE(again.currentRow(), 0);
        QCOMPARE(again.model()->profile(0).id, firstId);
        QVERIFY(again.model()->profile(0).readOffsetsTopic);
        QVERIFY(!again.model()->profile(1).readOffsetsTopic);
        again.selectProfile(1);
        again.deleteProfile();
        again.deleteProfile();
        QCOMPARE(again.model()->rowCount(), 0);
        QCOMPARE(again.validationMessage(), QStringLiteral("Add a connection."));
        QVERIFY(!child<QPushButton>(again, "connect")->isEnabled());
    }

    // The settings file is rewritten whole at every save: typing saves once the person pauses or leaves the field,
    // not at every key stroke, and nothing typed is lost when the dialog goes right after.
    void typingSavesAtAPauseNotAtEveryKey()
    {
        InMemorySecretStore store;
        FakeConnector connector;
        {
            ConnectDialog dialog(&connector, &store);
            auto *name = child<QLineEdit>(dialog, "name");
            type(name, QStringLiteral("first"));
            QVERIFY(settingsText().contains(QLatin1String("first"))); // left the field: saved at once
            name->setFocus();
            QTest::keyClicks(name, QStringLiteral("-typed"));
            QCOMPARE(dialog.model()->index(0).data().toString(), QStringLiteral("first-typed"));
            QVERIFY2(!settingsText().contains(QLatin1String("first-typed")), qPrintable(settingsText()));
            QTRY_VERIFY_WITH_TIMEOUT(settingsText().contains(QLatin1String("first-typed")), 5000); // the pause
            QTest::keyClicks(name, QStringLiteral("-again"));
            QVERIFY(!settingsText().contains(QLatin1String("first-typed-again")));
        } // gone before the pause is over
        QVERIFY2(settingsText().contains(QLatin1String("first-typed-again")), qPrintable(settingsText()));
    }

    void bootstrapServersAreChecked_data()
    {
        QTest::addColumn<QString>("servers");
        QTest::addColumn<QString>("message");
        QTest::addRow("empty") << QString()
                               << QStringLiteral(
                                      "Enter the bootstrap servers as HOST:PORT, several separated by commas.");
        QTest::addRow("no port") << QStringLiteral("kafka1")
                                 << QStringLiteral("Bootstrap servers: 'kafka1' is not HOST:PORT (a port from 1 to "
                                                   "65535).");
        QTest::addRow("port 0") << QStringLiteral("kafka1:0")
                                << QStringLiteral("Bootstrap servers: 'kafka1:0' is not HOST:PORT (a port from 1 to "
                                                  "65535).");
        QTest::addRow("port too big") << QStringLiteral("kafka1:9092,kafka2:70000")
                                      << QStringLiteral("Bootstrap servers: 'kafka2:70000' is not HOST:PORT (a port "
                                                        "from 1 to 65535).");
        QTest::addRow("empty entry") << QStringLiteral("kafka1:9092,")
                                     << QStringLiteral("Bootstrap servers: '' is not HOST:PORT (a port from 1 to "
                                                       "65535).");
        QTest::addRow("valid, IPv6 too") << QStringLiteral("kafka1:9092, [::1]:9093") << QString();
    }
    void bootstrapServersAreChecked()
    {
        QFETCH(QString, servers);
        QFETCH(QString, message);
        InMemorySecretStore store;
        FakeConnector connector;
        ConnectDialog dialog(&connector, &store);
        type(child<QLineEdit>(dialog, "bootstrapServers"), servers);
        QCOMPARE(dialog.validationMessage(), message);
        QCOMPARE(child<QPushButton>(dialog, "connect")->isEnabled(), message.isEmpty());
        QCOMPARE(child<QPushButton>(dialog, "testConnection")->isEnabled(), message.isEmpty());
        dialog.connectToCluster();
        QCOMPARE(dialog.result(), int(message.isEmpty() ? QDialog::Accepted : QDialog::Rejected));
    }

    // A CA file librdkafka could not load is named before connecting, and only when TLS is used.
    void theCaFileIsChecked()
    {
        QTemporaryDir dir;
        InMemorySecretStore store;
        FakeConnector connector;
        ConnectDialog dialog(&connector, &store);
        type(child<QLineEdit>(dialog, "bootstrapServers"), QStringLiteral("kafka1:9093"));
        child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("SSL"));
        const QString missing = dir.filePath(QStringLiteral("missing-ca.pem"));
        type(child<QLineEdit>(dialog, "caFile"), missing);
        QCOMPARE(dialog.validationMessage(),
            QStringLiteral("The CA file %1 does not exist.").arg(QDir::toNativeSeparators(missing)));
        QVERIFY(!child<QPushButton>(dialog, "connect")->isEnabled());
        type(child<QLineEdit>(dialog, "caFile"), dir.path());
        QCOMPARE(dialog.validationMessage(),
            QStringLiteral("The CA file %1 is not a file.").arg(QDir::toNativeSeparators(dir.path())));
        QFile pem(missing);
        QVERIFY(pem.open(QIODevice::WriteOnly));
        pem.write("-----BEGIN CERTIFICATE-----\n");
        pem.close();
        type(child<QLineEdit>(dialog, "caFile"), missing);
        QCOMPARE(dialog.validationMessage(), QString());
        QVERIFY(child<QPushButton>(dialog, "connect")->isEnabled());
        // Without TLS the field is not used, so a stale path does not block the connection.
        type(child<QLineEdit>(dialog, "caFile"), dir.filePath(QStringLiteral("gone.pem")));
        QVERIFY(!dialog.validationMessage().isEmpty());
        child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("PLAINTEXT"));
        QCOMPARE(dialog.validationMessage(), QString());
    }

    void secretsGoToTheStoreAndNeverToTheSettings()
    {
        InMemorySecretStore store;
        FakeConnector connector;
        QString id;
        {
            ConnectDialog dialog(&connector, &store);
            id = dialog.model()->profile(0).id;
            type(child<QLineEdit>(dialog, "name"), QStringLiteral("secure"));
            child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("SASL_SSL"));
            child<QComboBox>(dialog, "saslMechanism")->setCurrentText(QStringLiteral("SCRAM-SHA-256"));
            QCOMPARE(dialog.validationMessage(), QStringLiteral("SASL_SSL needs a user name."));
            type(child<QLineEdit>(dialog, "username"), QStringLiteral("alice"));
            type(child<QLineEdit>(dialog, "password"), QStringLiteral("typed-Pa55word"));
            auto *table = child<QTableWidget>(dialog, "properties");
            table->insertRow(0);
            table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("sasl.oauthbearer.client.secret")));
            table->setItem(0, 1, new QTableWidgetItem(QStringLiteral("client-S3cret")));
            table->insertRow(1);
            table->setItem(1, 0, new QTableWidgetItem(QStringLiteral("ssl.keystore.password")));
            table->setItem(1, 1, new QTableWidgetItem(QStringLiteral("keystore-Pa55")));
            table->insertRow(2);
            table->setItem(2, 0, new QTableWidgetItem(QStringLiteral("client.id")));
            table->setItem(2, 1, new QTableWidgetItem(QStringLiteral("plain-visible-value")));
            QTRY_COMPARE(store.secrets().size(), 3);
            QVERIFY(dialog.keyringMessage().isEmpty());
            // What librdkafka gets: the fields that apply, then the table.
            QStringList given;
            for (const engine::RemoteProperty &p : dialog.model()->profile(0).options().properties)
                given << p.name + QLatin1Char('=') + p.value;
            QCOMPARE(given.join(QLatin1Char(' ')),
                QStringLiteral("security.protocol=SASL_SSL sasl.mechanisms=SCRAM-SHA-256 sasl.username=alice "
                               "sasl.password=typed-Pa55word sasl.oauthbearer.client.secret=client-S3cret "
                               "ssl.keystore.password=keystore-Pa55 client.id=plain-visible-value"));
        }
        QCOMPARE(store.secrets().value(ConnectionProfile::secretKey(id, QStringLiteral("sasl.password"))),
            QStringLiteral("typed-Pa55word"));
        QCOMPARE(store.secrets().value(ConnectionProfile::secretKey(id, QStringLiteral("ssl.keystore.password"))),
            QStringLiteral("keystore-Pa55"));
        const QString text = settingsText();
        QVERIFY2(text.contains(QLatin1String("alice")) && text.contains(QLatin1String("plain-visible-value")),
            qPrintable(text));
        for (const char *secret : {"typed-Pa55word", "client-S3cret", "keystore-Pa55"})
            QVERIFY2(!text.contains(QLatin1String(secret)), qPrintable(text));

        // Opened again: the secrets come back from the store.
        ConnectDialog again(&connector, &store);
        QTRY_COMPARE(child<QLineEdit>(again, "password")->text(), QStringLiteral("typed-Pa55word"));
        QTRY_COMPARE(propertyText(again),
            QStringLiteral("sasl.oauthbearer.client.secret=client-S3cret ssl.keystore.password=keystore-Pa55 "
                           "client.id=plain-visible-value"));
        // Deleting the profile deletes its secrets.
        again.deleteProfile();
        QTRY_VERIFY(store.secrets().isEmpty());
    }

    // Close right after typing the password, without leaving the field: the password is still stored.
    void closingStoresTheTypedPassword()
    {
        InMemorySecretStore store;
        FakeConnector connector;
        {
            ConnectDialog dialog(&connector, &store);
            child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("SASL_SSL"));
            type(child<QLineEdit>(dialog, "username"), QStringLiteral("dave"));
            QTest::keyClicks(child<QLineEdit>(dialog, "password"), QStringLiteral("never-left-Pa55"));
            QVERIFY(store.secrets().isEmpty());
            dialog.reject();
        }
        QCOMPARE(store.secrets().values(), QStringList {QStringLiteral("never-left-Pa55")});
        QVERIFY(!settingsText().contains(QLatin1String("never-left-Pa55")));
    }

    void aPropertiesFileIsImported()
    {
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("client.properties"), scramProperties(dir));
        InMemorySecretStore store;
        FakeConnector connector;
        ConnectDialog dialog(&connector, &store);
        QVERIFY(dialog.importPropertiesFile(path));
        QCOMPARE(dialog.testResult(), QStringLiteral("Imported 8 settings from %1.").arg(path));
        QCOMPARE(child<QLineEdit>(dialog, "bootstrapServers")->text(),
            QStringLiteral("kafka1.example.com:9093,kafka2.example.com:9093"));
        QCOMPARE(child<QComboBox>(dialog, "securityProtocol")->currentText(), QStringLiteral("SASL_SSL"));
        QCOMPARE(child<QComboBox>(dialog, "saslMechanism")->currentText(), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(child<QLineEdit>(dialog, "username")->text(), QStringLiteral("explorer"));
        QCOMPARE(child<QLineEdit>(dialog, "password")->text(), QStringLiteral("imported-Pa55"));
        QCOMPARE(child<QLineEdit>(dialog, "caFile")->text(), dir.filePath(QStringLiteral("kafka-ca.pem")));
        QCOMPARE(propertyText(dialog), QStringLiteral("ssl.key.password=key-Pa55 client.id=topicscope-test"));
        QVERIFY(dialog.validationMessage().isEmpty());
        QTRY_COMPARE(store.secrets().size(), 2);
        const QString text = settingsText();
        QVERIFY2(text.contains(QLatin1String("kafka-ca.pem")), qPrintable(text));
        QVERIFY2(!text.contains(QLatin1String("imported-Pa55")) && !text.contains(QLatin1String("key-Pa55")),
            qPrintable(text));
        // A file naming a CA file this machine does not have is imported, and the dialog says what is missing.
        QVERIFY(dialog.importPropertiesFile(
            writeFile(dir, QStringLiteral("elsewhere.properties"), "ssl.ca.location=/nonexistent/kafka-ca.pem\n")));
        QCOMPARE(dialog.validationMessage(),
            QStringLiteral("The CA file %1 does not exist.")
                .arg(QDir::toNativeSeparators(QStringLiteral("/nonexistent/kafka-ca.pem"))));
        QVERIFY(dialog.importPropertiesFile(path));

        // A mechanism the combo does not offer stays a property (passed after the fields: it wins).
        QVERIFY(dialog.importPropertiesFile(
            writeFile(dir, QStringLiteral("oauth.properties"), "sasl.mechanisms=OAUTHBEARER\n")));
        QCOMPARE(child<QComboBox>(dialog, "saslMechanism")->currentText(), QStringLiteral("SCRAM-SHA-512"));
        QCOMPARE(propertyText(dialog),
            QStringLiteral("ssl.key.password=key-Pa55 client.id=topicscope-test sasl.mechanisms=OAUTHBEARER"));
        QCOMPARE(dialog.model()->profile(0).options().properties.constLast().value, QStringLiteral("OAUTHBEARER"));

        const QString bad = writeFile(dir, QStringLiteral("bad.properties"), "just some words\n");
        QVERIFY(!dialog.importPropertiesFile(bad));
        QCOMPARE(dialog.testResult(),
            QStringLiteral("The properties file was not imported: bad.properties line 1: expected name=value, got "
                           "'just some words'"));
    }

    void withoutAKeyringTheTypedPasswordServesThisSession()
    {
        InMemorySecretStore store;
        store.setUnavailable(QStringLiteral("No keychain service available"));
        FakeConnector connector;
        ConnectDialog dialog(&connector, &store);
        child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("SASL_PLAINTEXT"));
        type(child<QLineEdit>(dialog, "username"), QStringLiteral("bob"));
        // Connect without the password: asked for, not connected.
        dialog.connectToCluster();
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        QCOMPARE(dialog.testResult(), QStringLiteral("Type the password for bob."));
        type(child<QLineEdit>(dialog, "password"), QStringLiteral("session-only-Pa55"));
        QTRY_COMPARE(dialog.keyringMessage(),
            QStringLiteral("The desktop keyring is not available: No keychain service available. The password is not "
                           "saved; you will be asked for it when you connect."));
        dialog.connectToCluster();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosenProfile().password, QStringLiteral("session-only-Pa55"));
        QVERIFY(!settingsText().contains(QLatin1String("session-only-Pa55")));
    }

    // The desktop keyring of this machine. The test machine has no Secret Service (no D-Bus session, no keyring
    // daemon): QtKeychain's error must reach the dialog as the plain message, and nothing goes to the settings.
    void keychainWithoutAKeyring()
    {
        KeychainSecretStore keychain(QStringLiteral("TopicscopeTest"));
        std::optional<SecretStore::Result> written;
        QObject context;
        keychain.write(QStringLiteral("probe"), QStringLiteral("probe-value"), &context,
            [&](const SecretStore::Result &r) { written = r; });
        QTRY_VERIFY_WITH_TIMEOUT(written.has_value(), 30000);
        if (written->ok()) {
            keychain.remove(QStringLiteral("probe"), &context, [](const SecretStore::Result &) {});
            QSKIP("this machine has a working desktop keyring; the test is about one without");
        }
        qInfo().noquote() << "QtKeychain says:" << written->error;

        FakeConnector connector;
        ConnectDialog dialog(&connector, &keychain);
        child<QComboBox>(dialog, "securityProtocol")->setCurrentText(QStringLiteral("SASL_SSL"));
        type(child<QLineEdit>(dialog, "username"), QStringLiteral("carol"));
        type(child<QLineEdit>(dialog, "password"), QStringLiteral("keychain-Pa55"));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog.keyringMessage().isEmpty(), 30000);
        QVERIFY2(dialog.keyringMessage().startsWith(QLatin1String("The desktop keyring is not available: ")),
            qPrintable(dialog.keyringMessage()));
        QVERIFY2(dialog.keyringMessage().endsWith(
                     QLatin1String(". The password is not saved; you will be asked for it when you connect.")),
            qPrintable(dialog.keyringMessage()));
        dialog.connectToCluster();
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(dialog.chosenProfile().password, QStringLiteral("keychain-Pa55"));
        QVERIFY(!settingsText().contains(QLatin1String("keychain-Pa55")));
    }

    void testConnectionSaysWhatItFound_data()
    {
        QTest::addColumn<int>("problem");
        QTest::addColumn<QString>("error");
        QTest::addColumn<QString>("shown");
        QTest::addRow("connected") << int(engine::ConnectionCheck::Problem::None) << QString()
                                   << QStringLiteral("Connected to cluster abc-123: 3 brokers, controller broker 2 at "
                                                     "k2:9092.");
        QTest::addRow("unreachable") << int(engine::ConnectionCheck::Problem::Unreachable)
                                     << QStringLiteral("Local: Broker transport failure")
                                     << QStringLiteral("Cannot reach k1:9092: Local: Broker transport failure");
        QTest::addRow("authentication")
            << int(engine::ConnectionCheck::Problem::Authentication)
            << QStringLiteral("SASL authentication error: Authentication failed")
            << QStringLiteral("The cluster refused the credentials: SASL authentication error: Authentication failed");
        QTest::addRow("tls") << int(engine::ConnectionCheck::Problem::Tls)
                             << QStringLiteral("SSL handshake failed: certificate verify failed")
                             << QStringLiteral("The TLS connection failed: SSL handshake failed: certificate verify "
                                               "failed");
        QTest::addRow("bad property") << int(engine::ConnectionCheck::Problem::BadProperty)
                                      << QStringLiteral("No such configuration property: \"sasl.mechanizm\"")
                                      << QStringLiteral("librdkafka refused a setting: No such configuration property: "
                                                        "\"sasl.mechanizm\"");
    }
    void testConnectionSaysWhatItFound()
    {
        QFETCH(int, problem);
        QFETCH(QString, error);
        QFETCH(QString, shown);
        InMemorySecretStore store;
        FakeConnector connector;
        connector.answer.problem = engine::ConnectionCheck::Problem(problem);
        connector.answer.error = error;
        if (problem == int(engine::ConnectionCheck::Problem::None))
            connector.answerConnected(QStringLiteral("abc-123"), 3, 2, QStringLiteral("k2:9092"));
        ConnectDialog dialog(&connector, &store);
        type(child<QLineEdit>(dialog, "bootstrapServers"), QStringLiteral("k1:9092"));
        dialog.testConnection();
        QCOMPARE(dialog.testResult(), QStringLiteral("Testing the connection to k1:9092…"));
        QVERIFY(dialog.isTesting());
        QVERIFY(!child<QPushButton>(dialog, "testConnection")->isEnabled());
        QTRY_VERIFY(!dialog.isTesting());
        QCOMPARE(dialog.testResult(), shown);
        QCOMPARE(connector.checked.size(), 1);
        QCOMPARE(connector.checked.constFirst().bootstrapServers, QStringLiteral("k1:9092"));
    }

    void screenshots_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addRow("en") << QStringLiteral("en");
        QTest::addRow("ko") << QStringLiteral("ko");
    }
    // The dialog on a 1280x720 screen, with a SASL_SSL profile, a test result and the keyring's message: everything
    // must fit without being cut off (a person looks at the PNGs).
    void screenshots()
    {
        QFETCH(QString, language);
        QVERIFY(Language::install(qApp, language));
        QTemporaryDir dir;
        const QString path = writeFile(dir, QStringLiteral("client.properties"), scramProperties(dir));
        InMemorySecretStore store;
        store.setUnavailable(QStringLiteral("The name org.freedesktop.secrets was not provided by any .service files"));
        FakeConnector connector;
        connector.answerConnected(
            QStringLiteral("MkU3OEVBNTcwNTJENDM2Qk"), 3, 1, QStringLiteral("kafka1.example.com:9093"));
        ConnectDialog dialog(&connector, &store);
        type(child<QLineEdit>(dialog, "name"), QStringLiteral("production"));
        dialog.addProfile();
        type(child<QLineEdit>(dialog, "name"), QStringLiteral("staging"));
        QVERIFY(dialog.importPropertiesFile(path));
        dialog.testConnection();
        QTRY_VERIFY(!dialog.isTesting());
        QTRY_VERIFY(!dialog.keyringMessage().isEmpty());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY2(dialog.width() <= 1280 && dialog.height() <= 720,
            qPrintable(QStringLiteral("%1x%2").arg(dialog.width()).arg(dialog.height())));
        QTest::qWait(200);
        QVERIFY(dialog.grab().save(QDir(QStringLiteral(TOPICSCOPE_TEST_OUTPUT_DIR))
                                       .filePath(QStringLiteral("connect-dialog-%1.png").arg(language))));
        QVERIFY2(dialog.minimumSizeHint().height() <= dialog.height(),
            qPrintable(QStringLiteral("%1 < %2").arg(dialog.height()).arg(dialog.minimumSizeHint().height())));
        QVERIFY(Language::install(qApp, QStringLiteral("en")));
    }
};

QTEST_MAIN(TestConnectDialog)
#include "tst_connectdialog.moc"
