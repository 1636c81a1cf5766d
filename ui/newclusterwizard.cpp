#include "newclusterwizard.h"

#include "busyindicator.h"
#include "credentialstore.h"
#include "slurmclient.h"
#include "sshconnectionform.h"
#include "sshhostkeypage.h"
#include "wizardlabels.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QDir>
#include <QFormLayout>
#include <QFuture>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStyle>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWizardPage>
#include <QtConcurrent>

#include <algorithm>

namespace Trainyard {

using WizardLabels::note;
using WizardLabels::wrapped;

namespace {

QLabel *iconLabel(QStyle::StandardPixmap icon, QWidget *page)
{
    return WizardLabels::icon(icon, page, QStyle::PM_SmallIconSize);
}

QString formatMegabytes(qint64 megabytes)
{
    return QLocale().formattedDataSize(megabytes * 1024 * 1024, 1, QLocale::DataSizeTraditionalFormat);
}

// What the workers hand back; default-constructible, as QFuture wants.
struct ProbeOutcome
{
    bool ok = false;
    QString error;
    SlurmProbe probe;
};

struct CreateOutcome
{
    bool ok = false;
    QString error;
    ComputeTarget target;
};

} // namespace

namespace NewCluster {

class NamePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit NamePage(NewClusterWizard *wizard)
        : m_wizard(wizard)
        , m_nameEdit(new QLineEdit)
        , m_nameProblem(wrapped())
        , m_localButton(new QRadioButton(tr("&This computer submits jobs to Slurm")))
        , m_sshButton(new QRadioButton(tr("A &login node over SSH")))
    {
        setTitle(tr("Name and Access"));
        setSubTitle(tr("A compute cluster is a Slurm partition over nodes of one VM family. Name it and say how "
                       "Trainyard reaches Slurm."));
        m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
        m_nameEdit->setPlaceholderText(tr("e.g. gpu-cluster"));
        m_nameProblem->setObjectName(QStringLiteral("nameProblem"));
        QPalette palette = m_nameProblem->palette();
        palette.setColor(QPalette::WindowText, QColor(0xc5, 0x0f, 0x1f));
        m_nameProblem->setPalette(palette);
        m_nameProblem->hide();
        m_localButton->setObjectName(QStringLiteral("localAccessButton"));
        m_sshButton->setObjectName(QStringLiteral("sshAccessButton"));
        m_localButton->setChecked(true);

        auto *form = new QFormLayout;
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(tr("&Name:"), m_nameEdit);
        form->addRow(QString(), m_nameProblem);
        auto *nameNote = note(tr("3 to 24 letters, digits and hyphens, starting with a letter. The partition "
                                 "gets the same name."));
        form->addRow(QString(), nameNote);
        const int indent = style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth) + 8;
        QLabel *localNote = note(tr("This computer must have the Slurm commands (sinfo, scontrol, sbatch) and "
                                    "the cluster's configuration."));
        localNote->setContentsMargins(indent, 0, 0, 0);
        QLabel *sshNote = note(tr("Trainyard signs in to the cluster's login node and runs the Slurm commands there. "
                                  "The host key is checked before a password is sent or a key is used."));
        sshNote->setContentsMargins(indent, 0, 0, 0);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addSpacing(12);
        layout->addWidget(new QLabel(tr("Slurm access:")));
        layout->addWidget(m_localButton);
        layout->addWidget(localNote);
        layout->addWidget(m_sshButton);
        layout->addWidget(sshNote);
        layout->addStretch();

        registerField(QStringLiteral("name*"), m_nameEdit);
        connect(m_nameEdit, &QLineEdit::textChanged, this, [this] {
            const QString problem = nameProblem();
            m_nameProblem->setText(problem);
            m_nameProblem->setVisible(!problem.isEmpty() && !m_nameEdit->text().isEmpty());
            Q_EMIT completeChanged();
        });
    }

    QString targetName() const { return m_nameEdit->text().trimmed(); }
    bool overSsh() const { return m_sshButton->isChecked(); }

    bool isComplete() const override { return nameProblem().isEmpty(); }

private:
    QString nameProblem() const
    {
        const QString name = targetName();
        if (QString problem = ComputeTarget::validateName(name); !problem.isEmpty())
            return problem;
        if (Workspace *workspace = m_wizard->workspace()) {
            if (const auto targets = workspace->computeTargets()) {
                for (const ComputeTarget &target : *targets) {
                    if (target.name.compare(name, Qt::CaseInsensitive) == 0)
                        return tr("The workspace already has a compute target named “%1”.").arg(target.name);
                }
            }
        }
        return {};
    }

