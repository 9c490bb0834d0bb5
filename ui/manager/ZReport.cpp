#include "ZReport.h"

#include "ChannelStyle.h"
#include "ManagerText.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>

#include <algorithm>
#include <utility>

namespace paydesk {

namespace {

// Writes lines and table rows down the page, starting a new page when the next one does not
// fit. Works in the device's own units, whatever its resolution.
class PageWriter
{
public:
    PageWriter(QPagedPaintDevice &device, QPainter &painter)
        : m_device(device), m_painter(painter), m_width(device.width()), m_height(device.height())
    {
        setFont(10, false);
    }

    qreal mm(qreal millimetres) const { return millimetres * m_device.logicalDpiY() / 25.4; }

    void setFont(qreal points, bool bold)
    {
        QFont font;
        font.setStyleHint(QFont::SansSerif);
        font.setPointSizeF(points);
        font.setBold(bold);
        m_painter.setFont(font);
    }

    qreal lineHeight() const { return QFontMetricsF(m_painter.font(), &m_device).lineSpacing() * 1.15; }

    void line(const QString &text, qreal points = 10, bool bold = false)
    {
        setFont(points, bold);
        const QRectF area(0, 0, m_width, m_height);
        const QRectF needed = m_painter.boundingRect(area, Qt::TextWordWrap, text);
        ensureSpace(needed.height());
        m_painter.drawText(QRectF(0, m_y, m_width, needed.height()), Qt::TextWordWrap, text);
        m_y += needed.height() + lineHeight() * 0.15;
    }

    // One table row; `stretch` gives each column's share of the width, numbers go right.
    void row(const QStringList &cells, const QList<int> &stretch, bool bold = false, bool rule = false)
    {
        setFont(9.5, bold);
        const qreal height = lineHeight();
        ensureSpace(height);
        int total = 0;
        for (int share : stretch)
            total += share;
        qreal x = 0;
        for (qsizetype i = 0; i < cells.size() && i < stretch.size(); ++i) {
            const qreal width = m_width * stretch[i] / total;
            const Qt::Alignment align = i == 0 ? Qt::AlignLeft : Qt::AlignRight;
            m_painter.drawText(QRectF(x + mm(1), m_y, width - mm(2), height), align | Qt::AlignVCenter, cells[i]);
            x += width;
        }
        m_y += height;
        if (rule) {
            m_painter.drawLine(QPointF(0, m_y), QPointF(m_width, m_y));
            m_y += mm(0.8);
        }
    }

    void gap(qreal millimetres) { m_y += mm(millimetres); }
    void keepTogether(qreal height) { ensureSpace(height); }

private:
    void ensureSpace(qreal height)
    {
        if (m_y + height <= m_height || m_y == 0)
            return;
        m_device.newPage();
        m_y = 0;
    }

