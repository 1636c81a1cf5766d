#include "metricchartview.h"

#include "seriesdecimator.h"
#include "seriessmoother.h"

#include <QChart>
#include <QChartView>
#include <QContextMenuEvent>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QDir>
#include <QFileDialog>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Trainyard {

namespace {

// Tableau 10: distinct, print-friendly, and readable on white.
const QRgb seriesColors[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

const QColor labelColor(0x55, 0x55, 0x55);

void styleAxis(QAbstractAxis *axis)
{
    QFont labels = axis->labelsFont();
    labels.setPointSizeF(8.5);
    axis->setLabelsFont(labels);
    axis->setLabelsColor(labelColor);
    QFont title = axis->titleFont();
    title.setPointSizeF(8.5);
    title.setBold(false);
    axis->setTitleFont(title);
    axis->setTitleBrush(labelColor);
    axis->setGridLineColor(QColor(0xe6, 0xe6, 0xe6));
    axis->setMinorGridLineColor(QColor(0xf2, 0xf2, 0xf2));
    axis->setLinePenColor(QColor(0xc0, 0xc0, 0xc0));
}

QString csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) && !text.contains(QLatin1Char('\n')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString number(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// A file name made from a chart title: "train/loss" -> "train_loss".
QString fileNameFor(const QString &title, const QString &suffix)
{
    static const QRegularExpression unsafe(QStringLiteral(R"([^\w.-]+)"));
    QString name = title;
    name.replace(unsafe, QStringLiteral("_"));
    if (name.isEmpty())
        name = QStringLiteral("chart");
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return dir + QLatin1Char('/') + name + suffix;
}

// A round tick interval (1, 2, 2.5 or 5 times a power of ten) that splits `span` into about
// `ticks` parts; whole numbers only for integral data such as steps.
double niceStep(double span, int ticks, bool integral)
{
    if (!(span > 0) || !std::isfinite(span))
        return 1;
    const double raw = span / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double fraction = raw / magnitude;
    double step = magnitude * (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10);
    if (integral) {
        step = std::max(1.0, step);
        if (step < 10 && step != std::floor(step))
            step = 2;
    }
    return step;
}

} // namespace

MetricChartView::MetricChartView(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_logButton(new QToolButton(this))
    , m_exportButton(new QToolButton(this))
    , m_view(new QChartView(this))
    , m_chart(new QChart)
    , m_xValueAxis(new QValueAxis(this))
    , m_xTimeAxis(new QDateTimeAxis(this))
    , m_yValueAxis(new QValueAxis(this))
    , m_yLogAxis(new QLogValueAxis(this))
    , m_resizeTimer(new QTimer(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *header = new QHBoxLayout;
    header->setContentsMargins(10, 6, 6, 0);
    header->setSpacing(2);
    header->addWidget(m_title, 1);
    header->addWidget(m_logButton);
    header->addWidget(m_exportButton);
    layout->addLayout(header);
    layout->addWidget(m_view, 1);

    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_title->setMinimumWidth(40);

    m_logButton->setObjectName(QStringLiteral("logScaleButton"));
    m_logButton->setText(tr("Log"));
    m_logButton->setCheckable(true);
    m_logButton->setAutoRaise(true);
    connect(m_logButton, &QToolButton::clicked, this, [this](bool checked) {
        setLogScale(checked);
        Q_EMIT logScaleChanged(checked);
    });

    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Save this chart as an image or its data as CSV"));
    m_exportButton->setAutoRaise(true);
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(m_exportButton);
    connect(exportMenu->addAction(tr("Export PNG…")), &QAction::triggered, this, &MetricChartView::askExportPng);
    connect(exportMenu->addAction(tr("Export CSV…")), &QAction::triggered, this, &MetricChartView::askExportCsv);
    m_exportButton->setMenu(exportMenu);

    m_view->setChart(m_chart);
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setMinimumHeight(180);
    m_view->setContextMenuPolicy(Qt::NoContextMenu); // the widget's own menu handles it

    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_chart->setBackgroundRoundness(0);
    m_chart->setMargins(QMargins(4, 2, 10, 4));
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->legend()->setVisible(false);
    QFont legendFont = m_chart->legend()->font();
    legendFont.setPointSizeF(8.5);
    m_chart->legend()->setFont(legendFont);
    m_chart->legend()->setLabelColor(labelColor);

    for (QValueAxis *axis : {m_xValueAxis, m_yValueAxis}) {
        axis->setLabelFormat(QStringLiteral("%g"));
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        styleAxis(axis);
    }
    m_xTimeAxis->setTickCount(5);
    styleAxis(m_xTimeAxis);
    m_yLogAxis->setBase(10);
    m_yLogAxis->setLabelFormat(QStringLiteral("%g"));
    m_yLogAxis->setMinorTickCount(-1);
    styleAxis(m_yLogAxis);
    m_chart->addAxis(m_xValueAxis, Qt::AlignBottom);
    m_chart->addAxis(m_yValueAxis, Qt::AlignLeft);

    // Resizing changes the plot width and so the number of points worth drawing.
    m_resizeTimer->setSingleShot(true);
    m_resizeTimer->setInterval(20);
    connect(m_resizeTimer, &QTimer::timeout, this, &MetricChartView::refresh);
    connect(m_chart, &QChart::plotAreaChanged, this, [this](const QRectF &area) {
        if (qRound(area.width()) != m_decimationWidth && !m_series.isEmpty())
            m_resizeTimer->start();
    });

    updateLogAvailability();
    refresh();
}

MetricChartView::~MetricChartView() = default;

void MetricChartView::setTitle(const QString &title)
{
    m_title->setText(title);
}

QString MetricChartView::title() const
{
    return m_title->text();
}

void MetricChartView::setXAxisTitle(const QString &title)
{
    m_xValueAxis->setTitleText(title);
    m_xTimeAxis->setTitleText(title);
}

QString MetricChartView::xAxisTitle() const
{
    return m_xValueAxis->titleText();
}

void MetricChartView::setXAxisFormat(XAxisFormat format)
{
    if (format == m_xFormat)
        return;
    m_xFormat = format;
    useXAxis(format == XAxisFormat::DateTime ? static_cast<QAbstractAxis *>(m_xTimeAxis) : m_xValueAxis);
    refresh();
}

void MetricChartView::setSeries(const QList<NamedSeries> &series)
{
    if (series.size() == m_series.size()) {
        bool same = true;
        for (qsizetype i = 0; i < series.size() && same; ++i) {
            const NamedSeries &a = series.at(i);
            const NamedSeries &b = m_series.at(i);
            same = a.name == b.name && a.color == b.color && a.points == b.points;
        }
        if (same)
            return;
    }
    m_series = series;
    rebuildLines();
    updateLogAvailability();
    refresh();
}

void MetricChartView::setSmoothing(double weight)
{
    weight = std::isfinite(weight) ? std::clamp(weight, 0.0, 0.999) : 0.0;
    if (weight == m_smoothing)
        return;
    m_smoothing = weight;
    refresh();
}

void MetricChartView::setLogScale(bool on)
{
    m_logRequested = on;
    updateLogAvailability();
    refresh();
}

bool MetricChartView::isLogScale() const
{
    return m_logRequested && isLogScaleAvailable();
}

QLineSeries *MetricChartView::lineSeries(const QString &name) const
{
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        if (m_series.at(i).name == name)
            return m_lines.at(i).main;
    }
    return nullptr;
}

QColor MetricChartView::colorFor(int index) const
{
    const QColor given = m_series.at(index).color;
    return given.isValid() ? given : QColor(seriesColors[size_t(index) % std::size(seriesColors)]);
}

// Series objects are made again only when the number of series changes; otherwise they keep
// their identity and only their names and pens follow the new list.
void MetricChartView::rebuildLines()
{
    if (m_lines.size() != m_series.size()) {
        m_chart->removeAllSeries();
        m_lines.clear();
        QAbstractAxis *x = m_chart->axes(Qt::Horizontal).value(0);
        QAbstractAxis *y = m_chart->axes(Qt::Vertical).value(0);
        // Every faint raw line goes in before the first main line, so none covers a main line.
        for (qsizetype i = 0; i < m_series.size(); ++i) {
            Line line;
            line.raw = new QLineSeries;
            line.main = new QLineSeries;
            m_lines.append(line);
        }
        for (const Line &line : std::as_const(m_lines))
            m_chart->addSeries(line.raw);
        for (const Line &line : std::as_const(m_lines))
            m_chart->addSeries(line.main);
        for (int i = 0; i < int(m_lines.size()); ++i) {
            const Line &line = m_lines.at(i);
            for (QLineSeries *series : {line.raw, line.main}) {
                series->attachAxis(x);
                series->attachAxis(y);
            }
            const QList<QLegendMarker *> markers = m_chart->legend()->markers(line.raw);
            for (QLegendMarker *marker : markers)
                marker->setVisible(false);
            connect(line.main, &QLineSeries::hovered, this, [this, i](const QPointF &point, bool state) {
                if (state)
                    showPointToolTip(i, point);
                else
                    QToolTip::hideText();
            });
        }
    }
    for (int i = 0; i < int(m_lines.size()); ++i) {
        const QColor color = colorFor(i);
        QColor faint = color;
        faint.setAlpha(70);
        m_lines[i].main->setName(m_series.at(i).name);
        m_lines[i].main->setPen(QPen(color, 2.0));
        m_lines[i].raw->setName(m_series.at(i).name);
        m_lines[i].raw->setPen(QPen(faint, 1.2));
    }
    m_chart->legend()->setVisible(m_series.size() > 1);
}

int MetricChartView::plotWidth() const
{
    const int width = qRound(m_chart->plotArea().width());
    // Before the first layout the plot area is empty: guess from the view.
    return width >= 16 ? width : qMax(200, m_view->width() - 90);
}

void MetricChartView::refresh()
{
    m_resizeTimer->stop();
    const int width = plotWidth();
    m_decimationWidth = width;
    double xMin = std::numeric_limits<double>::infinity();
    double xMax = -xMin;
    double yMin = xMin;
    double yMax = -xMin;
    bool integralX = true;
    for (qsizetype i = 0; i < m_series.size(); ++i) {
        // Decimation keeps the minimum and maximum, so the drawn points give the data's ranges.
        const QList<QPointF> drawn = SeriesDecimator::forWidth(m_series.at(i).points, width);
        for (const QPointF &point : drawn) {
            xMin = std::min(xMin, point.x());
            xMax = std::max(xMax, point.x());
            yMin = std::min(yMin, point.y());
            yMax = std::max(yMax, point.y());
            integralX = integralX && std::floor(point.x()) == point.x();
        }
        const Line &line = m_lines.at(i);
        if (m_smoothing > 0 && drawn.size() > 1) {
            line.raw->replace(drawn);
            line.main->replace(SeriesSmoother::ema(drawn, m_smoothing));
        } else {
            if (line.raw->count() > 0)
                line.raw->clear();
            line.main->replace(drawn);
        }
    }
    updateAxes(xMin, xMax, yMin, yMax, integralX);
}

void MetricChartView::updateAxes(double xMin, double xMax, double yMin, double yMax, bool integralX)
{
    const bool empty = !(xMin <= xMax);
    if (empty) {
        xMin = 0;
        xMax = 1;
        yMin = 0;
        yMax = 1;
    }

    if (m_xFormat == XAxisFormat::DateTime) {
        if (empty) {
            const double now = double(QDateTime::currentMSecsSinceEpoch());
            xMin = now - 60000;
            xMax = now;
        } else if (xMax - xMin < 1000) {
            xMin -= 30000;
            xMax += 30000;
        }
        const double span = xMax - xMin;
        m_xTimeAxis->setFormat(span < 86400000.0 ? QStringLiteral("HH:mm:ss")
                                                 : span < 7 * 86400000.0 ? QStringLiteral("ddd HH:mm")
                                                                         : QStringLiteral("MMM d"));
        m_xTimeAxis->setRange(QDateTime::fromMSecsSinceEpoch(qint64(xMin)), QDateTime::fromMSecsSinceEpoch(qint64(std::ceil(xMax))));
    } else {
        if (xMax - xMin <= 0) {
            xMin -= 1;
            xMax += 1;
        }
        // The data's own range (as TensorBoard draws it), with ticks on round numbers inside it.
        // Interval before range: a small old interval over a large new range would mean
        // millions of ticks for a moment.
        m_xValueAxis->setTickInterval(niceStep(xMax - xMin, 6, integralX));
        m_xValueAxis->setRange(xMin, xMax);
    }

    if (isLogScale()) {
        double low = std::pow(10.0, std::floor(std::log10(yMin)));
        double high = std::pow(10.0, std::ceil(std::log10(yMax)));
        if (high <= low)
            high = low * 10;
        m_yLogAxis->setRange(low, high);
    } else {
        const double span = yMax - yMin;
        const double pad = span > 0 ? span * 0.05 : std::max(std::abs(yMax) * 0.1, 1.0);
        m_yValueAxis->setTickInterval(niceStep(span + 2 * pad, 5, false));
        m_yValueAxis->setRange(yMin - pad, yMax + pad);
    }
}

void MetricChartView::useXAxis(QAbstractAxis *axis)
{
    const QList<QAbstractAxis *> current = m_chart->axes(Qt::Horizontal);
    if (current.contains(axis))
        return;
    for (QAbstractAxis *old : current) {
        m_chart->removeAxis(old);
        old->setParent(this);
    }
    m_chart->addAxis(axis, Qt::AlignBottom);
    for (const Line &line : std::as_const(m_lines)) {
        line.raw->attachAxis(axis);
        line.main->attachAxis(axis);
    }
}

void MetricChartView::useYAxis(QAbstractAxis *axis)
{
    const QList<QAbstractAxis *> current = m_chart->axes(Qt::Vertical);
    if (current.contains(axis))
        return;
    for (QAbstractAxis *old : current) {
        m_chart->removeAxis(old);
        old->setParent(this);
    }
    m_chart->addAxis(axis, Qt::AlignLeft);
    for (const Line &line : std::as_const(m_lines)) {
        line.raw->attachAxis(axis);
        line.main->attachAxis(axis);
    }
}

void MetricChartView::updateLogAvailability()
{
    m_logUnavailableReason.clear();
    bool any = false;
    for (const NamedSeries &series : std::as_const(m_series)) {
        if (series.points.isEmpty())
            continue;
        any = true;
        if (!SeriesSmoother::allPositive(series.points)) {
            m_logUnavailableReason = m_series.size() > 1
                ? tr("A log scale needs values above zero, and %1 has values of zero or below.").arg(series.name)
                : tr("A log scale needs values above zero, and this metric has values of zero or below.");
            break;
        }
    }
    if (!any)
        m_logUnavailableReason = tr("There are no values to show on a log scale yet.");

    if (isLogScale() && !m_chart->axes(Qt::Vertical).contains(m_yLogAxis)) {
        // The lines may still hold earlier data with values of zero or below, which a log axis
        // cannot place; refresh() fills them again right after.
        for (const Line &line : std::as_const(m_lines)) {
            line.raw->clear();
            line.main->clear();
        }
    }
    useYAxis(isLogScale() ? static_cast<QAbstractAxis *>(m_yLogAxis) : m_yValueAxis);
    m_logButton->setEnabled(isLogScaleAvailable());
    m_logButton->setChecked(isLogScale());
    m_logButton->setToolTip(isLogScaleAvailable() ? tr("Show the y axis on a logarithmic scale") : m_logUnavailableReason);
}

void MetricChartView::showPointToolTip(int line, const QPointF &position)
{
    if (line >= m_series.size())
        return;
    const QList<QPointF> &points = m_series.at(line).points;
    if (points.isEmpty())
        return;
    // The nearest logged point by x (the data is sorted by x); of equally near ones, the nearest by y.
    auto it = std::lower_bound(points.cbegin(), points.cend(), position.x(),
                               [](const QPointF &point, double x) { return point.x() < x; });
    QPointF nearest = it == points.cend() ? points.constLast() : *it;
    if (it != points.cbegin()) {
        const QPointF before = *(it - 1);
        const double dBefore = std::abs(before.x() - position.x());
        const double dNearest = std::abs(nearest.x() - position.x());
        if (dBefore < dNearest || (dBefore == dNearest && std::abs(before.y() - position.y()) < std::abs(nearest.y() - position.y())))
            nearest = before;
    }
    QString text = QStringLiteral("<b>%1</b><br>%2: %3<br>%4: %5")
                       .arg(m_series.at(line).name.toHtmlEscaped(), xAxisTitle().isEmpty() ? tr("x") : xAxisTitle().toHtmlEscaped(),
                            formatX(nearest.x()), tr("Value"), number(nearest.y()));
    if (m_smoothing > 0) {
        const QList<QPointF> drawn = m_lines.at(line).main->points();
        auto smoothed = std::lower_bound(drawn.cbegin(), drawn.cend(), nearest.x(),
                                         [](const QPointF &point, double x) { return point.x() < x; });
        if (smoothed != drawn.cend())
            text += QStringLiteral("<br>%1: %2").arg(tr("Smoothed"), number(smoothed->y()));
    }
    QToolTip::showText(QCursor::pos(), text, m_view);
}

QString MetricChartView::formatX(double x) const
{
    if (m_xFormat == XAxisFormat::DateTime)
        return QDateTime::fromMSecsSinceEpoch(qint64(x)).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    return number(x);
}

Result<void> MetricChartView::exportPng(const QString &path) const
{
    const QPixmap chart = m_view->grab();
    const qreal ratio = chart.devicePixelRatio();
    QFont font = m_title->font();
    const int titleHeight = QFontMetrics(font).height() + 16;
    QImage image(chart.width(), chart.height() + qRound(titleHeight * ratio), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::TextAntialiasing);
        painter.setFont(font);
        painter.setPen(QColor(0x20, 0x20, 0x20));
        const qreal width = chart.width() / ratio;
        painter.drawText(QRectF(12, 0, width - 24, titleHeight), Qt::AlignLeft | Qt::AlignVCenter, title());
        painter.drawPixmap(QPointF(0, titleHeight), chart);
    }
    if (!image.save(path, "PNG"))
        return Error{tr("Cannot write the image %1: check that the folder exists and is writable.").arg(QDir::toNativeSeparators(path))};
    return {};
}

Result<void> MetricChartView::exportCsv(const QString &path) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text))
        return Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    QByteArray chunk;
    chunk.reserve(1 << 20);
    chunk += "series,x,y\n";
    for (const NamedSeries &series : m_series) {
        const QByteArray name = csvField(series.name).toUtf8();
        for (const QPointF &point : series.points) {
            chunk += name;
            chunk += ',';
            if (m_xFormat == XAxisFormat::DateTime)
                chunk += QDateTime::fromMSecsSinceEpoch(qint64(point.x()), Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
            else
                chunk += number(point.x()).toLatin1();
            chunk += ',';
            chunk += number(point.y()).toLatin1();
            chunk += '\n';
            if (chunk.size() > (1 << 20) - 256) {
                file.write(chunk);
                chunk.clear();
            }
        }
    }
    file.write(chunk);
    if (!file.commit())
        return Error{tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString())};
    return {};
}

void MetricChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    connect(menu.addAction(tr("Export PNG…")), &QAction::triggered, this, &MetricChartView::askExportPng);
    connect(menu.addAction(tr("Export CSV…")), &QAction::triggered, this, &MetricChartView::askExportCsv);
    menu.addSeparator();
    QAction *log = menu.addAction(tr("Log Scale"));
    log->setCheckable(true);
    log->setChecked(isLogScale());
    log->setEnabled(isLogScaleAvailable());
    log->setToolTip(m_logButton->toolTip());
    connect(log, &QAction::triggered, this, [this](bool checked) {
        setLogScale(checked);
        Q_EMIT logScaleChanged(checked);
    });
    menu.exec(event->globalPos());
}

void MetricChartView::askExportPng()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart as PNG"), fileNameFor(title(), QStringLiteral(".png")),
                                                      tr("PNG images (*.png)"));
    if (path.isEmpty())
        return;
    if (const auto saved = exportPng(path); !saved)
        QMessageBox::warning(this, tr("Export Chart"), saved.errorMessage());
}

void MetricChartView::askExportCsv()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart Data as CSV"), fileNameFor(title(), QStringLiteral(".csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const auto saved = exportCsv(path); !saved)
        QMessageBox::warning(this, tr("Export Chart Data"), saved.errorMessage());
}

} // namespace Trainyard
