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

} // namespace paydesk
