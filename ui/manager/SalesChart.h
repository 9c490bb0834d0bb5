#pragma once

#include "reports/DailyReport.h"

#include <QWidget>

#include <optional>

class QChartView;
class QComboBox;

namespace paydesk {

// Paid sales by local hour, one stacked bar segment per channel (Qt Charts). Amounts of
// different currencies cannot be stacked, so the chart shows either the number of sales or the
// amounts of one currency, chosen in a combo box.
class SalesChart : public QWidget
{
    Q_OBJECT

public:
    explicit SalesChart(QWidget *parent = nullptr);

    void setReport(const DailyReport &report);
    QChartView *chartView() const { return m_view; }
    // What is drawn: per channel, the value of each hour's bar (tests and accessibility).
    QList<QList<qreal>> seriesValues() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    DailyReport m_report;
    std::optional<QString> m_chosenMeasure; // what the manager picked; amounts until then
    QComboBox *m_measure = nullptr;
    QChartView *m_view = nullptr;
};

} // namespace paydesk
