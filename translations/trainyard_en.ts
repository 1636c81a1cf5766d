<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Trainyard::ComputeTarget</name>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <translation>
            <numerusform>%n CPU</numerusform>
            <numerusform>%n CPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n GPU(s)</source>
        <translation>
            <numerusform>%n GPU</numerusform>
            <numerusform>%n GPUs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The name “%1” has %n character(s); a compute target name needs 3 to 24.</source>
        <translation>
            <numerusform>The name “%1” has %n character; a compute target name needs 3 to 24.</numerusform>
            <numerusform>The name “%1” has %n characters; a compute target name needs 3 to 24.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::RunConfigurationValidator</name>
    <message numerus="yes">
        <source>“nodeCount” is %1, but the target “%2” has at most %n node(s).</source>
        <translation>
            <numerusform>“nodeCount” is %1, but the target “%2” has at most %n node.</numerusform>
            <numerusform>“nodeCount” is %1, but the target “%2” has at most %n nodes.</numerusform>
        </translation>
    </message>
</context>
</TS>
