#include "yamldocument.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QRegularExpression>
#include <QStringDecoder>

#include <yaml-cpp/yaml.h>

#include <cmath>

namespace Trainyard {

namespace {

SourcePosition positionOf(const YAML::Mark &mark)
{
    if (mark.line < 0)
        return {};
    return {mark.line + 1, mark.column + 1};
}

// Turns yaml-cpp's terse messages into sentences with a hint.
QString explainYamlError(const std::string &message)
{
    const QString text = QString::fromStdString(message);
    if (text.contains(QLatin1String("end of map not found")) || text.contains(QLatin1String("illegal map value"))
        || text.contains(QLatin1String("end of sequence not found")) || text.contains(QLatin1String("bad indentation"))) {
        return YamlDocument::tr("YAML syntax error (%1): check the indentation of this line and the one before it.").arg(text);
    }
    if (text.contains(QLatin1String("anchor")))
        return YamlDocument::tr("YAML syntax error: an alias (*name) refers to an anchor (&name) that is not defined above it.");
    if (text.contains(QLatin1String("end of map flow not found")) || text.contains(QLatin1String("end of sequence flow not found")))
        return YamlDocument::tr("YAML syntax error (%1): a bracket or brace is not closed.").arg(text);
    return YamlDocument::tr("YAML syntax error: %1.").arg(text);
}

// Text the converted tree may hold: scalar values plus the key path kept for every value. Within
// MaxNodes, long keys nested deep or long strings repeated by aliases would still take gigabytes.
constexpr qint64 MaxCharacters = 16 * 1024 * 1024;

class Converter
{
public:
    Converter(YamlDocument::Parsed &parsed, const QString &fileName)
        : m_parsed(parsed)
        , m_fileName(fileName)
    {
    }

    bool failed() const { return m_failed; }

    QJsonValue convert(const YAML::Node &node, const QString &path, int depth)
    {
        if (m_failed)
            return {};
        if (++m_nodes > YamlDocument::MaxNodes) {
            failTooLarge(node);
            return {};
        }
        if (depth > YamlDocument::MaxDepth) {
            fail(YamlDocument::tr("Values are nested more than %1 levels deep.").arg(YamlDocument::MaxDepth),
                 positionOf(node.Mark()));
            return {};
        }
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            return QJsonValue(QJsonValue::Null);
        case YAML::NodeType::Scalar: {
            const QString text = QString::fromStdString(node.Scalar());
            if (!spend(text.size(), node) || !allowed(text, node))
                return {};
            // "!" marks a quoted scalar: always a string. Plain scalars resolve by their form.
            if (node.Tag() == "!" || node.Tag() == "tag:yaml.org,2002:str")
                return text;
            return YamlDocument::resolvePlainScalar(text);
        }
        case YAML::NodeType::Sequence: {
            QJsonArray array;
            int index = 0;
            for (const YAML::Node &item : node) {
                const QString itemPath = path + QLatin1Char('[') + QString::number(index++) + QLatin1Char(']');
                if (!spend(itemPath.size(), item))
                    return {};
                m_parsed.positions.insert(itemPath, positionOf(item.Mark()));
                array.append(convert(item, itemPath, depth + 1));
                if (m_failed)
                    return {};
            }
            return array;
        }
        case YAML::NodeType::Map: {
            QJsonObject object;
            for (auto it = node.begin(); it != node.end(); ++it) {
                if (!it->first.IsScalar()) {
                    fail(YamlDocument::tr("A key must be a plain name, not a list or a map."), positionOf(it->first.Mark()));
                    return {};
                }
                const QString key = QString::fromStdString(it->first.Scalar());
                const QString keyPath = YamlDocument::joinPath(path, key);
                if (!spend(keyPath.size(), it->first) || !allowed(key, it->first))
                    return {};
                const SourcePosition position = positionOf(it->first.Mark());
                if (object.contains(key)) {
                    m_parsed.findings.append({Finding::Severity::Error,
                                              YamlDocument::tr("The key “%1” appears twice; only the last value counts.").arg(key),
                                              m_fileName, position, keyPath});
                }
                m_parsed.positions.insert(keyPath, position);
                object.insert(key, convert(it->second, keyPath, depth + 1));
                if (m_failed)
                    return {};
            }
            return object;
        }
        }
        return {};
    }

private:
    void fail(const QString &message, SourcePosition position)
    {
        m_failed = true;
        m_parsed.findings.append({Finding::Severity::Error, message, m_fileName, position, {}});
    }

    void failTooLarge(const YAML::Node &node)
    {
        fail(YamlDocument::tr("The file expands to more than %1 values (aliases that repeat aliases?); a run "
                              "configuration is far smaller.").arg(YamlDocument::MaxNodes),
             positionOf(node.Mark()));
    }

