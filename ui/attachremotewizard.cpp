#include "attachremotewizard.h"

#include "busyindicator.h"
#include "credentialstore.h"
#include "slurmclient.h"
#include "sshconnectionform.h"
#include "sshhostkeypage.h"
#include "wizardlabels.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDir>
#include <QFormLayout>
#include <QFuture>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>
#include <QtConcurrent>

namespace Trainyard {

using WizardLabels::icon;
using WizardLabels::note;
using WizardLabels::value;
using WizardLabels::wrapped;

namespace {

QString formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

SshError plainError(const QString &message)
{
    SshError error;
    error.kind = SshError::Kind::RemoteFailure;
    error.message = message;
    return error;
}

// What a worker hands back; default-constructible, as QFuture wants.
struct ProbeOutcome
{
    bool ok = false;
    SshError error;
    RemoteFacts facts;
};

struct SlurmProbeOutcome
{
    bool ok = false;
    QString error;
    SlurmProbe probe;
};

struct AttachOutcome
{
    bool ok = false;
    SshError error;
    RemoteAttachOutcome outcome;
};

// "user@host:port" for a login node, "this computer" otherwise.
QString slurmAccessName(const SlurmAccess &access)
{
    return access.local ? AttachRemoteWizard::tr("This computer")
                        : AttachRemoteWizard::tr("Login node %1").arg(access.login.endpoint.displayName());
}

} // namespace

namespace AttachRemote {

class KindPage : public QWizardPage
{
    Q_OBJECT

public:
    KindPage()
        : m_slurmButton(new QRadioButton(tr("&Slurm partition")))
    {
        setTitle(tr("Kind of Compute"));
        setSubTitle(tr("Choose what to attach to this workspace."));

        auto *remote = new QRadioButton(tr("&Remote machine (SSH)"));
        remote->setObjectName(QStringLiteral("remoteKindButton"));
        remote->setChecked(true);
        m_slurmButton->setObjectName(QStringLiteral("slurmKindButton"));

        const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 8;
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(remote);
        QLabel *remoteNote = note(tr("A Linux machine you can sign in to with SSH: a workstation, a server or a "
                                     "cloud VM. Runs start there in their own folder and keep running when you "
                                     "close the studio."));
        remoteNote->setContentsMargins(indent, 0, 0, 0);
        layout->addWidget(remoteNote);
        layout->addSpacing(12);
        layout->addWidget(m_slurmButton);
        QLabel *slurmNote = note(tr("An existing partition of a Slurm cluster, reached from this computer or through "
                                    "a login node over SSH. Runs are submitted to it with sbatch."));
        slurmNote->setContentsMargins(indent, 0, 0, 0);
        layout->addWidget(slurmNote);
        layout->addStretch();
    }

    bool isSlurm() const { return m_slurmButton->isChecked(); }

private:
    QRadioButton *m_slurmButton;
};

// The target's name and how to reach it: the SSH connection form for a remote machine; for Slurm,
// this computer or a login node (the same form, with the Slurm environment).
class ConnectionPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ConnectionPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_nameEdit(new QLineEdit)
        , m_nameProblem(WizardLabels::problem(QStringLiteral("nameProblem")))
        , m_accessBox(new QGroupBox(tr("Slurm access")))
        , m_localButton(new QRadioButton(tr("&This computer submits jobs to Slurm")))
        , m_sshButton(new QRadioButton(tr("A &login node over SSH")))
        , m_localNote(note(tr("This computer must have the Slurm commands (sinfo, scontrol, sbatch) and the "
                              "cluster's configuration.")))
        , m_form(new SshConnectionForm)
    {
        setTitle(tr("Connection"));

        m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
        m_nameEdit->setToolTip(tr("3 to 24 letters, digits and hyphens, starting with a letter"));
        m_accessBox->setObjectName(QStringLiteral("accessBox"));
        m_localButton->setObjectName(QStringLiteral("localAccessButton"));
        m_sshButton->setObjectName(QStringLiteral("sshAccessButton"));
        m_localButton->setChecked(true);
        m_form->setObjectName(QStringLiteral("sshConnectionForm"));

        auto *accessLayout = new QVBoxLayout(m_accessBox);
        accessLayout->addWidget(m_localButton);
        accessLayout->addWidget(m_localNote);
        accessLayout->addWidget(m_sshButton);
        auto *access = new QButtonGroup(this);
        access->addButton(m_localButton);
        access->addButton(m_sshButton);

        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        m_nameLabel = new QLabel(tr("Na&me:"));
        m_nameLabel->setBuddy(m_nameEdit);
        form->addRow(m_nameLabel, m_nameEdit);
        form->addRow(QString(), m_nameProblem);

        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_accessBox);
        layout->addWidget(m_form, 1);
        layout->addStretch(); // the room below the choices while the SSH form is hidden
        setTabOrder(m_nameEdit, m_localButton);
        setTabOrder(m_sshButton, m_form->firstField());

