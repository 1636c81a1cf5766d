#pragma once

#include "result.h"
#include "snapshotstore.h"
#include "sshconnection.h"

#include <QCoreApplication>
#include <QMap>

#include <functional>

namespace Trainyard {

// A file of the run directory that is not part of the snapshot (job.sh, trainyard.py).
struct ExtraFile
{
    QByteArray content;
    bool executable = false;
};

struct UploadStatistics
{
    int files = 0;          // files in the run directory
    int contentsSent = 0;   // distinct contents the host did not hold yet
    qint64 bytesSent = 0;   // their bytes (before tar framing)
    int snapshotContentsSent = 0; // of those, the project's files (not job.sh or the helper)
    // The files whose contents the host held are still hard links into its cache: the run's
    // launcher copies them in (RunFiles::prepareScript()) before the script starts.
    bool completedByLauncher = false;
};

// Puts a snapshot on a host over SSH. Contents live in a cache on the host, one file per SHA-256
// (`<cache>/<sha256>`). The host is asked which of the snapshot's contents it lacks (one exec);
// then one tar stream, written with libarchive into `tar -x` through one exec channel (no round
// trip per file or per chunk), makes the run directory: the missing contents travel under the
// run's own names and become the run directory with one rename, so their bytes are written once;
// the others come from the cache through a tree of hard links that the run's launcher copies with
// one `cp -R` before the script starts (status Preparing), so that the run gets files of its own
// and the upload does not wait for that copy (one `cp` per file, now, where the host refuses the
// links). Once the run directory is made, the cache is filled from the new files in the background, each copy kept
// only if its SHA-256 still matches (the run may already be changing its files); an upload that
// follows waits for that rather than sending the same contents again. Every path is quoted; names
// come from the snapshot, which holds only normalized relative paths.
class SnapshotUploader
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::SnapshotUploader)

public:
    // (bytes sent, bytes to send)
    using Progress = std::function<void(qint64, qint64)>;

    SnapshotUploader(SshConnection &connection, const SnapshotStore &store);

    // `remoteCache` and `remoteRunDirectory` are absolute paths on the host.
    Result<UploadStatistics> upload(const QList<SnapshotFile> &files, const QMap<QString, ExtraFile> &extras,
                                    const QString &remoteCache, const QString &remoteRunDirectory,
                                    const Progress &progress = {});

private:
    SshConnection &m_connection;
    const SnapshotStore &m_store;
};

} // namespace Trainyard
