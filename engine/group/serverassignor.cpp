#include "group/serverassignor.h"

#include "group/serverrangeassignor.h"
#include "group/uniformassignor.h"

namespace topicscope::engine {

std::unique_ptr<ServerAssignor> ServerAssignor::create(const QString &name)
{
    if (name == QLatin1String("uniform"))
        return std::make_unique<UniformAssignor>();
    if (name == QLatin1String("range"))
        return std::make_unique<ServerRangeAssignor>();
    return nullptr;
}

QStringList ServerAssignor::builtInNames()
{
    // Kafka's group.consumer.assignors default lists uniform first; the first entry is the group's default.
    return {QStringLiteral("uniform"), QStringLiteral("range")};
}

} // namespace topicscope::engine
