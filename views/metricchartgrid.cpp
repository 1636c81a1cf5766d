#include "metricchartgrid.h"

#include "emptystatewidget.h"
#include "metricchartview.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QResizeEvent>
#include <QScrollArea>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace Trainyard {

namespace {

// The same colours as the charts' own palette, fixed per run so a run keeps its colour in
// every chart of a comparison, also where another run lacks the metric.
const QRgb runColors[] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f, 0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};

constexpr int MinimumChartWidth = 440;
constexpr int ChartHeight = 300;
constexpr int MaximumChartHeight = 520;
constexpr int MaximumColumns = 3;

} // namespace

MetricChartGrid::MetricChartGrid(QWidget *parent)
    : QWidget(parent)
    , m_xAxisCombo(new QComboBox(this))
    , m_smoothingSlider(new QSlider(Qt::Horizontal, this))
    , m_smoothingValue(new QLabel(this))
    , m_logCheck(new QCheckBox(tr("Log scale"), this))
    , m_filter(new QLineEdit(this))
    , m_busy(new QProgressBar(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new EmptyStateWidget(this))
    , m_scroll(new QScrollArea(this))
    , m_container(new QWidget)
    , m_grid(new QGridLayout(m_container))
{
    auto *controls = new QHBoxLayout;
    controls->setContentsMargins(10, 8, 10, 8);
    controls->setSpacing(8);
    auto *xLabel = new QLabel(tr("X axis:"), this);
    xLabel->setBuddy(m_xAxisCombo);
    controls->addWidget(xLabel);
    m_xAxisCombo->setObjectName(QStringLiteral("xAxisCombo"));
    m_xAxisCombo->addItem(tr("Step"), int(XAxisMode::Step));
    m_xAxisCombo->addItem(tr("Relative time (s)"), int(XAxisMode::RelativeTime));
    m_xAxisCombo->addItem(tr("Wall time"), int(XAxisMode::WallTime));
    m_xAxisCombo->setToolTip(tr("What the horizontal axis of every chart shows"));
    controls->addWidget(m_xAxisCombo);
    controls->addSpacing(16);

    auto *smoothingLabel = new QLabel(tr("Smoothing:"), this);
    smoothingLabel->setBuddy(m_smoothingSlider);
    controls->addWidget(smoothingLabel);
    m_smoothingSlider->setObjectName(QStringLiteral("smoothingSlider"));
    m_smoothingSlider->setRange(0, 99);
    m_smoothingSlider->setPageStep(10);
    m_smoothingSlider->setFixedWidth(160);
    m_smoothingSlider->setToolTip(tr("Exponential moving average of each line (TensorBoard's debiased EMA); "
                                     "the raw values stay visible as a faint line"));
    controls->addWidget(m_smoothingSlider);
    m_smoothingValue->setObjectName(QStringLiteral("smoothingValue"));
    m_smoothingValue->setMinimumWidth(m_smoothingValue->fontMetrics().horizontalAdvance(QStringLiteral("0.00")) + 4);
    controls->addWidget(m_smoothingValue);
    controls->addSpacing(16);

    m_logCheck->setObjectName(QStringLiteral("logScaleCheck"));
    controls->addWidget(m_logCheck);
    controls->addStretch(1);

    m_busy->setObjectName(QStringLiteral("loadingIndicator"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->setMaximumHeight(10);
    m_busy->setToolTip(tr("Loading metrics…"));
    m_busy->setVisible(false);
    controls->addWidget(m_busy);

    m_filter->setObjectName(QStringLiteral("metricFilter"));
    m_filter->setPlaceholderText(tr("Filter metrics"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(220);
    controls->addWidget(m_filter);

    m_grid->setContentsMargins(10, 4, 10, 10);
    m_grid->setSpacing(10);
    m_container->setAutoFillBackground(true);
    QPalette background = m_container->palette();
    background.setColor(QPalette::Window, background.color(QPalette::Window).darker(104));
    m_container->setPalette(background);
    m_scroll->setWidget(m_container);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_emptyTitle = tr("No metrics yet");
    m_emptyHint = tr("Charts appear here as the script logs values, for example trainyard.log('loss', 0.25).");
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_scroll);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(controls);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    layout->addWidget(line);
    layout->addWidget(m_stack, 1);

    connect(m_xAxisCombo, &QComboBox::currentIndexChanged, this,
            [this] { setXAxisMode(XAxisMode(m_xAxisCombo->currentData().toInt())); });
    connect(m_smoothingSlider, &QSlider::valueChanged, this, [this](int value) {
        m_smoothingValue->setText(QString::number(value / 100.0, 'f', 2));
        for (MetricChartView *chart : std::as_const(m_charts))
            chart->setSmoothing(value / 100.0);
    });
    connect(m_logCheck, &QCheckBox::toggled, this, [this](bool on) {
        for (MetricChartView *chart : std::as_const(m_charts))
            chart->setLogScale(on);
    });
    connect(m_filter, &QLineEdit::textChanged, this, &MetricChartGrid::relayout);

    m_smoothingValue->setText(QString::number(0.0, 'f', 2));
    updateLogControl();
    updateEmptyState();
}

MetricChartGrid::~MetricChartGrid() = default;

void MetricChartGrid::setRuns(const QList<RunMetrics> &runs)
{
    m_runs = runs;
    rebuildSeries();
}

void MetricChartGrid::setXAxisMode(XAxisMode mode)
{
    const int index = m_xAxisCombo->findData(int(mode));
    if (index != m_xAxisCombo->currentIndex()) {
        m_xAxisCombo->setCurrentIndex(index); // comes back here through the combo
        return;
    }
    if (mode == m_xAxisMode)
        return;
    m_xAxisMode = mode;
    rebuildSeries();
}

void MetricChartGrid::setSmoothing(double weight)
{
    m_smoothingSlider->setValue(int(std::lround(std::clamp(std::isfinite(weight) ? weight : 0.0, 0.0, 0.99) * 100)));
}

double MetricChartGrid::smoothing() const
{
    return m_smoothingSlider->value() / 100.0;
}

void MetricChartGrid::setLogScale(bool on)
{
    m_logCheck->setChecked(on);
}

bool MetricChartGrid::logScale() const
{
    return m_logCheck->isChecked();
}

void MetricChartGrid::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

void MetricChartGrid::setLoading(bool loading)
{
    m_busy->setVisible(loading);
    updateEmptyState();
}

bool MetricChartGrid::isLoading() const
{
    return !m_busy->isHidden();
}

void MetricChartGrid::setEmptyText(const QString &title, const QString &hint)
{
    m_emptyTitle = title;
    m_emptyHint = hint;
    updateEmptyState();
}

void MetricChartGrid::rebuildSeries()
{
    // metric name -> one series per run that logged it, in run order.
    std::map<QString, QList<NamedSeries>> byMetric;
    const QString scalar = QStringLiteral("scalar");
    for (qsizetype r = 0; r < m_runs.size(); ++r) {
        const RunMetrics &run = m_runs.at(r);
        qint64 origin = run.start.isValid() ? run.start.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        if (!run.start.isValid()) {
            for (const MetricPoint &point : run.points) {
                if (point.kind == scalar && std::isfinite(point.value))
                    origin = std::min(origin, point.timeMs);
            }
        }
        // The store hands points over grouped by name: look the list up only when the name changes.
        std::map<QString, QList<QPointF>> lines;
        QList<QPointF> *current = nullptr;
        QString currentName;
        for (const MetricPoint &point : run.points) {
            if (point.kind != scalar || !std::isfinite(point.value))
                continue;
            if (!current || point.name != currentName) {
                currentName = point.name;
                current = &lines[point.name];
            }
            double x = 0;
            switch (m_xAxisMode) {
            case XAxisMode::Step:
                x = double(point.step);
                break;
            case XAxisMode::RelativeTime:
                x = double(point.timeMs - origin) / 1000.0;
                break;
            case XAxisMode::WallTime:
                x = double(point.timeMs);
                break;
            }
            current->append(QPointF(x, point.value));
        }
        const QColor color(runColors[size_t(r) % std::size(runColors)]);
        for (auto &[name, points] : lines) {
            const auto byX = [](const QPointF &a, const QPointF &b) { return a.x() < b.x(); };
            if (!std::is_sorted(points.cbegin(), points.cend(), byX))
                std::stable_sort(points.begin(), points.end(), byX);
            byMetric[name].append(NamedSeries{run.runId, std::move(points), color});
        }
    }

    QString xTitle;
    switch (m_xAxisMode) {
    case XAxisMode::Step:
        xTitle = tr("Step");
        break;
    case XAxisMode::RelativeTime:
        xTitle = tr("Relative time (s)");
        break;
    case XAxisMode::WallTime:
        xTitle = tr("Wall time");
        break;
    }
    const auto format = m_xAxisMode == XAxisMode::WallTime ? MetricChartView::XAxisFormat::DateTime
                                                           : MetricChartView::XAxisFormat::Number;

    bool layoutChanged = false;
    for (auto it = m_charts.begin(); it != m_charts.end();) {
        if (byMetric.count(it.key()) == 0) {
            delete it.value();
            it = m_charts.erase(it);
            layoutChanged = true;
        } else {
            ++it;
        }
    }
    for (auto &[name, series] : byMetric) {
        MetricChartView *chart = m_charts.value(name);
        if (!chart) {
            chart = new MetricChartView(m_container);
            chart->setObjectName(QStringLiteral("chart:") + name);
            chart->setTitle(name);
            chart->setMinimumSize(MinimumChartWidth / 2, ChartHeight);
            chart->setMaximumHeight(MaximumChartHeight);
            chart->setAutoFillBackground(true);
            QPalette card = chart->palette();
            card.setColor(QPalette::Window, card.color(QPalette::Base));
            chart->setPalette(card);
            chart->setSmoothing(smoothing());
            chart->setLogScale(logScale());
            connect(chart, &MetricChartView::logScaleChanged, this, &MetricChartGrid::updateLogControl);
            m_charts.insert(name, chart);
            layoutChanged = true;
        }
        chart->setXAxisTitle(xTitle);
        chart->setXAxisFormat(format);
        chart->setSeries(series);
    }
    if (layoutChanged)
        relayout();
    updateLogControl();
    updateEmptyState();
}

int MetricChartGrid::columnsForWidth(int width) const
{
    return std::clamp(width / MinimumChartWidth, 1, MaximumColumns);
}

void MetricChartGrid::relayout()
{
    while (QLayoutItem *item = m_grid->takeAt(0))
        delete item;
    m_columns = columnsForWidth(width() - 20);
    const QString filter = m_filter->text().trimmed();
    QList<MetricChartView *> shown;
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        const bool visible = filter.isEmpty() || it.key().contains(filter, Qt::CaseInsensitive);
        it.value()->setVisible(visible);
        if (visible)
            shown.append(it.value());
    }
    // A single chart gets the whole width rather than half of it.
    const int columns = std::max(1, std::min(m_columns, int(shown.size())));
    for (int i = 0; i < shown.size(); ++i)
        m_grid->addWidget(shown.at(i), i / columns, i % columns);
    for (int column = 0; column < MaximumColumns; ++column)
        m_grid->setColumnStretch(column, column < columns ? 1 : 0);
    // Rows grow up to the charts' maximum height; what is left goes to an empty row below.
    const int rows = int(shown.size() + columns - 1) / columns;
    for (int row = 0; row < m_grid->rowCount() || row <= rows; ++row)
        m_grid->setRowStretch(row, row < rows ? 100 : row == rows ? 1 : 0);
}

void MetricChartGrid::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // 20: the grid's margins; a column more or less only when a whole chart fits or no longer does.
    if (columnsForWidth(event->size().width() - 20) != m_columns)
        relayout();
}

void MetricChartGrid::updateLogControl()
{
    QStringList linearOnly;
    for (auto it = m_charts.cbegin(); it != m_charts.cend(); ++it) {
        if (!it.value()->isLogScaleAvailable())
            linearOnly << it.key();
    }
    const bool any = linearOnly.size() < m_charts.size();
    m_logCheck->setEnabled(any);
    if (m_charts.isEmpty())
        m_logCheck->setToolTip(tr("There are no charts yet."));
    else if (!any)
        m_logCheck->setToolTip(tr("A log scale needs values above zero, and every metric here has values of zero or below."));
    else if (!linearOnly.isEmpty())
        m_logCheck->setToolTip(tr("Show the y axes on a logarithmic scale. These charts stay linear because they have "
                                  "values of zero or below: %1").arg(linearOnly.join(QStringLiteral(", "))));
    else
        m_logCheck->setToolTip(tr("Show the y axes on a logarithmic scale"));
}

void MetricChartGrid::updateEmptyState()
{
    if (m_charts.isEmpty()) {
        m_empty->setTitle(isLoading() ? tr("Loading metrics…") : m_emptyTitle);
        m_empty->setHint(isLoading() ? QString() : m_emptyHint);
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_stack->setCurrentWidget(m_scroll);
    }
}

} // namespace Trainyard
