#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTreeView;

namespace Trainyard {

class SnapshotTreeModel;
class Workspace;

// The files of a run's snapshot as a tree, and the selected file's content from the workspace's
// blob store: text up to MaximumViewedBytes, a note for binary files.
class SnapshotBrowser : public QWidget
{
    Q_OBJECT

public:
    static constexpr qint64 MaximumViewedBytes = 1024 * 1024;

    explicit SnapshotBrowser(Workspace *workspace, QWidget *parent = nullptr);
    ~SnapshotBrowser() override;

    // Reads the snapshot's file list (one query); an empty id shows nothing.
    void setSnapshot(const QString &snapshotId);
    QString snapshotId() const { return m_snapshotId; }

    // Selects a file by its '/'-separated path and shows it; false when there is no such file.
    bool showFile(const QString &path);

    SnapshotTreeModel *model() const { return m_model; }
    QTreeView *treeView() const { return m_tree; }
    QString viewerText() const;
    QString viewerTitle() const;

private:
    void showIndex(const QModelIndex &index);

    Workspace *m_workspace;
    SnapshotTreeModel *m_model;
    QTreeView *m_tree;
    QLabel *m_summary;
    QLabel *m_fileTitle;
    QPlainTextEdit *m_viewer;
    QString m_snapshotId;
};

} // namespace Trainyard