    NewClusterWizard *m_wizard;
    QLineEdit *m_nameEdit;
    QLabel *m_nameProblem;
    QRadioButton *m_localButton;
    QRadioButton *m_sshButton;
};

// The login node: where it is and how to sign in (the form the Attach Compute wizard uses too).
class LoginPage : public QWizardPage
{
    Q_OBJECT

public:
    LoginPage()
        : m_form(new SshConnectionForm)
    {
        setTitle(tr("Login Node"));
        setSubTitle(tr("Where the cluster's login node is and how to sign in to it. Runs are uploaded to the "
                       "runs folder there, which the compute nodes must share."));
        m_form->setObjectName(QStringLiteral("sshConnectionForm"));
        m_form->setSlurmLoginNode(true);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_form);
        connect(m_form, &SshConnectionForm::changed, this, &QWizardPage::completeChanged);
    }

    void initializePage() override
    {
        // Asking the keychain can take a moment: after the page is shown.
        QTimer::singleShot(0, m_form, &SshConnectionForm::updateKeychainNote);
    }

    // Going Back keeps what was typed.
    void cleanupPage() override { }

    bool isComplete() const override { return m_form->isComplete(); }

    const SshConnectionForm *form() const { return m_form; }

private:
    SshConnectionForm *m_form;
};

class FamilyPage : public QWizardPage
{
    Q_OBJECT

public:
    enum Column { FamilyColumn, CpusColumn, MemoryColumn, GpusColumn, FeaturesColumn, NodesColumn, ColumnCount };

    explicit FamilyPage(NewClusterWizard *wizard)
        : m_wizard(wizard)
        , m_busy(new BusyIndicator)
        , m_view(new QTreeWidget)
        , m_versionLabel(wrapped())
        , m_operatorIcon(iconLabel(QStyle::SP_MessageBoxWarning, this))
        , m_operatorLabel(wrapped())
        , m_errorLabel(wrapped())
        , m_retryButton(new QPushButton(tr("Probe Again")))
    {
        setTitle(tr("VM Family"));
        setSubTitle(tr("The node shapes the cluster offers. The new partition takes the nodes of the one you pick."));
        m_busy->setObjectName(QStringLiteral("probeBusy"));
        m_view->setObjectName(QStringLiteral("familyView"));
        m_versionLabel->setObjectName(QStringLiteral("slurmVersionLabel"));
        m_operatorLabel->setObjectName(QStringLiteral("operatorLabel"));
        m_errorLabel->setObjectName(QStringLiteral("probeError"));
        m_retryButton->setObjectName(QStringLiteral("probeAgainButton"));

        m_view->setColumnCount(ColumnCount);
        m_view->setHeaderLabels({tr("VM family"), tr("CPUs"), tr("Memory"), tr("GPUs"), tr("Features"),
                                 tr("Nodes available")});
        m_view->setRootIsDecorated(false);
        m_view->setAllColumnsShowFocus(true);
        m_view->setAlternatingRowColors(true);
        m_view->header()->setStretchLastSection(false);
        m_view->header()->setSectionResizeMode(FeaturesColumn, QHeaderView::Stretch);

        auto *operatorRow = new QHBoxLayout;
        operatorRow->addWidget(m_operatorIcon);
        operatorRow->addWidget(m_operatorLabel, 1);
        auto *errorRow = new QHBoxLayout;
        errorRow->addWidget(m_errorLabel, 1);
        errorRow->addWidget(m_retryButton, 0, Qt::AlignTop);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_busy);
        layout->addLayout(errorRow);
        layout->addWidget(m_view, 1);
        layout->addWidget(m_versionLabel);
        layout->addLayout(operatorRow);

        connect(m_view, &QTreeWidget::currentItemChanged, this, &FamilyPage::completeChanged);
        connect(m_retryButton, &QPushButton::clicked, this, &FamilyPage::probe);
    }

    void initializePage() override { probe(); }
    void cleanupPage() override { ++m_attempt; }

    bool isComplete() const override { return !m_probing && m_view->currentItem() != nullptr; }

    SlurmNodeShape shape() const
    {
        const QTreeWidgetItem *item = m_view->currentItem();
        const int index = item ? item->data(FamilyColumn, Qt::UserRole).toInt() : -1;
        return index >= 0 && index < m_shapes.size() ? m_shapes.at(index) : SlurmNodeShape{};
    }

