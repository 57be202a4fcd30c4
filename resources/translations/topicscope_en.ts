<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>topicscope::ui::BrokersModel</name>
    <message numerus="yes">
        <source>%n partition(s)</source>
        <translation>
            <numerusform>%n partition</numerusform>
            <numerusform>%n partitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::BrokersView</name>
    <message numerus="yes">
        <source>%n broker(s)</source>
        <translation>
            <numerusform>%n broker</numerusform>
            <numerusform>%n brokers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s) unreachable</source>
        <translation>
            <numerusform>%n broker unreachable</numerusform>
            <numerusform>%n brokers unreachable</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ChartsView</name>
    <message numerus="yes">
        <source>Recording history for this cluster (kept %n day(s)).</source>
        <translation>
            <numerusform>Recording history for this cluster (kept %n day).</numerusform>
            <numerusform>Recording history for this cluster (kept %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Since %1 from the history file, then live (kept %n day(s)).</source>
        <translation>
            <numerusform>Since %1 from the history file, then live (kept %n day).</numerusform>
            <numerusform>Since %1 from the history file, then live (kept %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>From the history file: one average per %n minute(s).</source>
        <translation>
            <numerusform>From the history file: one average per %n minute.</numerusform>
            <numerusform>From the history file: one average per %n minutes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ConnectDialog</name>
    <message numerus="yes">
        <source>Imported %n setting(s) from %1.</source>
        <translation>
            <numerusform>Imported %n setting from %1.</numerusform>
            <numerusform>Imported %n settings from %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Connected to cluster %1: %n broker(s), controller %2.</source>
        <translation>
            <numerusform>Connected to cluster %1: %n broker, controller %2.</numerusform>
            <numerusform>Connected to cluster %1: %n brokers, controller %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowScenePainter</name>
    <message numerus="yes">
        <source>  · %n partition(s)</source>
        <translation>
            <numerusform>  · %n partition</numerusform>
            <numerusform>  · %n partitions</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::FlowWorkspace</name>
    <message numerus="yes">
        <source>Finished: %n check(s) passed.</source>
        <translation>
            <numerusform>Finished: %n check passed.</numerusform>
            <numerusform>Finished: %n checks passed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Broker paused: %n answer(s) held</source>
        <translation>
            <numerusform>Broker paused: %n answer held</numerusform>
            <numerusform>Broker paused: %n answers held</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::Format</name>
    <message numerus="yes">
        <source>… %n more byte(s)</source>
        <translation>
            <numerusform>… %n more byte</numerusform>
            <numerusform>… %n more bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::MainWindow</name>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>%n group</numerusform>
            <numerusform>%n groups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s)</source>
        <translation>
            <numerusform>%n connection</numerusform>
            <numerusform>%n connections</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n broker(s)</source>
        <translation>
            <numerusform>%n broker</numerusform>
            <numerusform>%n brokers</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::MessageBrowser</name>
    <message numerus="yes">
        <source>partition %1 · offset %2 · %3 · %n byte(s)</source>
        <translation>
            <numerusform>partition %1 · offset %2 · %3 · %n byte</numerusform>
            <numerusform>partition %1 · offset %2 · %3 · %n bytes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Live tail of %1, every partition in time order: the newest %Ln record(s)%2</source>
        <translation>
            <numerusform>Live tail of %1, every partition in time order: the newest %Ln record%2</numerusform>
            <numerusform>Live tail of %1, every partition in time order: the newest %Ln records%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln match(es) of &quot;%1&quot; in %2 of %3%4</source>
        <translation>
            <numerusform>%Ln match of &quot;%1&quot; in %2 of %3%4</numerusform>
            <numerusform>%Ln matches of &quot;%1&quot; in %2 of %3%4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln record(s) in %1 of %2 · %3 cached</source>
        <translation>
            <numerusform>%Ln record in %1 of %2 · %3 cached</numerusform>
            <numerusform>%Ln records in %1 of %2 · %3 cached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as CSV.</source>
        <translation>
            <numerusform>Copied %n record as CSV.</numerusform>
            <numerusform>Copied %n records as CSV.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n record(s) as JSON Lines.</source>
        <translation>
            <numerusform>Copied %n record as JSON Lines.</numerusform>
            <numerusform>Copied %n records as JSON Lines.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n selected row(s) were not loaded yet and are left out: copy again in a moment.</source>
        <translation>
            <numerusform>%n selected row were not loaded yet and are left out: copy again in a moment.</numerusform>
            <numerusform>%n selected rows were not loaded yet and are left out: copy again in a moment.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ProducerPanel</name>
    <message numerus="yes">
        <source>record(s) at</source>
        <translation>
            <numerusform>record at</numerusform>
            <numerusform>records at</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::RebalanceTimeline</name>
    <message numerus="yes">
        <source>Live at %1: %n rebalance(s); select one to see the world at its generation</source>
        <translation>
            <numerusform>Live at %1: %n rebalance; select it to see the world at its generation</numerusform>
            <numerusform>Live at %1: %n rebalances; select one to see the world at its generation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::ResetOffsetsDialog</name>
    <message numerus="yes">
        <source>%n record(s) will be re-read,</source>
        <translation>
            <numerusform>%n record will be re-read,</numerusform>
            <numerusform>%n records will be re-read,</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation>
            <numerusform>%n skipped.</numerusform>
            <numerusform>%n skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::SegmentsModel</name>
    <message numerus="yes">
        <source>Partition %1: %n segment file(s), each up to %2 (segment.bytes) · %3</source>
        <translation>
            <numerusform>Partition %1: %n segment file, each up to %2 (segment.bytes) · %3</numerusform>
            <numerusform>Partition %1: %n segment files, each up to %2 (segment.bytes) · %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::TopicsModel</name>
    <message numerus="yes">
        <source>%n offline</source>
        <translation>
            <numerusform>%n offline</numerusform>
            <numerusform>%n offline</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n under-replicated</source>
        <translation>
            <numerusform>%n under-replicated</numerusform>
            <numerusform>%n under-replicated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not answering</source>
        <translation>
            <numerusform>%n not answering</numerusform>
            <numerusform>%n not answering</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n partition(s) answered an error: their offsets may be old</source>
        <translation>
            <numerusform>%n partition answered an error: its offsets may be old</numerusform>
            <numerusform>%n partitions answered an error: their offsets may be old</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>topicscope::ui::WireClientsView</name>
    <message numerus="yes">
        <source>%n client connection(s) on %1. Point Kafka clients at bootstrap.servers=%1; set client.id to tell them apart.</source>
        <translation>
            <numerusform>%n client connection on %1. Point Kafka clients at bootstrap.servers=%1; set client.id to tell them apart.</numerusform>
            <numerusform>%n client connections on %1. Point Kafka clients at bootstrap.servers=%1; set client.id to tell them apart.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tst_Translations</name>
    <message numerus="yes">
        <source>%n topic(s)</source>
        <translation>
            <numerusform>%n topic</numerusform>
            <numerusform>%n topics</numerusform>
        </translation>
    </message>
</context>
</TS>
