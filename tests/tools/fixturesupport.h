#pragma once

// What the service fixtures (sshdfixture, slurmfixture) share: files with given permissions,
// processes that ended, TCP ports on this machine.

#include <QByteArray>
#include <QFile>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace FixtureSupport {

inline bool writeFile(const QString &path, const QByteArray &content, QFileDevice::Permissions permissions)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return QFile::setPermissions(path, permissions);
}

// True when the process has ended (gone, or a zombie waiting for its parent).
inline bool isGone(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

// Whether something accepts connections on 127.0.0.1:port.
inline bool canConnect(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const bool connected = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return connected;
}

// A TCP port free on `address` (INADDR_LOOPBACK or INADDR_ANY) right now; 0 when none was found.
inline quint16 freePort(in_addr_t address = INADDR_LOOPBACK)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return 0;
    sockaddr_in bound{};
    bound.sin_family = AF_INET;
    bound.sin_port = 0;
    bound.sin_addr.s_addr = htonl(address);
    socklen_t length = sizeof bound;
    quint16 port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr *>(&bound), sizeof bound) == 0
        && ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &length) == 0)
        port = ntohs(bound.sin_port);
    ::close(fd);
    return port;
}

} // namespace FixtureSupport
