# Sources of engine/live (paths relative to engine/): the live broker's wire clients seen as a flow — the same
# recording and projection a scenario uses, fed by the engine's Broker and the wire layer's exchanges.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    live/liverecorder.h live/liverecorder.cpp
    live/liveprojector.h live/liveprojector.cpp
)