        registerField(QStringLiteral("name*"), m_nameEdit);
        connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { m_nameEdited = !m_nameEdit->text().isEmpty(); });
        connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
            updateNameProblem();
            Q_EMIT completeChanged();
        });
        connect(m_form, &SshConnectionForm::hostEdited, this, &ConnectionPage::suggestName);
        connect(m_form, &SshConnectionForm::changed, this, &QWizardPage::completeChanged);
        connect(access, &QButtonGroup::buttonToggled, this, [this] {
            updateMode();
            Q_EMIT completeChanged();
        });
    }

    void initializePage() override
    {
        m_takenNames.clear();
        if (Workspace *workspace = m_wizard->workspace()) {
            if (const auto targets = workspace->computeTargets()) {
                for (const ComputeTarget &target : *targets)
                    m_takenNames << target.name;
            }
        }
        updateMode();
        updateNameProblem();
        // Asking the keychain can take a moment: after the page is shown.
        QTimer::singleShot(0, m_form, &SshConnectionForm::updateKeychainNote);
    }

    // Going Back keeps what was typed.
    void cleanupPage() override { }

    bool isComplete() const override
    {
        if (!QWizardPage::isComplete() || !nameProblem().isEmpty())
            return false;
        return (m_wizard->isSlurm() && m_localButton->isChecked()) || m_form->isComplete();
    }

    QString targetName() const { return m_nameEdit->text().trimmed(); }
    bool overSsh() const { return !m_wizard->isSlurm() || m_sshButton->isChecked(); }
    const SshConnectionForm *form() const { return m_form; }

private:
    QString nameProblem() const
    {
        const QString name = targetName();
        if (const QString problem = ComputeTarget::validateName(name); !problem.isEmpty())
            return problem;
        if (m_takenNames.contains(name, Qt::CaseInsensitive))
            return tr("This workspace already has a compute target named “%1”.").arg(name);
        return {};
    }

    void updateNameProblem()
    {
        const QString problem = nameProblem();
        m_nameProblem->setText(problem);
        m_nameProblem->setVisible(!m_nameEdit->text().isEmpty() && !problem.isEmpty());
    }

    void updateMode()
    {
        const bool slurm = m_wizard->isSlurm();
        setSubTitle(slurm ? tr("The name of the compute target, and how Trainyard reaches Slurm.")
                          : tr("Where the machine is and how to sign in to it."));
        //: An example compute target name
        m_nameEdit->setPlaceholderText(slurm ? tr("gpu-partition") : tr("gpu-box"));
        m_accessBox->setVisible(slurm);
        m_form->setSlurmLoginNode(slurm);
        m_form->setVisible(overSsh());
        // The name field lines up with the connection fields below it.
        m_nameLabel->setMinimumWidth(overSsh() ? m_form->labelColumnWidth() : 0);
        // The wizard took its size from the pages as they first were: grow it when the SSH form
        // (and the Slurm choices above it) need more room than that, once the layout has caught up.
        QTimer::singleShot(0, this, [this] {
            if (QWizard *wizard = this->wizard(); wizard && wizard->isVisible())
                wizard->resize(wizard->size().expandedTo(wizard->sizeHint()));
        });
    }

    // Offers the host's first label as the name until the user types a name of their own.
    void suggestName(const QString &host)
    {
        if (m_nameEdited)
            return;
        const QString candidate = host.trimmed().section(QLatin1Char('.'), 0, 0);
        m_nameEdit->setText(ComputeTarget::validateName(candidate).isEmpty() ? candidate : QString());
    }

    AttachRemoteWizard *m_wizard;
    QLineEdit *m_nameEdit;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_nameProblem;
    QGroupBox *m_accessBox;
    QRadioButton *m_localButton;
    QRadioButton *m_sshButton;
    QLabel *m_localNote;
    SshConnectionForm *m_form;
    QStringList m_takenNames;
    bool m_nameEdited = false;
};

