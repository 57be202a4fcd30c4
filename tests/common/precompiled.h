// The headers nearly every test includes, precompiled once for the tests that link Qt Widgets and once for those
// that do not (tests/CMakeLists.txt), and reused by all the others: parsing them was half of a test's compile time.
// A test still includes what it uses; this file only makes that cheaper.
#pragma once

#include <QTest> // With QT_WIDGETS_LIB defined this also brings QTest's widget helpers.

#include <QAbstractItemModelTester>
#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QObject>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>
#include <QVariant>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
