#include "wizardlabels.h"

#include <QFontDatabase>
#include <QLabel>

namespace Trainyard::WizardLabels {

QLabel *wrapped(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    return label;
}

QLabel *note(const QString &text)
{
    QLabel *label = wrapped(text);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QLabel *value()
{
    QLabel *label = wrapped();
    label->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    return label;
}

QLabel *fingerprint(const QString &objectName)
{
    QLabel *label = value();
    label->setObjectName(objectName);
    label->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    label->setWordWrap(false);
    return label;
}

QLabel *problem(const QString &objectName)
{
    QLabel *label = wrapped();
    label->setObjectName(objectName);
    QPalette palette = label->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc5, 0x0f, 0x1f));
    label->setPalette(palette);
    label->hide();
    return label;
}

QLabel *icon(QStyle::StandardPixmap icon, QWidget *page, QStyle::PixelMetric size)
{
    auto *label = new QLabel;
    const int extent = page->style()->pixelMetric(size, nullptr, page);
    label->setPixmap(page->style()->standardIcon(icon, nullptr, page).pixmap(extent, extent));
    label->setAlignment(Qt::AlignTop);
    return label;
}

} // namespace Trainyard::WizardLabels
