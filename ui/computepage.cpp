#include "computepage.h"
#include "ui_computepage.h"

#include "attachremotewizard.h"
#include "computetargetmodel.h"
#include "credentialstore.h"
#include "modelroles.h"
#include "newclusterwizard.h"
#include "propertylistmodel.h"
#include "remotemachine.h"
#include "slurmcluster.h"
#include "workspace.h"

#include <QAbstractButton>
#include <QAction>
#include <QFuture>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableWidget>
#include <QTimer>
#include <QToolBar>
#include <QtConcurrent>

#include <algorithm>

namespace Trainyard {

namespace {

constexpr int ClusterRefreshMilliseconds = 10000;

enum NodeColumn { NodeNameColumn, NodeAddressColumn, NodeStateColumn, NodeCpusColumn, NodeMemoryColumn, NodeGpusColumn,
                  NodeColumnCount };

// The node states of REFERENCE.md §5, in the order the details show them.
const char *const nodeStateKeys[] = {"idle", "running", "preparing", "unusable", "leaving", "preempted"};

QString nodeStateName(const QString &key)
{
    if (key == QLatin1String("idle"))
        //: State of a cluster node
        return ComputePage::tr("idle");
    if (key == QLatin1String("running"))
        return ComputePage::tr("running");
    if (key == QLatin1String("preparing"))
        return ComputePage::tr("preparing");
    if (key == QLatin1String("unusable"))
        return ComputePage::tr("unusable");
    if (key == QLatin1String("leaving"))
        return ComputePage::tr("leaving");
    if (key == QLatin1String("preempted"))
        return ComputePage::tr("preempted");
    return key;
}

QString allocationStateName(const QString &key)
{
    if (key == QLatin1String("steady"))
        //: Allocation state of a compute cluster
        return ComputePage::tr("steady");
    if (key == QLatin1String("resizing"))
        return ComputePage::tr("resizing");
    return key;
}

bool isCluster(const ComputeTarget &target)
{
    return target.type == ComputeTarget::Type::Slurm;
}

} // namespace

ComputePage::ComputePage(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ComputePage>())
    , m_model(new ComputeTargetModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_properties(new PropertyListModel(this))
    , m_nodeView(new QTableWidget)
    , m_clusterTimer(new QTimer(this))
{
    ui->setupUi(this);

    QFont titleFont = ui->titleLabel->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    ui->titleLabel->setFont(titleFont);
    ui->descriptionLabel->setForegroundRole(QPalette::PlaceholderText);
    QFont detailFont = ui->detailTitle->font();
    detailFont.setBold(true);
    ui->detailTitle->setFont(detailFont);

    ui->toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    ui->toolBar->setIconSize(QSize(16, 16));
    m_newClusterAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/new-cluster.svg")), tr("New cluster…"));
    m_attachAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/attach.svg")), tr("Attach…"));
    m_testAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/test-connection.svg")), tr("Test connection"));
    m_refreshAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("Refresh"));
    m_scaleAction = ui->toolBar->addAction(tr("Scale…"));
    m_removeAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Delete"));
    m_newClusterAction->setObjectName(QStringLiteral("newClusterAction"));
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_testAction->setObjectName(QStringLiteral("testConnectionAction"));
    m_removeAction->setObjectName(QStringLiteral("removeTargetAction"));
    m_scaleAction->setObjectName(QStringLiteral("scaleAction"));
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_newClusterAction->setToolTip(tr("Create a Slurm partition over nodes of one VM family"));
    m_attachAction->setToolTip(tr("Attach a machine you reach over SSH"));
    addAction(m_removeAction);
    ui->resultLabel->hide();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_proxy->setFilterRole(FilterRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    ui->targetView->setModel(m_proxy);
    ui->targetView->sortByColumn(-1, Qt::AscendingOrder);
    ui->targetView->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    ui->targetView->horizontalHeader()->setHighlightSections(false);
    ui->targetView->setEditTriggers(QAbstractItemView::NoEditTriggers);

    ui->propertyView->setModel(m_properties);
    ui->propertyView->horizontalHeader()->setSectionResizeMode(PropertyListModel::LabelColumn, QHeaderView::ResizeToContents);
    ui->propertyView->horizontalHeader()->hide();
    ui->propertyView->setWordWrap(true);
    ui->propertyView->setShowGrid(false);
    const int rowHeight = fontMetrics().height() + 8;
    ui->propertyView->verticalHeader()->setDefaultSectionSize(rowHeight);
    ui->targetView->verticalHeader()->setDefaultSectionSize(rowHeight);
    m_nodeView->setObjectName(QStringLiteral("nodeView"));
    m_nodeView->setColumnCount(NodeColumnCount);
    m_nodeView->setHorizontalHeaderLabels({tr("Name"), tr("Address"), tr("State"), tr("CPUs"), tr("Memory"), tr("GPUs")});
    m_nodeView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_nodeView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_nodeView->setAlternatingRowColors(true);
    m_nodeView->setShowGrid(false);
    m_nodeView->setWordWrap(false);
    m_nodeView->verticalHeader()->hide();
    m_nodeView->verticalHeader()->setDefaultSectionSize(rowHeight);
    // Numbers stay next to their names; a stretched last column would push the GPUs to the far edge.
    m_nodeView->horizontalHeader()->setStretchLastSection(false);
    m_nodeView->horizontalHeader()->setHighlightSections(false);
    ui->detailTabs->addTab(m_nodeView, tr("Nodes"));
    m_clusterTimer->setInterval(ClusterRefreshMilliseconds);
    connect(m_clusterTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            refreshCluster(selectedTargetName());
    });
    ui->splitter->setStretchFactor(0, 3);
    ui->splitter->setStretchFactor(1, 2);

    connect(ui->filterEdit, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(ui->targetView->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateDetails();
        updateActions();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ComputePage::updateDetails);
    // New targets and states ("Unreachable") get room; widths the user chose are kept when wider.
    connect(m_model, &QAbstractItemModel::rowsInserted, this, &ComputePage::widenColumns);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &ComputePage::widenColumns);
    connect(m_refreshAction, &QAction::triggered, this, &ComputePage::refreshAll);
    connect(m_newClusterAction, &QAction::triggered, this, &ComputePage::openNewClusterWizard);
    connect(m_scaleAction, &QAction::triggered, this, &ComputePage::scaleSelected);
    connect(m_removeAction, &QAction::triggered, this, &ComputePage::removeSelected);
    connect(m_attachAction, &QAction::triggered, this, &ComputePage::openAttachWizard);
    connect(m_testAction, &QAction::triggered, this, &ComputePage::testSelected);
    updateActions();
}

ComputePage::~ComputePage() = default;

void ComputePage::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    // Work still running for the previous workspace ends unseen.
    m_busyTargets.clear();
    m_refreshingTargets.clear();
    ui->resultLabel->hide();
    reload();
    if (!ui->targetView->currentIndex().isValid() && m_proxy->rowCount() > 0)
        ui->targetView->setCurrentIndex(m_proxy->index(0, 0));
    ui->targetView->resizeColumnsToContents();
}

