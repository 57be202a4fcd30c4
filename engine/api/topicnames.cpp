#include "topicnames.h"

namespace topicscope::engine {

namespace {

ErrorCode invalid(QString *why, const QString &text)
{
    if (why)
        *why = text;
    return ErrorCode::InvalidTopicException;
}

} // namespace

ErrorCode TopicNames::validate(const QString &name, QString *why)
{
    if (name.isEmpty())
        return invalid(why, QStringLiteral("topic name is empty"));
    if (name == QLatin1String(".") || name == QLatin1String(".."))
        return invalid(why, QStringLiteral("topic name cannot be \".\" or \"..\""));
    if (name.size() > MaxLength)
        return invalid(
            why, QStringLiteral("topic name is %1 characters long; the limit is %2").arg(name.size()).arg(MaxLength));
    for (const QChar c : name) {
        const char16_t u = c.unicode();
        const bool legal = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9') || u == u'.'
            || u == u'_' || u == u'-';
        if (!legal)
            return invalid(why,
                QStringLiteral("topic name \"%1\" contains '%2'; only ASCII letters, digits, '.', '_' and '-' are "
                               "allowed")
                    .arg(name, c));
    }
    return ErrorCode::None;
}

QString TopicNames::metricName(const QString &topic)
{
    QString name = topic;
    return name.replace(QLatin1Char('.'), QLatin1Char('_'));
}

bool TopicNames::isInternal(const QString &topic)
{
    return topic == QLatin1String("__consumer_offsets") || topic == QLatin1String("__transaction_state")
        || topic == QLatin1String("__share_group_state");
}

} // namespace topicscope::engine
