#pragma once

#include <QLoggingCategory>

// The main window's logging category, "topicscope.ui" (defined in mainwindow.cpp).
Q_DECLARE_LOGGING_CATEGORY(lcUi)