void ComputePage::widenColumns()
{
    // The last column stretches to the view's edge by itself.
    for (int column = 0; column < ComputeTargetModel::ColumnCount - 1; ++column) {
        const int chosen = ui->targetView->columnWidth(column);
        ui->targetView->resizeColumnToContents(column);
        if (ui->targetView->columnWidth(column) < chosen)
            ui->targetView->setColumnWidth(column, chosen);
    }
}

void ComputePage::reload()
{
    if (!m_workspace)
        return;
    const auto targets = m_workspace->computeTargets();
    if (!targets) {
        Q_EMIT statusMessage(targets.errorMessage());
        return;
    }
    m_model->setTargets(*targets);
    updateDetails();
    updateActions();
}

QString ComputePage::selectedTargetName() const
{
    return ui->targetView->currentIndex().data(NameRole).toString();
}

void ComputePage::selectTarget(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid())
        ui->targetView->setCurrentIndex(index);
}

void ComputePage::focusFilter()
{
    ui->filterEdit->setFocus(Qt::ShortcutFocusReason);
    ui->filterEdit->selectAll();
}

QByteArray ComputePage::saveState() const
{
    return ui->splitter->saveState();
}

void ComputePage::restoreState(const QByteArray &state)
{
    ui->splitter->restoreState(state);
}

