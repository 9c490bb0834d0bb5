#pragma once

#include <QDate>
#include <QTimeZone>

namespace paydesk {

// A business day runs from `cutoffHour` local time on `date` to `cutoffHour` on the next day
// (a shop open past midnight keeps its late sales in the day they belong to). Half-open
// [fromUtcMs, toUtcMs); on daylight-saving days it is 23 or 25 hours long.
struct BusinessDayRange
{
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
};

BusinessDayRange businessDayRange(QDate date, const QTimeZone &zone, int cutoffHour);

// The business day an instant belongs to.
QDate businessDayOf(qint64 utcMs, const QTimeZone &zone, int cutoffHour);

} // namespace paydesk
