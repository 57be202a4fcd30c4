#pragma once

// ScenarioRunner's collaborators, shared by scenariorunner.cpp (playing and the public API) and
// scenariorunnercompare.cpp (the assignor comparison). Not part of the engine's interface.

#include "scenariorunner.h"

#include "core/clock.h"
#include "sim/flowprojector.h"
#include "sim/scenarioactionvalidator.h"
#include "sim/scenarioevaluator.h"
#include "sim/scenariorecorder.h"
#include "sim/scenarioscheduler.h"
#include "sim/scenarioworld.h"

namespace topicscope::engine {

// The runner owns its collaborators and the state of the run itself (started, paused, ended). Declared in the order
// they must be built; destroyed in reverse: the world (clients, then the broker) before the recorder that observes it
// and the clock that every timer lives on.
struct ScenarioRunner::Private {
    explicit Private(Scenario scenario);

    ManualClock clock;
    ScenarioScheduler scheduler;
    ScenarioRecorder recorder;
    ScenarioWorld world;
    ScenarioActionValidator validator;
    FlowProjector projector;
    ScenarioEvaluator evaluator;

    bool started = false;
    bool finished = false;
    bool ended = false; // finish() ran once: the evaluator holds the checks, even after continueAfterEnd()
    bool pauseShown = false; // a pause step ran in the current call
    int filePausesLeft = 0; // pause steps of the file not yet run: an open-ended runToNextPause() needs one ahead
    QString language = LocalizedText::English; // of the flow view's texts; the timeline stays English

    qint64 now() const { return scheduler.now(); }
    bool start(QString *error);
    // Starts the run if needed; false with *error once it has ended (actions and new clients are refused then).
    bool acceptsActions(QString *error);
    // Runs the next instant. stopAtPause: return right after a pause step ran, leaving the rest of that instant to
    // the next call. False once finished.
    bool advance(bool stopAtPause = false);
    bool advanceTo(qint64 ms);
    void finish();
    void setOpenEnded(bool openEnded);
};

} // namespace topicscope::engine
