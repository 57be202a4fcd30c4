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

} // namespace topicscope::engine
