#include "groupmessages.h"

namespace topicscope::engine::wire {

void stringOrEmpty(FieldDecoder &io, std::optional<QString> &v)
{
    QString value;
    io.string(value);
    v = std::move(value);
}

void stringOrEmpty(FieldEncoder &io, const std::optional<QString> &v)
{
    io.string(v.value_or(QString()));
}

} // namespace topicscope::engine::wire
