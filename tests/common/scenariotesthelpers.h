#pragma once

// Loading scenarios in tests: a file that does not load is a broken test set-up, so it stops the test binary.

#include "sim/scenario.h"

#include <QString>
#include <QTest>
#include <QtGlobal>

namespace topicscope::engine::testing {

inline QString builtIn(const char *name)
{
    return QStringLiteral(":/scenarios/") + QLatin1String(name);
}

// One data row per built-in scenario ("05-rebalance-join-leave.json"), in a column "file" with its resource path.
inline void addBuiltInRows()
{
    QTest::addColumn<QString>("file");
    for (const QString &path : Scenario::builtInFiles())
        QTest::addRow("%s", qPrintable(path.section(QLatin1Char('/'), -1))) << path;
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
