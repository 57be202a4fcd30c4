#include "remoteclusteroptions.h"

#include <QFile>
#include <QFileInfo>

namespace topicscope::engine {

bool RemoteClusterOptions::readPropertiesFile(const QString &path, QList<RemoteProperty> *properties, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    const QString name = QFileInfo(path).fileName();
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')) || line.startsWith(QLatin1Char('!')))
            continue;
        // Java's Properties accepts '=' or ':' as the separator; the first one wins, so a value may hold either.
        qsizetype separator = line.indexOf(QLatin1Char('='));
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (separator < 0 || (colon >= 0 && colon < separator))
            separator = colon;
        const QString origin = QStringLiteral("%1 line %2").arg(name).arg(lineNumber);
        const QString key = separator > 0 ? line.left(separator).trimmed() : QString();
        if (key.isEmpty()) {
            *error = QStringLiteral("%1: expected name=value, got '%2'").arg(origin, line);
            return false;
        }
        properties->append({key, line.mid(separator + 1).trimmed(), origin});
    }
    return true;
}

} // namespace topicscope::engine
