#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Trainyard {

// Node counts of a compute target, in the states REFERENCE.md §5 names.
struct NodeCounts
{
    int idle = 0;
    int busy = 0;
    int total = 0;
};

// One compute target as stored in the workspace. Secrets (passwords, passphrases) are never part
// of it: they live in the desktop keychain.
class ComputeTarget
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::ComputeTarget)

public:
    enum class Type { Local, Remote, Slurm };
    enum class ProvisioningState { Unknown, Creating, Updating, Deleting, Succeeded, Failed, Canceled };

    static constexpr auto LocalName = "local";

    QString name;
    Type type = Type::Remote;
    ProvisioningState state = ProvisioningState::Succeeded;
    QString errorText;
    QJsonObject properties;
    QDateTime created;
    QDateTime modified;

    bool isBuiltIn() const { return type == Type::Local; }
    // The last connection test found no way to the host (properties.reachable == false).
    bool isUnreachable() const;
    // The state as tables show it: "Unreachable" for an unreachable host, else stateDisplayName().
    QString stateText() const;

    // Derived, human-readable summaries for tables.
    QString address() const;
    QString sizeFamily() const;
    NodeCounts nodes() const;
    QString nodesText() const;

    // A flat, ordered list of (label, value) pairs: every property a details pane shows.
    QList<std::pair<QString, QString>> describe() const;
    QJsonObject toJson() const;

    static QString typeKey(Type type);
    static std::optional<Type> typeFromKey(const QString &key);
    static QString typeDisplayName(Type type);
    static QString stateKey(ProvisioningState state);
    static ProvisioningState stateFromKey(const QString &key);
    static QString stateDisplayName(ProvisioningState state);
    // "Password", "Private key" or "SSH agent" for the `authentication` property's value.
    static QString authenticationName(const QString &key);

    // Checks a name against REFERENCE.md §5: 3–24 characters, letters, digits and '-', starting
    // with a letter, not the reserved "local". Returns an empty string when the name is valid.
    static QString validateName(const QString &name);

    friend bool operator==(const ComputeTarget &, const ComputeTarget &) = default;
};

} // namespace Trainyard
