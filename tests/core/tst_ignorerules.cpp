// Ignore rules for project snapshots: gitignore semantics, checked row by row against
// `git status --ignored` and `git check-ignore` (git 2.39).

#include "ignorerules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Trainyard;

namespace {

constexpr bool Dir = true;
constexpr bool File = false;

void writeFile(const QString &path, const QByteArray &content)
{
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(file.write(content), content.size());
}

// One row: the ignore file's text, a path, whether it is a directory, and whether git ignores it.
void row(const char *name, const char *rules, const char *path, bool isDirectory, bool ignored)
{
    QTest::newRow(name) << QString::fromUtf8(rules) << QString::fromUtf8(path) << isDirectory << ignored;
}

} // namespace

class tst_IgnoreRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isIgnored_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("isDirectory");
        QTest::addColumn<bool>("ignored");

        // Comments, blank lines, escapes.
        row("comment is no pattern", "#build", "#build", File, false);
        row("blank and comment lines", "\n# temp files\n\n*.tmp\n", "a.tmp", File, true);
        row("whitespace-only line", "   ", "   ", File, false);
        row("escaped hash", "\\#file", "#file", File, true);
        row("escaped bang", "\\!important", "!important", File, true);
        row("bang negates, no literal", "!important", "!important", File, false);

        // Trailing spaces: trimmed unless escaped; tabs are kept.
        row("trailing spaces trimmed", "build   ", "build", File, true);
        row("trimmed spaces do not match", "build   ", "build ", File, false);
        row("escaped trailing space kept", "build\\ ", "build ", File, true);
        row("escaped trailing space needs it", "build\\ ", "build", File, false);
        row("escaped space, rest trimmed", "build\\  ", "build ", File, true);
        row("trailing tab not trimmed", "build\t", "build", File, false);
        row("trailing tab matches tab", "build\t", "build\t", File, true);
        row("CRLF line ending", "build\r\n", "build", File, true);
        row("byte order mark skipped", "\xef\xbb\xbf" "bom", "bom", File, true);

        // /build vs build/ vs build.
        row("/build at root", "/build", "build", Dir, true);
        row("/build anchored", "/build", "src/build", Dir, false);
        row("/build matches a file", "/build", "build", File, true);
        row("build/ skips files", "build/", "build", File, false);
        row("build/ matches directory", "build/", "build", Dir, true);
        row("build/ at any depth", "build/", "src/build", Dir, true);
        row("build at any depth", "build", "src/build", File, true);
        row("double trailing slash", "foo//", "foo", Dir, false);

        // Negation: the last matching pattern wins.
        row("*.log with !keep.log: keep", "*.log\n!keep.log", "keep.log", File, false);
        row("*.log with !keep.log: nested log", "*.log\n!keep.log", "logs/debug.log", File, true);
        row("*.log with !keep.log: nested keep", "*.log\n!keep.log", "sub/keep.log", File, false);
        row("negation before pattern loses", "!keep.log\n*.log", "keep.log", File, true);
        row("whitelist: directories kept", "*\n!*/\n!*.py", "src", Dir, false);
        row("whitelist: .py kept", "*\n!*/\n!*.py", "src/a.py", File, false);
        row("whitelist: others ignored", "*\n!*/\n!*.py", "src/a.txt", File, true);
        row("anchored re-include: kept dir", "/*\n!/foo\n/foo/*\n!/foo/bar", "foo/bar", Dir, false);
        row("anchored re-include: sibling", "/*\n!/foo\n/foo/*\n!/foo/bar", "foo/baz", File, true);
        row("anchored re-include: top level", "/*\n!/foo\n/foo/*\n!/foo/bar", "other", File, true);
        row("anchored re-include: deeper", "/*\n!/foo\n/foo/*\n!/foo/bar", "foo/bar/x.txt", File, false);

        // logs/** with !logs/keep/: the directory comes back, its files do not.
        row("logs/**: logs itself", "logs/**\n!logs/keep/", "logs", Dir, false);
        row("logs/**: keep directory", "logs/**\n!logs/keep/", "logs/keep", Dir, false);
        row("logs/**: file in keep", "logs/**\n!logs/keep/", "logs/keep/a.txt", File, true);
        row("logs/**: keep/** re-includes", "logs/**\n!logs/keep/\n!logs/keep/**", "logs/keep/a.txt", File, false);

        // Anchoring by a slash in the middle; * and ? stay inside one component.
        row("doc/*.txt", "doc/*.txt", "doc/a.txt", File, true);
        row("doc/*.txt not deeper", "doc/*.txt", "doc/x/a.txt", File, false);
        row("? one character", "?.txt", "a.txt", File, true);
        row("? not two", "?.txt", "ab.txt", File, false);
        row("? not a slash", "a?b", "a/b", File, false);

        // ** forms.
        row("doc/**/*.pdf zero dirs", "doc/**/*.pdf", "doc/a.pdf", File, true);
        row("doc/**/*.pdf two dirs", "doc/**/*.pdf", "doc/x/y/a.pdf", File, true);
        row("doc/**/*.pdf anchored", "doc/**/*.pdf", "other/doc/a.pdf", File, false);
        row("a/**/b zero dirs", "a/**/b", "a/b", File, true);
        row("a/**/b two dirs", "a/**/b", "a/x/y/b", File, true);
        row("a/**/b whole component", "a/**/b", "a/xb", File, false);
        row("a/**b is a/*b", "a/**b", "a/xb", File, true);
        row("a/**b stays in a component", "a/**b", "a/x/b", File, false);
        row("**/cache at root", "**/cache", "cache", Dir, true);
        row("**/cache deep", "**/cache", "a/b/cache", Dir, true);
        row("**/cache/*.bin", "**/cache/*.bin", "x/cache/a.bin", File, true);
        row("** alone", "**", "a/b", File, true);
        row("/** everything", "/**", "a/b", File, true);
        row("***/x like **/x", "***/x", "a/b/x", File, true);
        row("a/*** like a/**", "a/***", "a/b/c", File, true);
        row("foo/**/ skips files", "foo/**/", "foo/a", File, false);
        row("foo/**/ matches directories", "foo/**/", "foo/a", Dir, true);

        // Character classes.
        row("[Tt]emp: Temp", "[Tt]emp", "Temp", File, true);
        row("[Tt]emp: temp", "[Tt]emp", "temp", File, true);
        row("[Tt]emp: TEMP", "[Tt]emp", "TEMP", File, false);
        row("[!a-c] excludes", "[!a-c]at", "bat", File, false);
        row("[!a-c] matches", "[!a-c]at", "rat", File, true);
        row("[^a-c] like [!a-c]", "[^a-c]at", "rat", File, true);
        row("*.py[co]", "*.py[co]", "x.pyc", File, true);
        row("[[:digit:]]", "[[:digit:]]*.csv", "2024.csv", File, true);
        row("[[:digit:]] no letter", "[[:digit:]]*.csv", "x.csv", File, false);
        row("] first is literal", "[]]x", "]x", File, true);
        row("[!]] negated bracket", "[!]]x", "ax", File, true);
        row("- last is literal", "[a-]x", "-x", File, true);
        row("escaped ] in class", "[\\]]x", "]x", File, true);
        row("reversed range keeps its start", "[z-a]x", "zx", File, true);
        row("[: without :] is literal", "[[:x]x", ":x", File, true);

        // Malformed patterns never match.
        row("unterminated class", "[a-", "[a-", File, false);
        row("unknown class name", "[[:foo:]]x", "ax", File, false);
        row("trailing backslash", "foo\\", "foo", File, false);

        // Case-sensitive, like git on Linux.
        row("case-sensitive", "*.LOG", "a.log", File, false);
    }

    void isIgnored()
    {
        QFETCH(QString, rules);
        QFETCH(QString, path);
        QFETCH(bool, isDirectory);
        QFETCH(bool, ignored);

        QCOMPARE(IgnoreRules::fromText(rules).isIgnored(path, isDirectory), ignored);
    }

    void isIgnoredWithParents_data()
    {
        QTest::addColumn<QString>("rules");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ignoredItself");
        QTest::addColumn<bool>("ignored"); // what git reports: parents included

        const auto add = [](const char *name, const char *rules, const char *path, bool itself, bool ignored) {
            QTest::newRow(name) << QString::fromUtf8(rules) << QString::fromUtf8(path) << itself << ignored;
        };
        add("file in build/", "build/", "build/x.o", false, true);
        add("!build/keep.txt cannot re-include", "build/\n!build/keep.txt", "build/keep.txt", false, true);
        add("nested node_modules", "node_modules", "a/node_modules/pkg/index.js", false, true);
        add("file re-included, directory not", "*.tmp\n!important.tmp", "cache.tmp/important.tmp", false, true);
        add("logs/keep re-included with its files", "logs/**\n!logs/keep/\n!logs/keep/**", "logs/keep/a.txt", false, false);
        add("parent re-included by anchored rule", "/*\n!/foo\n/foo/*\n!/foo/bar", "foo/bar/x.txt", false, false);
        add("top-level file", "*.o", "x.o", true, true);
        add("no rules", "", "a/b/c", false, false);
    }

    void isIgnoredWithParents()
    {
        QFETCH(QString, rules);
        QFETCH(QString, path);
        QFETCH(bool, ignoredItself);
        QFETCH(bool, ignored);

        const IgnoreRules ignoreRules = IgnoreRules::fromText(rules);
        QCOMPARE(ignoreRules.isIgnored(path, false), ignoredItself);
        QCOMPARE(ignoreRules.isIgnoredWithParents(path, false), ignored);
    }

    void snapshotOfAProject()
    {
        // A typical .amlignore of a training project; the files a snapshot keeps, as git keeps them.
        const IgnoreRules rules = IgnoreRules::fromText(QStringLiteral(
            "# data and outputs stay on the machine\n"
            "/data/\n"
            "outputs/\n"
            "*.ckpt\n"
            "!best.ckpt\n"
            "__pycache__/\n"
            ".ipynb_checkpoints\n"
            "logs/**\n"
            "!logs/keep/\n"
            "!logs/keep/**\n"));
        const QStringList files = {
            QStringLiteral("train.py"),
            QStringLiteral("src/model.py"),
            QStringLiteral("src/__pycache__/model.cpython-311.pyc"),
            QStringLiteral("data/train.csv"),
            QStringLiteral("src/data/loader.py"),
            QStringLiteral("outputs/run1/metrics.json"),
            QStringLiteral("exp/outputs"),
            QStringLiteral("model.ckpt"),
            QStringLiteral("best.ckpt"),
            QStringLiteral("checkpoints/best.ckpt"),
            QStringLiteral("logs/tb/events.out"),
            QStringLiteral("logs/keep/notes.md"),
            QStringLiteral("notebooks/.ipynb_checkpoints/a-checkpoint.ipynb"),
        };
        QStringList kept;
        for (const QString &file : files) {
            if (!rules.isIgnoredWithParents(file, false))
                kept << file;
        }
        QCOMPARE(kept.join(QLatin1Char('\n')), QStringLiteral("train.py\n"
                                                              "src/model.py\n"
                                                              "src/data/loader.py\n"
                                                              "exp/outputs\n"
                                                              "best.ckpt\n"
                                                              "checkpoints/best.ckpt\n"
                                                              "logs/keep/notes.md"));
    }

    void forSourceDirectory_data()
    {
        QTest::addColumn<QByteArray>("amlignore"); // null: no such file
        QTest::addColumn<QByteArray>("gitignore");
        QTest::addColumn<QString>("ruleFile");
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("ignored");

        const QByteArray none;
        QTest::newRow(".amlignore wins") << QByteArray("*.aml\n") << QByteArray("*.git\n") << QStringLiteral(".amlignore")
                                         << QStringLiteral("x.aml") << true;
        QTest::newRow(".gitignore not merged") << QByteArray("*.aml\n") << QByteArray("*.git\n")
                                               << QStringLiteral(".amlignore") << QStringLiteral("x.git") << false;
        QTest::newRow("empty .amlignore still wins") << QByteArray("") << QByteArray("*.git\n") << QStringLiteral(".amlignore")
                                                     << QStringLiteral("x.git") << false;
        QTest::newRow("only .amlignore") << QByteArray("*.aml") << none << QStringLiteral(".amlignore")
                                         << QStringLiteral("sub/x.aml") << true;
        QTest::newRow("only .gitignore") << none << QByteArray("*.git\n") << QStringLiteral(".gitignore")
                                         << QStringLiteral("x.git") << true;
        QTest::newRow("no ignore file") << none << none << QString() << QStringLiteral("x.git") << false;
        QTest::newRow("BOM and CRLF") << none << QByteArray("\xef\xbb\xbf" "build\r\n*.log\r\n") << QStringLiteral(".gitignore")
                                      << QStringLiteral("build") << true;
        QTest::newRow("UTF-8 names") << QByteArray("données/\n") << none << QStringLiteral(".amlignore")
                                     << QStringLiteral("données") << true;
    }

    void forSourceDirectory()
    {
        QFETCH(QByteArray, amlignore);
        QFETCH(QByteArray, gitignore);
        QFETCH(QString, ruleFile);
        QFETCH(QString, path);
        QFETCH(bool, ignored);

        QTemporaryDir root;
        QVERIFY(root.isValid());
        if (!amlignore.isNull())
            writeFile(root.filePath(QStringLiteral(".amlignore")), amlignore);
        if (!gitignore.isNull())
            writeFile(root.filePath(QStringLiteral(".gitignore")), gitignore);

        const IgnoreRules rules = IgnoreRules::forSourceDirectory(root.path());
        QCOMPARE(rules.ruleFile(), ruleFile);
        QVERIFY(!rules.readFailed());
        QCOMPARE(rules.isIgnoredWithParents(path, true), ignored);
    }

    void nestedIgnoreFilesDoNotCount()
    {
        QTemporaryDir root;
        writeFile(root.filePath(QStringLiteral("src/.gitignore")), "*.py\n");
        writeFile(root.filePath(QStringLiteral("src/.amlignore")), "*.py\n");

        const IgnoreRules rules = IgnoreRules::forSourceDirectory(root.path());
        QCOMPARE(rules.ruleFile(), QString());
        QVERIFY(rules.isEmpty());
        QVERIFY(!rules.isIgnoredWithParents(QStringLiteral("src/a.py"), false));
    }

    void unreadableRuleFile()
    {
        // An .amlignore that cannot be read is reported, not silently replaced by .gitignore.
        QTemporaryDir root;
        QVERIFY(QDir(root.path()).mkdir(QStringLiteral(".amlignore")));
        writeFile(root.filePath(QStringLiteral(".gitignore")), "*.git\n");

        const IgnoreRules rules = IgnoreRules::forSourceDirectory(root.path());
        QCOMPARE(rules.ruleFile(), QStringLiteral(".amlignore"));
        QVERIFY(rules.readFailed());
        QVERIFY(rules.isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_IgnoreRules)
#include "tst_ignorerules.moc"
