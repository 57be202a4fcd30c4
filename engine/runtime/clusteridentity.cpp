#include "clusteridentity.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QUuid>

namespace topicscope::engine {

namespace {

QByteArray base64UrlNoPadding(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

} // namespace

QString ClusterIdentity::randomClusterId()
{
    for (;;) {
        // Version 4, as Java's UUID.randomUUID(); Kafka draws again for an id that would start with '-', which
        // command-line tools would take for an option.
        const QByteArray id = base64UrlNoPadding(QUuid::createUuid().toRfc4122());
        if (!id.startsWith('-'))
            return QString::fromLatin1(id);
    }
}

bool ClusterIdentity::isValidClusterId(const QString &text)
{
    if (text.size() != 22)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    return decoded.decodingStatus == QByteArray::Base64DecodingStatus::Ok && decoded.decoded.size() == 16
        && base64UrlNoPadding(decoded.decoded) == text.toLatin1();
}

QString ClusterIdentity::loadOrCreate(const QString &dataDir, int nodeId, QString *error)
{
    const QString path = QDir(dataDir).filePath(fileName());
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read %1: %2").arg(path, existing.errorString());
            return {};
        }
        QString clusterId;
        QString storedNode;
        for (const QByteArray &raw : existing.readAll().split('\n')) {
            const QString line = QString::fromUtf8(raw).trimmed();
            if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
                continue;
            const qsizetype eq = line.indexOf(QLatin1Char('='));
            const QString key = line.left(eq).trimmed();
            const QString value = eq < 0 ? QString() : line.mid(eq + 1).trimmed();
            if (key == QLatin1String("cluster.id"))
                clusterId = value;
            else if (key == QLatin1String("node.id"))
                storedNode = value;
        }
        if (!isValidClusterId(clusterId)) {
            if (error)
                *error = QStringLiteral("%1 has no valid cluster.id (found \"%2\"); restore the file or move the data "
                                        "directory aside")
                             .arg(path, clusterId.left(40));
            return {};
        }
        if (!storedNode.isEmpty() && storedNode != QString::number(nodeId)) {
            if (error)
                *error = QStringLiteral("%1 belongs to node.id %2, not %3").arg(path, storedNode).arg(nodeId);
            return {};
        }
        return clusterId;
    }
    const QString clusterId = randomClusterId();
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    file.write(QStringLiteral("#\n# Written by Topicscope when this data directory was new; as Kafka's log directories "
                              "keep it.\n# cluster.id tells this broker's data apart from any other's: do not edit.\n"
                              "cluster.id=%1\nnode.id=%2\nversion=1\n")
                   .arg(clusterId)
                   .arg(nodeId)
                   .toUtf8());
    if (!file.commit()) {
        if (error)
            *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return {};
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return clusterId;
}

} // namespace topicscope::engine