// Signs in under the host key decision (without remembering it yet) and probes the machine.
class ProbePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ProbePage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_busy(new BusyIndicator)
        , m_errorIcon(icon(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrapped())
        , m_facts(new QWidget)
        , m_problemIcon(icon(QStyle::SP_MessageBoxWarning, this))
        , m_problems(wrapped())
        , m_retryButton(new QPushButton(tr("Try &Again")))
    {
        setTitle(tr("Machine"));
        setSubTitle(tr("What Trainyard found on the machine. Runs need python3 and a runs folder they can write to."));

        m_busy->setObjectName(QStringLiteral("probeBusy"));
        m_status->setObjectName(QStringLiteral("probeStatus"));
        m_problems->setObjectName(QStringLiteral("probeProblems"));
        m_retryButton->setObjectName(QStringLiteral("retryProbeButton"));

        auto *form = new QFormLayout(m_facts);
        form->setContentsMargins(0, 0, 0, 0);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        const struct {
            const char *name;
            QString label;
        } rows[] = {
            {"osValue", tr("Operating system:")}, {"kernelValue", tr("Kernel:")},       {"cpuValue", tr("CPUs:")},
            {"memoryValue", tr("Memory:")},       {"pythonValue", tr("Python:")},       {"gpuValue", tr("GPUs:")},
            {"runsRootValue", tr("Runs folder:")}, {"writableValue", tr("Write access:")}, {"diskValue", tr("Free disk space:")},
        };
        for (const auto &row : rows) {
            QLabel *label = value();
            label->setObjectName(QString::fromLatin1(row.name));
            form->addRow(row.label, label);
            m_values.insert(QString::fromLatin1(row.name), label);
        }

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        auto *problemRow = new QHBoxLayout;
        problemRow->addWidget(m_problemIcon);
        problemRow->addWidget(m_problems, 1);
        auto *retryRow = new QHBoxLayout;
        retryRow->addWidget(m_retryButton);
        retryRow->addStretch();

        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        layout->addLayout(retryRow);
        layout->addWidget(m_facts);
        layout->addSpacing(8);
        layout->addLayout(problemRow);
        layout->addStretch();

        connect(m_retryButton, &QPushButton::clicked, this, &ProbePage::probe);
        showNothing();
    }

    void initializePage() override { probe(); }

    void cleanupPage() override
    {
        ++m_attempt;
        showNothing();
    }

    bool isComplete() const override { return m_probed; }

    RemoteFacts facts() const { return m_result; }

private:
    void probe()
    {
        const quint64 attempt = ++m_attempt;
        const RemoteMachineSettings settings = m_wizard->settings();
        const SshCredentials credentials = m_wizard->credentials();
        SshHostKeyPolicy policy = m_wizard->hostKeyPolicy();
        policy.remember = false; // remembered on Finish, not before
        const SshKnownHosts knownHosts = RemoteMachine::knownHosts();
        showNothing();
        m_busy->start(tr("Signing in to %1 and looking around…").arg(settings.endpoint.displayName()));
        QtConcurrent::run([settings, credentials, policy, knownHosts] {
            ProbeOutcome outcome;
            SshSession session(knownHosts);
            if (const auto connected = session.connect(settings.endpoint, credentials, policy); !connected) {
                outcome.error = connected.error();
                return outcome;
            }
            auto facts = RemoteMachine::probe(session, settings.runsRoot);
            outcome.ok = facts.ok();
            if (facts)
                outcome.facts = *facts;
            else
                outcome.error = facts.error();
            return outcome;
        }).then(this, [this, attempt](const ProbeOutcome &outcome) {
            if (attempt == m_attempt)
                showOutcome(outcome);
        });
    }

    void showOutcome(const ProbeOutcome &outcome)
    {
        m_busy->hide();
        if (!outcome.ok) {
            m_errorIcon->show();
            m_status->setText(SshHostKeyPage::explain(outcome.error));
            m_status->show();
            m_retryButton->setVisible(!SshHostKeyPage::isSignInProblem(outcome.error)); // the same password would fail again
            return;
        }
        const RemoteFacts &facts = outcome.facts;
        m_result = facts;
        m_probed = true;
        const auto set = [this](const char *name, const QString &text) { m_values.value(QString::fromLatin1(name))->setText(text); };
        const QString unknown = tr("unknown");
        set("osValue", facts.operatingSystem.isEmpty() ? unknown : facts.operatingSystem);
        set("kernelValue", facts.architecture.isEmpty() ? facts.kernel : tr("%1 (%2)").arg(facts.kernel, facts.architecture));
        set("cpuValue", facts.cpuCount > 0 ? QString::number(facts.cpuCount) : unknown);
        set("memoryValue", facts.memoryBytes > 0 ? formatBytes(facts.memoryBytes) : unknown);
        set("pythonValue", facts.python.isEmpty() ? tr("python3 not found") : facts.python);
        set("gpuValue", facts.gpus.isEmpty() ? tr("none found") : facts.gpus.join(QLatin1Char('\n')));
        set("runsRootValue", facts.runsRoot);
        set("writableValue", facts.runsRootWritable ? tr("yes") : tr("no"));
        set("diskValue", facts.freeDiskBytes >= 0 ? formatBytes(facts.freeDiskBytes) : unknown);
        m_facts->show();
        const QStringList problems = facts.problems();
        if (!problems.isEmpty()) {
            m_problems->setText(tr("You can attach the machine, but runs will fail there until this is fixed:") + QLatin1Char('\n')
                                + problems.join(QLatin1Char('\n')));
            m_problems->show();
            m_problemIcon->show();
        }
        Q_EMIT completeChanged();
    }

    void showNothing()
    {
        m_probed = false;
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
        m_retryButton->hide();
        m_facts->hide();
        m_problems->hide();
        m_problemIcon->hide();
        Q_EMIT completeChanged();
    }

    AttachRemoteWizard *m_wizard;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QWidget *m_facts;
    QHash<QString, QLabel *> m_values;
    QLabel *m_problemIcon;
    QLabel *m_problems;
    QPushButton *m_retryButton;
    RemoteFacts m_result;
    bool m_probed = false;
    quint64 m_attempt = 0;
};