    // YAML allows neither U+FFFE nor U+FFFF in a document, raw or escaped ("\uFFFF"), and
    // yaml-cpp writes them back as U+FFFD: refused here rather than changed on the next save.
    bool allowed(const QString &text, const YAML::Node &node)
    {
        for (const QChar c : text) {
            if (c.unicode() == 0xfffe || c.unicode() == 0xffff) {
                fail(YamlDocument::tr("The text holds the character U+%1, which YAML does not allow; remove it.")
                         .arg(QString::number(c.unicode(), 16).toUpper()),
                     positionOf(node.Mark()));
                return false;
            }
        }
        return true;
    }

    // Counts text the tree takes; fails past MaxCharacters.
    bool spend(qsizetype characters, const YAML::Node &node)
    {
        m_characters += characters;
        if (m_characters <= MaxCharacters)
            return true;
        failTooLarge(node);
        return false;
    }

    YamlDocument::Parsed &m_parsed;
    QString m_fileName;
    int m_nodes = 0;
    qint64 m_characters = 0;
    bool m_failed = false;
};

// Control characters (newlines and tabs included) only survive double quotes with escapes: single
// quotes would fold newlines into spaces and carry other control characters raw.
bool needsEscapes(const QString &text)
{
    return std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() < 0x20 || c.unicode() == 0x7f; });
}

bool needsQuotes(const QString &text)
{
    if (text.isEmpty() || !YamlDocument::resolvePlainScalar(text).isString())
        return true;
    return text.front().isSpace() || text.back().isSpace();
}

void emitValue(YAML::Emitter &out, const OrderedValue &value)
{
    switch (value.kind) {
    case OrderedValue::Kind::Null:
        out << YAML::Null;
        break;
    case OrderedValue::Kind::Scalar:
        if (value.scalar.isBool()) {
            out << value.scalar.toBool();
        } else if (value.scalar.isDouble()) {
            const double number = value.scalar.toDouble();
            if (std::isfinite(number) && number == std::floor(number) && std::abs(number) < 9e15) {
                out << qint64(number);
            } else {
                QString text = QString::number(number, 'g', QLocale::FloatingPointShortest);
                // A large whole number may come out without a point or exponent, and would read back
                // as an integer (kept as text past 2^53): the exponent form reads back as this number.
                if (!text.contains(QLatin1Char('.')) && !text.contains(QLatin1Char('e')))
                    text = QString::number(number, 'e', QLocale::FloatingPointShortest);
                out << text.toStdString();
            }
        } else {
            const QString text = value.scalar.toString();
            if (needsEscapes(text))
                out << YAML::DoubleQuoted;
            else if (needsQuotes(text))
                out << YAML::SingleQuoted;
            out << text.toStdString();
        }
        break;
    case OrderedValue::Kind::List:
        if (value.items.isEmpty()) {
            out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq;
            break;
        }
        out << YAML::BeginSeq;
        for (const OrderedValue &item : value.items)
            emitValue(out, item);
        out << YAML::EndSeq;
        break;
    case OrderedValue::Kind::Map:
        if (value.entries.isEmpty()) {
            out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
            break;
        }
        out << YAML::BeginMap;
        for (const auto &[key, item] : value.entries) {
            // YAML limits implicit keys to 1024 characters; longer ones need the explicit "? " form.
            out << (key.size() > 200 ? YAML::LongKey : YAML::Key);
            if (needsEscapes(key))
                out << YAML::DoubleQuoted;
            else if (needsQuotes(key))
                out << YAML::SingleQuoted;
            out << key.toStdString() << YAML::Value;
            emitValue(out, item);
        }
        out << YAML::EndMap;
        break;
    }
}

} // namespace

OrderedValue OrderedValue::fromScalar(const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return {};
    OrderedValue v;
    v.kind = Kind::Scalar;
    v.scalar = value;
    return v;
}

OrderedValue OrderedValue::fromJson(const QJsonValue &value)
{
    if (value.isArray()) {
        OrderedValue v = list();
        const QJsonArray array = value.toArray();
        for (const QJsonValue &item : array)
            v.items.append(fromJson(item));
        return v;
    }
    if (value.isObject()) {
        OrderedValue v = map();
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it)
            v.insert(it.key(), fromJson(it.value()));
        return v;
    }
    return fromScalar(value);
}

QJsonValue OrderedValue::toJson() const
{
    switch (kind) {
    case Kind::Null:
        return QJsonValue(QJsonValue::Null);
    case Kind::Scalar:
        return scalar;
    case Kind::List: {
        QJsonArray array;
        for (const OrderedValue &item : items)
            array.append(item.toJson());
        return array;
    }
    case Kind::Map: {
        QJsonObject object;
        for (const auto &[key, item] : entries)
            object.insert(key, item.toJson());
        return object;
    }
    }
    return {};
}

