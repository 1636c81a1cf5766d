#include "condadependencies.h"

#include "yamldocument.h"

#include <QJsonArray>
#include <QLocale>
#include <QSaveFile>

namespace Trainyard {

namespace {

QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    if (value.isBool())
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return {};
}

} // namespace

CondaDependencies::Loaded CondaDependencies::parse(const QByteArray &text, const QString &fileName)
{
    const YamlDocument::Parsed parsed = YamlDocument::parse(text, fileName);
    Loaded loaded;
    loaded.findings = parsed.findings;
    if (!parsed.ok)
        return loaded;
    if (!parsed.root.isObject()) {
        loaded.findings.append({Finding::Severity::Error, tr("A conda dependencies file must be a map with “name”, "
                                                             "“channels” and “dependencies”."),
                                fileName, {1, 1}, {}});
        return loaded;
    }
    auto error = [&](const QString &keyPath, const QString &message) {
        loaded.findings.append({Finding::Severity::Error, message, fileName, parsed.positions.value(keyPath, {1, 1}), keyPath});
    };
    QJsonObject rest = parsed.root.toObject();
    CondaDependencies conda;
    conda.name = scalarText(rest.take(QLatin1String("name")));
    const QJsonValue channels = rest.take(QLatin1String("channels"));
    if (channels.isArray()) {
        const QJsonArray array = channels.toArray();
        for (const QJsonValue &channel : array)
            conda.channels << scalarText(channel);
    } else if (!channels.isNull() && !channels.isUndefined()) {
        error(QStringLiteral("channels"), tr("“channels” must be a list of channel names."));
    }
    const QJsonValue dependencies = rest.take(QLatin1String("dependencies"));
    if (dependencies.isArray()) {
        const QJsonArray array = dependencies.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QJsonValue item = array.at(i);
            if (item.isObject() && item.toObject().contains(QLatin1String("pip")) && !conda.pip) {
                QStringList pip;
                const QJsonArray pipItems = item.toObject().value(QLatin1String("pip")).toArray();
                for (const QJsonValue &requirement : pipItems)
                    pip << scalarText(requirement);
                conda.pip = pip;
            } else if (item.isObject() || item.isArray() || item.isNull()) {
                error(QStringLiteral("dependencies[%1]").arg(i),
                      tr("Each dependency must be a package such as “python=3.11”, or the one “pip:” list."));
            } else {
                conda.dependencies << scalarText(item);
            }
        }
    } else if (!dependencies.isNull() && !dependencies.isUndefined()) {
        error(QStringLiteral("dependencies"), tr("“dependencies” must be a list of packages."));
    }
    conda.extra = rest;
    loaded.dependencies = conda;
    return loaded;
}

CondaDependencies::Loaded CondaDependencies::load(const QString &path)
{
    const auto text = YamlDocument::readFile(path);
    if (!text) {
        Loaded loaded;
        loaded.findings.append({Finding::Severity::Error, text.errorMessage(), path, {}, {}});
        return loaded;
    }
    return parse(*text, path);
}

QByteArray CondaDependencies::toYaml(const CondaDependencies &conda)
{
    OrderedValue root = OrderedValue::map();
    root.insert(QStringLiteral("name"), OrderedValue::fromScalar(conda.name));
    OrderedValue dependencies = OrderedValue::list();
    for (const QString &dependency : conda.dependencies)
        dependencies.items.append(OrderedValue::fromScalar(dependency));
    if (conda.pip) {
        OrderedValue pip = OrderedValue::list();
        for (const QString &requirement : *conda.pip)
            pip.items.append(OrderedValue::fromScalar(requirement));
        OrderedValue pipEntry = OrderedValue::map();
        pipEntry.insert(QStringLiteral("pip"), pip);
        dependencies.items.append(pipEntry);
    }
    root.insert(QStringLiteral("dependencies"), dependencies);
    OrderedValue channels = OrderedValue::list();
    for (const QString &channel : conda.channels)
        channels.items.append(OrderedValue::fromScalar(channel));
    root.insert(QStringLiteral("channels"), channels);
    for (auto it = conda.extra.begin(); it != conda.extra.end(); ++it)
        root.insert(it.key(), OrderedValue::fromJson(it.value()));
    return YamlDocument::toYaml(root);
}

Result<void> CondaDependencies::save(const QString &path, const CondaDependencies &conda)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{tr("Cannot write %1: %2.").arg(path, file.errorString())};
    file.write(QByteArrayLiteral("# Conda environment for runs with userManagedDependencies: false.\n"));
    file.write(toYaml(conda));
    if (!file.commit())
        return Error{tr("Cannot write %1: %2.").arg(path, file.errorString())};
    return {};
}

CondaDependencies CondaDependencies::makeDefault()
{
    CondaDependencies conda;
    conda.name = QStringLiteral("project_environment");
    conda.dependencies = QStringList{QStringLiteral("python=3.11")};
    conda.pip = QStringList{};
    conda.channels = QStringList{QStringLiteral("conda-forge")};
    return conda;
}

} // namespace Trainyard