void ComputePage::updateDetails()
{
    const int row = m_model->rowOf(selectedTargetName());
    if (row < 0) {
        ui->detailTitle->setText(tr("Select a compute target to see its details."));
        m_properties->setRows({});
        updateNodes(nullptr);
        return;
    }
    const ComputeTarget &target = m_model->targets().at(row);
    ui->detailTitle->setText(tr("%1 — %2").arg(target.name, ComputeTarget::typeDisplayName(target.type)));
    QList<std::pair<QString, QString>> rows = target.describe();
    if (isCluster(target)) {
        // The node facts read as counts per state here and as a table on the Nodes tab.
        static const QStringList raw{QStringLiteral("nodeStates"), QStringLiteral("nodeList"), QStringLiteral("nodesTotal"),
                                     QStringLiteral("nodesIdle"), QStringLiteral("nodesBusy"),
                                     QStringLiteral("allocationState")};
        rows.removeIf([](const std::pair<QString, QString> &row) { return raw.contains(row.first); });
        // Right below the provisioning state (and its error), where they are seen without scrolling.
        qsizetype at = 0;
        for (qsizetype i = 0; i < rows.size(); ++i) {
            if (rows.at(i).first == ComputeTarget::tr("Provisioning state") || rows.at(i).first == ComputeTarget::tr("Error"))
                at = i + 1;
            else if (at > 0)
                break;
        }
        for (auto &row : rows) {
            if (row.first == ComputeTarget::tr("VM priority"))
                row.second = target.properties.value(QLatin1String("vmPriority")).toString() == QLatin1String("lowpriority")
                    ? tr("Low priority") : tr("Dedicated");
        }
        QList<std::pair<QString, QString>> counts;
        counts.append({tr("Allocation state"),
                       allocationStateName(target.properties.value(QLatin1String("allocationState")).toString())});
        const QJsonObject states = target.properties.value(QLatin1String("nodeStates")).toObject();
        for (const char *key : nodeStateKeys) {
            const QString state = QLatin1String(key);
            //: A row of a cluster's details: the number of nodes in a state
            counts.append({tr("Nodes %1").arg(nodeStateName(state)), QString::number(states.value(state).toInt())});
        }
        for (qsizetype i = 0; i < counts.size(); ++i)
            rows.insert(at + i, counts.at(i));
    }
    m_properties->setRows(rows);
    updateNodes(&target);
}

void ComputePage::updateNodes(const ComputeTarget *target)
{
    const bool cluster = target && isCluster(*target);
    ui->detailTabs->setTabVisible(ui->detailTabs->indexOf(m_nodeView), cluster);
    const QJsonArray nodes = cluster ? target->properties.value(QLatin1String("nodeList")).toArray() : QJsonArray();
    m_nodeView->setRowCount(int(nodes.size()));
    const QLocale locale;
    for (int row = 0; row < nodes.size(); ++row) {
        const QJsonObject node = nodes.at(row).toObject();
        const auto setCell = [this, row](int column, const QString &text, bool number = false) {
            QTableWidgetItem *item = m_nodeView->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_nodeView->setItem(row, column, item);
            }
            item->setText(text);
            if (number)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        };
        setCell(NodeNameColumn, node.value(QLatin1String("name")).toString());
        setCell(NodeAddressColumn, node.value(QLatin1String("address")).toString());
        setCell(NodeStateColumn, nodeStateName(node.value(QLatin1String("state")).toString()));
        m_nodeView->item(row, NodeStateColumn)->setToolTip(tr("Slurm: %1").arg(node.value(QLatin1String("slurmState")).toString()));
        setCell(NodeCpusColumn, QString::number(node.value(QLatin1String("cpus")).toInt()), true);
        setCell(NodeMemoryColumn,
                locale.formattedDataSize(node.value(QLatin1String("memoryBytes")).toInteger(), 1, QLocale::DataSizeTraditionalFormat),
                true);
        setCell(NodeGpusColumn, QString::number(node.value(QLatin1String("gpus")).toInt()), true);
    }
    m_nodeView->resizeColumnsToContents();
    const int padding = 3 * fontMetrics().averageCharWidth();
    for (int column = 0; column < NodeColumnCount; ++column)
        m_nodeView->setColumnWidth(column, m_nodeView->columnWidth(column) + padding);
}

