#pragma once

#include "clustertypes.h"

#include <QList>
#include <QString>

namespace topicscope::ui::recordexport {

// Records as text for the clipboard or a file, in the fields a person reads: topic, partition, offset,
// timestamp (ms since the epoch), key, value, headers. A key, value or header value that is valid UTF-8 is
// written as text; other bytes as base64 with a marker, so that nothing is lost or silently mangled; null stays
// distinct from the empty string. Pure functions.

// JSON Lines: one object a line, fields in the order above. Bytes: a JSON string, null, or {"base64": "..."}.
// Headers: an array of {"key": ..., "value": ...} in record order (Kafka allows a header name twice).
QString toJsonLines(const QString &topic, const QList<engine::MessageRow> &rows);

// CSV (RFC 4180: a header line, CRLF line ends, fields quoted when they hold a comma, quote, line break or
// edge space, quotes doubled). Null is an empty unquoted field and the empty string "" (PostgreSQL's COPY
// convention); bytes that are not UTF-8 are "base64:" followed by the base64 text; headers are the JSON array
// above.
QString toCsv(const QString &topic, const QList<engine::MessageRow> &rows);

} // namespace topicscope::ui::recordexport
