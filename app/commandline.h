#pragma once

#include "remoteclusteroptions.h"
#include "runtime/engine.h"

#include <QString>
#include <QStringList>

namespace topicscope::app {

struct CommandLineOptions {
    bool headless = false;
    QString scenarioFile; // --scenario: run a workshop scenario instead of serving
    QString recordFile; // --record (headless): serve, and save the live recording there when stopped
    QString reportFile; // --report (headless): print a saved live recording's report instead of serving
    bool listenAddressGiven = false; // --listen: a port remembered by the GUI does not apply
    QString language; // --lang: "ko" or "en"; empty: the saved setting, else the system's language
    engine::EngineOptions engine;
    // --bootstrap-server (and --command-config): explore that Kafka cluster instead of starting the embedded broker.
    engine::RemoteClusterOptions remote;
    bool alsoEmbedded = false; // --embedded (with --bootstrap-server): the embedded broker's window too
    bool describe = false; // --describe (headless, with --bootstrap-server): print the cluster once and exit
};

// Parses topicscope's command line. --help and --version print and exit inside; a bad command line prints
// the error and usage and exits with status 2. Needs a Q(Core)Application to exist.
CommandLineOptions parseCommandLine(const QStringList &arguments);

// Splits "host:port" or "[v6]:port". False when malformed or the port is outside 0-65535.
bool parseHostPort(const QString &text, QString *host, int *port);

// True when the arguments ask for no GUI (checked before any QApplication exists).
bool wantsHeadless(int argc, char **argv);

} // namespace topicscope::app
