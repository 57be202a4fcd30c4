#include "group/assignor.h"

#include "assignornames.h"
#include "group/cooperativestickyassignor.h"
#include "group/rangeassignor.h"
#include "group/roundrobinassignor.h"
#include "group/stickyassignor.h"

namespace topicscope::engine {

std::unique_ptr<Assignor> Assignor::create(const QString &name)
{
    if (name == QLatin1String("range"))
        return std::make_unique<RangeAssignor>();
    if (name == QLatin1String("roundrobin"))
        return std::make_unique<RoundRobinAssignor>();
    if (name == QLatin1String("sticky"))
        return std::make_unique<StickyAssignor>();
    if (name == QLatin1String("cooperative-sticky"))
        return std::make_unique<CooperativeStickyAssignor>();
    return nullptr;
}

QStringList Assignor::builtInNames()
{
    return builtInAssignorNames();
}

} // namespace topicscope::engine
