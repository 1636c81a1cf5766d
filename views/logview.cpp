#include "logview.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QStyle>
#include <QTextDocument>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace Trainyard {

namespace {

// Counting stops here; highlighting every match of a common word in megabytes of log would
// cost more than it tells.
constexpr int MaximumMatches = 10000;
constexpr int HighlightedAroundCurrent = 500;

} // namespace

LogView::LogView(QWidget *parent)
    : QWidget(parent)
    , m_note(new QLabel(this))
    , m_edit(new QPlainTextEdit(this))
    , m_search(new QLineEdit(this))
    , m_previous(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_matchLabel(new QLabel(this))
    , m_researchTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);

    auto *searchBar = new QHBoxLayout;
    searchBar->setContentsMargins(8, 6, 8, 6);
    searchBar->setSpacing(4);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Find in log (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_search->installEventFilter(this);
    searchBar->addWidget(m_search, 1);
    m_previous->setObjectName(QStringLiteral("findPrevious"));
    m_previous->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_previous->setToolTip(tr("Previous match (Shift+F3)"));
    m_previous->setAutoRaise(true);
    m_next->setObjectName(QStringLiteral("findNext"));
    m_next->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_next->setToolTip(tr("Next match (F3)"));
    m_next->setAutoRaise(true);
    searchBar->addWidget(m_previous);
    searchBar->addWidget(m_next);
    m_matchLabel->setObjectName(QStringLiteral("matchLabel"));
    m_matchLabel->setForegroundRole(QPalette::PlaceholderText);
    searchBar->addWidget(m_matchLabel);
    searchBar->addStretch(1);
    layout->addLayout(searchBar);

    m_note->setObjectName(QStringLiteral("logNote"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->setContentsMargins(10, 4, 10, 4);
    m_note->setAutoFillBackground(true);
    QPalette notePalette = m_note->palette();
    notePalette.setColor(QPalette::Window, QColor(0xff, 0xf4, 0xce));
    notePalette.setColor(QPalette::WindowText, QColor(0x5c, 0x44, 0x00));
    m_note->setPalette(notePalette);
    m_note->setVisible(false);
    layout->addWidget(m_note);

    m_edit->setReadOnly(true);
    m_edit->setUndoRedoEnabled(false);
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_edit->setFrameShape(QFrame::NoFrame);
    layout->addWidget(m_edit, 1);

    m_researchTimer->setSingleShot(true);
    m_researchTimer->setInterval(300);
    connect(m_researchTimer, &QTimer::timeout, this, &LogView::updateMatches);
    connect(m_search, &QLineEdit::textChanged, this, [this] {
        m_current = -1;
        updateMatches();
        if (!m_matches.isEmpty())
            showMatch(0, true);
    });
    connect(m_next, &QToolButton::clicked, this, &LogView::findNext);
    connect(m_previous, &QToolButton::clicked, this, &LogView::findPrevious);

    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &LogView::focusSearch);
    auto *next = new QShortcut(QKeySequence::FindNext, this);
    next->setContext(Qt::WidgetWithChildrenShortcut);
    connect(next, &QShortcut::activated, this, &LogView::findNext);
    auto *previous = new QShortcut(QKeySequence::FindPrevious, this);
    previous->setContext(Qt::WidgetWithChildrenShortcut);
    connect(previous, &QShortcut::activated, this, &LogView::findPrevious);

    updateMatches();
}

LogView::~LogView() = default;

bool LogView::isAtEnd() const
{
    const QScrollBar *bar = m_edit->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogView::appendText(const QString &text)
{
    if (text.isEmpty())
        return;
    // Progress bars rewrite their line with a bare carriage return; a plain text view shows each
    // state on its own line instead of one long line.
    QString normalized = text;
    normalized.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    normalized.replace(QLatin1Char('\r'), QLatin1Char('\n'));

    const bool follow = isAtEnd();
    QTextCursor cursor(m_edit->document());
    cursor.movePosition(QTextCursor::End);
    cursor.insertText(normalized);
    trimFront();
    if (follow)
        m_edit->verticalScrollBar()->setValue(m_edit->verticalScrollBar()->maximum());
    if (!m_search->text().isEmpty())
        m_researchTimer->start();
}

void LogView::trimFront()
{
    QTextDocument *document = m_edit->document();
    const qsizetype excess = document->characterCount() - m_maximumCharacters;
    // Trim in steps of a tenth, not on every append.
    if (excess <= m_maximumCharacters / 10)
        return;
    const int cut = int(excess + m_maximumCharacters / 20);
    QTextCursor cursor(document);
    cursor.setPosition(qMin(cut, document->characterCount() - 1));
    // Whole lines only: drop up to the end of the line the cut falls in.
    if (!cursor.atBlockStart())
        cursor.movePosition(QTextCursor::NextBlock);
    const int end = cursor.position();
    cursor.setPosition(0);
    cursor.setPosition(end, QTextCursor::KeepAnchor);
    m_dropped += cursor.selectionEnd() - cursor.selectionStart();
    cursor.removeSelectedText();
    Q_EMIT textDropped();
}

void LogView::clear()
{
    m_edit->clear();
    m_dropped = 0;
    m_matches.clear();
    m_current = -1;
    updateMatches();
}

QString LogView::text() const
{
    return m_edit->toPlainText();
}

void LogView::setMaximumCharacters(qsizetype characters)
{
    m_maximumCharacters = qMax<qsizetype>(characters, 1024);
}

void LogView::setNote(const QString &note)
{
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString LogView::note() const
{
    return m_note->text();
}

void LogView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QString LogView::searchText() const
{
    return m_search->text();
}

void LogView::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void LogView::findNext()
{
    if (m_matches.isEmpty())
        return;
    showMatch(m_current < 0 ? 0 : int((m_current + 1) % m_matches.size()), true);
}

void LogView::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    showMatch(m_current <= 0 ? int(m_matches.size()) - 1 : m_current - 1, true);
}

void LogView::updateMatches()
{
    const QString needle = m_search->text();
    const int currentPosition = m_current >= 0 && m_current < m_matches.size() ? m_matches.at(m_current).first : -1;
    m_matches.clear();
    m_moreMatches = false;
    m_current = -1;
    if (!needle.isEmpty()) {
        QTextDocument *document = m_edit->document();
        QTextCursor found = document->find(needle, 0);
        while (!found.isNull()) {
            if (m_matches.size() == MaximumMatches) {
                m_moreMatches = true;
                break;
            }
            if (found.selectionStart() == currentPosition)
                m_current = int(m_matches.size());
            m_matches.append({found.selectionStart(), found.selectionEnd() - found.selectionStart()});
            found = document->find(needle, found);
        }
    }
    const bool any = !m_matches.isEmpty();
    m_next->setEnabled(any);
    m_previous->setEnabled(any);
    if (needle.isEmpty())
        m_matchLabel->clear();
    else if (!any)
        m_matchLabel->setText(tr("No matches"));
    updateHighlights();
}

void LogView::showMatch(int index, bool scroll)
{
    if (index < 0 || index >= m_matches.size())
        return;
    m_current = index;
    if (scroll) {
        QTextCursor cursor(m_edit->document());
        cursor.setPosition(m_matches.at(index).first);
        cursor.setPosition(m_matches.at(index).first + m_matches.at(index).second, QTextCursor::KeepAnchor);
        m_edit->setTextCursor(cursor);
        m_edit->centerCursor();
    }
    updateHighlights();
}

void LogView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    if (!m_matches.isEmpty()) {
        const int centre = qMax(m_current, 0);
        const int first = qMax(0, centre - HighlightedAroundCurrent);
        const int last = qMin(int(m_matches.size()) - 1, centre + HighlightedAroundCurrent);
        QTextCharFormat match;
        match.setBackground(QColor(0xff, 0xe5, 0x8f));
        QTextCharFormat current;
        current.setBackground(QColor(0xff, 0x9e, 0x3d));
        for (int i = first; i <= last; ++i) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(m_edit->document());
            selection.cursor.setPosition(m_matches.at(i).first);
            selection.cursor.setPosition(m_matches.at(i).first + m_matches.at(i).second, QTextCursor::KeepAnchor);
            selection.format = i == m_current ? current : match;
            selections.append(selection);
        }
        const QString total = m_moreMatches ? tr("%1+").arg(MaximumMatches) : QString::number(m_matches.size());
        if (m_current >= 0)
            m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(total));
        else if (m_moreMatches)
            m_matchLabel->setText(tr("%1+ matches").arg(MaximumMatches));
        else
            m_matchLabel->setText(tr("%n match(es)", nullptr, int(m_matches.size())));
    }
    m_edit->setExtraSelections(selections);
}

bool LogView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            if (key->modifiers() & Qt::ShiftModifier)
                findPrevious();
            else
                findNext();
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            m_search->clear();
            m_edit->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace Trainyard
