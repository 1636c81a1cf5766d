// The YAML editor widget: minimal text replacement (cursor, undo, UTF-8), markers and annotations.

#include "yamleditor.h"

#include <QTest>

using namespace Trainyard;

namespace {

Finding finding(Finding::Severity severity, int line, const QString &message)
{
    return {severity, message, QString(), {line, 1}, QString()};
}

bool hasMarker(const YamlEditor &editor, int line, YamlEditor::Marker marker)
{
    return editor.markersAtLine(line) & (1u << marker);
}

} // namespace

class tst_YamlEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replaceTextKeepsCursorAndUndo_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("value") << QStringLiteral("a: 1\nb: 2\nc: 3\n") << QStringLiteral("a: 1\nb: 20\nc: 3\n");
        QTest::newRow("line removed") << QStringLiteral("# note\na: 1\nb: 2\nc: 3\n") << QStringLiteral("a: 1\nb: 2\nc: 3\n");
        // é and è share their first UTF-8 byte: the edit must not split a character.
        QTest::newRow("utf-8") << QStringLiteral("name: café\nb: 2\nc: 3\n") << QStringLiteral("name: cafè\nb: 2\nc: 3\n");
        QTest::newRow("grows") << QStringLiteral("a: ü\n") << QStringLiteral("a: ü\nb: ß\nc: 3\n");
        QTest::newRow("empties") << QStringLiteral("a: ü\n") << QString();
    }

    void replaceTextKeepsCursorAndUndo()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        YamlEditor editor;
        editor.loadText(before);
        QVERIFY(!editor.isModified());
        QVERIFY(!editor.isUndoAvailable());
        const int lastLine = editor.lines() - 1;
        editor.setCursorPosition(lastLine, 0);

        editor.replaceText(after);
        QCOMPARE(editor.text(), after);
        QVERIFY(editor.isModified());
        int line = -1;
        int index = -1;
        editor.getCursorPosition(&line, &index);
        // The cursor stays on the last line, which has not changed (it moved up with a removed line).
        if (after.endsWith(QLatin1String("c: 3\n")) && before.endsWith(QLatin1String("c: 3\n")))
            QCOMPARE(line, editor.lines() - 1);

        // One undo step brings the old text back.
        editor.undo();
        QCOMPARE(editor.text(), before);
        QVERIFY(!editor.isModified());
    }

    void findingsBecomeMarkersAndAnnotations()
    {
        YamlEditor editor;
        editor.loadText(QStringLiteral("script: train.py\nnodeCount: abc\ntarget: nowhere\n"));
        editor.setFindings({finding(Finding::Severity::Error, 2, QStringLiteral("Not a number.")),
                            finding(Finding::Severity::Warning, 2, QStringLiteral("Also odd.")),
                            finding(Finding::Severity::Warning, 3, QStringLiteral("Unknown target.")),
                            finding(Finding::Severity::Error, 0, QStringLiteral("Somewhere."))});
        QVERIFY(hasMarker(editor, 0, YamlEditor::ErrorMarker));
        QVERIFY(hasMarker(editor, 1, YamlEditor::ErrorMarker));
        QVERIFY(hasMarker(editor, 1, YamlEditor::WarningMarker));
        QVERIFY(!hasMarker(editor, 2, YamlEditor::ErrorMarker));
        QVERIFY(hasMarker(editor, 2, YamlEditor::WarningMarker));
        QCOMPARE(editor.annotation(1), QStringLiteral("Error: Not a number.\nWarning: Also odd."));
        QCOMPARE(editor.annotation(2), QStringLiteral("Warning: Unknown target."));
        QCOMPARE(editor.findings().size(), 4);

        // New findings replace the old ones.
        editor.setFindings({});
        for (int line = 0; line < editor.lines(); ++line) {
            QCOMPARE(editor.markersAtLine(line), 0u);
            QCOMPARE(editor.annotation(line), QString());
        }
        // Findings do not count as edits.
        QVERIFY(!editor.isModified());
    }

    void goToLine()
    {
        YamlEditor editor;
        editor.loadText(QStringLiteral("a: 1\nbb: 2\nccc: 3\n"));
        editor.goToLine(3, 4);
        int line = -1;
        int index = -1;
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 2);
        QCOMPARE(index, 3);
        // Out of range: clamped to the text.
        editor.goToLine(100, 100);
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, editor.lines() - 1);
        editor.goToLine(0, 0);
        editor.getCursorPosition(&line, &index);
        QCOMPARE(line, 0);
        QCOMPARE(index, 0);
    }
};

QTEST_MAIN(tst_YamlEditor)
#include "tst_yamleditor.moc"
