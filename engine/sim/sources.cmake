# Sources of engine/sim (paths relative to engine/): workshop scenarios played on virtual time.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    sim/localizedtext.h sim/localizedtext.cpp
    sim/scenario.h sim/scenario.cpp
    sim/scenarioevent.h sim/flowsnapshot.h
    sim/ownershipgaps.h sim/ownershipgaps.cpp sim/assignornames.h
    sim/scenariorunner.h sim/scenariorunner.cpp
    sim/scenariorunnerprivate.h sim/scenariorunnerprivate.cpp
    sim/scenariorunnerlive.cpp sim/scenarioflow.cpp
)
