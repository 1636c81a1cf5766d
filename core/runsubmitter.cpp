#include "runsubmitter.h"

#include "credentialstore.h"
#include "gitinfo.h"
#include "jobscript.h"
#include "projectfolder.h"
#include "remotemachine.h"
#include "runconfigurationfile.h"
#include "runconfigurationvalidator.h"
#include "runfiles.h"
#include "runstore.h"
#include "shellquote.h"
#include "slurmcluster.h"
#include "snapshotuploader.h"
#include "workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>

namespace Trainyard {

namespace {

Result<void> writeFile(const QString &path, const QByteArray &content, bool executable = false)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{RunSubmitter::tr("Cannot write %1: %2.").arg(path, file.errorString())};
    file.write(content);
    if (!file.commit())
        return Error{RunSubmitter::tr("Cannot write %1: %2.").arg(path, file.errorString())};
    if (executable)
        QFile::setPermissions(path, QFile::permissions(path) | QFile::ExeOwner);
    return {};
}

QString findingsText(const QList<Finding> &findings)
{
    QStringList lines;
    for (const Finding &finding : findings) {
        if (finding.isError())
            lines << finding.toString();
    }
    return lines.join(QLatin1Char('\n'));
}

} // namespace

RunSubmitter::RunSubmitter(Workspace &workspace)
    : m_workspace(workspace)
{
}

QString RunSubmitter::runsRoot() const
{
    return m_workspace.location() + QLatin1String("/runs");
}

