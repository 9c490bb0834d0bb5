#include "BusinessDay.h"

#include <QDateTime>

namespace paydesk {

namespace {

qint64 localStartUtcMs(QDate date, const QTimeZone &zone, int cutoffHour)
{
    QDateTime start(date, QTime(cutoffHour, 0), zone);
    // A cut-off inside a spring-forward gap: Qt moves it forward past the gap, which is the
    // first instant of that local hour that exists.
    return start.toMSecsSinceEpoch();
}

} // namespace

BusinessDayRange businessDayRange(QDate date, const QTimeZone &zone, int cutoffHour)
{
    return {localStartUtcMs(date, zone, cutoffHour), localStartUtcMs(date.addDays(1), zone, cutoffHour)};
}

QDate businessDayOf(qint64 utcMs, const QTimeZone &zone, int cutoffHour)
{
    const QDateTime local = QDateTime::fromMSecsSinceEpoch(utcMs, zone);
    QDate day = local.date();
    if (utcMs < businessDayRange(day, zone, cutoffHour).fromUtcMs)
        day = day.addDays(-1);
    return day;
}

QList<LocalHour> localHours(const BusinessDayRange &range, const QTimeZone &zone)
{
    QList<LocalHour> hours;
    for (qint64 t = range.fromUtcMs; t < range.toUtcMs; t += QuarterHourMs) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, zone);
        // A new entry at every local top of the hour, and at the start of the range whatever
        // its minute (a cut-off moved forward out of a daylight-saving gap).
        if (hours.isEmpty() || local.time().minute() == 0) {
            if (!hours.isEmpty())
                hours.last().toUtcMs = t;
            hours.append({t, range.toUtcMs, local.time().hour(), local.offsetFromUtc()});
        }
    }
    return hours;
}

} // namespace paydesk
