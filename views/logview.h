#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTimer;
class QToolButton;

namespace Trainyard {

// A read-only tail of a growing log: text arrives at the end and the view follows it while the
// reader is at the bottom (scrolling up stops the following, scrolling back down resumes it).
// Keeps the newest maximumCharacters() characters, dropping whole lines from the front. A search
// bar (Ctrl+F, Enter / Shift+Enter or F3 / Shift+F3) highlights every match and walks through them.
class LogView : public QWidget
{
    Q_OBJECT

public:
    explicit LogView(QWidget *parent = nullptr);
    ~LogView() override;

    void appendText(const QString &text);
    void clear();
    QString text() const;

    void setMaximumCharacters(qsizetype characters);
    qsizetype maximumCharacters() const { return m_maximumCharacters; }
    // Characters dropped from the front since the last clear().
    qsizetype droppedCharacters() const { return m_dropped; }

    // A line above the text, e.g. that the log was truncated; hidden when empty.
    void setNote(const QString &note);
    QString note() const;

    void setSearchText(const QString &text);
    QString searchText() const;
    void findNext();
    void findPrevious();
    int matchCount() const { return int(m_matches.size()); }
    // 0-based index of the current match, -1 when there is none.
    int currentMatch() const { return m_current; }
    void focusSearch();

    bool isAtEnd() const;
    QPlainTextEdit *textEdit() const { return m_edit; }

Q_SIGNALS:
    // Text was dropped from the front to stay within maximumCharacters().
    void textDropped();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void updateMatches();
    void showMatch(int index, bool scroll);
    void updateHighlights();
    void trimFront();

    QLabel *m_note;
    QPlainTextEdit *m_edit;
    QLineEdit *m_search;
    QToolButton *m_previous;
    QToolButton *m_next;
    QLabel *m_matchLabel;
    QTimer *m_researchTimer;

    qsizetype m_maximumCharacters = 5 * 1024 * 1024;
    qsizetype m_dropped = 0;
    QList<std::pair<int, int>> m_matches; // position, length
    bool m_moreMatches = false;           // stopped counting at the limit
    int m_current = -1;
};

} // namespace Trainyard
