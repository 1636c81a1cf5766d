#pragma once

// Small file helpers the test suites share.

#include <QByteArray>
#include <QDirIterator>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <QTest>

namespace TestFiles {

// Writes `content` to `path`, creating its folder; fails the calling test when it cannot.
inline void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(file.errorString()));
    QCOMPARE(file.write(content), content.size());
}

// The bytes of `path`, or nothing when it cannot be read.
inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Regular files under `dir` whose bytes hold `secret` as UTF-8 or UTF-16, or base64 or hex of its
// UTF-8; a regular file that cannot be read counts too (it might). Sockets and pipes are skipped.
inline QStringList filesHolding(const QString &dir, const QString &secret)
{
    const QByteArray utf8 = secret.toUtf8();
    const QByteArray utf16(reinterpret_cast<const char *>(secret.utf16()), secret.size() * 2);
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (!QFileInfo(path).isFile())
            continue;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found << path + QStringLiteral(" (unreadable)");
            continue;
        }
        const QByteArray bytes = file.readAll();
        if (bytes.contains(utf8) || bytes.contains(utf16) || bytes.contains(utf8.toBase64()) || bytes.contains(utf8.toHex()))
            found << path;
    }
    return found;
}

} // namespace TestFiles
