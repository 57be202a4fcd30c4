#include "connectionprofile.h"

#include "hostport.h"
#include "secretstore.h"

#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QUuid>
#include <algorithm>

namespace topicscope::ui {

namespace {

const QString PasswordProperty = QStringLiteral("sasl.password");
const QString ProfilesGroup = QStringLiteral("connections/profiles");
const QString LastUsedKey = QStringLiteral("connections/lastUsed");

} // namespace

QString ConnectionProfile::validationError() const
{
    if (name.trimmed().isEmpty())
        return tr("Give the connection a name.");
    QString bad;
    if (bootstrapServers.trimmed().isEmpty())
        return tr("Enter the bootstrap servers as HOST:PORT, several separated by commas.");
    if (!engine::checkBootstrapServers(bootstrapServers, &bad))
        return tr("Bootstrap servers: '%1' is not HOST:PORT (a port from 1 to 65535).").arg(bad);
    if (usesSasl() && username.trimmed().isEmpty())
        return tr("%1 needs a user name.").arg(securityProtocol);
    // librdkafka would only say "ssl.ca.location failed" when connecting; the path is ours to check now.
    if (usesTls() && !caFile.trimmed().isEmpty()) {
        const QFileInfo ca(caFile.trimmed());
        if (!ca.exists())
            return tr("The CA file %1 does not exist.").arg(QDir::toNativeSeparators(ca.filePath()));
        if (!ca.isFile())
            return tr("The CA file %1 is not a file.").arg(QDir::toNativeSeparators(ca.filePath()));
        if (!ca.isReadable())
            return tr("The CA file %1 cannot be read.").arg(QDir::toNativeSeparators(ca.filePath()));
    }
    for (const auto &[property, value] : properties) {
        if (property.trimmed().isEmpty())
            return tr("A property has no name (value '%1').").arg(value);
    }
    return {};
}

engine::RemoteClusterOptions ConnectionProfile::options() const
{
    engine::RemoteClusterOptions options;
    options.bootstrapServers = bootstrapServers.trimmed();
    const QString origin = tr("connection '%1'").arg(name);
    const auto add = [&](const QString &property, const QString &value) {
        options.properties.append({property, value, origin});
    };
    add(QStringLiteral("security.protocol"), securityProtocol);
    if (usesSasl()) {
        add(QStringLiteral("sasl.mechanisms"), saslMechanism);
        add(QStringLiteral("sasl.username"), username);
        add(PasswordProperty, password);
    }
    if (usesTls() && !caFile.trimmed().isEmpty())
        add(QStringLiteral("ssl.ca.location"), caFile.trimmed());
    for (const auto &[property, value] : properties)
        add(property.trimmed(), value);
    options.readOffsetsTopic = readOffsetsTopic;
    return options;
}

void ConnectionProfile::applyProperties(const QList<engine::RemoteProperty> &entries)
{
    for (const engine::RemoteProperty &p : entries) {
        if (p.name == QLatin1String("bootstrap.servers")) {
            bootstrapServers = p.value;
        } else if (p.name == QLatin1String("security.protocol") && securityProtocols().contains(p.value.toUpper())) {
            securityProtocol = p.value.toUpper();
        } else if ((p.name == QLatin1String("sasl.mechanisms") || p.name == QLatin1String("sasl.mechanism"))
            && saslMechanisms().contains(p.value.toUpper())) {
            saslMechanism = p.value.toUpper();
        } else if (p.name == QLatin1String("sasl.username")) {
            username = p.value;
        } else if (p.name == PasswordProperty) {
            password = p.value;
        } else if (p.name == QLatin1String("ssl.ca.location")) {
            caFile = p.value;
        } else {
            auto same = std::find_if(
                properties.begin(), properties.end(), [&](const auto &existing) { return existing.first == p.name; });
            if (same != properties.end())
                same->second = p.value;
            else
                properties.append({p.name, p.value});
        }
    }
}

QList<QPair<QString, QString>> ConnectionProfile::secrets() const
{
    QList<QPair<QString, QString>> all;
    if (!password.isEmpty())
        all.append({PasswordProperty, password});
    for (const auto &[property, value] : properties) {
        if (SecretStore::isSecretProperty(property) && !value.isEmpty())
            all.append({property, value});
    }
    return all;
}

void ConnectionProfile::fillSecret(const QString &property, const QString &value)
{
    if (property == PasswordProperty) {
        if (password.isEmpty())
            password = value;
        return;
    }
    for (auto &[existing, existingValue] : properties) {
        if (existing == property && existingValue.isEmpty())
            existingValue = value;
    }
}

QStringList ConnectionProfile::secretNames() const
{
    QStringList names {PasswordProperty};
    for (const auto &[property, value] : properties) {
        if (SecretStore::isSecretProperty(property))
            names.append(property);
    }
    return names;
}

QString ConnectionProfile::secretKey(const QString &profileId, const QString &propertyName)
{
    return QStringLiteral("connection/%1/%2").arg(profileId, propertyName);
}

QString ConnectionProfile::newId()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QStringList ConnectionProfile::securityProtocols()
{
    return {QStringLiteral("PLAINTEXT"), QStringLiteral("SSL"), QStringLiteral("SASL_PLAINTEXT"),
        QStringLiteral("SASL_SSL")};
}

QStringList ConnectionProfile::saslMechanisms()
{
    return {QStringLiteral("PLAIN"), QStringLiteral("SCRAM-SHA-256"), QStringLiteral("SCRAM-SHA-512")};
}

QList<ConnectionProfile> ConnectionProfile::load(QSettings &settings)
{
    QList<ConnectionProfile> profiles;
    const int count = settings.beginReadArray(ProfilesGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ConnectionProfile p;
        p.id = settings.value(QStringLiteral("id")).toString();
        p.name = settings.value(QStringLiteral("name")).toString();
        p.bootstrapServers = settings.value(QStringLiteral("bootstrapServers")).toString();
        p.securityProtocol = settings.value(QStringLiteral("securityProtocol"), p.securityProtocol).toString();
        p.saslMechanism = settings.value(QStringLiteral("saslMechanism"), p.saslMechanism).toString();
        p.username = settings.value(QStringLiteral("username")).toString();
        p.caFile = settings.value(QStringLiteral("caFile")).toString();
        p.readOffsetsTopic = settings.value(QStringLiteral("readOffsetsTopic"), true).toBool();
        const QStringList names = settings.value(QStringLiteral("propertyNames")).toStringList();
        const QStringList values = settings.value(QStringLiteral("propertyValues")).toStringList();
        for (qsizetype n = 0; n < names.size(); ++n)
            p.properties.append({names.at(n), values.value(n)});
        if (!p.id.isEmpty())
            profiles.append(p);
    }
    settings.endArray();
    return profiles;
}

void ConnectionProfile::save(QSettings &settings, const QList<ConnectionProfile> &profiles)
{
    settings.remove(ProfilesGroup);
    settings.beginWriteArray(ProfilesGroup, static_cast<int>(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        const ConnectionProfile &p = profiles.at(i);
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("id"), p.id);
        settings.setValue(QStringLiteral("name"), p.name);
        settings.setValue(QStringLiteral("bootstrapServers"), p.bootstrapServers);
        settings.setValue(QStringLiteral("securityProtocol"), p.securityProtocol);
        settings.setValue(QStringLiteral("saslMechanism"), p.saslMechanism);
        settings.setValue(QStringLiteral("username"), p.username);
        settings.setValue(QStringLiteral("caFile"), p.caFile);
        settings.setValue(QStringLiteral("readOffsetsTopic"), p.readOffsetsTopic);
        QStringList names;
        QStringList values;
        for (const auto &[property, value] : p.properties) {
            names.append(property);
            // A secret property keeps its place (and name) here; its value is only in the SecretStore.
            values.append(SecretStore::isSecretProperty(property) ? QString() : value);
        }
        settings.setValue(QStringLiteral("propertyNames"), names);
        settings.setValue(QStringLiteral("propertyValues"), values);
    }
    settings.endArray();
}

QString ConnectionProfile::lastUsed(QSettings &settings)
{
    return settings.value(LastUsedKey).toString();
}

void ConnectionProfile::setLastUsed(QSettings &settings, const QString &id)
{
    settings.setValue(LastUsedKey, id);
}

} // namespace topicscope::ui
