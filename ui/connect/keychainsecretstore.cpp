#include "keychainsecretstore.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

namespace topicscope::ui {

namespace {

// QtKeychain's own words when it cannot reach a keyring are often only "Unknown error": say what is missing.
QString reasonOf(const QKeychain::Job &job)
{
    const QString own = job.errorString();
    if (job.error() != QKeychain::NoBackendAvailable && job.error() != QKeychain::OtherError)
        return own;
    QString why
        = QCoreApplication::translate("topicscope::ui::KeychainSecretStore", "no Secret Service or KWallet answered");
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"))
        why += QCoreApplication::translate("topicscope::ui::KeychainSecretStore", " (there is no D-Bus session)");
    if (!own.isEmpty() && own != QLatin1String("Unknown error"))
        why += QStringLiteral(": ") + own;
    return why;
}

// Starts job and hands its outcome to done on context's thread; the job deletes itself when finished.
void run(QKeychain::Job *job, const QString &key, QObject *context, SecretStore::Done done)
{
    job->setAutoDelete(true);
    job->setKey(key);
    // Never QtKeychain's plain-text fallback: a secret that cannot go to the keyring is not saved at all.
    job->setInsecureFallback(false);
    QObject::connect(job, &QKeychain::Job::finished, context, [done = std::move(done)](QKeychain::Job *j) {
        SecretStore::Result result;
        if (j->error() == QKeychain::NoError) {
            if (auto *read = qobject_cast<QKeychain::ReadPasswordJob *>(j)) {
                result.value = read->textData();
                result.found = true;
            }
        } else if (j->error() != QKeychain::EntryNotFound) {
            result.error = reasonOf(*j);
        }
        done(result);
    });
    job->start();
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(std::move(service))
{ }

void KeychainSecretStore::read(const QString &key, QObject *context, Done done)
{
    run(new QKeychain::ReadPasswordJob(m_service), key, context, std::move(done));
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, Done done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setTextData(value);
    run(job, key, context, std::move(done));
}

void KeychainSecretStore::remove(const QString &key, QObject *context, Done done)
{
    run(new QKeychain::DeletePasswordJob(m_service), key, context, std::move(done));
}

} // namespace topicscope::ui
