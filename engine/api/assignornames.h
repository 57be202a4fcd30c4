#pragma once

#include <QString>
#include <QStringList>

namespace topicscope::engine {

// The built-in partition assignment strategies by their protocol names, in the order the assignor comparison
// plays them: the one list that scenario files are checked against, the comparison runs, the Add Consumer dialog
// offers and Assignor::builtInNames() returns. A value header, so that the UI can offer the names without
// including engine/group.
inline QStringList builtInAssignorNames()
{
    return {QStringLiteral("range"), QStringLiteral("roundrobin"), QStringLiteral("sticky"),
        QStringLiteral("cooperative-sticky")};
}

// The server-side assignors of Kafka 4's consumer group protocol (group.consumer.assignors; a consumer asks for
// one with group.remote.assignor), the broker's default first.
inline QStringList serverAssignorNames()
{
    return {QStringLiteral("uniform"), QStringLiteral("range")};
}

} // namespace topicscope::engine
