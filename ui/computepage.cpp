#include "computepage.h"
#include "ui_computepage.h"

#include "computetargetmodel.h"
#include "modelroles.h"
#include "propertylistmodel.h"
#include "workspace.h"

#include <QAction>
#include <QHeaderView>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QToolBar>

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
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // Creating, attaching and testing targets arrive with the SSH and Slurm backends.
    const QString later = tr("Not available yet: remote machines and Slurm clusters arrive in a later version.");
    for (QAction *action : {m_newClusterAction, m_attachAction, m_testAction}) {
        action->setEnabled(false);
        action->setToolTip(later);
    }
    addAction(m_removeAction);

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
    connect(m_refreshAction, &QAction::triggered, this, &ComputePage::reload);
    connect(m_removeAction, &QAction::triggered, this, &ComputePage::removeSelected);
    updateActions();
}

ComputePage::~ComputePage() = default;

void ComputePage::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    reload();
    if (!ui->targetView->currentIndex().isValid() && m_proxy->rowCount() > 0)
        ui->targetView->setCurrentIndex(m_proxy->index(0, 0));
    ui->targetView->resizeColumnsToContents();
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
    const int row = m_model->rowOf(selectedTargetName());
    const bool removable = row >= 0 && !m_model->targets().at(row).isBuiltIn();
    const bool remote = row >= 0 && m_model->targets().at(row).type == ComputeTarget::Type::Remote;
    m_removeAction->setEnabled(removable);
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
    const QString question = remote ? tr("Detach the remote machine “%1” from this workspace? The machine itself is not changed.")
                                    : tr("Delete the compute target “%1” from this workspace?");
    const auto answer = QMessageBox::question(this, remote ? tr("Detach Compute Target") : tr("Delete Compute Target"),
                                              question.arg(name), QMessageBox::Yes | QMessageBox::Cancel,
                                              QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    if (auto removed = m_workspace->removeComputeTarget(name); !removed) {
        QMessageBox::warning(this, tr("Cannot Remove Compute Target"), removed.errorMessage());
        return;
    }
    reload();
    Q_EMIT statusMessage(remote ? tr("Detached %1.").arg(name) : tr("Deleted %1.").arg(name));
}

} // namespace Trainyard
