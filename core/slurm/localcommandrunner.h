#pragma once

#include "commandrunner.h"

#include <QCoreApplication>
#include <QList>

#include <utility>

namespace Trainyard {

// Runs commands on this computer with QProcess. The environment is the process's own at the time
// of each call (so SLURM_CONF and PATH apply as the user set them), plus the entries given here.
class LocalCommandRunner final : public CommandRunner
{
    Q_DECLARE_TR_FUNCTIONS(Trainyard::LocalCommandRunner)

public:
    using Environment = QList<std::pair<QString, QString>>;

    // `prefix` goes before every command: e.g. {"runuser", "-u", "nobody", "--"} to run the
    // commands as another user (tests), or a wrapper a site needs.
    explicit LocalCommandRunner(QStringList prefix = {}, Environment environment = {});

    Result<CommandOutput> run(const QStringList &command, const QByteArray &standardInput = {},
                              Milliseconds timeout = DefaultTimeout) override;
    QString hostDescription() const override;

private:
    QStringList m_prefix;
    Environment m_environment;
};

} // namespace Trainyard
