#pragma once

#include <QByteArray>
#include <QString>
#include <Qt>
#include <optional>

namespace topicscope::ui {

// The role every explorer model answers with the raw value behind a formatted cell; proxies sort by it.
constexpr int SortRole = Qt::UserRole;

// How the message browser shows a key or value.
enum class BytesFormat { Text, Json, Hex };

// Display helpers shared by the models and views. Pure functions.
namespace format {
QString bytesSize(qint64 bytes); // "1.2 MiB"
QString count(qint64 n); // "1,234,567"
QString rate(double perSecond); // "1,234/s", "0.5/s", "—" for 0
QString retention(qint64 ms); // "7 days", "forever"
QString timestamp(qint64 ms); // local "2024-01-02 03:04:05.678", "—" for -1
QString timeOfDay(qint64 ms); // local "03:04:05.678", "—" for -1
QString lastAppend(qint64 appendMs, qint64 nowMs); // "3 s ago", "never"
// A key or value; null stays "null". Text shows printable UTF-8 (else falls back to hex), Json pretty-prints
// when the bytes parse as JSON. singleLine folds newlines for table cells.
QString bytes(const std::optional<QByteArray> &bytes, BytesFormat format, bool singleLine);
// JSON re-indented (or compacted) in the record's own member order, numbers and strings exactly as written;
// nullopt when the bytes are not one valid JSON text (QJsonDocument would sort the members and round numbers).
std::optional<QString> prettyJson(QByteArrayView json, bool compact = false);
// A classic dump, 16 bytes a line: "00000010  7b 22 6e 22 3a 31 7d 0a  00 ff ...  |{"n":1}...|"; at most
// maxBytes are dumped, then a line says how many more there are.
QString hexDump(QByteArrayView bytes, qsizetype maxBytes = 64 * 1024);
} // namespace format

} // namespace topicscope::ui