private:
    void probe()
    {
        const quint64 attempt = ++m_attempt;
        m_probing = true;
        m_view->clear();
        m_shapes.clear();
        m_errorLabel->hide();
        m_retryButton->hide();
        m_versionLabel->clear();
        m_operatorIcon->hide();
        m_operatorLabel->hide();
        SlurmAccess access = m_wizard->request().access;
        access.hostKeyPolicy.remember = false; // remembered on Finish, not before
        m_busy->start(access.local ? tr("Asking Slurm for its nodes…")
                                   : tr("Signing in to %1 and asking Slurm for its nodes…").arg(access.login.endpoint.displayName()));
        Q_EMIT completeChanged();
        QtConcurrent::run([access] {
            ProbeOutcome outcome;
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
        }).then(this, [this, attempt](const ProbeOutcome &outcome) {
            if (attempt != m_attempt)
                return;
            m_probing = false;
            m_busy->hide();
            if (!outcome.ok) {
                //: %1 is Slurm's or SSH's own message
                m_errorLabel->setText(tr("Slurm could not be asked: %1").arg(outcome.error) + QLatin1Char('\n')
                                      + tr("Go Back to change how Trainyard reaches Slurm, or probe again."));
                m_errorLabel->show();
                m_retryButton->show();
                Q_EMIT completeChanged();
                return;
            }
            showProbe(outcome.probe);
        });
    }

    void showProbe(const SlurmProbe &probe)
    {
        m_shapes = probe.shapes();
        const QString none = tr("none");
        for (int i = 0; i < m_shapes.size(); ++i) {
            const SlurmNodeShape &shape = m_shapes.at(i);
            auto *item = new QTreeWidgetItem(m_view);
            item->setText(FamilyColumn, shape.key());
            item->setData(FamilyColumn, Qt::UserRole, i);
            item->setText(CpusColumn, QString::number(shape.cpus));
            item->setText(MemoryColumn, formatMegabytes(shape.memoryMegabytes));
            item->setText(GpusColumn, shape.gpus > 0 ? tr("%1 (%2)").arg(shape.gpus).arg(shape.gres) : none);
            item->setText(FeaturesColumn, shape.features.isEmpty() ? none : shape.features.join(QLatin1String(", ")));
            item->setText(NodesColumn, QString::number(shape.nodes.size()));
            item->setToolTip(NodesColumn, shape.nodes.join(QLatin1String(", ")));
            for (int column : {CpusColumn, MemoryColumn, GpusColumn, NodesColumn})
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
        // Room around the numbers: contents-sized columns read as one run of text.
        const int padding = 3 * fontMetrics().averageCharWidth();
        for (int column : {FamilyColumn, CpusColumn, MemoryColumn, GpusColumn, NodesColumn}) {
            m_view->resizeColumnToContents(column);
            m_view->setColumnWidth(column, m_view->columnWidth(column) + padding);
        }
        if (m_view->topLevelItemCount() > 0)
            m_view->setCurrentItem(m_view->topLevelItem(0));
        if (m_shapes.isEmpty()) {
            m_errorLabel->setText(tr("Slurm reports no nodes in any partition you can see."));
            m_errorLabel->show();
            m_retryButton->show();
        }
        m_versionLabel->setText(probe.config.clusterName.isEmpty()
                                    ? tr("Slurm %1").arg(probe.version)
                                    : tr("Slurm %1, cluster “%2”").arg(probe.version, probe.config.clusterName));
        if (probe.isOperator) {
            m_operatorLabel->setText(tr("You (%1) may create partitions: %2.").arg(probe.userName, probe.operatorBasis));
        } else {
            m_operatorIcon->show();
            m_operatorLabel->setText(tr("You (%1) are not a Slurm operator: creating a partition needs operator rights "
                                        "(root, the SlurmUser or AdminLevel=Administrator), and Slurm will probably "
                                        "refuse it. Attach an existing partition instead (Attach… on the Compute page).")
                                         .arg(probe.userName));
        }
        m_operatorLabel->show();
        Q_EMIT completeChanged();
    }

    NewClusterWizard *m_wizard;
    BusyIndicator *m_busy;
    QTreeWidget *m_view;
    QLabel *m_versionLabel;
    QLabel *m_operatorIcon;
    QLabel *m_operatorLabel;
    QLabel *m_errorLabel;
    QPushButton *m_retryButton;
    QList<SlurmNodeShape> m_shapes;
    bool m_probing = false;
    quint64 m_attempt = 0;
};

