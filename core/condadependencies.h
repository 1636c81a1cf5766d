#pragma once

#include "finding.h"
#include "result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace Trainyard {

struct OrderedValue;
struct LoadedCondaDependencies;

// A conda environment file (conda_dependencies.yml): name, channels, dependencies, and the one
// `pip:` map inside dependencies with its own list. Unknown keys are kept.
struct CondaDependencies
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::CondaDependencies)

public:
    QString name;
    QStringList channels;
    QStringList dependencies;       // "python=3.11", "scikit-learn", ...
    std::optional<QStringList> pip; // the pip requirement strings, when a `pip:` entry exists
    QJsonObject extra;

    friend bool operator==(const CondaDependencies &, const CondaDependencies &) = default;

    using Loaded = struct LoadedCondaDependencies;
    static Loaded parse(const QByteArray &text, const QString &fileName = {});
    static Loaded load(const QString &path);
    static QByteArray toYaml(const CondaDependencies &dependencies);
    static Result<void> save(const QString &path, const CondaDependencies &dependencies);
    // The file `az ml folder attach` writes.
    static CondaDependencies makeDefault();
};

struct LoadedCondaDependencies
{
    std::optional<CondaDependencies> dependencies;
    QList<Finding> findings;
};

} // namespace Trainyard
