#pragma once

#include <QString>
#include <QStyle>

class QLabel;
class QWidget;

namespace Trainyard {

// The labels the compute wizards' pages are made of, built alike on every page.
namespace WizardLabels {

// Plain text that wraps.
QLabel *wrapped(const QString &text = {});
// A quieter line that explains (placeholder colour).
QLabel *note(const QString &text = {});
// A value a person may want to copy (a fingerprint, a path).
QLabel *value();
// A fingerprint: selectable, fixed-width, on one line.
QLabel *fingerprint(const QString &objectName);
// A problem with a field, in red.
QLabel *problem(const QString &objectName);
// A message box icon beside a status line; `size` is a QStyle pixel metric.
QLabel *icon(QStyle::StandardPixmap icon, QWidget *page, QStyle::PixelMetric size = QStyle::PM_MessageBoxIconSize);

} // namespace WizardLabels

} // namespace Trainyard