class ScalePage : public QWizardPage
{
    Q_OBJECT

public:
    explicit ScalePage(NewClusterWizard *wizard)
        : m_wizard(wizard)
        , m_maxSpin(new QSpinBox)
        , m_minSpin(new QSpinBox)
        , m_idleSpin(new QSpinBox)
        , m_dedicatedButton(new QRadioButton(tr("Dedicated")))
        , m_lowPriorityButton(new QRadioButton(tr("Low priority")))
        , m_maxNote(note())
    {
        setTitle(tr("Scale"));
        setSubTitle(tr("How many nodes of the VM family the cluster may use, and when they scale down."));
        m_maxSpin->setObjectName(QStringLiteral("maxNodesSpin"));
        m_minSpin->setObjectName(QStringLiteral("minNodesSpin"));
        m_idleSpin->setObjectName(QStringLiteral("idleSecondsSpin"));
        m_dedicatedButton->setObjectName(QStringLiteral("dedicatedButton"));
        m_lowPriorityButton->setObjectName(QStringLiteral("lowPriorityButton"));
        m_maxSpin->setRange(1, 1);
        m_minSpin->setRange(0, 1);
        m_idleSpin->setRange(0, 7 * 24 * 3600);
        m_idleSpin->setValue(1800);
        m_idleSpin->setSuffix(tr(" s"));
        m_idleSpin->setSingleStep(60);
        m_dedicatedButton->setChecked(true);
        const int spinWidth = 12 * fontMetrics().averageCharWidth() + 40;
        for (QSpinBox *spin : {m_maxSpin, m_minSpin, m_idleSpin})
            spin->setMaximumWidth(spinWidth);

        auto *priorityLayout = new QVBoxLayout;
        priorityLayout->addWidget(m_dedicatedButton);
        priorityLayout->addWidget(m_lowPriorityButton);
        priorityLayout->addWidget(note(tr("Low-priority nodes may be preempted: a preempted job restarts, it "
                                               "does not resume.")));
        auto *form = new QFormLayout(this);
        form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        form->addRow(tr("Ma&ximum nodes:"), m_maxSpin);
        form->addRow(QString(), m_maxNote);
        form->addRow(tr("Mi&nimum nodes:"), m_minSpin);
        form->addRow(QString(), note(tr("0 lets the cluster scale to zero when it is idle.")));
        form->addRow(tr("&Idle seconds before scale-down:"), m_idleSpin);
        form->addRow(QString(), note(tr("Applies where the cluster uses Slurm's power saving.")));
        form->addRow(tr("VM priority:"), priorityLayout);

        connect(m_maxSpin, &QSpinBox::valueChanged, this, [this](int value) { m_minSpin->setMaximum(value); });
    }

    void initializePage() override
    {
        const qsizetype available = std::max<qsizetype>(1, m_wizard->shape().nodes.size());
        m_maxSpin->setRange(1, int(available));
        m_minSpin->setMaximum(m_maxSpin->value());
        m_maxNote->setText(tr("The VM family has %n node(s).", nullptr, int(available)));
    }

    int maxNodes() const { return m_maxSpin->value(); }
    int minNodes() const { return m_minSpin->value(); }
    int idleSeconds() const { return m_idleSpin->value(); }
    bool lowPriority() const { return m_lowPriorityButton->isChecked(); }

private:
    NewClusterWizard *m_wizard;
    QSpinBox *m_maxSpin;
    QSpinBox *m_minSpin;
    QSpinBox *m_idleSpin;
    QRadioButton *m_dedicatedButton;
    QRadioButton *m_lowPriorityButton;
    QLabel *m_maxNote;
};

class SummaryPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SummaryPage(NewClusterWizard *wizard)
        : m_wizard(wizard)
        , m_form(new QFormLayout)
        , m_busy(new BusyIndicator)
        , m_errorIcon(iconLabel(QStyle::SP_MessageBoxCritical, this))
        , m_status(wrapped())
        , m_note(note())
    {
        setTitle(tr("Summary"));
        setSubTitle(tr("Finish creates the partition in Slurm and adds the cluster to the workspace."));
        m_busy->setObjectName(QStringLiteral("createBusy"));
        m_status->setObjectName(QStringLiteral("createStatus"));
        m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
        auto *statusRow = new QHBoxLayout;
        statusRow->addWidget(m_errorIcon);
        statusRow->addWidget(m_status, 1);
        m_note->setObjectName(QStringLiteral("summaryNote"));
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
        const SlurmClusterRequest request = m_wizard->request();
        const SlurmNodeShape shape = m_wizard->shape();
        const auto addRow = [this](const QString &label, const QString &text, const char *name) {
            QLabel *value = wrapped(text);
            value->setObjectName(QString::fromLatin1(name));
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            m_form->addRow(label, value);
        };
        addRow(tr("Name:"), request.name, "summaryName");
        if (request.access.local) {
            addRow(tr("Slurm access:"), tr("This computer"), "summaryAccess");
        } else {
            const RemoteMachineSettings &login = request.access.login;
            addRow(tr("Slurm access:"), tr("Login node %1").arg(login.endpoint.displayName()), "summaryAccess");
            QString authentication = ComputeTarget::authenticationName(RemoteMachineSettings::methodKey(login.method));
            if (login.method == SshCredentials::Method::PrivateKey)
                authentication = tr("%1 (%2)").arg(authentication, QDir::toNativeSeparators(login.privateKeyFile));
            addRow(tr("Authentication:"), authentication, "summaryAuthentication");
            addRow(tr("Host key:"), m_wizard->hostKeyDecision(), "summaryHostKey");
            addRow(tr("Runs folder:"), login.runsRoot, "summaryRunsRoot");
            if (!request.access.environment.isEmpty()) {
                QStringList lines;
                for (const auto &[name, text] : request.access.environment)
                    lines << name + QLatin1Char('=') + text;
                addRow(tr("Slurm environment:"), lines.join(QLatin1Char('\n')), "summaryEnvironment");
            }
        }
        addRow(tr("VM family:"), tr("%1\n%n node(s): %2", nullptr, int(shape.nodes.size()))
                                     .arg(request.vmSize, shape.nodes.join(QLatin1String(", "))),
               "summaryFamily");
        addRow(tr("Nodes:"), tr("%1 to %2").arg(request.minNodes).arg(request.maxNodes), "summaryNodes");
        addRow(tr("Idle seconds before scale-down:"), QString::number(request.idleSecondsBeforeScaledown), "summaryIdle");
        addRow(tr("VM priority:"), request.vmPriority == QLatin1String("lowpriority") ? tr("Low priority") : tr("Dedicated"),
               "summaryPriority");
        if (!request.access.local) {
            m_note->setText(request.access.login.method == SshCredentials::Method::Agent
                                ? tr("Nothing secret is stored: the SSH agent signs in.")
                                : m_wizard->keychainNote());
        }
        m_note->setVisible(!request.access.local);
        m_busy->hide();
        m_errorIcon->hide();
        m_status->hide();
    }

    void cleanupPage() override { ++m_attempt; }

    bool isComplete() const override { return !m_creating; }

    bool validatePage() override
    {
        if (m_done)
            return true;
        if (!m_creating)
            create();
        return false;
    }

private:
    void create()
    {
        Workspace *workspace = m_wizard->workspace();
        if (!workspace)
            return;
        const quint64 attempt = ++m_attempt;
        const SlurmClusterRequest request = m_wizard->request();
        const QString location = workspace->location();
        m_errorIcon->hide();
        m_status->hide();
        m_busy->start(tr("Creating %1…").arg(request.name));
        setCreating(true);
        QtConcurrent::run([location, request] {
            CreateOutcome outcome;
            auto opened = Workspace::open(location);
            if (!opened) {
                outcome.error = opened.errorMessage();
                return outcome;
            }
            CredentialStore store;
            auto created = SlurmCluster::create(**opened, request, store);
            outcome.ok = created.ok();
            if (created)
                outcome.target = *created;
            else
                outcome.error = created.errorMessage();
            return outcome;
        }).then(this, [this, attempt](const CreateOutcome &outcome) {
            if (attempt != m_attempt)
                return;
            setCreating(false);
            m_busy->hide();
            if (!outcome.ok) {
                // Nothing was recorded: the user may go Back, change something and try again.
                m_errorIcon->show();
                m_status->setText(tr("Could not create the cluster: %1").arg(outcome.error));
                m_status->show();
                return;
            }
            m_done = true;
            Q_EMIT m_wizard->created(outcome.target);
            if (outcome.target.state == ComputeTarget::ProvisioningState::Succeeded) {
                m_wizard->accept();
                return;
            }
            m_errorIcon->show();
            m_status->setText(tr("Slurm refused the partition: %1\n\nThe compute target %2 is recorded as Failed; "
                                 "delete it from the Compute page when you no longer need it.")
                                  .arg(outcome.target.errorText, outcome.target.name));
            m_status->show();
            m_wizard->setButtonText(QWizard::FinishButton, tr("Close"));
            m_wizard->button(QWizard::BackButton)->setEnabled(false);
            m_wizard->button(QWizard::CancelButton)->hide();
        });
    }

    void setCreating(bool creating)
    {
        m_creating = creating;
        m_wizard->setCreating(creating);
        Q_EMIT completeChanged();
        if (creating)
            m_wizard->button(QWizard::BackButton)->setEnabled(false);
    }

    NewClusterWizard *m_wizard;
    QFormLayout *m_form;
    BusyIndicator *m_busy;
    QLabel *m_errorIcon;
    QLabel *m_status;
    QLabel *m_note;
    bool m_creating = false;
    bool m_done = false;
    quint64 m_attempt = 0;
};

} // namespace NewCluster

