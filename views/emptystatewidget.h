#pragma once

#include <QWidget>

class QLabel;

namespace Trainyard {

// A centred icon, title and hint that tells a person what to do next on an empty page.
class EmptyStateWidget : public QWidget
{
    Q_OBJECT

public:
    explicit EmptyStateWidget(QWidget *parent = nullptr);

    void setIcon(const QIcon &icon);
    void setTitle(const QString &title);
    void setHint(const QString &hint);

    QString title() const;
    QString hint() const;

private:
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_hint;
};

} // namespace Trainyard