Result<SubmitOutcome> RunSubmitter::submit(const SubmitRequest &request)
{
    const QFileInfo source(request.sourceDirectory);
    if (!source.isDir())
        return Error{tr("The project folder %1 does not exist.").arg(request.sourceDirectory)};
    const QString sourceDirectory = source.canonicalFilePath();

    // The run configuration, with the command line's script and arguments applied.
    const auto path = ProjectFolder::findRunConfiguration(sourceDirectory, request.runConfiguration);
    if (!path)
        return path.error();
    RunConfigurationFile::Loaded loaded = RunConfigurationFile::load(*path);
    if (!loaded.configuration || hasErrors(loaded.findings))
        return Error{tr("The run configuration has errors:\n%1").arg(findingsText(loaded.findings))};
    RunConfiguration config = *loaded.configuration;
    if (!request.script.isEmpty()) {
        config.script = request.script;
        config.nullKeys.removeAll(QStringLiteral("script"));
    }
    if (request.arguments)
        config.setArgumentList(*request.arguments);
    if (!config.script || config.script->isEmpty())
        return Error{tr("No script to run: name one in the run configuration (script: train.py) or on the command line.")};

    const auto targets = m_workspace.computeTargets();
    if (!targets)
        return targets.error();
    RunConfigurationValidator::Context validation;
    validation.fileName = *path;
    validation.positions = loaded.positions;
    validation.sourceDirectory = sourceDirectory;
    validation.targets = *targets;
    const QList<Finding> findings = RunConfigurationValidator::validate(config, validation);
    if (hasErrors(findings))
        return Error{tr("The run configuration has errors:\n%1").arg(findingsText(findings))};

    const QString targetName = config.target.value_or(QString::fromLatin1(ComputeTarget::LocalName));
    const auto target = m_workspace.computeTarget(targetName);
    if (!target)
        return target.error();
    const bool remote = target->type == ComputeTarget::Type::Remote;
    const bool cluster = target->type == ComputeTarget::Type::Slurm;
    const bool clusterOverSsh = cluster && target->properties.value(QLatin1String("access")).toString() == QLatin1String("ssh");

    QString experiment = request.experiment;
    if (experiment.isEmpty())
        experiment = ProjectFolder::experimentName(sourceDirectory);
    if (experiment.isEmpty())
        experiment = QFileInfo(sourceDirectory).fileName();
    if (const QString problem = RunStore::validateExperimentName(experiment); !problem.isEmpty())
        return Error{problem};

    // The run exists from here on: failures mark it Failed rather than losing it.
    RunStore store(m_workspace);
    QJsonObject properties{{QStringLiteral("script"), *config.script},
                           {QStringLiteral("arguments"), QJsonArray::fromStringList(config.argumentList())},
                           {QStringLiteral("sourceDirectory"), sourceDirectory},
                           {QStringLiteral("runConfigurationFile"), *path}};
    const QJsonObject git = GitInfo::read(sourceDirectory).toProperties();
    for (auto it = git.begin(); it != git.end(); ++it)
        properties.insert(it.key(), it.value());
    auto created = store.createRun(experiment, targetName, QString::fromUtf8(RunConfigurationFile::toYaml(config)), properties);
    if (!created)
        return created.error();
    SubmitOutcome outcome;
    outcome.run = *created;
    outcome.warnings = findings;
    auto fail = [&](const QString &reason) -> Result<SubmitOutcome> {
        (void)store.setStatus(outcome.run.id, RunStatus::Failed, reason);
        if (auto reread = store.run(outcome.run.id))
            outcome.run = *reread;
        return outcome;
    };

    (void)store.setStatus(outcome.run.id, RunStatus::Starting);
    SnapshotStore snapshots(m_workspace);
    auto snapshot = snapshots.take(sourceDirectory, request.limits);
    if (!snapshot)
        return fail(snapshot.errorMessage());
    outcome.snapshot = *snapshot;
    (void)store.mergeProperties(outcome.run.id, {{QStringLiteral("snapshot.files"), int(snapshot->files.size())},
                                                 {QStringLiteral("snapshot.bytes"), snapshot->totalBytes},
                                                 {QStringLiteral("snapshot.newBytes"), snapshot->newBytes},
                                                 {QStringLiteral("snapshot.skipped"), QJsonArray::fromStringList(snapshot->skipped)}});

    (void)store.setStatus(outcome.run.id, RunStatus::Preparing);
    QFile helper(QStringLiteral(":/trainyard/python/trainyard.py"));
    if (!helper.open(QIODevice::ReadOnly))
        return fail(tr("The trainyard.py helper is missing from this build."));
    const QByteArray helperText = helper.readAll();

    JobScript job;
    job.runId = outcome.run.id;
    job.experiment = experiment;
    job.interpreter = config.interpreterPath();
    job.script = *config.script;
    job.arguments = config.argumentList();
    if (config.environment && config.environment->environmentVariables)
        job.environment = *config.environment->environmentVariables;
    job.maxRunDurationSeconds = config.maxRunDurationSeconds.value_or(0);
    QString condaHash;
    if (!config.userManagedDependencies()) {
        if (!remote && !clusterOverSsh && QStandardPaths::findExecutable(QStringLiteral("conda")).isEmpty()
            && QStandardPaths::findExecutable(QStringLiteral("mamba")).isEmpty()) {
            return fail(tr("userManagedDependencies is false, so the environment is built with conda, but neither conda nor "
                           "mamba is on PATH. Install Miniforge (conda), or set userManagedDependencies: true and "
                           "interpreterPath to a Python that has your packages."));
        }
        const auto &python = config.environment->python;
        if (python && python->condaDependenciesFile) {
            job.condaFile = *python->condaDependenciesFile;
            QFile conda(sourceDirectory + QLatin1Char('/') + job.condaFile);
            condaHash = conda.open(QIODevice::ReadOnly)
                            ? QString::fromLatin1(QCryptographicHash::hash(conda.readAll(), QCryptographicHash::Sha256).toHex().left(16))
                            : QStringLiteral("none");
        } else {
            return fail(tr("Inline condaDependencies are not supported yet; put them in a conda file "
                           "and name it in condaDependenciesFile."));
        }
    }

    if (cluster) {
        job.slurm = true;
        if (config.effectiveCommunicator() == RunConfiguration::Communicator::Mpi && config.mpi && config.mpi->processCountPerNode)
            job.tasksPerNode = std::max(1, *config.mpi->processCountPerNode);
    }
    if (remote || clusterOverSsh) {
        auto launched = cluster ? launchCluster(*target, *snapshot, job, config, condaHash, helperText, outcome.run.id)
                                : launchRemote(*target, *snapshot, job, condaHash, helperText, outcome.run.id);
        if (!launched)
            return fail(launched.errorMessage());
    } else {
        const QString runDirectory = runsRoot() + QLatin1Char('/') + outcome.run.id;
        if (QFileInfo::exists(runDirectory))
            return fail(tr("The run folder %1 exists already; remove it or use another workspace.").arg(runDirectory));
        if (auto materialized = snapshots.materialize(snapshot->id, runDirectory); !materialized)
            return fail(materialized.errorMessage());
        for (const QString &dir : {QString(RunFiles::control() + QLatin1String("/lib")), RunFiles::outputs(), RunFiles::logs()})
            QDir().mkpath(runDirectory + QLatin1Char('/') + dir);
        if (auto written = writeFile(runDirectory + QLatin1Char('/') + RunFiles::helper(), helperText); !written)
            return fail(written.errorMessage());
        job.runDirectory = runDirectory;
        if (!condaHash.isEmpty())
            job.condaPrefix = m_workspace.location() + QLatin1String("/envs/") + condaHash;
        if (auto written = writeFile(runDirectory + QLatin1Char('/') + RunFiles::jobScript(), job.text().toUtf8(), true); !written)
            return fail(written.errorMessage());
        if (cluster) {
            if (auto launched = launchCluster(*target, *snapshot, job, config, condaHash, helperText, outcome.run.id); !launched)
                return fail(launched.errorMessage());
        } else {
            if (auto launched = store.setLaunchDetails(outcome.run.id, snapshot->id, runDirectory, QStringLiteral("local")); !launched)
                return fail(launched.errorMessage());
            if (auto started = LocalRunner::start(runDirectory); !started)
                return fail(started.errorMessage());
        }
    }
    if (auto reread = store.run(outcome.run.id))
        outcome.run = *reread;
    return outcome;
}