// Asks Slurm (here or on the login node, under the host key decision, without remembering it
// yet) for its partitions and nodes; the user picks the partition to attach.
class PartitionPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { NameColumn, NodesColumn, CpusColumn, MemoryColumn, GpusColumn, StateColumn, ColumnCount };

    explicit PartitionPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_busy(new BusyIndicator)
        , m_errorIcon(icon(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrapped())
        , m_retryButton(new QPushButton(tr("Try &Again")))
        , m_view(new QTreeWidget)
        , m_clusterLabel(wrapped())
    {
        setTitle(tr("Partition"));
        setSubTitle(tr("The partitions Slurm reports. Runs on the new compute target are submitted to the one you pick."));
        m_busy->setObjectName(QStringLiteral("partitionBusy"));
        m_status->setObjectName(QStringLiteral("partitionStatus"));
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_retryButton->setObjectName(QStringLiteral("retryPartitionsButton"));
        m_view->setObjectName(QStringLiteral("partitionView"));
        m_clusterLabel->setObjectName(QStringLiteral("slurmClusterLabel"));

        m_view->setColumnCount(ColumnCount);
        m_view->setHeaderLabels({tr("Partition"), tr("Nodes"), tr("CPUs"), tr("Memory"), tr("GPUs"), tr("State")});
        m_view->setRootIsDecorated(false);
        m_view->setAllColumnsShowFocus(true);
        m_view->setAlternatingRowColors(true);
        m_view->header()->setStretchLastSection(true);

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        auto *retryRow = new QHBoxLayout;
        retryRow->addWidget(m_retryButton);
        retryRow->addStretch();
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        layout->addLayout(retryRow);
        layout->addWidget(m_view, 1);
        layout->addStretch(); // takes the room while the view is hidden
        layout->addWidget(m_clusterLabel);

        connect(m_view, &QTreeWidget::currentItemChanged, this, &QWizardPage::completeChanged);
        connect(m_retryButton, &QPushButton::clicked, this, &PartitionPage::probe);
        showNothing();
    }

    void initializePage() override { probe(); }

    void cleanupPage() override
    {
        ++m_attempt;
        showNothing();
    }

    bool isComplete() const override { return m_probed && m_view->currentItem() != nullptr; }

    QString partitionName() const
    {
        const QTreeWidgetItem *item = m_view->currentItem();
        return item ? item->data(NameColumn, Qt::UserRole).toString() : QString();
    }

    // The chosen partition as the summary shows it: "debug: 1 node, 2 CPUs".
    QString partitionDescription() const
    {
        const QTreeWidgetItem *item = m_view->currentItem();
        if (!item)
            return {};
        const int nodes = item->data(NodesColumn, Qt::UserRole).toInt();
        return tr("%1: %n node(s), %2 CPUs", nullptr, nodes).arg(partitionName(), item->text(CpusColumn));
    }

    QString clusterDescription() const { return m_clusterLabel->text(); }

private:
    void probe()
    {
        const quint64 attempt = ++m_attempt;
        SlurmAccess access = m_wizard->slurmRequest().access;
        access.hostKeyPolicy.remember = false; // remembered on Finish, not before
        showNothing();
        m_busy->start(access.local ? tr("Asking Slurm on this computer for its partitions…")
                                   : tr("Signing in to %1 and asking Slurm for its partitions…").arg(access.login.endpoint.displayName()));
        QtConcurrent::run([access] {
            SlurmProbeOutcome outcome;
            auto session = SlurmCluster::openAccess(access);
            if (!session) {
                outcome.error = session.errorMessage();
                return outcome;
            }
            auto probed = SlurmClient(*session->runner).probe();
            outcome.ok = probed.ok();
            if (probed)
                outcome.probe = std::move(probed).value();
            else
                outcome.error = probed.error().message;
            return outcome;
        }).then(this, [this, attempt](const SlurmProbeOutcome &outcome) {
            if (attempt == m_attempt)
                showOutcome(outcome);
        });
    }

    void showOutcome(const SlurmProbeOutcome &outcome)
    {
        m_busy->hide();
        if (!outcome.ok) {
            m_errorIcon->show();
            //: %1 is Slurm's or SSH's own message
            m_status->setText(tr("Slurm could not be asked: %1").arg(outcome.error) + QLatin1Char('\n')
                              + tr("Go Back to change how Trainyard reaches Slurm, or try again."));
            m_status->show();
            m_retryButton->show();
            return;
        }
        const SlurmProbe &probe = outcome.probe;
        const QString none = tr("none");
        QTreeWidgetItem *preferred = nullptr;
        for (const SlurmPartition &partition : probe.partitions) {
            qint64 memoryMegabytes = 0;
            int gpus = 0;
            for (const SlurmNode &node : probe.nodes) {
                if (node.partitions.contains(partition.name)) {
                    memoryMegabytes += node.memoryMegabytes;
                    gpus += node.gpus;
                }
            }
            auto *item = new QTreeWidgetItem(m_view);
            item->setText(NameColumn, partition.isDefault ? tr("%1 (default)").arg(partition.name) : partition.name);
            item->setData(NameColumn, Qt::UserRole, partition.name);
            item->setText(NodesColumn, QString::number(partition.totalNodes));
            item->setData(NodesColumn, Qt::UserRole, partition.totalNodes);
            item->setToolTip(NodesColumn, partition.nodes);
            item->setText(CpusColumn, QString::number(partition.totalCpus));
            item->setText(MemoryColumn, formatBytes(memoryMegabytes * 1024 * 1024));
            item->setText(GpusColumn, gpus > 0 ? QString::number(gpus) : none);
            item->setText(StateColumn, partition.state);
            for (int column : {NodesColumn, CpusColumn, MemoryColumn, GpusColumn})
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
            if (!preferred || partition.isDefault)
                preferred = item;
        }
        // Room around the numbers: contents-sized columns read as one run of text.
        const int padding = 3 * fontMetrics().averageCharWidth();
        for (int column = NameColumn; column < StateColumn; ++column) {
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column, m_view->columnWidth(column) + padding);
        }
        m_view->setCurrentItem(preferred);
        m_view->show();
        m_clusterLabel->setText(probe.config.clusterName.isEmpty()
                                    ? tr("Slurm %1").arg(probe.version)
                                    : tr("Slurm %1, cluster “%2”").arg(probe.version, probe.config.clusterName));
        m_clusterLabel->show();
        if (probe.partitions.isEmpty()) {
            m_errorIcon->show();
            m_status->setText(tr("Slurm reports no partition you can see."));
            m_status->show();
            m_retryButton->show();
        }
        m_probed = true;
        Q_EMIT completeChanged();
    }

    void showNothing()
    {
        m_probed = false;
        m_view->clear();
        m_view->hide();
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
        m_retryButton->hide();
        m_clusterLabel->hide();
        Q_EMIT completeChanged();
    }

    AttachRemoteWizard *m_wizard;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QPushButton *m_retryButton;
    QTreeWidget *m_view;
    QLabel *m_clusterLabel;
    bool m_probed = false;
    quint64 m_attempt = 0;
};

