#include "SalesChart.h"

#include "ChannelStyle.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace paydesk {

namespace {

constexpr std::array ChartChannels{Channel::WxNative, Channel::AlipayQr, Channel::UpiQr};

// The mini-program and app channels are WeChat Pay too: one colour, one stack segment.
Channel chartChannel(Channel channel)
{
    return channel == Channel::WxJsapi || channel == Channel::WxApp ? Channel::WxNative : channel;
}

} // namespace

SalesChart::SalesChart(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("salesChart"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_measure = new QComboBox(this);
    m_measure->setObjectName(QStringLiteral("chartMeasureCombo"));
    m_measure->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_measure);
    layout->addLayout(row);
    m_view = new QChartView(new QChart, this);
    m_view->setObjectName(QStringLiteral("salesChartView"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(220);
    layout->addWidget(m_view, 1);
    connect(m_measure, &QComboBox::currentIndexChanged, this, &SalesChart::rebuild);
    connect(m_measure, &QComboBox::activated, this, [this] { m_chosenMeasure = m_measure->currentData().toString(); });
}

void SalesChart::setReport(const DailyReport &report)
{
    m_report = report;
    QList<Currency> currencies;
    for (const ChannelTotals &totals : report.totals)
        currencies.append(totals.currency);
    const QSignalBlocker block(m_measure);
    m_measure->clear();
    m_measure->addItem(tr("Number of sales"), QString());
    for (Currency currency : AllCurrencies) {
        if (currencies.contains(currency))
            m_measure->addItem(tr("Amount in %1").arg(currencyCode(currency)), currencyCode(currency));
    }
    // Amounts of the main currency by default: what a manager looks for first.
    int index = m_chosenMeasure ? m_measure->findData(*m_chosenMeasure) : -1;
    if (index < 0)
        index = m_measure->count() > 1 ? 1 : 0;
    m_measure->setCurrentIndex(index);
    rebuild();
}

void SalesChart::rebuild()
{
    QChart *chart = m_view->chart();
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes())
        chart->removeAxis(axis);
    const Currency currency = currencyFromCode(m_measure->currentData().toString());

    QStringList hours;
    for (const HourBucket &bucket : m_report.hours)
        hours.append(QStringLiteral("%1").arg(bucket.hour.hour, 2, 10, QLatin1Char('0')));
    auto *series = new QStackedBarSeries;
    qreal highest = 0;
    QList<qreal> stackHeights(hours.size(), 0);
    for (Channel channel : ChartChannels) {
        auto *set = new QBarSet(channelDisplayName(channel));
        set->setColor(channelColor(channel));
        for (qsizetype i = 0; i < m_report.hours.size(); ++i) {
            qreal value = 0;
            for (const HourSales &sales : m_report.hours[i].sales) {
                if (chartChannel(sales.channel) != channel)
                    continue;
                if (currency == Currency::Invalid)
                    value += sales.paidCount;
                else if (sales.currency == currency)
                    value += qreal(sales.grossMinor) / 100.0;
            }
            set->append(value);
            stackHeights[i] += value;
            highest = std::max(highest, stackHeights[i]);
        }
        series->append(set);
    }
    chart->addSeries(series);
    auto *axisX = new QBarCategoryAxis;
    axisX->append(hours);
    axisX->setTitleText(tr("Hour"));
    chart->addAxis(axisX, Qt::AlignBottom);
    series->attachAxis(axisX);
    auto *axisY = new QValueAxis;
    axisY->setRange(0, highest > 0 ? highest * 1.1 : 1);
    axisY->setLabelFormat(currency == Currency::Invalid ? QStringLiteral("%d") : QStringLiteral("%.0f"));
    axisY->setTitleText(currency == Currency::Invalid ? tr("Sales") : currencyCode(currency));
    chart->addAxis(axisY, Qt::AlignLeft);
    series->attachAxis(axisY);
    chart->setTitle(tr("Sales by hour and channel"));
    chart->legend()->setAlignment(Qt::AlignBottom);
}

QList<QList<qreal>> SalesChart::seriesValues() const
{
    QList<QList<qreal>> values;
    const QList<QAbstractSeries *> all = m_view->chart()->series();
    for (QAbstractSeries *abstract : all) {
        auto *bars = qobject_cast<QStackedBarSeries *>(abstract);
        if (!bars)
            continue;
        for (QBarSet *set : bars->barSets()) {
            QList<qreal> row;
            for (int i = 0; i < set->count(); ++i)
                row.append(set->at(i));
            values.append(row);
        }
    }
    return values;
}

void SalesChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        setReport(m_report);
    QWidget::changeEvent(event);
}

} // namespace paydesk
