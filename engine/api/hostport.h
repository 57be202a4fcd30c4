#pragma once

#include <QString>

namespace topicscope::engine {

// Splits "host:port" or "[v6]:port". False when malformed or the port is outside 0-65535.
bool parseHostPort(const QString &text, QString *host, int *port);

// Checks a bootstrap.servers list, "HOST:PORT[,HOST:PORT...]" with ports 1-65535, as --bootstrap-server and the
// Connect to Kafka dialog take it. False with *bad set to the first entry that is not HOST:PORT (empty when the
// whole list is empty).
bool checkBootstrapServers(const QString &servers, QString *bad);

} // namespace topicscope::engine
