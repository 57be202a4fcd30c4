#pragma once
// The app's window on an in-memory embedded broker with its scenario player, wired as app/main.cpp wires them:
// the set-up shared by the UI tests that drive the whole window. Header-only, GUI thread.
#include "mainwindow.h"
#include "runtime/enginefacade.h"

namespace topicscope::uitest {

inline engine::EngineOptions inMemoryOptions()
{
    engine::EngineOptions options;
    options.storage.inMemory = true;
    return options;
}

struct WorkshopWindow {
    engine::EngineFacade facade;
    ui::MainWindow window {&facade}; // declared after the facade: destroyed before it, as in the app

    explicit WorkshopWindow(const engine::EngineOptions &options = inMemoryOptions())
        : facade(options)
    {
        window.setScenarioControl(facade.scenarios());
    }

    void showAndStart()
    {
        window.show();
        facade.start();
    }
};

} // namespace topicscope::uitest