void ComputePage::updateActions()
{
    const QString name = selectedTargetName();
    const int row = m_model->rowOf(name);
    const bool busy = m_busyTargets.contains(name);
    const bool removable = row >= 0 && !m_model->targets().at(row).isBuiltIn();
    const bool remote = row >= 0 && m_model->targets().at(row).type == ComputeTarget::Type::Remote;
    const bool cluster = row >= 0 && isCluster(m_model->targets().at(row));
    m_newClusterAction->setEnabled(m_workspace != nullptr);
    m_attachAction->setEnabled(m_workspace != nullptr);
    m_scaleAction->setEnabled(cluster && !busy);
    m_scaleAction->setToolTip(cluster ? tr("Change the maximum number of nodes of %1").arg(name)
                                      : tr("Scaling is for compute clusters."));
    if (cluster && m_workspace) {
        if (!m_clusterTimer->isActive())
            m_clusterTimer->start();
    } else {
        m_clusterTimer->stop();
    }
    m_testAction->setEnabled(remote && !busy);
    m_testAction->setToolTip(remote ? tr("Connect to %1 and check it again").arg(name)
                                    : tr("Connection tests are for remote machines."));
    m_removeAction->setEnabled(removable && !busy);
    // A remote machine is detached (it goes on existing); a cluster created here is deleted.
    m_removeAction->setText(remote ? tr("Detach") : tr("Delete"));
    m_removeAction->setToolTip(row >= 0 && !removable ? tr("The local target is built in and cannot be deleted.")
                                                      : m_removeAction->text());
}

