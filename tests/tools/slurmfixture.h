#pragma once

#include <QByteArray>
#include <QLockFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// A real one-node Slurm for the Slurm tests: munged, slurmctld and slurmd from the system
// (Debian's slurm-wlm and munge) with a throw-away slurm.conf, munge key, state, spool, pid files
// and logs in a temporary folder, the daemons on free ports. The node is this machine under its
// short host name, with its CPUs and memory, in the default partition "debug".
//
// start() exports SLURM_CONF (and the Slurm commands the test runs find the cluster through it);
// the folder is world-readable so that other users (an unprivileged user, the sshd fixture's
// user) can read slurm.conf and reach the munge socket.
//
// Needs root (the daemons run as root, SlurmUser=root). Every step returns an error message (empty
// on success) with the daemons' log tails, so that a test can QFAIL with it: the Slurm tests fail,
// never skip, when the cluster cannot run. One fixture at a time on a machine (a lock file in the
// temporary folder's parent): the node is the same machine for all of them.
//
// Cleaning up: stop() ends the daemons, then every process that carries this fixture's SLURM_CONF
// in its environment (job steps and job processes outlive slurmd, which starts them detached; they
// inherit SLURM_CONF from slurmd and from the submitting test). The daemons get SIGTERM when the
// test process dies; a detached watchdog does the rest of stop() then and removes the folder.
class SlurmFixture
{
public:
    struct Output
    {
        bool ok = false; // exit status 0
        int exitStatus = -1;
        QByteArray standardOutput;
        QByteArray standardError;
    };

    SlurmFixture();
    ~SlurmFixture();

    // Starts the cluster and waits (up to 30 s) until sinfo shows the node idle.
    QString start();
    void stop();
    bool isRunning() const;

    QString configFile() const { return path(QStringLiteral("slurm.conf")); }
    QString clusterName() const { return m_clusterName; }
    QString nodeName() const { return m_nodeName; }
    int cpus() const { return m_cpus; }
    qint64 memoryMegabytes() const { return m_memoryMegabytes; }
    quint16 controllerPort() const { return m_controllerPort; }
    quint16 nodePort() const { return m_nodePort; }
    // A folder every user may write to, for job scripts and outputs.
    QString jobsFolder() const { return path(QStringLiteral("jobs")); }
    QString path(const QString &name) const;

    // The end of each daemon's log, for failure messages.
    QString logTail(qsizetype bytes = 3000) const;
    // Runs a program with this cluster's SLURM_CONF (sbatch, scontrol, ... for test set-up).
    Output run(const QString &program, const QStringList &arguments, const QByteArray &input = {}) const;

    // A port nothing listens on right now (any address).
    static quint16 freePort();

private:
    QString writeConfig();
    QString startMunge();
    QString startDaemon(std::unique_ptr<QProcess> &process, const QString &name, const QString &program,
                        const QStringList &arguments);
    QString waitUntilIdle();
    QString startWatchdog();
    QString failure(const QString &what) const;
    // Processes other than this one whose environment has this fixture's SLURM_CONF.
    QList<qint64> leftoverProcesses() const;
    void stopProcess(std::unique_ptr<QProcess> &process);

    std::unique_ptr<QLockFile> m_lock;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_munged;
    std::unique_ptr<QProcess> m_slurmctld;
    std::unique_ptr<QProcess> m_slurmd;
    qint64 m_watchdogPid = 0;
    QString m_clusterName;
    QString m_nodeName;
    int m_cpus = 0;
    qint64 m_memoryMegabytes = 0;
    quint16 m_controllerPort = 0;
    quint16 m_nodePort = 0;
    bool m_exported = false; // SLURM_CONF set by start(), until stop()
    bool m_hadSlurmConf = false;
    QByteArray m_previousSlurmConf;
};
