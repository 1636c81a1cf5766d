<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>Trainyard::AttachRemote::PartitionPage</name>
    <message numerus="yes">
        <source>%1: %n node(s), %2 CPUs</source>
        <translation>
            <numerusform>%1: %n node, %2 CPUs</numerusform>
            <numerusform>%1: %n nodes, %2 CPUs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::Cli::CommandLine</name>
    <message numerus="yes">
        <source>Submitted run %1 to %2 (snapshot: %n file(s), %3 new).</source>
        <translation>
            <numerusform>Submitted run %1 to %2 (snapshot: %n file, %3 new).</numerusform>
            <numerusform>Submitted run %1 to %2 (snapshot: %n files, %3 new).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::ComputePage</name>
    <message numerus="yes">
        <source>Maximum nodes for %1 (the partition has %n node(s)):</source>
        <translation>
            <numerusform>Maximum nodes for %1 (the partition has %n node):</numerusform>
            <numerusform>Maximum nodes for %1 (the partition has %n nodes):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scaling %1 to at most %n node(s)…</source>
        <translation>
            <numerusform>Scaling %1 to at most %n node…</numerusform>
            <numerusform>Scaling %1 to at most %n nodes…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 now uses at most %n node(s).</source>
        <translation>
            <numerusform>%1 now uses at most %n node.</numerusform>
            <numerusform>%1 now uses at most %n nodes.</numerusform>
        </translation>
    </message>
</context>
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
    <name>Trainyard::CredentialStore</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation>
            <numerusform>The keychain did not answer within %n second.</numerusform>
            <numerusform>The keychain did not answer within %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::ExperimentsPage</name>
    <message numerus="yes">
        <source>%n run(s). Open a run to follow it; select two or more and choose Compare to chart their metrics together.</source>
        <translation>
            <numerusform>%n run. Open a run to follow it; select two or more and choose Compare to chart their metrics together.</numerusform>
            <numerusform>%n runs. Open a run to follow it; select two or more and choose Compare to chart their metrics together.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Compare %n run(s) — Trainyard</source>
        <translation>
            <numerusform>Compare %n run — Trainyard</numerusform>
            <numerusform>Compare %n runs — Trainyard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::LocalCommandRunner</name>
    <message numerus="yes">
        <source>%1 did not finish within %n second(s) on %2.</source>
        <translation>
            <numerusform>%1 did not finish within %n second on %2.</numerusform>
            <numerusform>%1 did not finish within %n seconds on %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::LogView</name>
    <message numerus="yes">
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::MainWindow</name>
    <message numerus="yes">
        <source>Submitted %1 with %n warning(s): see its Overview.</source>
        <translation>
            <numerusform>Submitted %1 with %n warning: see its Overview.</numerusform>
            <numerusform>Submitted %1 with %n warnings: see its Overview.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::ScalePage</name>
    <message numerus="yes">
        <source>The VM family has %n node(s).</source>
        <translation>
            <numerusform>The VM family has %n node.</numerusform>
            <numerusform>The VM family has %n nodes.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::NewCluster::SummaryPage</name>
    <message numerus="yes">
        <source>%1
%n node(s): %2</source>
        <translation>
            <numerusform>%1
%n node: %2</numerusform>
            <numerusform>%1
%n nodes: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::RunCompareWidget</name>
    <message numerus="yes">
        <source>Compare %n run(s)</source>
        <translation>
            <numerusform>Compare %n run</numerusform>
            <numerusform>Compare %n runs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::RunConfigurationEditor</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation>
            <numerusform>%n error</numerusform>
            <numerusform>%n errors</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n warning</numerusform>
            <numerusform>%n warnings</numerusform>
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
<context>
    <name>Trainyard::RunDetailWidget</name>
    <message numerus="yes">
        <source>%n file(s) collected from outputs/ and logs/.</source>
        <translation>
            <numerusform>%n file collected from outputs/ and logs/.</numerusform>
            <numerusform>%n files collected from outputs/ and logs/.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::RunModel</name>
    <message numerus="yes">
        <source>%1: last %2 of %n value(s); minimum %3, maximum %4</source>
        <extracomment>%1 metric name, %2 its last value, %n how many values were logged, %3 minimum, %4 maximum</extracomment>
        <translation>
            <numerusform>%1: last %2 of %n value; minimum %3, maximum %4</numerusform>
            <numerusform>%1: last %2 of %n values; minimum %3, maximum %4</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::RunsPage</name>
    <message numerus="yes">
        <source>Compare %n run(s) — Trainyard</source>
        <translation>
            <numerusform>Compare %n run — Trainyard</numerusform>
            <numerusform>Compare %n runs — Trainyard</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotBrowser</name>
    <message numerus="yes">
        <source>%n file(s), %1 · snapshot %2</source>
        <translation>
            <numerusform>%n file, %1 · snapshot %2</numerusform>
            <numerusform>%n files, %1 · snapshot %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Trainyard::SnapshotTreeModel</name>
    <message numerus="yes">
        <source>%n file(s), %1</source>
        <translation>
            <numerusform>%n file, %1</numerusform>
            <numerusform>%n files, %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1
%n file(s), %2 bytes</source>
        <translation>
            <numerusform>%1
%n file, %2 bytes</numerusform>
            <numerusform>%1
%n files, %2 bytes</numerusform>
        </translation>
    </message>
</context>
</TS>
