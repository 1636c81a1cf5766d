#pragma once

#include <QWidget>

class QLabel;

namespace Trainyard {

// An indeterminate progress bar with a line saying what is going on, for wizard pages that wait
// for a worker (connecting, probing, attaching).
class BusyIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit BusyIndicator(QWidget *parent = nullptr);

    // Shows the indicator with `text`.
    void start(const QString &text);

private:
    QLabel *m_label;
};

} // namespace Trainyard
