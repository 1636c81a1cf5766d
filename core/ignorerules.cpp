#include "ignorerules.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <optional>

namespace Trainyard {

namespace {

bool isGlobSpecial(QChar c)
{
    return c == QLatin1Char('*') || c == QLatin1Char('?') || c == QLatin1Char('[') || c == QLatin1Char('\\');
}

bool hasGlobSpecial(QStringView pattern)
{
    for (const QChar c : pattern) {
        if (isGlobSpecial(c))
            return true;
    }
    return false;
}

// git's trim_trailing_spaces(): drops trailing spaces (not tabs) unless the first of them is
// escaped with a backslash.
void trimTrailingSpaces(QString &line)
{
    qsizetype lastSpace = -1;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line.at(i);
        if (c == QLatin1Char(' ')) {
            if (lastSpace < 0)
                lastSpace = i;
            continue;
        }
        if (c == QLatin1Char('\\') && ++i == line.size())
            return;
        lastSpace = -1;
    }
    if (lastSpace >= 0)
        line.truncate(lastSpace);
}

QString codePointClassItem(char32_t c)
{
    return QStringLiteral("\\x{%1}").arg(uint(c), 0, 16);
}

QString literal(char32_t c)
{
    return QRegularExpression::escape(QString::fromUcs4(&c, 1));
}

bool isPosixClass(const QString &name)
{
    static const QStringList names = {
        QStringLiteral("alnum"), QStringLiteral("alpha"), QStringLiteral("blank"), QStringLiteral("cntrl"),
        QStringLiteral("digit"), QStringLiteral("graph"), QStringLiteral("lower"), QStringLiteral("print"),
        QStringLiteral("punct"), QStringLiteral("space"), QStringLiteral("upper"), QStringLiteral("xdigit"),
    };
    return names.contains(name);
}

// The bracket expression starting at p[i] == '[' as a regex atom, parsed the way git's wildmatch()
// does: `!` or `^` negates, a `]` right after the opening is literal, `\` escapes, `a-z` ranges,
// `[:alpha:]` classes. Advances i to the closing `]`. nullopt when the bracket is malformed
// (unterminated, unknown class): git then aborts, so the pattern never matches.
std::optional<QString> translateBracket(const QList<char32_t> &p, qsizetype &i)
{
    const qsizetype n = p.size();
    ++i;
    if (i >= n)
        return std::nullopt;
    const bool negated = p.at(i) == U'!' || p.at(i) == U'^';
    if (negated)
        ++i;
    QString items;
    char32_t previous = 0; // as in wildmatch: 0 after a range or class, when no range can start
    do {
        if (i >= n)
            return std::nullopt;
        char32_t c = p.at(i);
        if (c == U'\\') {
            if (++i >= n)
                return std::nullopt;
            c = p.at(i);
            items += codePointClassItem(c);
            previous = c;
        } else if (c == U'-' && previous && i + 1 < n && p.at(i + 1) != U']') {
            c = p.at(++i);
            if (c == U'\\') {
                if (++i >= n)
                    return std::nullopt;
                c = p.at(i);
            }
            // A reversed range matches nothing (its start was already added as a literal).
            if (previous <= c)
                items += codePointClassItem(previous) + QLatin1Char('-') + codePointClassItem(c);
            previous = 0;
        } else if (c == U'[' && i + 1 < n && p.at(i + 1) == U':') {
            const qsizetype start = i + 2;
            qsizetype end = start;
            while (end < n && p.at(end) != U']')
                ++end;
            if (end >= n)
                return std::nullopt;
            if (end - start - 1 < 0 || p.at(end - 1) != U':') {
                // No ":]": the '[' is an ordinary member and the scan resumes after it.
                items += codePointClassItem(c);
                previous = c;
            } else {
                const QString name = QString::fromUcs4(p.constData() + start, end - start - 1);
                if (!isPosixClass(name))
                    return std::nullopt;
                items += QStringLiteral("[:") + name + QStringLiteral(":]");
                previous = 0;
                i = end;
            }
        } else {
            items += codePointClassItem(c);
            previous = c;
        }
        ++i;
    } while (i >= n || p.at(i) != U']');

    // A bracket never matches '/' (wildmatch with WM_PATHNAME), negated or not.
    if (items.isEmpty())
        return negated ? QStringLiteral("[^/]") : QStringLiteral("(?!)");
    return QStringLiteral("(?!/)[") + (negated ? QStringLiteral("^") : QString()) + items + QLatin1Char(']');
}

// A gitignore pattern (without `!`, trailing `/` and leading `/`) as a regular expression for the
// whole path, or nullopt when git would never match it.
std::optional<QString> translate(const QString &pattern)
{
    const QList<uint> ucs4 = pattern.toUcs4();
    const QList<char32_t> p(ucs4.cbegin(), ucs4.cend());
    const qsizetype n = p.size();
    QString regex;
    for (qsizetype i = 0; i < n; ++i) {
        const char32_t c = p.at(i);
        if (c == U'*') {
            qsizetype end = i;
            while (end < n && p.at(end) == U'*')
                ++end;
            const bool startsComponent = i == 0 || p.at(i - 1) == U'/';
            const bool endsComponent = end == n || p.at(end) == U'/';
            if (end - i >= 2 && startsComponent && endsComponent) {
                if (end == n) {
                    regex += QStringLiteral(".*"); // trailing "/**": everything inside
                } else {
                    regex += QStringLiteral("(?:.*/)?"); // "**/": zero or more directories
                    ++end;
                }
            } else {
                regex += QStringLiteral("[^/]*"); // other runs of stars are a single `*`
            }
            i = end - 1;
        } else if (c == U'?') {
            regex += QStringLiteral("[^/]");
        } else if (c == U'[') {
            const auto bracket = translateBracket(p, i);
            if (!bracket)
                return std::nullopt;
            regex += *bracket;
        } else if (c == U'\\') {
            if (++i >= n)
                return std::nullopt; // a trailing backslash never matches
            regex += literal(p.at(i));
        } else {
            regex += literal(c);
        }
    }
    return regex;
}

} // namespace

