#include "busyindicator.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace Trainyard {

BusyIndicator::BusyIndicator(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::PlainText);
    auto *bar = new QProgressBar;
    bar->setRange(0, 0);
    bar->setTextVisible(false);
    bar->setMaximumHeight(fontMetrics().height());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(bar);
}

void BusyIndicator::start(const QString &text)
{
    m_label->setText(text);
    show();
}

} // namespace Trainyard
