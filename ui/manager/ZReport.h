#pragma once

#include "common/Error.h"
#include "reports/DailyReport.h"

#include <QString>

class QPagedPaintDevice;

namespace paydesk {

// What the report says about where and when it was made, besides the day itself.
struct ZReportInfo
{
    QString merchantName;
    QString terminalId;
    qint64 printedAtUtcMs = 0;
};

// The end-of-day (Z) report painted on any paged device: QPdfWriter for a PDF, QPrinter for a
// printer. Merchant, business day and time zone, totals per channel and currency, orders by
// state, alerts, sales by hour; new pages as needed. Needs a QGuiApplication (fonts).
// InvalidArgument when painting cannot start on the device.
Result<void> paintZReport(QPagedPaintDevice &device, const DailyReport &report, const ZReportInfo &info);

// A4 PDF with the same content, written to `path`.
Result<void> writeZReportPdf(const QString &path, const DailyReport &report, const ZReportInfo &info);

// "paydesk-z-2026-11-21.pdf"
QString zReportFileName(const DailyReport &report);

} // namespace paydesk
