#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

namespace Trainyard {

// The ignore rules of a project snapshot: gitignore patterns read from the one ignore file at the
// top of the source directory (.amlignore if present, else .gitignore; never both).
//
// Patterns follow git's wildmatch semantics (as in `git check-ignore`): `*` and `?` stop at `/`,
// `**` spans directories only as `**/`, `/**/` or `/**`, a trailing `/` matches directories only,
// a slash at the start or in the middle anchors the pattern to the root, and the last matching
// pattern wins. Matching is case-sensitive, like git with core.ignorecase=false.
//
// Paths are relative to the source directory, with `/` separators and no leading `./`.
class IgnoreRules
{
public:
    IgnoreRules() = default;

    // Reads `root/.amlignore`, or `root/.gitignore` when there is no .amlignore. Ignore files in
    // subdirectories do not count.
    static IgnoreRules forSourceDirectory(const QString &root);
    static IgnoreRules fromText(const QString &text);

    // The file the rules came from (".amlignore", ".gitignore"), or empty when there was none.
    QString ruleFile() const { return m_ruleFile; }
    // The rule file exists but could not be read. The rules are then empty; a snapshot should stop
    // rather than upload files the user meant to keep out.
    bool readFailed() const { return m_readFailed; }
    bool isEmpty() const { return m_rules.isEmpty(); }

    // Whether the patterns exclude this path itself. Does not look at the parent directories: use
    // it when walking a tree that does not descend into ignored directories.
    bool isIgnored(const QString &relativePath, bool isDirectory) const;
    // Like isIgnored(), but a path inside an ignored directory is ignored too, whatever later `!`
    // patterns say about the path itself (git cannot re-include a file whose parent is excluded).
    bool isIgnoredWithParents(const QString &relativePath, bool isDirectory) const;

private:
    struct Rule
    {
        enum class Kind { Literal, Suffix, Pattern };
        Kind kind = Kind::Pattern;
        QString text; // the literal name, or the suffix after a leading `*`
        QRegularExpression regex;
        bool negated = false;
        bool directoryOnly = false;
        bool basenameOnly = false; // no slash in the pattern: matches the last path component
    };

    static bool matches(const Rule &rule, QStringView path, QStringView basename, bool isDirectory);

    QList<Rule> m_rules;
    QString m_ruleFile;
    bool m_readFailed = false;
};

} // namespace Trainyard
