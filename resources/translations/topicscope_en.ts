<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>topicscope::ui::FlowWorkspace</name>
    <message numerus="yes">
        <source>Finished: %n check(s) passed.</source>
        <translation>
            <numerusform>Finished: %n check passed.</numerusform>
            <numerusform>Finished: %n checks passed.</numerusform>
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
