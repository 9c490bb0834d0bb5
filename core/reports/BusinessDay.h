#pragma once

#include <QDate>
#include <QList>
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

// One hour of local wall-clock time within a business day. On the day clocks go back the hour
// 01:00 appears twice (two entries, different utcOffsetSeconds); on the day they go forward
// the missing hour has no entry.
struct LocalHour
{
    qint64 fromUtcMs = 0;
    qint64 toUtcMs = 0;
    int hour = 0; // 0..23, local
    int utcOffsetSeconds = 0; // at fromUtcMs
};

// Every zone in use has offsets in whole quarter hours, so each local hour of `range` is a run
// of whole quarter hours counted from range.fromUtcMs (what the daily report groups by).
inline constexpr qint64 QuarterHourMs = 15 * 60 * 1000;
QList<LocalHour> localHours(const BusinessDayRange &range, const QTimeZone &zone);

} // namespace paydesk
