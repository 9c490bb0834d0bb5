#include "Clock.h"

#include <QDateTime>
#include <QDeadlineTimer>

namespace paydesk {

qint64 SystemClock::nowUtcMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

qint64 SystemClock::monotonicMs() const
{
    // QDeadlineTimer::current() reads the monotonic clock (CLOCK_MONOTONIC / QueryPerformanceCounter).
    return QDeadlineTimer::current().deadline();
}

} // namespace paydesk
