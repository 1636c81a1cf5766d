#pragma once

#include "finding.h"
#include "result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonValue>

namespace Trainyard {

// A tree that keeps the order its map keys were added in, for writing YAML and JSON files.
struct OrderedValue
{
    enum class Kind { Null, Scalar, List, Map };

    Kind kind = Kind::Null;
    QJsonValue scalar;                              // Scalar: string, number or bool
    QList<OrderedValue> items;                      // List
    QList<std::pair<QString, OrderedValue>> entries; // Map

    static OrderedValue null() { return {}; }
    static OrderedValue fromScalar(const QJsonValue &value);
    static OrderedValue list() { OrderedValue v; v.kind = Kind::List; return v; }
    static OrderedValue map() { OrderedValue v; v.kind = Kind::Map; return v; }
    // JSON objects become maps with their keys sorted.
    static OrderedValue fromJson(const QJsonValue &value);

    void insert(const QString &key, const OrderedValue &value) { entries.append({key, value}); }
    QJsonValue toJson() const;
};

// Reads YAML (and JSON, its subset) into a QJsonValue tree with the position of every key, in
// bounded time and memory whatever the input: size, binary data, nesting depth and alias
// expansion are all limited, and every problem comes back as a Finding with file:line:column.
class YamlDocument
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::YamlDocument)

public:
    static constexpr qint64 MaxFileBytes = 4 * 1024 * 1024;
    static constexpr int MaxDepth = 100;
    static constexpr int MaxNodes = 20000;

    struct Parsed
    {
        bool ok = false;                              // false: a syntax or limit error, root is null
        QJsonValue root;
        QHash<QString, SourcePosition> positions;     // key path -> where the key (or item) stands
        QList<Finding> findings;
    };

    static Parsed parse(const QByteArray &text, const QString &fileName);
    // Reads a file of at most MaxFileBytes, with a clear error otherwise.
    static Result<QByteArray> readFile(const QString &path);
    static Parsed parseFile(const QString &path);

    static QByteArray toYaml(const OrderedValue &value);
    static QByteArray toJson(const OrderedValue &value);

    // How a plain (unquoted) YAML scalar reads: null, bool, number or string (YAML 1.2 core schema).
    static QJsonValue resolvePlainScalar(const QString &text);
    static QString joinPath(const QString &path, const QString &key);
};

} // namespace Trainyard