void ComputePage::removeSelected()
{
    const QString name = selectedTargetName();
    const int row = m_model->rowOf(name);
    if (!m_workspace || row < 0 || m_model->targets().at(row).isBuiltIn())
        return;
    const ComputeTarget &target = m_model->targets().at(row);
    const bool remote = target.type == ComputeTarget::Type::Remote;
    if (isCluster(target)) {
        const bool created = target.properties.value(QLatin1String("createdByTrainyard")).toBool();
        const QString partition = target.properties.value(QLatin1String("partition")).toString();
        const QString question = created
            ? tr("Delete the compute cluster “%1”? Trainyard created it, so the partition %2 is removed from Slurm "
                 "too (the nodes stay). Jobs still queued in it are refused by Slurm.").arg(name, partition)
            : tr("Delete the compute cluster “%1” from this workspace? The partition %2 was attached, not created "
                 "here: it stays in Slurm.").arg(name, partition);
        const auto answer = QMessageBox::question(this, tr("Delete Compute Cluster"), question,
                                                  QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            removeCluster(name);
        return;
    }
    const QString question = remote ? tr("Detach the remote machine “%1” from this workspace? Its password or passphrase is "
                                         "removed from the keychain; the machine itself is not changed.")
                                    : tr("Delete the compute target “%1” from this workspace?");
    const auto answer = QMessageBox::question(this, remote ? tr("Detach Compute Target") : tr("Delete Compute Target"),
                                              question.arg(name), QMessageBox::Yes | QMessageBox::Cancel,
                                              QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (remote) {
        detach(name);
        return;
    }
    if (auto removed = m_workspace->removeComputeTarget(name); !removed) {
        QMessageBox::warning(this, tr("Cannot Remove Compute Target"), removed.errorMessage());
        return;
    }
    reload();
    Q_EMIT statusMessage(tr("Deleted %1.").arg(name));
}

void ComputePage::openNewClusterWizard()
{
    if (!m_workspace)
        return;
    auto *wizard = new NewClusterWizard(m_workspace, this);
    wizard->setObjectName(QStringLiteral("newClusterWizard"));
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &NewClusterWizard::created, this, [this](const ComputeTarget &target) {
        reload();
        selectTarget(target.name);
        const bool failed = target.state == ComputeTarget::ProvisioningState::Failed;
        showResult(failed ? tr("Creating %1 failed: %2").arg(target.name, target.errorText) : tr("Created %1.").arg(target.name),
                   failed);
        Q_EMIT statusMessage(failed ? tr("Creating %1 failed.").arg(target.name) : tr("Created %1.").arg(target.name));
        Q_EMIT remoteWorkFinished(target.name);
    });
    wizard->open();
}

void ComputePage::refreshAll()
{
    reload();
    const QString name = selectedTargetName();
    const int row = m_model->rowOf(name);
    if (row >= 0 && isCluster(m_model->targets().at(row)))
        refreshCluster(name);
}

void ComputePage::refreshCluster(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (!m_workspace || row < 0 || !isCluster(m_model->targets().at(row)) || m_busyTargets.contains(name)
        || m_refreshingTargets.contains(name))
        return;
    runTargetWork(
        name, m_refreshingTargets,
        [name](Workspace &workspace, CredentialStore &store) { return SlurmCluster::refresh(workspace, name, store).errorMessage(); },
        [this, name](const QString &error) {
            reload();
            if (!error.isEmpty())
                Q_EMIT statusMessage(tr("Refreshing %1 failed: %2").arg(name, error));
            Q_EMIT clusterRefreshed(name);
        });
}

void ComputePage::scaleSelected()
{
    const QString name = selectedTargetName();
    const int row = m_model->rowOf(name);
    if (!m_workspace || row < 0 || !isCluster(m_model->targets().at(row)) || m_busyTargets.contains(name))
        return;
    const QJsonObject properties = m_model->targets().at(row).properties;
    const int current = std::max(1, properties.value(QLatin1String("maxNodes")).toInt());
    const int available = std::max(current, properties.value(QLatin1String("nodesTotal")).toInt());
    bool ok = false;
    const int maxNodes = QInputDialog::getInt(this, tr("Scale Compute Cluster"),
                                              tr("Maximum nodes for %1 (the partition has %n node(s)):", nullptr, available).arg(name),
                                              current, 1, std::max(available, 1), 1, &ok);
    if (!ok || maxNodes == current)
        return;
    showResult(tr("Scaling %1 to at most %n node(s)…", nullptr, maxNodes).arg(name), false);
    runBusyWork(
        name,
        [name, maxNodes](Workspace &workspace, CredentialStore &store) {
            return SlurmCluster::updateScale(workspace, name, maxNodes, store).errorMessage();
        },
        [this, name, maxNodes](const QString &error) {
            if (!error.isEmpty())
                showResult(tr("Could not scale %1: %2").arg(name, error), true);
            else
                showResult(tr("%1 now uses at most %n node(s).", nullptr, maxNodes).arg(name), false);
        });
}

void ComputePage::removeCluster(const QString &name)
{
    showResult(tr("Deleting %1…").arg(name), false);
    Q_EMIT statusMessage(tr("Deleting %1…").arg(name));
    runBusyWork(
        name,
        [name](Workspace &workspace, CredentialStore &store) { return SlurmCluster::remove(workspace, name, store).errorMessage(); },
        [this, name](const QString &error) {
            if (!error.isEmpty()) {
                showResult(tr("Could not delete %1: %2").arg(name, error), true);
                return;
            }
            showResult(tr("Deleted %1.").arg(name), false);
            Q_EMIT statusMessage(tr("Deleted %1.").arg(name));
        });
}

void ComputePage::runTargetWork(const QString &name, QSet<QString> &busy, TargetWork work, std::function<void(const QString &)> done)
{
    const QString location = m_workspace->location();
    busy.insert(name);
    QtConcurrent::run([location, work] {
        auto workspace = Workspace::open(location);
        if (!workspace)
            return workspace.errorMessage();
        CredentialStore store;
        return work(**workspace, store);
    }).then(this, [this, location, name, &busy, done](const QString &error) {
        if (!m_workspace || m_workspace->location() != location || !busy.remove(name))
            return;
        done(error);
    });
}

void ComputePage::runBusyWork(const QString &name, TargetWork work, std::function<void(const QString &)> done)
{
    runTargetWork(name, m_busyTargets, std::move(work), [this, name, done](const QString &error) {
        reload();
        updateActions();
        done(error);
        Q_EMIT remoteWorkFinished(name);
    });
    updateActions();
}

void ComputePage::openAttachWizard()
{
    if (!m_workspace)
        return;
    auto *wizard = new AttachRemoteWizard(m_workspace, this);
    wizard->setObjectName(QStringLiteral("attachWizard"));
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &AttachRemoteWizard::attached, this, [this](const RemoteAttachOutcome &outcome) {
        const ComputeTarget &target = outcome.target;
        reload();
        selectTarget(target.name);
        QString text = target.state == ComputeTarget::ProvisioningState::Failed
            ? tr("Attached %1, with problems: %2").arg(target.name, target.errorText)
            : tr("Attached %1.").arg(target.name);
        if (!outcome.secretsRemembered)
            text += QLatin1Char(' ') + tr("The secret is not in a keychain (%1): it will be needed again after Trainyard quits.")
                                            .arg(outcome.keychainNote);
        showResult(text, target.state == ComputeTarget::ProvisioningState::Failed);
        Q_EMIT statusMessage(tr("Attached %1.").arg(target.name));
        Q_EMIT remoteWorkFinished(target.name);
    });
    wizard->open();
}

