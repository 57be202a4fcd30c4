#pragma once

#include <QLoggingCategory>

namespace topicscope::engine {

// The storage layer's logging category, "topicscope.engine.storage" (defined in sqlitestore.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcStorage)

} // namespace topicscope::engine
