#include "secretstore.h"

namespace topicscope::ui {

bool SecretStore::isSecretProperty(const QString &name)
{
    // The four named ones all match the rule too; they are the ones a Kafka properties file usually holds.
    return name.contains(QLatin1String("password"), Qt::CaseInsensitive)
        || name.contains(QLatin1String("secret"), Qt::CaseInsensitive);
}

} // namespace topicscope::ui
