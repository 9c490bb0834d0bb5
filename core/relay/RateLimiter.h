#pragma once

#include "common/Clock.h"

#include <QHash>
#include <QMutex>
#include <QString>

namespace paydesk {

// A token bucket per key (the client address): `burst` requests at once, refilled at
// `ratePerSecond`. Thread-safe. Bounded: idle, full buckets are dropped when the table is full;
// if it is still full a new key is refused (fails closed under a flood of addresses).
class RateLimiter
{
public:
    struct Options
    {
        double ratePerSecond = 2.0;
        double burst = 20.0;
        qsizetype maxKeys = 10'000;
    };

    RateLimiter(Options options, const Clock &clock) : m_options(options), m_clock(clock) {}

    // Takes one token; false when the bucket is empty. `retryAfterMs` says when one is back.
    bool tryAcquire(const QString &key, qint64 *retryAfterMs = nullptr);

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 updatedMs = 0;
    };

    void refill(Bucket &bucket, qint64 nowMs) const;

    Options m_options;
    const Clock &m_clock;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace paydesk
