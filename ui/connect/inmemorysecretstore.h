#pragma once

#include "secretstore.h"

#include <QHash>

namespace topicscope::ui {

// A SecretStore in memory, for tests: answers through the event loop like the keyring does. setUnavailable() makes
// every call fail with that reason, as a machine without a keyring does. GUI thread.
class InMemorySecretStore : public SecretStore {
public:
    void read(const QString &key, QObject *context, Done done) override;
    void write(const QString &key, const QString &value, QObject *context, Done done) override;
    void remove(const QString &key, QObject *context, Done done) override;

    void setUnavailable(const QString &reason) { m_unavailable = reason; }
    QHash<QString, QString> secrets() const { return m_secrets; }

private:
    void answer(QObject *context, Done done, Result result) const;

    QHash<QString, QString> m_secrets;
    QString m_unavailable;
};

} // namespace topicscope::ui
