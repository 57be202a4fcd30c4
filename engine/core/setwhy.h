#pragma once

#include <QString>

namespace topicscope::engine {

// The engine's `QString *why` out-parameters: a call that fails says why only when its caller asked (why not null).
inline void setWhy(QString *why, const QString &text)
{
    if (why)
        *why = text;
}

} // namespace topicscope::engine
