# Sources of engine/sim (paths relative to engine/): workshop scenarios played on virtual time.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    # The file format: a Scenario value, parsed and validated.
    sim/scenario.h sim/scenario.cpp
    sim/scenarioparser.h sim/scenarioparser.cpp
    sim/scenarioobjectreader.h sim/scenarioobjectreader.cpp
    sim/jsonlineindex.h sim/jsonlineindex.cpp
    # Derived values and wording shared by the players below.
    sim/ownershipgaps.h sim/ownershipgaps.cpp
    sim/scenarioformat.h sim/scenarioformat.cpp
    # Playing: ScenarioRunner owns the collaborators.
    sim/scenariorunner.h sim/scenariorunner.cpp sim/scenariorunnercompare.cpp
    sim/scenariorunnerprivate.h
    sim/scenarioscheduler.h sim/scenarioscheduler.cpp
    sim/scenarioworld.h sim/scenarioworld.cpp sim/scenarioworldview.cpp
    sim/scenarioactionvalidator.h sim/scenarioactionvalidator.cpp
    sim/scenariorecording.h sim/scenariorecording.cpp
    sim/scenariorecorder.h sim/scenariorecorder.cpp
    sim/flowprojector.h sim/flowprojector.cpp
    sim/scenarioevaluator.h sim/scenarioevaluator.cpp
)