// What Finish will do; Finish attaches in a worker thread and closes the wizard when it worked.
class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(AttachRemoteWizard *wizard)
        : m_wizard(wizard)
        , m_form(new QFormLayout)
        , m_busy(new BusyIndicator)
        , m_errorIcon(icon(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrapped())
        , m_note(note())
    {
        setTitle(tr("Summary"));
        m_busy->setObjectName(QStringLiteral("attachBusy"));
        m_status->setObjectName(QStringLiteral("attachStatus"));
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_note->setObjectName(QStringLiteral("summaryNote"));
        m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(m_form);
        layout->addSpacing(8);
        layout->addWidget(m_note);
        layout->addStretch();
        layout->addWidget(m_busy);
        layout->addLayout(statusRow);
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
    }

    void initializePage() override
    {
        while (m_form->rowCount() > 0)
            m_form->removeRow(0);
        if (m_wizard->isSlurm())
            showSlurm();
        else
            showRemote();
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
    }

    void cleanupPage() override { ++m_attempt; }

    bool isComplete() const override { return !m_attaching; }

    bool validatePage() override
    {
        if (m_done)
            return true;
        if (!m_attaching)
            attach();
        return false;
    }

private:
    void addRow(const QString &label, const QString &text, const char *name)
    {
        QLabel *field = value();
        field->setObjectName(QString::fromLatin1(name));
        field->setText(text);
        m_form->addRow(label, field);
    }

    // The connection rows a remote machine and a login node share.
    void addSshRows(const RemoteMachineSettings &settings)
    {
        addRow(tr("Connection:"), settings.endpoint.displayName(), "summaryConnection");
        QString authentication = ComputeTarget::authenticationName(RemoteMachineSettings::methodKey(settings.method));
        if (settings.method == SshCredentials::Method::PrivateKey)
            authentication = tr("%1 (%2)").arg(authentication, QDir::toNativeSeparators(settings.privateKeyFile));
        addRow(tr("Authentication:"), authentication, "summaryAuthentication");
        addRow(tr("Host key:"), m_wizard->hostKeyDecision(), "summaryHostKey");
    }

    QString secretNote(const RemoteMachineSettings &settings) const
    {
        return settings.method == SshCredentials::Method::Agent ? tr("Nothing secret is stored: the SSH agent signs in.")
                                                                : m_wizard->m_connectionPage->form()->keychainNote();
    }

    void showRemote()
    {
        setSubTitle(tr("Finish signs in once more, checks the machine and adds it to the workspace."));
        const RemoteMachineSettings settings = m_wizard->settings();
        const RemoteFacts facts = m_wizard->probedFacts();
        addRow(tr("Name:"), m_wizard->targetName(), "summaryName");
        addSshRows(settings);
        addRow(tr("Runs folder:"), facts.runsRoot.isEmpty() ? settings.runsRoot : facts.runsRoot, "summaryRunsRoot");
        ComputeTarget described; // for the same "2 CPUs, 16 GB" as the Compute table
        facts.writeTo(described.properties);
        addRow(tr("Machine:"), QStringList{facts.operatingSystem, described.sizeFamily()}.join(QLatin1String(", ")),
               "summaryMachine");
        const QStringList problems = facts.problems();
        if (!problems.isEmpty())
            addRow(tr("Problems:"), problems.join(QLatin1Char('\n')), "summaryProblems");
        m_note->setText(secretNote(settings));
    }

    void showSlurm()
    {
        setSubTitle(tr("Finish asks Slurm once more for the partition and adds it to the workspace."));
        const SlurmClusterRequest request = m_wizard->slurmRequest();
        addRow(tr("Name:"), request.name, "summaryName");
        addRow(tr("Slurm access:"), slurmAccessName(request.access), "summaryAccess");
        if (!request.access.local) {
            addSshRows(request.access.login);
            addRow(tr("Runs folder:"), request.access.login.runsRoot, "summaryRunsRoot");
            if (!request.access.environment.isEmpty()) {
                QStringList lines;
                for (const auto &[name, text] : request.access.environment)
                    lines << name + QLatin1Char('=') + text;
                addRow(tr("Slurm environment:"), lines.join(QLatin1Char('\n')), "summaryEnvironment");
            }
        }
        addRow(tr("Partition:"), m_wizard->m_partitionPage->partitionDescription(), "summaryPartition");
        addRow(tr("Cluster:"), m_wizard->m_partitionPage->clusterDescription(), "summaryCluster");
        m_note->setText(request.access.local ? tr("Nothing secret is stored: the Slurm commands run here as you.")
                                             : secretNote(request.access.login));
    }

    void attach()
    {
        Workspace *workspace = m_wizard->workspace();
        if (!workspace)
            return;
        const quint64 attempt = ++m_attempt;
        const QString location = workspace->location();
        m_errorIcon->hide();
        m_status->hide();
        m_busy->start(tr("Attaching %1…").arg(m_wizard->targetName()));
        setAttaching(true);
        QFuture<AttachOutcome> future;
        if (m_wizard->isSlurm()) {
            future = QtConcurrent::run([location, request = m_wizard->slurmRequest()] {
                AttachOutcome outcome;
                auto opened = Workspace::open(location);
                if (!opened) {
                    outcome.error = plainError(opened.errorMessage());
                    return outcome;
                }
                CredentialStore store;
                auto attached = SlurmCluster::attach(**opened, request, store);
                outcome.ok = attached.ok();
                if (!attached) {
                    outcome.error = plainError(tr("Could not attach the partition: %1").arg(attached.errorMessage()));
                    return outcome;
                }
                outcome.outcome.target = *attached;
                // Only a login node's password or passphrase goes to the store.
                const bool secret = !request.access.local && request.access.login.method != SshCredentials::Method::Agent;
                outcome.outcome.secretsRemembered = !secret || store.persistent();
                outcome.outcome.keychainNote = secret ? store.unavailableReason() : QString();
                return outcome;
            });
        } else {
            RemoteAttachRequest request;
            request.name = m_wizard->targetName();
            request.settings = m_wizard->settings();
            request.credentials = m_wizard->credentials();
            request.hostKeyPolicy = m_wizard->hostKeyPolicy();
            future = QtConcurrent::run([location, request] {
                AttachOutcome outcome;
                auto opened = Workspace::open(location);
                if (!opened) {
                    outcome.error = plainError(opened.errorMessage());
                    return outcome;
                }
                CredentialStore store;
                auto attached = RemoteMachine::attach(**opened, request, store);
                outcome.ok = attached.ok();
                if (attached)
                    outcome.outcome = *attached;
                else
                    outcome.error = attached.error();
                return outcome;
            });
        }
        future.then(this, [this, attempt](const AttachOutcome &outcome) {
            if (attempt != m_attempt)
                return;
            setAttaching(false);
            m_busy->hide();
            if (!outcome.ok) {
                // Nothing was recorded: the user may go Back, change something and try again.
                m_errorIcon->show();
                m_status->setText(SshHostKeyPage::explain(outcome.error));
                m_status->show();
                return;
            }
            m_done = true;
            m_wizard->finishAttached(outcome.outcome);
        });
    }

    void setAttaching(bool attaching)
    {
        m_attaching = attaching;
        m_wizard->setAttaching(attaching);
        Q_EMIT completeChanged();
        if (attaching)
            m_wizard->button(QWizard::BackButton)->setEnabled(false);
    }

    AttachRemoteWizard *m_wizard;
    QFormLayout *m_form;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QLabel *m_note;
    bool m_attaching = false;
    bool m_done = false;
    quint64 m_attempt = 0;
};

} // namespace AttachRemote

