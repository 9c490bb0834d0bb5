#pragma once

#include "reports/DailyReport.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QTableWidget;

namespace paydesk {

class SalesChart;

// The business day at a glance: totals per channel and currency, per source (counter, mini
// program, app) and currency, and per cashier and currency (count, gross, refunds, net), what needs checking before
// closing the day, and the sales chart.
class DaySummaryView : public QWidget
{
    Q_OBJECT

public:
    explicit DaySummaryView(QWidget *parent = nullptr);

    void setReport(const DailyReport &report);
    const DailyReport &report() const { return m_report; }
    SalesChart *chart() const { return m_chart; }
    QTableWidget *cashierTotals() const { return m_cashiers; }
    QTableWidget *placeTotals() const { return m_places; }
    QStringList alertLines() const;

Q_SIGNALS:
    // An alert about one order was activated: show that order.
    void orderActivated(const QString &mchOrderNo);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillTotals();
    void fillAlerts();
    void retranslate();
    static QStringList totalsHeader(const QString &firstColumn); // the seven column titles

    DailyReport m_report;
    QLabel *m_headline = nullptr;
    QLabel *m_totalsTitle = nullptr;
    QLabel *m_alertsTitle = nullptr;
    QTableWidget *m_totals = nullptr;
    QLabel *m_sourcesTitle = nullptr;
    QTableWidget *m_sources = nullptr;
    QLabel *m_cashiersTitle = nullptr;
    QTableWidget *m_cashiers = nullptr;
    QLabel *m_placesTitle = nullptr;
    QTableWidget *m_places = nullptr; // per terminal, then its store (a store's or chain's database)
    QListWidget *m_alerts = nullptr;
    SalesChart *m_chart = nullptr;
};

} // namespace paydesk