void ComputePage::testSelected()
{
    const QString name = selectedTargetName();
    if (!m_workspace || name.isEmpty() || m_busyTargets.contains(name))
        return;
    showResult(tr("Testing the connection to %1…").arg(name), false);
    Q_EMIT statusMessage(tr("Testing the connection to %1…").arg(name));
    runBusyWork(
        name, [name](Workspace &workspace, CredentialStore &store) { return RemoteMachine::test(workspace, name, store).errorMessage(); },
        [this, name](const QString &error) { showTestResult(name, error); });
}

void ComputePage::showTestResult(const QString &name, const QString &error)
{
    const int row = m_model->rowOf(name);
    if (!error.isEmpty() || row < 0) {
        // The test could not even start (no workspace, no stored password).
        showResult(tr("Test connection to %1: %2").arg(name, error), true);
        Q_EMIT statusMessage(tr("Testing %1 failed.").arg(name));
        return;
    }
    const ComputeTarget &target = m_model->targets().at(row);
    const bool succeeded = target.state == ComputeTarget::ProvisioningState::Succeeded;
    const QString text = succeeded ? tr("Test connection to %1: %2.").arg(name, target.stateText())
                                   : tr("Test connection to %1: %2 — %3").arg(name, target.stateText(), target.errorText);
    showResult(text, !succeeded);
    Q_EMIT statusMessage(tr("Tested %1: %2.").arg(name, target.stateText()));
    const QString untrusted = target.properties.value(QLatin1String("untrustedHostKey")).toString();
    if (!untrusted.isEmpty())
        offerToTrustHostKey(name, target.address(), untrusted);
}

// The host presented a key nobody trusts (the target was attached "connect once", or its
// known_hosts entry is gone): the person decides, with the fingerprint to compare.
void ComputePage::offerToTrustHostKey(const QString &name, const QString &address, const QString &fingerprint)
{
    QMessageBox box(QMessageBox::Warning, tr("Trust the Host Key"),
                    tr("The host key of %1 (%2) is not trusted, so Trainyard does not connect to it.").arg(name, address),
                    QMessageBox::Yes | QMessageBox::Cancel, this);
    box.setObjectName(QStringLiteral("trustHostKeyBox"));
    box.setInformativeText(QStringLiteral("<p>%1<br><nobr><b>%2</b></nobr></p><p>%3</p>")
                               .arg(tr("Its fingerprint is:").toHtmlEscaped(), fingerprint.toHtmlEscaped(),
                                    tr("Trust it only if it is the one the host's administrator gives you (ssh-keygen -lf on the "
                                       "host). Trainyard will remember it.")
                                        .toHtmlEscaped()));
    box.button(QMessageBox::Yes)->setText(tr("Trust and Remember"));
    box.setDefaultButton(QMessageBox::Cancel);
    if (box.exec() != QMessageBox::Yes)
        return;
    showResult(tr("Trusting the host key of %1 and testing the connection…").arg(name), false);
    runBusyWork(
        name,
        [name, fingerprint](Workspace &workspace, CredentialStore &store) {
            return RemoteMachine::trustHostKey(workspace, name, fingerprint, store).errorMessage();
        },
        [this, name](const QString &error) { showTestResult(name, error); });
}

void ComputePage::detach(const QString &name)
{
    Q_EMIT statusMessage(tr("Detaching %1…").arg(name));
    runBusyWork(
        name, [name](Workspace &workspace, CredentialStore &store) { return RemoteMachine::detach(workspace, name, store).errorMessage(); },
        [this, name](const QString &error) {
            if (!error.isEmpty()) {
                showResult(tr("Could not detach %1: %2").arg(name, error), true);
                auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Detach Compute Target"), error, QMessageBox::Ok, this);
                box->setAttribute(Qt::WA_DeleteOnClose);
                box->open();
            } else {
                showResult(tr("Detached %1.").arg(name), false);
                Q_EMIT statusMessage(tr("Detached %1.").arg(name));
            }
        });
}

void ComputePage::showResult(const QString &text, bool problem)
{
    QPalette palette = ui->resultLabel->palette();
    palette.setColor(QPalette::WindowText, problem ? QColor(0xc5, 0x0f, 0x1f) : this->palette().color(QPalette::WindowText));
    ui->resultLabel->setPalette(palette);
    ui->resultLabel->setText(text);
    ui->resultLabel->show();
}

} // namespace Trainyard
