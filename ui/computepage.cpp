#include "computepage.h"
#include "ui_computepage.h"

#include "attachremotewizard.h"
#include "computetargetmodel.h"
#include "credentialstore.h"
#include "modelroles.h"
#include "propertylistmodel.h"
#include "remotemachine.h"
#include "workspace.h"

#include <QAction>
#include <QFuture>
#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QtConcurrent>

namespace Trainyard {

ComputePage::ComputePage(QWidget *parent)
    : QWidget(parent)
    , ui(std::make_unique<Ui::ComputePage>())
    , m_model(new ComputeTargetModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_properties(new PropertyListModel(this))
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
    m_removeAction = ui->toolBar->addAction(QIcon(QStringLiteral(":/icons/delete.svg")), tr("Delete"));
    m_newClusterAction->setObjectName(QStringLiteral("newClusterAction"));
    m_attachAction->setObjectName(QStringLiteral("attachAction"));
    m_testAction->setObjectName(QStringLiteral("testConnectionAction"));
    m_removeAction->setObjectName(QStringLiteral("removeTargetAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // Creating clusters arrives with the Slurm backend.
    m_newClusterAction->setEnabled(false);
    m_newClusterAction->setToolTip(tr("Not available yet: Slurm clusters arrive in a later version."));
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
    connect(m_refreshAction, &QAction::triggered, this, &ComputePage::reload);
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
        return;
    }
    const ComputeTarget &target = m_model->targets().at(row);
    ui->detailTitle->setText(tr("%1 — %2").arg(target.name, ComputeTarget::typeDisplayName(target.type)));
    m_properties->setRows(target.describe());
}

void ComputePage::updateActions()
{
    const QString name = selectedTargetName();
    const int row = m_model->rowOf(name);
    const bool busy = m_busyTargets.contains(name);
    const bool removable = row >= 0 && !m_model->targets().at(row).isBuiltIn();
    const bool remote = row >= 0 && m_model->targets().at(row).type == ComputeTarget::Type::Remote;
    m_attachAction->setEnabled(m_workspace != nullptr);
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
    const bool remote = m_model->targets().at(row).type == ComputeTarget::Type::Remote;
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

namespace {

// A worker's answer: the error text, empty on success.
struct RemoteWorkOutcome
{
    QString error;
};

} // namespace

void ComputePage::testSelected()
{
    const QString name = selectedTargetName();
    if (!m_workspace || name.isEmpty() || m_busyTargets.contains(name))
        return;
    const QString location = m_workspace->location();
    m_busyTargets.insert(name);
    updateActions();
    showResult(tr("Testing the connection to %1…").arg(name), false);
    Q_EMIT statusMessage(tr("Testing the connection to %1…").arg(name));
    QtConcurrent::run([location, name] {
        RemoteWorkOutcome outcome;
        auto workspace = Workspace::open(location);
        if (!workspace) {
            outcome.error = workspace.errorMessage();
            return outcome;
        }
        CredentialStore store;
        const auto tested = RemoteMachine::test(**workspace, name, store);
        outcome.error = tested.errorMessage();
        return outcome;
    }).then(this, [this, location, name](const RemoteWorkOutcome &outcome) {
        if (!m_workspace || m_workspace->location() != location || !m_busyTargets.remove(name))
            return;
        reload();
        showTestResult(name, outcome.error);
        updateActions();
        Q_EMIT remoteWorkFinished(name);
    });
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
}

void ComputePage::detach(const QString &name)
{
    const QString location = m_workspace->location();
    m_busyTargets.insert(name);
    updateActions();
    Q_EMIT statusMessage(tr("Detaching %1…").arg(name));
    // The keychain entries go too; the store may wait for this thread, so the work runs elsewhere.
    QtConcurrent::run([location, name] {
        RemoteWorkOutcome outcome;
        auto workspace = Workspace::open(location);
        if (!workspace) {
            outcome.error = workspace.errorMessage();
            return outcome;
        }
        CredentialStore store;
        outcome.error = RemoteMachine::detach(**workspace, name, store).errorMessage();
        return outcome;
    }).then(this, [this, location, name](const RemoteWorkOutcome &outcome) {
        if (!m_workspace || m_workspace->location() != location || !m_busyTargets.remove(name))
            return;
        reload();
        updateActions();
        if (!outcome.error.isEmpty()) {
            showResult(tr("Could not detach %1: %2").arg(name, outcome.error), true);
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Cannot Detach Compute Target"), outcome.error,
                                        QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        } else {
            showResult(tr("Detached %1.").arg(name), false);
            Q_EMIT statusMessage(tr("Detached %1.").arg(name));
        }
        Q_EMIT remoteWorkFinished(name);
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