NewClusterWizard::NewClusterWizard(Workspace *workspace, QWidget *parent)
    : QWizard(parent)
    , m_workspace(workspace)
    , m_namePage(new NewCluster::NamePage(this))
    , m_loginPage(new NewCluster::LoginPage)
    , m_hostKeyPage(new SshHostKeyPage(m_loginPage->form()))
    , m_familyPage(new NewCluster::FamilyPage(this))
    , m_scalePage(new NewCluster::ScalePage(this))
    , m_summaryPage(new NewCluster::SummaryPage(this))
{
    setWindowTitle(tr("New Compute Cluster"));
    setOption(QWizard::NoBackButtonOnStartPage);
    setPage(NamePageId, m_namePage);
    setPage(LoginPageId, m_loginPage);
    setPage(HostKeyPageId, m_hostKeyPage);
    setPage(FamilyPageId, m_familyPage);
    setPage(ScalePageId, m_scalePage);
    setPage(SummaryPageId, m_summaryPage);
    setStartId(NamePageId);
    setMinimumSize(680, 580);
}

NewClusterWizard::~NewClusterWizard() = default;

SlurmClusterRequest NewClusterWizard::request() const
{
    SlurmClusterRequest request;
    request.name = m_namePage->targetName();
    request.vmSize = m_familyPage->shape().key();
    request.maxNodes = m_scalePage->maxNodes();
    request.minNodes = m_scalePage->minNodes();
    request.idleSecondsBeforeScaledown = m_scalePage->idleSeconds();
    request.vmPriority = m_scalePage->lowPriority() ? QStringLiteral("lowpriority") : QStringLiteral("dedicated");
    request.access.local = !m_namePage->overSsh();
    if (!request.access.local) {
        const SshConnectionForm *form = m_loginPage->form();
        request.access.login = form->settings();
        request.access.credentials = form->credentials();
        request.access.hostKeyPolicy = m_hostKeyPage->policy();
        request.access.environment = form->slurmEnvironment();
    }
    return request;
}

bool NewClusterWizard::isOverSsh() const
{
    return m_namePage->overSsh();
}

QString NewClusterWizard::hostKeyDecision() const
{
    return m_hostKeyPage->fingerprint() + QLatin1Char('\n') + m_hostKeyPage->decision();
}

QString NewClusterWizard::keychainNote() const
{
    return m_loginPage->form()->keychainNote();
}

int NewClusterWizard::nextId() const
{
    switch (currentId()) {
    case NamePageId:
        return isOverSsh() ? LoginPageId : FamilyPageId;
    case LoginPageId:
        return HostKeyPageId;
    case HostKeyPageId:
        return FamilyPageId;
    case FamilyPageId:
        return ScalePageId;
    case ScalePageId:
        return SummaryPageId;
    default:
        return -1;
    }
}

SlurmNodeShape NewClusterWizard::shape() const
{
    return m_familyPage->shape();
}

void NewClusterWizard::done(int result)
{
    if (m_creating && result == QDialog::Rejected)
        return;
    QWizard::done(result);
}

void NewClusterWizard::setCreating(bool creating)
{
    m_creating = creating;
    button(QWizard::CancelButton)->setEnabled(!creating);
}

} // namespace Trainyard

#include "newclusterwizard.moc"
