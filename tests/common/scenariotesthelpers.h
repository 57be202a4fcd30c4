#pragma once

// Loading scenarios in tests: a file that does not load is a broken test set-up, so it stops the test binary.

#include "sim/scenario.h"

#include <QString>
#include <QtGlobal>

namespace topicscope::engine::testing {

inline QString builtIn(const char *name)
{
    return QStringLiteral(":/scenarios/") + QLatin1String(name);
}

inline Scenario loadScenario(const QString &path)
{
    QString error;
    std::optional<Scenario> s = Scenario::load(path, &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

inline Scenario parseScenario(const QByteArray &json)
{
    QString error;
    std::optional<Scenario> s = Scenario::parse(json, &error);
    if (!s)
        qFatal("%s", qPrintable(error));
    return *s;
}

} // namespace topicscope::engine::testing