// Puts the run directory on a host over SSH: under the runs root (as the probe made it absolute at
// attach time, or probed now), the snapshot through the host's content cache, job.sh and the
// helper. Sets the job's paths; returns the run directory.
Result<QString> RunSubmitter::uploadRunDirectory(SshConnection &connection, const ComputeTarget &target, const Snapshot &snapshot,
                                                 JobScript &job, const QString &condaHash, const QByteArray &helper,
                                                 const QString &runId)
{
    QString root = target.properties.value(QLatin1String("runsRootPath")).toString();
    if (root.isEmpty()) {
        auto facts = RemoteMachine::probe(connection, RemoteMachineSettings::fromTarget(target).runsRoot);
        if (!facts)
            return facts.error().toError();
        root = facts->runsRoot;
    }
    const QString runDirectory = root + QLatin1Char('/') + runId;
    job.runDirectory = runDirectory;
    if (!condaHash.isEmpty())
        job.condaPrefix = root + QLatin1String("/.envs/") + condaHash;

    QMap<QString, ExtraFile> extras;
    extras.insert(RunFiles::helper(), {helper, false});
    extras.insert(RunFiles::jobScript(), {job.text().toUtf8(), true});
    SnapshotStore snapshots(m_workspace);
    SnapshotUploader uploader(connection, snapshots);
    auto uploaded = uploader.upload(snapshot.files, extras, root + QLatin1String("/.cache"), runDirectory, m_uploadProgress);
    if (!uploaded)
        return uploaded.error();
    (void)RunStore(m_workspace).mergeProperties(runId, {{QStringLiteral("upload.contentsSent"), uploaded->contentsSent},
                                                        {QStringLiteral("upload.snapshotContentsSent"), uploaded->snapshotContentsSent},
                                                        {QStringLiteral("upload.bytesSent"), uploaded->bytesSent}});
    return runDirectory;
}

Result<void> RunSubmitter::launchRemote(const ComputeTarget &target, const Snapshot &snapshot, JobScript job,
                                        const QString &condaHash, const QByteArray &helper, const QString &runId)
{
    RunStore store(m_workspace);
    CredentialStore credentials;
    auto connection = RemoteMachine::connect(target, credentials, 3);
    if (!connection)
        return connection.error();
    auto uploaded = uploadRunDirectory(**connection, target, snapshot, job, condaHash, helper, runId);
    if (!uploaded)
        return uploaded.error();
    const QString runDirectory = *uploaded;

    // The job handle is stored (and made durable) before the job starts: a run that started is
    // never forgotten, even if this process dies right after.
    if (auto launched = store.setLaunchDetails(runId, snapshot.id, runDirectory, QStringLiteral("ssh")); !launched)
        return launched;
    if (auto durable = m_workspace.checkpoint(); !durable)
        return durable;
    static const char startScript[] = R"sh(cd -- "$1" || exit 3
if setsid -f true 2>/dev/null; then
    setsid -f /bin/sh .trainyard/job.sh </dev/null >/dev/null 2>&1 || exit 4
else
    (setsid /bin/sh .trainyard/job.sh </dev/null >/dev/null 2>&1 &) || exit 4
fi
)sh";
    auto started = (*connection)->runScript(QString::fromLatin1(startScript), {runDirectory}, std::chrono::minutes(1));
    if (!started)
        return started.error().toError();
    if (started->exitStatus != 0)
        return Error{tr("The run could not be started on the host: %1").arg(QString::fromUtf8(started->standardError).trimmed())};
    return {};
}

