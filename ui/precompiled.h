// Qt Widgets, Core and standard headers most UI files include, precompiled once for topicscope_ui
// (ui/CMakeLists.txt). Every file still includes what it uses; builds with CMAKE_DISABLE_PRECOMPILE_HEADERS=ON (the
// dev preset) check that.
#pragma once

#include <QAbstractItemModel>
#include <QComboBox>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QList>
#include <QLoggingCategory>
#include <QPushButton>
#include <QString>
#include <QVBoxLayout>
#include <QWidget>

#include <algorithm>
#include <functional>
#include <memory>
#include <optional>
#include <vector>
