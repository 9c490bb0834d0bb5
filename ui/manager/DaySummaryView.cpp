#include "DaySummaryView.h"

#include "ChannelStyle.h"
#include "ManagerText.h"
#include "SalesChart.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace paydesk {

namespace {

constexpr int OrderNumberRole = Qt::UserRole + 1;

QTableWidgetItem *cell(const QString &text, bool number, bool bold = false)
{
    auto *item = new QTableWidgetItem(text);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    if (bold) {
        QFont font = item->font();
        font.setBold(true);
        item->setFont(font);
    }
    return item;
}

QTableWidget *totalsTable(const QString &objectName, QWidget *parent)
{
    auto *table = new QTableWidget(0, 7, parent);
    table->setObjectName(objectName);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

// One row of either table: what it is, then count, gross, refunds and net in its currency.
void setTotalsRow(QTableWidget *table, int row, const QString &label, Currency currency, int paidCount,
                  qint64 grossMinor, int refundCount, qint64 refundsMinor)
{
    table->setItem(row, 0, cell(label, false));
    table->setItem(row, 1, cell(currencyCode(currency), false));
    table->setItem(row, 2, cell(QLocale().toString(paidCount), true));
    table->setItem(row, 3, cell(moneyText(grossMinor, currency), true));
    table->setItem(row, 4, cell(QLocale().toString(refundCount), true));
    table->setItem(row, 5, cell(moneyText(refundsMinor, currency), true));
    table->setItem(row, 6, cell(moneyText(grossMinor - refundsMinor, currency), true, true));
}

} // namespace

DaySummaryView::DaySummaryView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("daySummary"));
    auto *layout = new QVBoxLayout(this);
    m_headline = new QLabel(this);
    m_headline->setObjectName(QStringLiteral("summaryHeadline"));
    m_headline->setWordWrap(true);
    layout->addWidget(m_headline);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    auto *top = new QWidget(splitter);
    auto *columns = new QHBoxLayout(top);
    columns->setContentsMargins(0, 0, 0, 0);
    auto *left = new QVBoxLayout;
    m_totalsTitle = new QLabel(top);
    left->addWidget(m_totalsTitle);
    m_totals = totalsTable(QStringLiteral("totalsTable"), top);
    left->addWidget(m_totals, 3);
    m_sourcesTitle = new QLabel(top);
    left->addWidget(m_sourcesTitle);
    m_sources = totalsTable(QStringLiteral("sourceTotalsTable"), top);
    left->addWidget(m_sources, 2);
    m_cashiersTitle = new QLabel(top);
    left->addWidget(m_cashiersTitle);
    m_cashiers = totalsTable(QStringLiteral("cashierTotalsTable"), top);
    left->addWidget(m_cashiers, 2);
    m_placesTitle = new QLabel(top);
    left->addWidget(m_placesTitle);
    m_places = totalsTable(QStringLiteral("placeTotalsTable"), top);
    left->addWidget(m_places, 2);
    auto *right = new QVBoxLayout;
    m_alertsTitle = new QLabel(top);
    right->addWidget(m_alertsTitle);
    m_alerts = new QListWidget(top);
    m_alerts->setObjectName(QStringLiteral("alertList"));
    m_alerts->setWordWrap(true);
    right->addWidget(m_alerts);
    columns->addLayout(left, 3);
    columns->addLayout(right, 2);
    m_chart = new SalesChart(splitter);
    splitter->addWidget(top);
    splitter->addWidget(m_chart);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    layout->addWidget(splitter, 1);

    connect(m_alerts, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        const QString number = item->data(OrderNumberRole).toString();
        if (!number.isEmpty())
            Q_EMIT orderActivated(number);
    });
    retranslate();
}

void DaySummaryView::setReport(const DailyReport &report)
{
    m_report = report;
    m_headline->setText(tr("<b>%1</b> — %n order(s) created in the business day", nullptr, report.orderCount)
                            .arg(QLocale().toString(report.day.date, QLocale::LongFormat)));
    fillTotals();
    fillAlerts();
    m_chart->setReport(report);
}