// A Slurm job: the run directory is ready on the cluster's file system (here, or uploaded through
// the login node); sbatch submits it held, the handle is stored durably, then the job is released.
Result<void> RunSubmitter::launchCluster(const ComputeTarget &target, const Snapshot &snapshot, JobScript job,
                                         const RunConfiguration &config, const QString &condaHash, const QByteArray &helper,
                                         const QString &runId)
{
    RunStore store(m_workspace);
    CredentialStore credentials;
    auto session = SlurmCluster::open(target, credentials);
    if (!session)
        return session.error();
    const bool overSsh = session->connection != nullptr;
    QString runDirectory = job.runDirectory;
    if (overSsh) {
        auto uploaded = uploadRunDirectory(*session->connection, target, snapshot, job, condaHash, helper, runId);
        if (!uploaded)
            return uploaded.error();
        runDirectory = *uploaded;
    }

    const int nodes = std::max(1, config.nodeCount.value_or(1));
    SlurmClient client(*session->runner);
    QString partition = target.properties.value(QLatin1String("partition")).toString();
    if (config.amlcompute && config.amlcompute->vmSize && !config.amlcompute->vmSize->isEmpty()) {
        // A cluster for this run only (runconfig `amlcompute`): a partition over the nodes of that
        // VM family, removed when the run ends unless retainCluster is set.
        auto made = createRunPartition(client, *config.amlcompute, nodes, runId);
        if (!made)
            return made.error();
        partition = *made;
        (void)store.mergeProperties(runId, {{QStringLiteral("slurm.temporaryPartition"), partition},
                                            {QStringLiteral("slurm.retainPartition"), config.amlcompute->retainCluster.value_or(false)}});
    }
    QStringList options{QStringLiteral("--hold"),
                        QStringLiteral("--partition=") + partition,
                        QStringLiteral("--nodes=%1").arg(nodes),
                        QStringLiteral("--ntasks-per-node=%1").arg(job.tasksPerNode),
                        QStringLiteral("--job-name=") + runId,
                        QStringLiteral("--chdir=") + runDirectory,
                        QStringLiteral("--output=") + runDirectory + QLatin1String("/.trainyard/slurm-%j.out")};
    if (job.maxRunDurationSeconds > 0) {
        // Slurm counts minutes; the launcher enforces the exact limit itself.
        options << QStringLiteral("--time=%1").arg((job.maxRunDurationSeconds + 59) / 60 + 1);
    }
    const QByteArray script = "#!/bin/sh\nexec /bin/sh " + ShellQuote::quote(runDirectory + QLatin1Char('/') + RunFiles::jobScript()).toUtf8() + "\n";
    auto submitted = client.submit(options, script);
    if (!submitted)
        return submitted.error().toError();
    const QString handle = (overSsh ? QLatin1String("slurm+ssh:") : QLatin1String("slurm:")) + *submitted;
    if (auto launched = store.setLaunchDetails(runId, snapshot.id, runDirectory, handle); !launched) {
        (void)client.cancel({*submitted});
        return launched;
    }
    if (auto durable = m_workspace.checkpoint(); !durable)
        return durable;
    (void)store.mergeProperties(runId, {{QStringLiteral("slurm.jobId"), *submitted}});
    auto released = session->runner->run({QStringLiteral("scontrol"), QStringLiteral("release"), *submitted});
    if (!released)
        return released.error();
    if (released->exitStatus != 0)
        return Error{tr("Slurm did not release job %1: %2").arg(*submitted, QString::fromUtf8(released->standardError).trimmed())};
    (void)store.setStatus(runId, RunStatus::Queued);
    return {};
}

Result<QString> RunSubmitter::createRunPartition(SlurmClient &client, const RunConfiguration::AmlComputeSection &section, int nodes,
                                                 const QString &runId)
{
    auto probe = client.probe();
    if (!probe)
        return probe.error().toError();
    const SlurmNodeShape *shape = nullptr;
    const QList<SlurmNodeShape> shapes = probe->shapes();
    QStringList keys;
    for (const SlurmNodeShape &candidate : shapes) {
        keys << candidate.key();
        if (candidate.key() == *section.vmSize)
            shape = &candidate;
    }
    if (!shape)
        return Error{tr("amlcompute.vmSize “%1” is not a VM family of this cluster (it offers: %2).")
                         .arg(*section.vmSize, keys.join(QLatin1String(", ")))};
    QString name = QStringLiteral("ty-") + runId;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("-"));
    SlurmPartitionSettings settings;
    settings.name = name;
    settings.nodes = shape->nodes;
    settings.maxNodes = std::max(nodes, section.clusterMaxNodeCount.value_or(nodes));
    if (auto created = client.createPartition(settings); !created)
        return created.error().toError();
    return name;
}

void RunSubmitter::setUploadProgress(std::function<void(qint64, qint64)> progress)
{
    m_uploadProgress = std::move(progress);
}

} // namespace Trainyard