IgnoreRules IgnoreRules::forSourceDirectory(const QString &root)
{
    const QDir dir(root);
    QString name;
    for (const QString &candidate : {QStringLiteral(".amlignore"), QStringLiteral(".gitignore")}) {
        if (QFileInfo::exists(dir.filePath(candidate))) {
            name = candidate;
            break;
        }
    }
    if (name.isEmpty())
        return {};

    QFile file(dir.filePath(name));
    IgnoreRules rules;
    if (file.open(QIODevice::ReadOnly)) {
        rules = fromText(QString::fromUtf8(file.readAll()));
    } else {
        rules.m_readFailed = true;
    }
    rules.m_ruleFile = name;
    return rules;
}

IgnoreRules IgnoreRules::fromText(const QString &text)
{
    IgnoreRules rules;
    QStringView content(text);
    if (content.startsWith(QChar(0xfeff))) // git skips a UTF-8 byte order mark
        content = content.mid(1);
    for (const QStringView view : content.split(QLatin1Char('\n'))) {
        QString line = view.toString();
        if (line.endsWith(QLatin1Char('\r')))
            line.chop(1);
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        trimTrailingSpaces(line);

        Rule rule;
        QStringView pattern(line);
        if (pattern.startsWith(QLatin1Char('!'))) {
            rule.negated = true;
            pattern = pattern.mid(1);
        }
        if (pattern.endsWith(QLatin1Char('/'))) {
            rule.directoryOnly = true;
            pattern.chop(1);
        }
        rule.basenameOnly = !pattern.contains(QLatin1Char('/'));
        if (!rule.basenameOnly && pattern.startsWith(QLatin1Char('/')))
            pattern = pattern.mid(1);
        if (pattern.isEmpty())
            continue; // matches nothing

        // Most real patterns are plain names or "*.ext": compare those without a regex.
        if (!hasGlobSpecial(pattern)) {
            rule.kind = Rule::Kind::Literal;
            rule.text = pattern.toString();
        } else if (rule.basenameOnly && pattern.startsWith(QLatin1Char('*')) && !hasGlobSpecial(pattern.mid(1))) {
            rule.kind = Rule::Kind::Suffix;
            rule.text = pattern.mid(1).toString();
        } else {
            const auto regex = translate(pattern.toString());
            if (!regex)
                continue;
            rule.regex = QRegularExpression(QRegularExpression::anchoredPattern(*regex),
                                            QRegularExpression::DotMatchesEverythingOption);
            if (!rule.regex.isValid()) {
                qWarning("IgnoreRules: cannot compile the pattern %s: %s", qPrintable(line),
                         qPrintable(rule.regex.errorString()));
                continue;
            }
            rule.regex.optimize();
        }
        rules.m_rules.append(std::move(rule));
    }
    return rules;
}

bool IgnoreRules::matches(const Rule &rule, QStringView path, QStringView basename, bool isDirectory)
{
    if (rule.directoryOnly && !isDirectory)
        return false;
    const QStringView subject = rule.basenameOnly ? basename : path;
    switch (rule.kind) {
    case Rule::Kind::Literal:
        return subject == rule.text;
    case Rule::Kind::Suffix:
        return subject.endsWith(rule.text);
    case Rule::Kind::Pattern:
        return rule.regex.match(subject).hasMatch();
    }
    return false;
}

bool IgnoreRules::isIgnored(const QString &relativePath, bool isDirectory) const
{
    if (relativePath.isEmpty())
        return false;
    const QStringView path(relativePath);
    const QStringView basename = path.mid(path.lastIndexOf(QLatin1Char('/')) + 1);
    // The last matching pattern decides.
    for (auto rule = m_rules.crbegin(); rule != m_rules.crend(); ++rule) {
        if (matches(*rule, path, basename, isDirectory))
            return !rule->negated;
    }
    return false;
}

bool IgnoreRules::isIgnoredWithParents(const QString &relativePath, bool isDirectory) const
{
    if (m_rules.isEmpty())
        return false;
    for (qsizetype slash = relativePath.indexOf(QLatin1Char('/')); slash > 0;
         slash = relativePath.indexOf(QLatin1Char('/'), slash + 1)) {
        if (isIgnored(relativePath.left(slash), true))
            return true;
    }
    return isIgnored(relativePath, isDirectory);
}

} // namespace Trainyard
