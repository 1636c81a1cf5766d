#include "snapshotbrowser.h"

#include "snapshotstore.h"
#include "snapshottreemodel.h"
#include "workspace.h"

#include <QFile>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QStringDecoder>
#include <QStyle>
#include <QTreeView>
#include <QVBoxLayout>

namespace Trainyard {

SnapshotBrowser::SnapshotBrowser(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_model(new SnapshotTreeModel(this))
    , m_tree(new QTreeView(this))
    , m_summary(new QLabel(this))
    , m_fileTitle(new QLabel(this))
    , m_viewer(new QPlainTextEdit(this))
{
    m_model->setIcons(style()->standardIcon(QStyle::SP_DirIcon), style()->standardIcon(QStyle::SP_FileIcon));
    m_tree->setObjectName(QStringLiteral("snapshotTree"));
    m_tree->setModel(m_model);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(SnapshotTreeModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(SnapshotTreeModel::SizeColumn, QHeaderView::ResizeToContents);

    m_summary->setObjectName(QStringLiteral("snapshotSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setContentsMargins(4, 4, 4, 4);

    m_fileTitle->setObjectName(QStringLiteral("fileTitle"));
    m_fileTitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_fileTitle->setContentsMargins(4, 4, 4, 4);
    QFont titleFont = m_fileTitle->font();
    titleFont.setBold(true);
    m_fileTitle->setFont(titleFont);
    m_viewer->setObjectName(QStringLiteral("fileViewer"));
    m_viewer->setReadOnly(true);
    m_viewer->setUndoRedoEnabled(false);
    m_viewer->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_viewer->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_viewer->setPlaceholderText(tr("Select a file to see its content as it was submitted."));

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_summary);
    leftLayout->addWidget(m_tree, 1);
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_fileTitle);
    rightLayout->addWidget(m_viewer, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({300, 600});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showIndex(current); });
}

SnapshotBrowser::~SnapshotBrowser() = default;

void SnapshotBrowser::setSnapshot(const QString &snapshotId)
{
    if (snapshotId == m_snapshotId && (snapshotId.isEmpty() || m_model->rowCount() > 0))
        return;
    m_snapshotId = snapshotId;
    QList<SnapshotFile> files;
    if (!snapshotId.isEmpty() && m_workspace) {
        const auto listed = SnapshotStore(*m_workspace).files(snapshotId);
        if (listed)
            files = *listed;
        else
            m_summary->setText(listed.errorMessage());
    }
    m_model->setFiles(files);
    m_tree->expandToDepth(0);
    m_viewer->clear();
    m_fileTitle->clear();
    if (snapshotId.isEmpty()) {
        m_summary->setText(tr("This run has no snapshot yet."));
        return;
    }
    qint64 bytes = 0;
    for (const SnapshotFile &file : std::as_const(files))
        bytes += file.size;
    m_summary->setText(tr("%n file(s), %1 · snapshot %2", nullptr, int(files.size()))
                           .arg(QLocale().formattedDataSize(bytes), snapshotId.left(12)));
    m_summary->setToolTip(tr("Snapshot %1").arg(snapshotId));
}

bool SnapshotBrowser::showFile(const QString &path)
{
    const QModelIndex index = m_model->indexForPath(path);
    if (!index.isValid() || m_model->isFolder(index))
        return false;
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
    return true;
}

QString SnapshotBrowser::viewerText() const
{
    return m_viewer->toPlainText();
}

QString SnapshotBrowser::viewerTitle() const
{
    return m_fileTitle->text();
}

void SnapshotBrowser::showIndex(const QModelIndex &index)
{
    const auto file = m_model->file(index);
    if (!file || !m_workspace) {
        m_viewer->clear();
        m_fileTitle->clear();
        return;
    }
    m_fileTitle->setText(tr("%1 · %2").arg(file->path, QLocale().formattedDataSize(file->size)));
    m_fileTitle->setToolTip(tr("SHA-256 %1").arg(file->sha256));
    QFile blob(SnapshotStore(*m_workspace).blobPath(file->sha256));
    if (!blob.open(QIODevice::ReadOnly)) {
        m_viewer->setPlainText(tr("The content of this file is missing from the workspace: %1").arg(blob.errorString()));
        return;
    }
    const QByteArray bytes = blob.read(MaximumViewedBytes);
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(bytes);
    // NUL bytes or invalid UTF-8: not something a text view can show honestly.
    if (bytes.left(8192).contains('\0') || decoder.hasError()) {
        m_viewer->setPlainText(tr("Binary file, %1 bytes").arg(QLocale().toString(file->size)));
        return;
    }
    if (file->size > MaximumViewedBytes) {
        m_fileTitle->setText(tr("%1 · %2 (showing the first %3)")
                                 .arg(file->path, QLocale().formattedDataSize(file->size), QLocale().formattedDataSize(MaximumViewedBytes)));
    }
    m_viewer->setPlainText(text);
}

} // namespace Trainyard
