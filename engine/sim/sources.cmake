# Sources of engine/sim (paths relative to engine/): workshop scenarios played on virtual time.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    sim/scenario.h sim/scenario.cpp
    sim/scenarioparser.h sim/scenarioparser.cpp
    sim/scenarioobjectreader.h sim/scenarioobjectreader.cpp
    sim/jsonlineindex.h sim/jsonlineindex.cpp
    sim/ownershipgaps.h sim/ownershipgaps.cpp
    sim/scenariorunner.h sim/scenariorunner.cpp
    sim/scenariorunnerprivate.h sim/scenariorunnerprivate.cpp
    sim/scenarioscheduler.h sim/scenarioscheduler.cpp
    sim/scenariorunnerlive.cpp sim/scenarioflow.cpp
)
