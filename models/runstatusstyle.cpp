#include "runstatusstyle.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Trainyard {

namespace {

enum class Glyph { Tick, Cross, Stop, Play, Dots, Exclamation, Empty };

Glyph glyphFor(RunStatus status)
{
    switch (status) {
    case RunStatus::Completed:
        return Glyph::Tick;
    case RunStatus::Failed:
        return Glyph::Cross;
    case RunStatus::Canceled:
        return Glyph::Stop;
    case RunStatus::Running:
        return Glyph::Play;
    case RunStatus::Starting:
    case RunStatus::Preparing:
    case RunStatus::Queued:
    case RunStatus::Finalizing:
        return Glyph::Dots;
    case RunStatus::CancelRequested:
    case RunStatus::NotResponding:
        return Glyph::Exclamation;
    case RunStatus::NotStarted:
        return Glyph::Empty;
    }
    return Glyph::Empty;
}

QPixmap badge(RunStatus status, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    painter.setPen(Qt::NoPen);
    painter.setBrush(RunStatusStyle::color(status));
    painter.drawEllipse(QRectF(0.5, 0.5, s - 1, s - 1));

    QPen pen(Qt::white, qMax(1.5, s / 9), Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (glyphFor(status)) {
    case Glyph::Tick: {
        QPainterPath path;
        path.moveTo(s * 0.28, s * 0.52);
        path.lineTo(s * 0.44, s * 0.68);
        path.lineTo(s * 0.73, s * 0.35);
        painter.drawPath(path);
        break;
    }
    case Glyph::Cross:
        painter.drawLine(QPointF(s * 0.34, s * 0.34), QPointF(s * 0.66, s * 0.66));
        painter.drawLine(QPointF(s * 0.66, s * 0.34), QPointF(s * 0.34, s * 0.66));
        break;
    case Glyph::Stop:
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRect(QRectF(s * 0.34, s * 0.34, s * 0.32, s * 0.32));
        break;
    case Glyph::Play: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        const QPointF triangle[] = {{s * 0.40, s * 0.30}, {s * 0.72, s * 0.50}, {s * 0.40, s * 0.70}};
        painter.drawPolygon(triangle, 3);
        break;
    }
    case Glyph::Dots:
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        for (const qreal x : {0.30, 0.50, 0.70})
            painter.drawEllipse(QPointF(s * x, s * 0.5), s * 0.07, s * 0.07);
        break;
    case Glyph::Exclamation:
        painter.drawLine(QPointF(s * 0.5, s * 0.27), QPointF(s * 0.5, s * 0.56));
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawEllipse(QPointF(s * 0.5, s * 0.72), s * 0.065, s * 0.065);
        break;
    case Glyph::Empty:
        painter.setBrush(Qt::white);
        painter.setPen(Qt::NoPen);
        painter.drawEllipse(QPointF(s * 0.5, s * 0.5), s * 0.22, s * 0.22);
        break;
    }
    return pixmap;
}

} // namespace

QColor RunStatusStyle::color(RunStatus status)
{
    switch (status) {
    case RunStatus::Completed:
        return QColor(0x10, 0x7c, 0x10); // green
    case RunStatus::Failed:
        return QColor(0xc5, 0x0f, 0x1f); // red
    case RunStatus::Canceled:
    case RunStatus::NotStarted:
        return QColor(0x73, 0x73, 0x73); // grey
    case RunStatus::CancelRequested:
    case RunStatus::NotResponding:
        return QColor(0xd8, 0x6c, 0x00); // orange
    case RunStatus::Starting:
    case RunStatus::Preparing:
    case RunStatus::Queued:
    case RunStatus::Running:
    case RunStatus::Finalizing:
        return QColor(0x00, 0x67, 0xc0); // blue
    }
    return QColor(0x73, 0x73, 0x73);
}

QIcon RunStatusStyle::icon(RunStatus status)
{
    QIcon icon;
    for (const int size : {16, 20, 24, 32, 48, 64})
        icon.addPixmap(badge(status, size));
    return icon;
}

} // namespace Trainyard
