#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace topicscope::ui {

// Where connection secrets (passwords, keys' passphrases, client secrets) are kept: never QSettings. Every call
// answers later, on the GUI thread, through done — unless context was destroyed meanwhile. The desktop keyring
// (KeychainSecretStore) serves the app; InMemorySecretStore serves tests. GUI thread.
class SecretStore {
public:
    struct Result {
        QString value; // read: the secret, when found
        bool found = false; // read: a secret is stored under the key
        QString error; // the store could not be used (no keyring, access denied): why, in its own words
        bool ok() const { return error.isEmpty(); }
    };
    using Done = std::function<void(const Result &)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, QObject *context, Done done) = 0;
    virtual void write(const QString &key, const QString &value, QObject *context, Done done) = 0;
    // Removing a key that holds nothing is not an error.
    virtual void remove(const QString &key, QObject *context, Done done) = 0;

    // True for a librdkafka property whose value is a secret: sasl.password, ssl.key.password,
    // ssl.keystore.password, sasl.oauthbearer.client.secret, anything named "...password..." or "...secret...".
    static bool isSecretProperty(const QString &name);
};

} // namespace topicscope::ui
