#pragma once

#include "secretstore.h"

namespace topicscope::ui {

// The desktop keyring (Secret Service, KWallet; the platform's keychain elsewhere) through QtKeychain, under the
// service name "Topicscope". Without one (a headless machine with no Secret Service) every call fails with
// QtKeychain's reason; there is no fallback to a file. GUI thread.
class KeychainSecretStore : public SecretStore {
public:
    explicit KeychainSecretStore(QString service = QStringLiteral("Topicscope"));

    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &value, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

private:
    QString m_service;
};

} // namespace topicscope::ui