    QPagedPaintDevice &m_device;
    QPainter &m_painter;
    qreal m_width;
    qreal m_height;
    qreal m_y = 0;
};

// The report's words have one translation context, "ZReport".
class ZReport
{
    Q_DECLARE_TR_FUNCTIONS(ZReport)

public:
    static void paint(PageWriter &page, const DailyReport &report, const ZReportInfo &info);

private:
    static void header(PageWriter &page, const DailyReport &report, const ZReportInfo &info);
    static void totals(PageWriter &page, const DailyReport &report);
    static void sources(PageWriter &page, const DailyReport &report);
    static void cashiers(PageWriter &page, const DailyReport &report);
    static void places(PageWriter &page, const DailyReport &report);
    static void totalsHeader(PageWriter &page, const QString &firstColumn);
    static void states(PageWriter &page, const DailyReport &report);
    static void alerts(PageWriter &page, const DailyReport &report);
    static void hours(PageWriter &page, const DailyReport &report);
};

// The seven columns of every totals table: what, currency, paid, gross, refunds, refunded, net.
const QList<int> TotalsStretch{4, 2, 2, 3, 2, 3, 3};

QStringList totalsCells(const QString &label, Currency currency, int paidCount, qint64 grossMinor, int refundCount,
                        qint64 refundsMinor)
{
    return {label,
            currencyCode(currency),
            QString::number(paidCount),
            amountWithCode(grossMinor, currency),
            QString::number(refundCount),
            amountWithCode(refundsMinor, currency),
            amountWithCode(grossMinor - refundsMinor, currency)};
}

QString dayText(const DailyReport &report)
{
    return QLocale().toString(report.day.date, QLocale::LongFormat);
}

void ZReport::paint(PageWriter &page, const DailyReport &report, const ZReportInfo &info)
{
    header(page, report, info);
    totals(page, report);
    sources(page, report);
    cashiers(page, report);
    places(page, report);
    states(page, report);
    alerts(page, report);
    hours(page, report);
}

void ZReport::header(PageWriter &page, const DailyReport &report, const ZReportInfo &info)
{
    page.line(tr("End-of-day report (Z)"), 18, true);
    if (!info.merchantName.isEmpty())
        page.line(info.merchantName, 13, true);
    page.line(tr("Business day %1 (%2)").arg(report.day.date.toString(Qt::ISODate), dayText(report)), 11, true);
    const QTimeZone &zone = report.day.zone;
    page.line(tr("From %1 to %2, time zone %3, day starts at %4:00")
                  .arg(localDateTimeText(report.range.fromUtcMs, zone), localDateTimeText(report.range.toUtcMs, zone),
                       QString::fromLatin1(zone.id()), QString::number(report.day.cutoffHour).rightJustified(2, u'0')));
    QStringList printed;
    if (!report.scope.storeId.isEmpty())
        printed.append(tr("Store %1").arg(report.scope.storeId));
    if (!info.terminalId.isEmpty())
        printed.append(tr("Terminal %1").arg(info.terminalId));
    if (info.printedAtUtcMs > 0)
        printed.append(tr("Printed %1").arg(localDateTimeText(info.printedAtUtcMs, zone)));
    if (!printed.isEmpty())
        page.line(printed.join(QStringLiteral(" · ")), 9);
    page.line(tr("Orders created in the day: %1").arg(report.orderCount));
    page.gap(3);
}

void ZReport::totals(PageWriter &page, const DailyReport &report)
{
    page.line(tr("Totals per channel and currency"), 12, true);
    totalsHeader(page, tr("Channel"));
    // Sums per currency only: adding dollars to yuan means nothing.
    QMap<Currency, ChannelTotals> perCurrency;
    for (const ChannelTotals &t : report.totals) {
        page.row(totalsCells(channelTotalsName(t.channel), t.currency, t.paidCount, t.grossMinor, t.refundCount,
                             t.refundsMinor),
                 TotalsStretch);
        ChannelTotals &sum = perCurrency[t.currency];
        sum.currency = t.currency;
        sum.paidCount += t.paidCount;
        sum.grossMinor += t.grossMinor;
        sum.refundCount += t.refundCount;
        sum.refundsMinor += t.refundsMinor;
    }
    if (report.totals.isEmpty())
        page.line(tr("No payments in this business day."));
    for (const ChannelTotals &sum : std::as_const(perCurrency)) {
        page.row(
            totalsCells(tr("Total"), sum.currency, sum.paidCount, sum.grossMinor, sum.refundCount, sum.refundsMinor),
            TotalsStretch, true);
    }
    page.line(tr("Refunds count on the day the money went back, whatever day the sale was."), 8);
    page.gap(3);
}

// Where the money came from: the counter, the mini program, the app. Left out on a day with
// counter sales only, where it would repeat the totals above.
void ZReport::sources(PageWriter &page, const DailyReport &report)
{
    const bool counterOnly = std::all_of(report.sources.cbegin(), report.sources.cend(),
                                         [](const SourceTotals &t) { return t.source == OrderSource::Counter; });
    if (counterOnly)
        return;
    page.line(tr("Totals per source and currency"), 12, true);
    totalsHeader(page, tr("Source"));
    for (const SourceTotals &t : report.sources) {
        page.row(totalsCells(orderSourceText(t.source), t.currency, t.paidCount, t.grossMinor, t.refundCount,
                             t.refundsMinor),
                 TotalsStretch);
    }
    page.gap(3);
}

// Who sold what: each cashier's sales, and the refunds of their sales. Left out when no sale
// recorded a cashier.
void ZReport::cashiers(PageWriter &page, const DailyReport &report)
{
    const bool anyCashier = std::any_of(report.cashiers.cbegin(), report.cashiers.cend(),
                                        [](const CashierTotals &t) { return !t.cashier.isEmpty(); });
    if (!anyCashier)
        return;
    page.line(tr("Totals per cashier and currency"), 12, true);
    totalsHeader(page, tr("Cashier"));
    for (const CashierTotals &t : report.cashiers) {
        page.row(totalsCells(cashierTotalsName(t.cashier), t.currency, t.paidCount, t.grossMinor, t.refundCount,
                             t.refundsMinor),
                 TotalsStretch);
    }
    page.line(tr("A refund counts against the cashier who made the sale."), 8);
    page.gap(3);
}

// A store's or a chain's day: each store's terminals and the store's total.
void ZReport::places(PageWriter &page, const DailyReport &report)
{
    const bool single = report.terminals.size() <= 1
        && std::all_of(report.terminals.cbegin(), report.terminals.cend(),
                       [](const PlaceTotals &t) { return t.storeId.isEmpty(); });
    if (single)
        return;
    page.line(tr("Totals per store and terminal"), 12, true);
    totalsHeader(page, tr("Store · terminal"));
    for (const PlaceTotals &store : report.stores) {
        const QString storeName = store.storeId.isEmpty() ? tr("No store") : store.storeId;
        for (const PlaceTotals &t : report.terminals) {
            if (t.storeId != store.storeId || t.currency != store.currency)
                continue;
            page.row(totalsCells(tr("%1 · terminal %2").arg(storeName, t.terminalId), t.currency, t.paidCount,
                                 t.grossMinor, t.refundCount, t.refundsMinor),
                     TotalsStretch);
        }
        page.row(totalsCells(tr("%1 · whole store").arg(storeName), store.currency, store.paidCount, store.grossMinor,
                             store.refundCount, store.refundsMinor),
                 TotalsStretch);
    }
    page.gap(3);
}

void ZReport::totalsHeader(PageWriter &page, const QString &firstColumn)
{
    page.row({firstColumn, tr("Currency"), tr("Paid"), tr("Gross"), tr("Refunds"), tr("Refunded"), tr("Net")},
             TotalsStretch, true, true);
}

void ZReport::states(PageWriter &page, const DailyReport &report)
{
    page.line(tr("Orders by state"), 12, true);
    const QList<int> stretch{6, 2, 8};
    for (const StateCount &entry : report.states)
        page.row({orderStateText(entry.state), QString::number(entry.count), QString()}, stretch);
    if (report.states.isEmpty())
        page.line(tr("No orders."));
    page.gap(3);
}

void ZReport::alerts(PageWriter &page, const DailyReport &report)
{
    const ReportAlerts &alerts = report.alerts;
    const QTimeZone &zone = report.day.zone;
    page.line(tr("Alerts: %1").arg(alerts.total()), 12, true);
    if (alerts.total() == 0) {
        page.line(tr("Nothing to check before closing the day."));
        page.gap(3);
        return;
    }
    page.line(tr("Late payments (refund or keep): %1").arg(alerts.lateCount), 10, true);
    for (const Order &order : alerts.latePayments) {
        page.line(tr("%1  %2, created %3, paid %4")
                      .arg(order.mchOrderNo, amountWithCode(order.amount.minor, order.amount.currency),
                           localTimeText(order.createdAtMs, zone), localTimeText(order.paidAtMs, zone)),
                  9);
    }
    page.line(tr("Orders not final (check open orders): %1").arg(alerts.openCount), 10, true);
    for (const Order &order : alerts.openOrders) {
        page.line(tr("%1  %2, %3, created %4")
                      .arg(order.mchOrderNo, orderStateText(order.state),
                           amountWithCode(order.amount.minor, order.amount.currency),
                           localTimeText(order.createdAtMs, zone)),
                  9);
    }
    page.line(tr("Refunds not resolved: %1").arg(alerts.unresolvedRefundCount), 10, true);
    for (const Refund &refund : alerts.unresolvedRefunds) {
        page.line(tr("%1  %2, %3, by %4")
                      .arg(refund.mchRefundNo, refundStateText(refund.state),
                           amountWithCode(refund.amount.minor, refund.amount.currency), refund.requestedBy),
                  9);
    }
    page.line(tr("Notifications: %1 for no known order, %2 failed verification")
                  .arg(alerts.unmatchedNotifications)
                  .arg(alerts.rejectedNotifications),
              10, true);
    page.line(tr("Gateway contradictions (see the order's history): %1").arg(alerts.contradictionCount), 10, true);
    for (const OrderNotice &notice : alerts.contradictions)
        page.line(notice.mchOrderNo + u"  " + notice.event.detail, 9);
    page.gap(3);
}

void ZReport::hours(PageWriter &page, const DailyReport &report)
{
    const QList<int> stretch{4, 2, 8};
    page.keepTogether(page.lineHeight() * 6);
    page.line(tr("Sales by hour"), 12, true);
    page.row({tr("Hour"), tr("Paid"), tr("Gross")}, stretch, true, true);
    for (const HourBucket &bucket : report.hours) {
        int count = 0;
        QMap<Currency, qint64> gross;
        for (const HourSales &sales : bucket.sales) {
            count += sales.paidCount;
            gross[sales.currency] += sales.grossMinor;
        }
        QStringList amounts;
        for (auto it = gross.cbegin(); it != gross.cend(); ++it)
            amounts.append(amountWithCode(it.value(), it.key()));
        const int hour = bucket.hour.hour;
        const QString label = QStringLiteral("%1:00–%2:00")
                                  .arg(hour, 2, 10, QLatin1Char('0'))
                                  .arg((hour + 1) % 24, 2, 10, QLatin1Char('0'));
        page.row({label, QString::number(count), amounts.join(QStringLiteral(", "))}, stretch);
    }
}

} // namespace

Result<void> paintZReport(QPagedPaintDevice &device, const DailyReport &report, const ZReportInfo &info)
{
    QPainter painter;
    if (!painter.begin(&device))
        return fail(ErrorCode::InvalidArgument, QStringLiteral("cannot paint on the report's device"));
    PageWriter page(device, painter);
    ZReport::paint(page, report, info);
    painter.end();
    return {};
}

Result<void> writeZReportPdf(const QString &path, const DailyReport &report, const ZReportInfo &info)
{
    QPdfWriter writer(path);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setResolution(300);
    writer.setCreator(QStringLiteral("PayDesk"));
    writer.setTitle(u"Z " + report.day.date.toString(Qt::ISODate));
    if (auto painted = paintZReport(writer, report, info); !painted)
        return fail(ErrorCode::InvalidArgument, u"cannot write " + path);
    return {};
}

QString zReportFileName(const DailyReport &report)
{
    return u"paydesk-z-" + report.day.date.toString(Qt::ISODate) + u".pdf";
}

} // namespace paydesk
