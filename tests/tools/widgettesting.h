#pragma once

// Helpers the widget tests share: driving widgets as a person would, and screenshots.

#include <QAbstractButton>
#include <QApplication>
#include <QLabel>
#include <QMessageBox>
#include <QRadioButton>
#include <QStyle>
#include <QTest>
#include <QTimer>
#include <QWizard>

namespace WidgetTesting {

// Saves a picture of `widget` as <name>.png in $TRAINYARD_SCREENSHOT_DIR, when that is set.
inline void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("TRAINYARD_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest); // a label's text just changed
    widget->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
}

// Answers the next message box with `button` as soon as it shows.
inline void answerNextMessageBox(QObject *context, QMessageBox::StandardButton button)
{
    auto *timer = new QTimer(context);
    timer->setInterval(10);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->button(button))
            return;
        timer->stop();
        timer->deleteLater();
        box->button(button)->click();
    });
    timer->start();
}

// Radio buttons take clicks on their indicator and text only, not across their whole width.
inline void clickChoice(QRadioButton *button)
{
    const int indicator = button->style()->pixelMetric(QStyle::PM_ExclusiveIndicatorWidth, nullptr, button);
    QTest::mouseClick(button, Qt::LeftButton, {}, QPoint(indicator / 2 + 1, button->height() / 2));
}

template<typename T>
T *child(QObject *parent, const char *name)
{
    T *found = parent->findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qWarning("no child %s", name);
    return found;
}

// Clicks Next when it shows and is enabled; false otherwise.
inline bool clickNext(QWizard *wizard)
{
    QAbstractButton *next = wizard->button(QWizard::NextButton);
    if (!next->isVisible() || !next->isEnabled())
        return false;
    QTest::mouseClick(next, Qt::LeftButton);
    return true;
}

// What the current page shows in its labels, for failure messages.
inline QString pageText(QWizard *wizard)
{
    QStringList texts{QStringLiteral("page %1").arg(wizard->currentId())};
    const auto labels = wizard->currentPage()->findChildren<QLabel *>();
    for (const QLabel *label : labels) {
        if (label->isVisible() && !label->text().isEmpty())
            texts << label->text();
    }
    return texts.join(QLatin1String(" | "));
}

} // namespace WidgetTesting
