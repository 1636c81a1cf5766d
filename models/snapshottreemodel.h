#pragma once

#include "snapshotstore.h"

#include <QAbstractItemModel>
#include <QIcon>

#include <memory>
#include <optional>

namespace Trainyard {

// The files of a snapshot as a folder tree: folders first, then files, each level sorted by name
// (case-insensitive). Folders show the total size and file count of everything below them.
class SnapshotTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { NameColumn, SizeColumn, ColumnCount };

    explicit SnapshotTreeModel(QObject *parent = nullptr);
    ~SnapshotTreeModel() override;

    // Replaces the tree (a model reset); the same list again changes nothing.
    void setFiles(const QList<SnapshotFile> &files);
    const QList<SnapshotFile> &files() const { return m_files; }
    // The model has no widgets to ask for a style, so the view hands in its folder and file icons.
    void setIcons(const QIcon &folder, const QIcon &file);

    // The file at `index` (any column); nothing for folders and invalid indexes.
    std::optional<SnapshotFile> file(const QModelIndex &index) const;
    bool isFolder(const QModelIndex &index) const;
    // The index (name column) of a '/'-separated path of a file or folder; invalid when absent.
    QModelIndex indexForPath(const QString &path) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node;

    Node *nodeFor(const QModelIndex &index) const;
    static void sortChildren(Node *node);

    QList<SnapshotFile> m_files;
    std::unique_ptr<Node> m_root;
    QIcon m_folderIcon;
    QIcon m_fileIcon;
};

} // namespace Trainyard
