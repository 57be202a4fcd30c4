#include "inmemorysecretstore.h"

#include <QMetaObject>

namespace topicscope::ui {

void InMemorySecretStore::answer(QObject *context, Done done, Result result) const
{
    if (!m_unavailable.isEmpty())
        result = Result {{}, false, m_unavailable};
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void InMemorySecretStore::read(const QString &key, QObject *context, Done done)
{
    const auto it = m_secrets.constFind(key);
    answer(context, std::move(done), it == m_secrets.constEnd() ? Result {} : Result {*it, true, {}});
}

void InMemorySecretStore::write(const QString &key, const QString &value, QObject *context, Done done)
{
    if (m_unavailable.isEmpty())
        m_secrets.insert(key, value);
    answer(context, std::move(done), {});
}

void InMemorySecretStore::remove(const QString &key, QObject *context, Done done)
{
    if (m_unavailable.isEmpty())
        m_secrets.remove(key);
    answer(context, std::move(done), {});
}

} // namespace topicscope::ui
