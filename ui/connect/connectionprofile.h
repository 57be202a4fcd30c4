#pragma once

#include "remoteclusteroptions.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

class QSettings;

namespace topicscope::ui {

// A saved way to reach a Kafka cluster (File > Connect to Kafka): bootstrap servers, security settings and any
// other librdkafka properties. Its secrets (the password, any property SecretStore::isSecretProperty names) are held
// here in memory only: save() writes everything else to QSettings, the secrets go to a SecretStore under
// secretKey(). A value.
struct ConnectionProfile {
    Q_DECLARE_TR_FUNCTIONS(topicscope::ui::ConnectionProfile)

public:
    QString id; // stable: names the profile in the settings and its secrets in the keyring
    QString name;
    QString bootstrapServers;
    QString securityProtocol = QStringLiteral("PLAINTEXT"); // PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL
    QString saslMechanism = QStringLiteral("PLAIN"); // PLAIN, SCRAM-SHA-256, SCRAM-SHA-512
    QString username;
    QString password; // a secret: sasl.password
    QString caFile; // ssl.ca.location
    QList<QPair<QString, QString>> properties; // any other librdkafka property, name and value, in order
    bool readOffsetsTopic = true; // the rebalance history from __consumer_offsets (RemoteClusterOptions)

    bool usesSasl() const { return securityProtocol.startsWith(QLatin1String("SASL")); }
    bool usesTls() const { return securityProtocol.endsWith(QLatin1String("SSL")); }
    // The first thing that keeps this profile from connecting (bad bootstrap servers, a property without a
    // name), in the reader's language; empty when none.
    QString validationError() const;
    // What RemoteCluster takes: the fields as librdkafka properties (only those that apply to the protocol),
    // then the other properties.
    engine::RemoteClusterOptions options() const;
    // Fills the profile from a properties file's entries: the ones it has fields for go there, the rest to
    // properties (replacing a property of the same name) — a protocol or mechanism the combos do not offer too
    // (OAUTHBEARER, GSSAPI), where it overrides the field when passed to librdkafka.
    void applyProperties(const QList<engine::RemoteProperty> &entries);

    // The secrets by property name ("sasl.password" for the password), empty ones left out.
    QList<QPair<QString, QString>> secrets() const;
    // Sets the secret of that name (the password or a property) if the profile still lacks it.
    void fillSecret(const QString &name, const QString &value);
    // The names of every secret the profile has a place for, filled or not: sasl.password and secret properties.
    QStringList secretNames() const;
    static QString secretKey(const QString &profileId, const QString &propertyName);

    static QString newId();
    static QStringList securityProtocols();
    static QStringList saslMechanisms();

    // Every profile, secrets left out; and which one was used last (its id).
    static QList<ConnectionProfile> load(QSettings &settings);
    static void save(QSettings &settings, const QList<ConnectionProfile> &profiles);
    static QString lastUsed(QSettings &settings);
    static void setLastUsed(QSettings &settings, const QString &id);

    bool operator==(const ConnectionProfile &) const = default;
};

} // namespace topicscope::ui
