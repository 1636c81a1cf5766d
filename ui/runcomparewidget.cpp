#include "runcomparewidget.h"

#include "metricchartgrid.h"
#include "metricsloader.h"

#include <QLabel>
#include <QVBoxLayout>

namespace Trainyard {

RunCompareWidget::RunCompareWidget(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_grid(new MetricChartGrid(this))
{
    m_title->setObjectName(QStringLiteral("compareTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.45);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle->setObjectName(QStringLiteral("compareRuns"));
    m_subtitle->setWordWrap(true);
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_grid->setObjectName(QStringLiteral("chartGrid"));
    m_grid->setEmptyText(tr("Nothing to compare yet"),
                         tr("Select two or more runs that logged scalar metrics, then choose Compare."));

    auto *header = new QWidget(this);
    header->setAutoFillBackground(true);
    QPalette headerPalette = header->palette();
    headerPalette.setColor(QPalette::Window, headerPalette.color(QPalette::Base));
    header->setPalette(headerPalette);
    auto *headerLayout = new QVBoxLayout(header);
    headerLayout->setContentsMargins(16, 12, 16, 12);
    headerLayout->setSpacing(4);
    headerLayout->addWidget(m_title);
    headerLayout->addWidget(m_subtitle);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    layout->addWidget(m_grid, 1);

    createMetricsLoader();
    updateTitle();
}

RunCompareWidget::~RunCompareWidget() = default;

void RunCompareWidget::createMetricsLoader()
{
    delete m_metrics;
    m_metrics = new MetricsLoader(m_workspace, this);
    connect(m_metrics, &MetricsLoader::metricsChanged, this, [this] {
        m_grid->setRuns(m_metrics->metrics());
        m_grid->setLoading(!m_metrics->hasLoaded() && !m_runIds.isEmpty());
    });
    connect(m_metrics, &MetricsLoader::busyChanged, this,
            [this](bool busy) { m_grid->setLoading(busy || (!m_metrics->hasLoaded() && !m_runIds.isEmpty())); });
    connect(m_metrics, &MetricsLoader::failed, this, &RunCompareWidget::statusMessage);
}

void RunCompareWidget::setWorkspace(Workspace *workspace)
{
    if (workspace == m_workspace)
        return;
    m_workspace = workspace;
    createMetricsLoader();
    setRuns(workspace ? m_runIds : QStringList());
}

void RunCompareWidget::setRuns(const QStringList &runIds)
{
    m_runIds = runIds;
    m_metrics->setRunIds(runIds);
    m_grid->setLoading(!runIds.isEmpty());
    updateTitle();
    refresh();
}

void RunCompareWidget::refresh()
{
    m_metrics->refresh();
}

void RunCompareWidget::updateTitle()
{
    m_title->setText(tr("Compare %n run(s)", nullptr, int(m_runIds.size())));
    m_subtitle->setText(m_runIds.isEmpty() ? tr("No runs selected") : m_runIds.join(QStringLiteral(", ")));
}

} // namespace Trainyard
