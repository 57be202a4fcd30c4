#include "hostport.h"

#include <QStringList>

namespace topicscope::engine {

bool parseHostPort(const QString &text, QString *host, int *port)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString h = text.left(colon);
    if (h.startsWith(QLatin1Char('[')) && h.endsWith(QLatin1Char(']')))
        h = h.mid(1, h.size() - 2); // [::1]:9092
    bool ok = false;
    const int p = text.mid(colon + 1).toInt(&ok);
    if (h.isEmpty() || !ok || p < 0 || p > 65535)
        return false;
    *host = h;
    *port = p;
    return true;
}

bool checkBootstrapServers(const QString &servers, QString *bad)
{
    bad->clear();
    if (servers.trimmed().isEmpty())
        return false;
    for (const QString &entry : servers.split(QLatin1Char(','))) {
        QString host;
        int port = -1;
        if (!parseHostPort(entry.trimmed(), &host, &port) || port == 0) {
            *bad = entry.trimmed();
            return false;
        }
    }
    return true;
}

} // namespace topicscope::engine