void DaySummaryView::fillTotals()
{
    m_totals->setRowCount(int(m_report.totals.size()));
    for (qsizetype i = 0; i < m_report.totals.size(); ++i) {
        const ChannelTotals &t = m_report.totals[i];
        setTotalsRow(m_totals, int(i), channelTotalsName(t.channel), t.currency, t.paidCount, t.grossMinor,
                     t.refundCount, t.refundsMinor);
    }
    m_sources->setRowCount(int(m_report.sources.size()));
    for (qsizetype i = 0; i < m_report.sources.size(); ++i) {
        const SourceTotals &t = m_report.sources[i];
        setTotalsRow(m_sources, int(i), orderSourceText(t.source), t.currency, t.paidCount, t.grossMinor, t.refundCount,
                     t.refundsMinor);
    }
    m_cashiers->setRowCount(int(m_report.cashiers.size()));
    for (qsizetype i = 0; i < m_report.cashiers.size(); ++i) {
        const CashierTotals &t = m_report.cashiers[i];
        setTotalsRow(m_cashiers, int(i), cashierTotalsName(t.cashier), t.currency, t.paidCount, t.grossMinor,
                     t.refundCount, t.refundsMinor);
    }
    // Each store's terminals, then the store's total; a single counter (no store, one terminal)
    // has no table.
    const bool single = m_report.terminals.size() <= 1
        && std::all_of(m_report.terminals.cbegin(), m_report.terminals.cend(),
                       [](const PlaceTotals &t) { return t.storeId.isEmpty(); });
    m_places->setVisible(!single);
    m_placesTitle->setVisible(!single);
    m_places->setRowCount(0);
    if (single)
        return;
    const auto addRow = [this](const PlaceTotals &t, const QString &label) {
        const int row = m_places->rowCount();
        m_places->setRowCount(row + 1);
        setTotalsRow(m_places, row, label, t.currency, t.paidCount, t.grossMinor, t.refundCount, t.refundsMinor);
    };
    for (const PlaceTotals &store : m_report.stores) {
        const QString storeName = store.storeId.isEmpty() ? tr("No store") : store.storeId;
        for (const PlaceTotals &terminal : m_report.terminals) {
            if (terminal.storeId == store.storeId && terminal.currency == store.currency)
                addRow(terminal, tr("%1 · terminal %2").arg(storeName, terminal.terminalId));
        }
        addRow(store, tr("%1 · whole store").arg(storeName));
    }
}

void DaySummaryView::fillAlerts()
{
    m_alerts->clear();
    const ReportAlerts &alerts = m_report.alerts;
    const QTimeZone &zone = m_report.day.zone;
    auto add = [this](const QString &text, const QString &orderNumber, const QColor &colour) {
        auto *item = new QListWidgetItem(text, m_alerts);
        item->setData(OrderNumberRole, orderNumber);
        item->setForeground(colour);
    };
    const QColor warning(0xE6, 0x51, 0x00);
    const QColor problem(0xB0, 0x00, 0x20);
    for (const Order &order : alerts.latePayments) {
        add(tr("Late payment %1: %2, paid %3 — refund or keep")
                .arg(order.mchOrderNo, moneyText(order.amount), localTimeText(order.paidAtMs, zone)),
            order.mchOrderNo, warning);
    }
    for (const Order &order : alerts.openOrders) {
        add(tr("Not final %1: %2, %3 — check open orders")
                .arg(order.mchOrderNo, orderStateText(order.state), moneyText(order.amount)),
            order.mchOrderNo, problem);
    }
    for (const Refund &refund : alerts.unresolvedRefunds) {
        add(tr("Refund %1 %2: %3 — ask IOTPay, then resolve it")
                .arg(refund.mchRefundNo, refundStateText(refund.state), moneyText(refund.amount)),
            QString(), problem);
    }
    if (alerts.unmatchedNotifications > 0)
        add(tr("%n notification(s) for no known order", nullptr, alerts.unmatchedNotifications), QString(), problem);
    if (alerts.rejectedNotifications > 0)
        add(tr("%n notification(s) failed verification", nullptr, alerts.rejectedNotifications), QString(), problem);
    for (const OrderNotice &notice : alerts.contradictions) {
        add(tr("Gateway contradicts the order log on %1: %2").arg(notice.mchOrderNo, notice.event.detail),
            notice.mchOrderNo, problem);
    }
    const int listed = int(alerts.latePayments.size() + alerts.openOrders.size() + alerts.unresolvedRefunds.size()
                           + alerts.contradictions.size());
    const int counted = alerts.lateCount + alerts.openCount + alerts.unresolvedRefundCount + alerts.contradictionCount;
    if (counted > listed)
        add(tr("… and %n more (see the Z report counts)", nullptr, counted - listed), QString(), problem);
    if (alerts.total() == 0)
        add(tr("Nothing to check before closing the day."), QString(), QColor(0x1B, 0x5E, 0x20));
    m_alertsTitle->setText(tr("<b>Alerts (%1)</b>").arg(alerts.total()));
}

QStringList DaySummaryView::alertLines() const
{
    QStringList lines;
    for (int i = 0; i < m_alerts->count(); ++i)
        lines.append(m_alerts->item(i)->text());
    return lines;
}

void DaySummaryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

QStringList DaySummaryView::totalsHeader(const QString &firstColumn)
{
    return {firstColumn, tr("Currency"), tr("Paid"), tr("Gross"), tr("Refunds"), tr("Refunded"), tr("Net")};
}

void DaySummaryView::retranslate()
{
    m_totalsTitle->setText(tr("<b>Totals per channel and currency</b>"));
    m_totals->setHorizontalHeaderLabels(totalsHeader(tr("Channel")));
    m_sourcesTitle->setText(tr("<b>Totals per source and currency</b>"));
    m_sources->setHorizontalHeaderLabels(totalsHeader(tr("Source")));
    m_cashiersTitle->setText(tr("<b>Totals per cashier and currency</b>"));
    m_cashiers->setHorizontalHeaderLabels(totalsHeader(tr("Cashier")));
    m_placesTitle->setText(tr("<b>Totals per store and terminal</b>"));
    m_places->setHorizontalHeaderLabels(totalsHeader(tr("Store · terminal")));
    if (m_report.day.date.isValid())
        setReport(m_report);
    else
        m_alertsTitle->setText(tr("<b>Alerts</b>"));
}

} // namespace paydesk
