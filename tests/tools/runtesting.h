#pragma once

// Helpers the run suites share: a project with a run configuration, a submission, and a client
// polling a run until it ends.

#include "runmonitor.h"
#include "runstore.h"
#include "runsubmitter.h"
#include "workspace.h"
#include "tools/testfiles.h"

#include <QDeadlineTimer>
#include <QProcess>
#include <QTest>

#include <functional>

namespace RunTesting {

// A project folder `dir` with `script` as train.py and `.azureml/<configuration>.runconfig` running
// it on `target` with the system's python3, plus `extraConfig` (more runconfig lines).
inline QString projectWith(const QString &dir, const QString &configuration, const QByteArray &target, const QByteArray &script,
                           const QByteArray &extraConfig = {})
{
    TestFiles::writeFile(dir + QStringLiteral("/train.py"), script);
    TestFiles::writeFile(dir + QStringLiteral("/.azureml/") + configuration + QStringLiteral(".runconfig"),
                         "script: train.py\ntarget: " + target
                             + "\nenvironment:\n  python:\n    userManagedDependencies: true\n"
                               "    interpreterPath: /usr/bin/python3\n"
                             + extraConfig);
    return dir;
}

// Submits the project's run configuration `configuration` to experiment `experiment`; an empty
// outcome (with a warning) when the submission fails.
inline Trainyard::SubmitOutcome submit(Trainyard::Workspace &workspace, const QString &experiment, const QString &projectDir,
                                       const QString &configuration, const QStringList &arguments = {})
{
    Trainyard::SubmitRequest request;
    request.experiment = experiment;
    request.sourceDirectory = projectDir;
    request.runConfiguration = configuration;
    if (!arguments.isEmpty())
        request.arguments = arguments;
    auto outcome = Trainyard::RunSubmitter(workspace).submit(request);
    if (!outcome)
        qWarning("submit failed: %s", qPrintable(outcome.errorMessage()));
    return outcome ? *outcome : Trainyard::SubmitOutcome();
}

// Polls the run as a client would until `until` holds (by default: the run ended) or the timeout
// passes; returns the run as it was last seen.
inline Trainyard::RunRecord waitFor(Trainyard::Workspace &workspace, Trainyard::RunMonitor &monitor, const QString &runId,
                                    int timeoutMs = 120000, const std::function<bool(const Trainyard::RunRecord &)> &until = {})
{
    Trainyard::RunStore store(workspace);
    QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        (void)monitor.poll(runId);
        const auto run = store.run(runId);
        if (run && (until ? until(*run) : run->isTerminal()))
            return *run;
        QTest::qWait(150);
    }
    return store.run(runId).value();
}

// The runs root of a test's target on the host (this machine: the loopback sshd) goes with the test.
inline void removeRunsRoot(Trainyard::Workspace &workspace, const QString &targetName)
{
    const auto target = workspace.computeTarget(targetName);
    const QString root = target ? target->properties.value(QLatin1String("runsRootPath")).toString() : QString();
    if (root.startsWith(QLatin1Char('/')))
        QProcess::execute(QStringLiteral("rm"), {QStringLiteral("-rf"), QStringLiteral("--"), root});
}

} // namespace RunTesting
