#include "sshknownhosts.h"

#include "sshhostkey_p.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <memory>

namespace Trainyard {

namespace {

struct KeyDeleter
{
    void operator()(ssh_key key) const { ssh_key_free(key); }
};
using KeyPointer = std::unique_ptr<ssh_key_struct, KeyDeleter>;

struct EntryDeleter
{
    void operator()(ssh_knownhosts_entry *entry) const { ssh_knownhosts_entry_free(entry); }
};
using EntryPointer = std::unique_ptr<ssh_knownhosts_entry, EntryDeleter>;

KeyPointer importKey(const SshHostKey &key)
{
    const QByteArray type = key.type.toLatin1();
    ssh_key imported = nullptr;
    if (ssh_pki_import_pubkey_base64(key.base64.constData(), ssh_key_type_from_name(type.constData()), &imported)
        != SSH_OK)
        return {};
    return KeyPointer(imported);
}

// One line of a known_hosts file without its line break, tabs turned into spaces (libssh splits on
// spaces only), and an optional leading marker split off.
struct Line
{
    QByteArray marker; // "@revoked", "@cert-authority" or empty
    QByteArray entry;  // "patterns keytype base64 [comment]"
};

Line splitLine(QByteArray text)
{
    text.replace('\t', ' ');
    text = text.trimmed();
    Line line;
    if (text.startsWith('@')) {
        const qsizetype space = text.indexOf(' ');
        if (space < 0)
            return line;
        line.marker = text.left(space);
        text = text.mid(space + 1).trimmed();
    }
    line.entry = text;
    return line;
}

bool isComment(const QByteArray &entry)
{
    return entry.isEmpty() || entry.startsWith('#');
}

// The entry when it names `pattern` and parses; null otherwise (other hosts, unsupported key types
// and malformed lines are skipped, as OpenSSH does).
EntryPointer matchingEntry(const QByteArray &pattern, const QByteArray &entry)
{
    ssh_knownhosts_entry *parsed = nullptr;
    if (ssh_known_hosts_parse_line(pattern.constData(), entry.constData(), &parsed) != SSH_OK)
        return {};
    return EntryPointer(parsed);
}

QList<QByteArray> readLines(const QString &path)
{
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().split('\n');
}

} // namespace

SshKnownHosts::SshKnownHosts(const QString &trainyardFile, const QString &userFile)
    : m_trainyardFile(trainyardFile)
    , m_userFile(userFile)
{
}

QString SshKnownHosts::defaultUserFile()
{
    return QDir::homePath() + QStringLiteral("/.ssh/known_hosts");
}

QString SshKnownHosts::defaultTrainyardFile()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/known_hosts");
}

QString SshKnownHosts::hostPattern(const QString &host, quint16 port)
{
    const QString lower = host.toLower();
    if (port == 22)
        return lower;
    return QLatin1Char('[') + lower + QStringLiteral("]:") + QString::number(port);
}

SshHostKeyCheck SshKnownHosts::check(const QString &host, quint16 port, const SshHostKey &key) const
{
    SshHostKeyCheck result;
    const KeyPointer serverKey = importKey(key);
    if (!serverKey)
        return result;
    const QByteArray pattern = hostPattern(host, port).toUtf8();

    SshHostKeyCheck changed;
    SshHostKeyCheck otherType;
    for (const QString &path : {m_trainyardFile, m_userFile}) {
        const QList<QByteArray> lines = readLines(path);
        for (const QByteArray &text : lines) {
            const Line line = splitLine(text);
            if (isComment(line.entry) || line.marker == "@cert-authority")
                continue;
            const EntryPointer entry = matchingEntry(pattern, line.entry);
            if (!entry)
                continue;
            const bool same = ssh_key_cmp(serverKey.get(), entry->publickey, SSH_KEY_CMP_PUBLIC) == 0;
            if (line.marker == "@revoked") {
                if (same)
                    return {SshHostKeyCheck::Status::Revoked, {}, path};
                continue;
            }
            if (!line.marker.isEmpty())
                continue;
            if (same) {
                result = {SshHostKeyCheck::Status::Known, {}, path};
            } else if (ssh_key_type(serverKey.get()) == ssh_key_type(entry->publickey)) {
                if (changed.file.isEmpty())
                    changed = {SshHostKeyCheck::Status::Changed, sshHostKeyFromLibssh(entry->publickey), path};
            } else if (otherType.file.isEmpty()) {
                otherType = {SshHostKeyCheck::Status::OtherType, sshHostKeyFromLibssh(entry->publickey), path};
            }
        }
    }
    // Revocation wins over any trust (it returned above); then trust, then the conflicts.
    if (result.status == SshHostKeyCheck::Status::Known)
        return result;
    if (!changed.file.isEmpty())
        return changed;
    if (!otherType.file.isEmpty())
        return otherType;
    return result;
}

Result<void> SshKnownHosts::remember(const QString &host, quint16 port, const SshHostKey &key) const
{
    return rewrite(host, port, key, false);
}

Result<void> SshKnownHosts::replace(const QString &host, quint16 port, const SshHostKey &key) const
{
    return rewrite(host, port, key, true);
}

Result<void> SshKnownHosts::rewrite(const QString &host, quint16 port, const SshHostKey &key, bool dropOld) const
{
    if (m_trainyardFile.isEmpty())
        return Error{tr("No known_hosts file is set up for Trainyard, so the host key cannot be remembered.")};
    if (key.isNull() || key.type.contains(QLatin1Char(' ')))
        return Error{tr("The host key of %1 cannot be remembered: it is not a valid key.").arg(host)};

    const QString path = m_trainyardFile;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return Error{tr("Could not create the folder for %1.").arg(QDir::toNativeSeparators(path))};

    QLockFile lock(path + QStringLiteral(".lock"));
    if (!lock.tryLock(10000))
        return Error{tr("Could not lock %1: another Trainyard process keeps it busy.").arg(QDir::toNativeSeparators(path))};

    QByteArray content;
    QFile existing(path);
    if (existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly))
            return Error{tr("Could not read %1: %2").arg(QDir::toNativeSeparators(path), existing.errorString())};
        content = existing.readAll();
        existing.close();
    }
    const QByteArray pattern = hostPattern(host, port).toUtf8();
    if (dropOld) {
        QByteArray kept;
        const QList<QByteArray> lines = content.split('\n');
        for (const QByteArray &text : lines) {
            const Line line = splitLine(text);
            if (line.marker.isEmpty() && !isComment(line.entry) && matchingEntry(pattern, line.entry))
                continue;
            if (!text.isEmpty())
                kept += text + '\n';
        }
        content = kept;
    }
    if (!content.isEmpty() && !content.endsWith('\n'))
        content += '\n';
    content += pattern + ' ' + key.type.toLatin1() + ' ' + key.base64 + '\n';

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size() || !file.commit())
        return Error{tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return {};
}

} // namespace Trainyard
