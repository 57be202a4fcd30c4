// Qt Core and standard headers most engine files include, precompiled once (for topicscope_api) and reused by the
// engine's other libraries (engine/CMakeLists.txt). Every file still includes what it uses; builds with
// CMAKE_DISABLE_PRECOMPILE_HEADERS=ON (the dev preset) check that.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QLoggingCategory>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