YamlDocument::Parsed YamlDocument::parse(const QByteArray &text, const QString &fileName)
{
    Parsed parsed;
    auto fail = [&](const QString &message, SourcePosition position = {}) {
        parsed.findings.append({Finding::Severity::Error, message, fileName, position, {}});
        return parsed;
    };
    if (text.size() > MaxFileBytes) {
        return fail(tr("The file is %1 MB; a run configuration file may be at most %2 MB.")
                        .arg(double(text.size()) / (1024 * 1024), 0, 'f', 1)
                        .arg(MaxFileBytes / (1024 * 1024)));
    }
    if (const qsizetype zero = text.indexOf('\0'); zero >= 0)
        return fail(tr("This is not a text file (binary data at byte %1).").arg(zero));
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = decoder.decode(text);
    if (decoder.hasError())
        return fail(tr("The file is not valid UTF-8 text."));

    YAML::Node root;
    try {
        root = YAML::Load(text.toStdString());
    } catch (const YAML::Exception &error) {
        return fail(explainYamlError(error.msg), positionOf(error.mark));
    } catch (const std::exception &error) {
        return fail(tr("The file cannot be read as YAML: %1.").arg(QString::fromLocal8Bit(error.what())));
    }

    Converter converter(parsed, fileName);
    try {
        parsed.root = converter.convert(root, QString(), 0);
    } catch (const YAML::Exception &error) {
        return fail(explainYamlError(error.msg), positionOf(error.mark));
    }
    parsed.ok = !converter.failed();
    if (!parsed.ok)
        parsed.root = QJsonValue();
    return parsed;
}

Result<QByteArray> YamlDocument::readFile(const QString &path)
{
    QFile file(path);
    const QFileInfo info(path);
    if (!info.exists())
        return Error{tr("Cannot read the file: there is no such file.")};
    if (info.isDir())
        return Error{tr("Cannot read the file: it is a folder.")};
    if (info.size() > MaxFileBytes) {
        return Error{tr("The file is %1 MB; a run configuration file may be at most %2 MB.")
                         .arg(double(info.size()) / (1024 * 1024), 0, 'f', 1)
                         .arg(MaxFileBytes / (1024 * 1024))};
    }
    if (!file.open(QIODevice::ReadOnly))
        return Error{tr("Cannot read the file: %1.").arg(file.errorString())};
    return file.read(MaxFileBytes + 1);
}

YamlDocument::Parsed YamlDocument::parseFile(const QString &path)
{
    const auto text = readFile(path);
    if (!text) {
        Parsed parsed;
        parsed.findings.append({Finding::Severity::Error, text.errorMessage(), path, {}, {}});
        return parsed;
    }
    return parse(*text, path);
}

QByteArray YamlDocument::toYaml(const OrderedValue &value)
{
    YAML::Emitter out;
    out.SetIndent(2);
    out.SetSeqFormat(YAML::Block);
    out.SetMapFormat(YAML::Block);
    emitValue(out, value);
    QByteArray text(out.c_str(), qsizetype(out.size()));
    text.append('\n');
    return text;
}

QByteArray YamlDocument::toJson(const OrderedValue &value)
{
    const QJsonValue json = value.toJson();
    if (json.isArray())
        return QJsonDocument(json.toArray()).toJson(QJsonDocument::Indented);
    return QJsonDocument(json.toObject()).toJson(QJsonDocument::Indented);
}

QJsonValue YamlDocument::resolvePlainScalar(const QString &text)
{
    static const QRegularExpression nullPattern(QStringLiteral("^(~|null|Null|NULL|)$"));
    static const QRegularExpression boolTrue(QStringLiteral("^(true|True|TRUE)$"));
    static const QRegularExpression boolFalse(QStringLiteral("^(false|False|FALSE)$"));
    static const QRegularExpression integer(QStringLiteral("^[-+]?[0-9]+$"));
    static const QRegularExpression real(QStringLiteral("^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"));
    if (nullPattern.match(text).hasMatch())
        return QJsonValue(QJsonValue::Null);
    if (boolTrue.match(text).hasMatch())
        return true;
    if (boolFalse.match(text).hasMatch())
        return false;
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const qint64 number = text.toLongLong(&ok);
        // Integers beyond 2^53 lose precision as JSON numbers: keep them as text.
        if (ok && std::abs(number) < (qint64(1) << 53))
            return QJsonValue(number);
        return text;
    }
    if (real.match(text).hasMatch()) {
        // 1e309 overflows: keep the text rather than write "inf" back.
        const double number = text.toDouble();
        return std::isfinite(number) ? QJsonValue(number) : QJsonValue(text);
    }
    return text;
}

QString YamlDocument::joinPath(const QString &path, const QString &key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

} // namespace Trainyard
