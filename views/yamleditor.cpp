#include "yamleditor.h"

#include <Qsci/qscilexeryaml.h>
#include <Qsci/qscistyle.h>
#include <Qsci/qscistyledtext.h>

#include <QFontDatabase>
#include <QIcon>
#include <QImage>
#include <QMap>

namespace Trainyard {

namespace {

// Margin numbers (not QsciScintilla::MarginType values, whose names they must not share).
constexpr int LineNumberMargin = 0;
constexpr int MarkerMargin = 1;
constexpr int FoldMargin = 2;

// Fixed style numbers for the annotations, clear of the YAML lexer's styles and Scintilla's
// predefined ones (32–39). Fixed rather than allocated: QsciStyle's allocator is process-wide.
constexpr int ErrorAnnotationStyle = 60;
constexpr int WarningAnnotationStyle = 61;

bool isUtf8Continuation(char byte)
{
    return (static_cast<unsigned char>(byte) & 0xC0) == 0x80;
}

QImage markerImage(const QString &iconPath, int size)
{
    return QIcon(iconPath).pixmap(size, size).toImage();
}

} // namespace

YamlEditor::YamlEditor(QWidget *parent)
    : QsciScintilla(parent)
{
    setUtf8(true);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto *lexer = new QsciLexerYAML(this);
    lexer->setDefaultFont(fixed);
    lexer->setFont(fixed);
    setLexer(lexer);

    // YAML indents with spaces only.
    setIndentationsUseTabs(false);
    setTabWidth(2);
    setIndentationWidth(2);
    setAutoIndent(true);
    setIndentationGuides(true);
    setCaretLineVisible(true);
    setCaretLineBackgroundColor(palette().color(QPalette::AlternateBase));
    // The horizontal scroll bar follows the longest line rather than a fixed 2000 pixels.
    setScrollWidth(1);
    setScrollWidthTracking(true);

    setMarginType(LineNumberMargin, NumberMargin);
    setMarginLineNumbers(LineNumberMargin, true);
    setMarginMarkerMask(LineNumberMargin, 0);
    setMarginsFont(fixed);
    setMarginType(MarkerMargin, SymbolMargin);
    setMarginWidth(MarkerMargin, 18);
    setMarginMarkerMask(MarkerMargin, (1 << ErrorMarker) | (1 << WarningMarker));
    setFolding(BoxedTreeFoldStyle, FoldMargin);
    updateLineNumberWidth();
    connect(this, &QsciScintilla::linesChanged, this, &YamlEditor::updateLineNumberWidth);

    const QImage error = markerImage(QStringLiteral(":/icons/finding-error.svg"), 14);
    const QImage warning = markerImage(QStringLiteral(":/icons/finding-warning.svg"), 14);
    if (!error.isNull() && !warning.isNull()) {
        markerDefine(error, ErrorMarker);
        markerDefine(warning, WarningMarker);
    } else {
        // Without the embedded icons: plain symbols in the same colours.
        markerDefine(Circle, ErrorMarker);
        markerDefine(RightTriangle, WarningMarker);
        setMarkerBackgroundColor(QColor(0xc5, 0x0f, 0x1f), ErrorMarker);
        setMarkerBackgroundColor(QColor(0xd0, 0x87, 0x00), WarningMarker);
    }
    setAnnotationDisplay(AnnotationBoxed);
}

YamlEditor::~YamlEditor() = default;

int YamlEditor::markerFor(Finding::Severity severity)
{
    return severity == Finding::Severity::Error ? ErrorMarker : WarningMarker;
}

void YamlEditor::setFindings(const QList<Finding> &findings)
{
    m_findings = findings;
    markerDeleteAll(ErrorMarker);
    markerDeleteAll(WarningMarker);
    clearAnnotations();

    const QFont font = this->font();
    const QsciStyle errorStyle(ErrorAnnotationStyle, QStringLiteral("error annotation"), QColor(0xa4, 0x26, 0x2c),
                               QColor(0xfd, 0xe7, 0xe9), font);
    const QsciStyle warningStyle(WarningAnnotationStyle, QStringLiteral("warning annotation"), QColor(0x7a, 0x4a, 0x00),
                                 QColor(0xff, 0xf4, 0xce), font);

    // Several findings on one line share one annotation, a row each.
    QMap<int, QList<QsciStyledText>> annotations;
    const int lastLine = std::max(0, lines() - 1);
    for (const Finding &finding : findings) {
        const int line = std::clamp(finding.position.line - 1, 0, lastLine);
        markerAdd(line, markerFor(finding.severity));
        QList<QsciStyledText> &rows = annotations[line];
        const QString prefix = rows.isEmpty() ? QString() : QStringLiteral("\n");
        if (finding.isError())
            rows.append(QsciStyledText(prefix + tr("Error: %1").arg(finding.message), errorStyle));
        else
            rows.append(QsciStyledText(prefix + tr("Warning: %1").arg(finding.message), warningStyle));
    }
    for (auto it = annotations.cbegin(); it != annotations.cend(); ++it)
        annotate(it.key(), it.value());
}

void YamlEditor::goToLine(int line, int column)
{
    const int target = std::clamp(line - 1, 0, std::max(0, lines() - 1));
    const int index = std::clamp(column - 1, 0, std::max(0, lineLength(target)));
    ensureLineVisible(target);
    setCursorPosition(target, index);
    setFocus(Qt::OtherFocusReason);
}

void YamlEditor::loadText(const QString &text)
{
    setText(text);
    SendScintilla(SCI_EMPTYUNDOBUFFER);
    setModified(false);
    setCursorPosition(0, 0);
}

void YamlEditor::replaceText(const QString &text)
{
    const QByteArray before = this->text().toUtf8();
    const QByteArray after = text.toUtf8();
    if (before == after)
        return;

    // The common head and tail, cut at character boundaries (Scintilla positions are bytes).
    const qsizetype shorter = std::min(before.size(), after.size());
    qsizetype head = 0;
    while (head < shorter && before.at(head) == after.at(head))
        ++head;
    while (head > 0 && ((head < before.size() && isUtf8Continuation(before.at(head)))
                        || (head < after.size() && isUtf8Continuation(after.at(head)))))
        --head;
    qsizetype tail = 0;
    while (tail < shorter - head && before.at(before.size() - 1 - tail) == after.at(after.size() - 1 - tail))
        ++tail;
    while (tail > 0 && isUtf8Continuation(before.at(before.size() - tail)))
        --tail;

    const QByteArray middle = after.mid(head, after.size() - tail - head);
    beginUndoAction();
    SendScintilla(SCI_SETTARGETSTART, static_cast<unsigned long>(head));
    SendScintilla(SCI_SETTARGETEND, static_cast<unsigned long>(before.size() - tail));
    SendScintilla(SCI_REPLACETARGET, static_cast<unsigned long>(middle.size()), middle.constData());
    endUndoAction();
}

void YamlEditor::updateLineNumberWidth()
{
    // Room for one more digit than the line count needs, so the margin does not jump at 10, 100…
    setMarginWidth(LineNumberMargin, QString(QString::number(lines()).size() + 1, QLatin1Char('9')));
}

} // namespace Trainyard
