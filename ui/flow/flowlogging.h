#pragma once

#include <QLoggingCategory>

// "topicscope.ui.flow": the flow view and its panels (defined in flowview.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcFlow)