AttachRemoteWizard::AttachRemoteWizard(Workspace *workspace, QWidget *parent)
    : QWizard(parent)
    , m_workspace(workspace)
    , m_kindPage(new AttachRemote::KindPage)
    , m_connectionPage(new AttachRemote::ConnectionPage(this))
    , m_hostKeyPage(new SshHostKeyPage(m_connectionPage->form()))
    , m_probePage(new AttachRemote::ProbePage(this))
    , m_partitionPage(new AttachRemote::PartitionPage(this))
    , m_summaryPage(new AttachRemote::SummaryPage(this))
{
    setWindowTitle(tr("Attach Compute"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(KindPageId, m_kindPage);
    setPage(ConnectionPageId, m_connectionPage);
    setPage(HostKeyPageId, m_hostKeyPage);
    setPage(ProbePageId, m_probePage);
    setPage(PartitionPageId, m_partitionPage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(KindPageId);
    setMinimumSize(620, 560);
}

AttachRemoteWizard::~AttachRemoteWizard() = default;

bool AttachRemoteWizard::isSlurm() const
{
    return m_kindPage->isSlurm();
}

bool AttachRemoteWizard::isSlurmOverSsh() const
{
    return isSlurm() && m_connectionPage->overSsh();
}

QString AttachRemoteWizard::targetName() const
{
    return m_connectionPage->targetName();
}

RemoteMachineSettings AttachRemoteWizard::settings() const
{
    return m_connectionPage->form()->settings();
}

SshCredentials AttachRemoteWizard::credentials() const
{
    return m_connectionPage->form()->credentials();
}

SshHostKeyPolicy AttachRemoteWizard::hostKeyPolicy() const
{
    return m_hostKeyPage->policy();
}

QString AttachRemoteWizard::hostKeyDecision() const
{
    return m_hostKeyPage->fingerprint() + QLatin1Char('\n') + m_hostKeyPage->decision();
}

RemoteFacts AttachRemoteWizard::probedFacts() const
{
    return m_probePage->facts();
}

SlurmClusterRequest AttachRemoteWizard::slurmRequest() const
{
    SlurmClusterRequest request;
    request.name = targetName();
    request.partition = m_partitionPage->partitionName();
    request.access.local = !m_connectionPage->overSsh();
    if (!request.access.local) {
        const SshConnectionForm *form = m_connectionPage->form();
        request.access.login = form->settings();
        request.access.credentials = form->credentials();
        request.access.hostKeyPolicy = m_hostKeyPage->policy();
        request.access.environment = form->slurmEnvironment();
    }
    return request;
}

int AttachRemoteWizard::nextId() const
{
    switch (currentId()) {
    case KindPageId:
        return ConnectionPageId;
    case ConnectionPageId:
        return isSlurm() && !isSlurmOverSsh() ? PartitionPageId : HostKeyPageId;
    case HostKeyPageId:
        return isSlurm() ? PartitionPageId : ProbePageId;
    case ProbePageId:
    case PartitionPageId:
        return SummaryPageId;
    default:
        return -1;
    }
}

void AttachRemoteWizard::done(int result)
{
    if (m_attaching && result == QDialog::Rejected)
        return;
    QWizard::done(result);
}

void AttachRemoteWizard::setAttaching(bool attaching)
{
    m_attaching = attaching;
    button(QWizard::CancelButton)->setEnabled(!attaching);
}

void AttachRemoteWizard::finishAttached(const RemoteAttachOutcome &outcome)
{
    m_outcome = outcome;
    Q_EMIT attached(outcome);
    accept();
}

} // namespace Trainyard

#include "attachremotewizard.moc"
