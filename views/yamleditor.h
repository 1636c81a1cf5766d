#pragma once

#include "finding.h"

#include <Qsci/qsciscintilla.h>

namespace Trainyard {

// A YAML text editor (QScintilla): syntax colours, line numbers, folding, and the findings of the
// text shown as a marker in the symbol margin plus an annotation under the line they are about.
class YamlEditor : public QsciScintilla
{
    Q_OBJECT

public:
    // Marker numbers: test a line with markersAtLine(line) & (1 << ErrorMarker).
    enum Marker { ErrorMarker = 1, WarningMarker = 2 };

    explicit YamlEditor(QWidget *parent = nullptr);
    ~YamlEditor() override;

    static int markerFor(Finding::Severity severity);

    // Replaces the markers and annotations. Lines are the findings' 1-based ones; a finding
    // without a position is shown on the first line.
    void setFindings(const QList<Finding> &findings);
    const QList<Finding> &findings() const { return m_findings; }

    // Moves the cursor to a 1-based line and column, scrolls it into view and focuses the editor.
    void goToLine(int line, int column = 1);

    // Sets the text of a freshly opened document: no undo history, not modified.
    void loadText(const QString &text);
    // Changes the text to `text` as one undoable edit that touches only the part that differs,
    // so the cursor, the scroll position and the folds stay where they are.
    void replaceText(const QString &text);

private:
    void updateLineNumberWidth();

    QList<Finding> m_findings;
};

} // namespace Trainyard
