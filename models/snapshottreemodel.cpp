#include "snapshottreemodel.h"

#include "modelroles.h"

#include <QHash>
#include <QLocale>

#include <algorithm>
#include <vector>

namespace Trainyard {

struct SnapshotTreeModel::Node
{
    QString name;
    QString path;
    bool folder = true;
    qint64 size = 0;     // folders: everything below
    int fileCount = 0;   // folders: files below, at any depth
    int fileIndex = -1;  // files: index into m_files
    int row = 0;
    Node *parent = nullptr;
    std::vector<std::unique_ptr<Node>> children;
};

namespace {

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes);
}

} // namespace

SnapshotTreeModel::SnapshotTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_root(std::make_unique<Node>())
{
}

SnapshotTreeModel::~SnapshotTreeModel() = default;

void SnapshotTreeModel::setFiles(const QList<SnapshotFile> &files)
{
    if (files == m_files)
        return;
    beginResetModel();
    m_files = files;
    m_root = std::make_unique<Node>();
    QHash<QString, Node *> folders;
    folders.insert(QString(), m_root.get());
    for (int i = 0; i < m_files.size(); ++i) {
        const SnapshotFile &file = m_files.at(i);
        const QStringList parts = file.path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        if (parts.isEmpty())
            continue;
        Node *parentNode = m_root.get();
        QString path;
        for (int p = 0; p + 1 < parts.size(); ++p) {
            path = path.isEmpty() ? parts.at(p) : path + QLatin1Char('/') + parts.at(p);
            Node *&folder = folders[path];
            if (!folder) {
                auto node = std::make_unique<Node>();
                node->name = parts.at(p);
                node->path = path;
                node->parent = parentNode;
                folder = node.get();
                parentNode->children.push_back(std::move(node));
            }
            parentNode = folder;
        }
        auto node = std::make_unique<Node>();
        node->name = parts.constLast();
        node->path = parts.join(QLatin1Char('/'));
        node->folder = false;
        node->size = file.size;
        node->fileCount = 1;
        node->fileIndex = i;
        node->parent = parentNode;
        for (Node *up = parentNode; up; up = up->parent) {
            up->size += file.size;
            ++up->fileCount;
        }
        parentNode->children.push_back(std::move(node));
    }
    sortChildren(m_root.get());
    endResetModel();
}

void SnapshotTreeModel::setIcons(const QIcon &folder, const QIcon &file)
{
    m_folderIcon = folder;
    m_fileIcon = file;
    if (!m_root->children.empty())
        Q_EMIT dataChanged(index(0, NameColumn), index(rowCount() - 1, NameColumn), {Qt::DecorationRole});
}

void SnapshotTreeModel::sortChildren(Node *node)
{
    std::sort(node->children.begin(), node->children.end(), [](const auto &a, const auto &b) {
        if (a->folder != b->folder)
            return a->folder;
        const int order = a->name.compare(b->name, Qt::CaseInsensitive);
        return order != 0 ? order < 0 : a->name < b->name;
    });
    for (size_t i = 0; i < node->children.size(); ++i) {
        node->children[i]->row = int(i);
        sortChildren(node->children[i].get());
    }
}

SnapshotTreeModel::Node *SnapshotTreeModel::nodeFor(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

std::optional<SnapshotFile> SnapshotTreeModel::file(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return std::nullopt;
    const Node *node = nodeFor(index);
    if (node->folder)
        return std::nullopt;
    return m_files.at(node->fileIndex);
}

bool SnapshotTreeModel::isFolder(const QModelIndex &index) const
{
    return index.isValid() && index.model() == this && nodeFor(index)->folder;
}

QModelIndex SnapshotTreeModel::indexForPath(const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const Node *node = m_root.get();
    for (const QString &part : parts) {
        const auto found = std::find_if(node->children.begin(), node->children.end(),
                                        [&](const auto &child) { return child->name == part; });
        if (found == node->children.end())
            return {};
        node = found->get();
    }
    if (node == m_root.get())
        return {};
    return createIndex(node->row, NameColumn, const_cast<Node *>(node));
}

QModelIndex SnapshotTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return createIndex(row, column, nodeFor(parent)->children.at(size_t(row)).get());
}

QModelIndex SnapshotTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const Node *parentNode = nodeFor(child)->parent;
    if (!parentNode || parentNode == m_root.get())
        return {};
    return createIndex(parentNode->row, NameColumn, const_cast<Node *>(parentNode));
}

int SnapshotTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != NameColumn)
        return 0;
    return int(nodeFor(parent)->children.size());
}

int SnapshotTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant SnapshotTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeFor(index);
    switch (role) {
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return node->name;
        return node->folder ? tr("%n file(s), %1", nullptr, node->fileCount).arg(sizeText(node->size)) : sizeText(node->size);
    case SortRole:
        return index.column() == NameColumn ? QVariant(node->name) : QVariant(node->size);
    case NameRole:
        return node->path;
    case Qt::ToolTipRole: {
        if (node->folder)
            return tr("%1\n%n file(s), %2 bytes", nullptr, node->fileCount).arg(node->path).arg(node->size);
        const SnapshotFile &file = m_files.at(node->fileIndex);
        QString tip = tr("%1\n%2 bytes\nSHA-256 %3").arg(file.path).arg(file.size).arg(file.sha256);
        if (file.executable)
            tip += QLatin1Char('\n') + tr("Executable");
        return tip;
    }
    case Qt::DecorationRole:
        if (index.column() != NameColumn)
            return {};
        return node->folder ? m_folderIcon : m_fileIcon;
    case Qt::TextAlignmentRole:
        return index.column() == SizeColumn ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter)) : QVariant();
    default:
        return {};
    }
}

QVariant SnapshotTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case SizeColumn:
        return tr("Size");
    default:
        return {};
    }
}

} // namespace Trainyard
