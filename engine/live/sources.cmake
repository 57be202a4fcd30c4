# Sources of engine/live (paths relative to engine/): the live broker's wire clients seen as a flow — the same
# recording and projection a scenario uses, fed by the engine's Broker and the wire layer's exchanges.
list(APPEND TOPICSCOPE_ENGINE_SOURCES
    live/liverecorder.h live/liverecorder.cpp
    live/liveprojector.h live/liveprojector.cpp
    # A live session saved to a file and read back (docs/engine.md, "Live recordings").
    live/flowjson.h live/flowjson.cpp
    live/liverecordingpicture.h live/liverecordingpicture.cpp
    live/liverecordingfile.h live/liverecordingfile.cpp live/liverecordingreport.cpp
)
